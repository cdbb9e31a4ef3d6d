"""write_all: six files, written atomically, byte-identical on re-runs."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

import eventscope.export as export
from eventscope.export import FILENAMES, FORMATS, ExportBundle, write_all, write_format

EXPECTED = {
    "events.csv", "events.json", "events.geojson", "mentions.jsonl", "report.html",
    "stories.json",
}  # fmt: skip


def test_writes_the_six_files(bundle: ExportBundle, tmp_path: Path) -> None:
    paths = write_all(bundle, tmp_path / "out")
    assert set(paths) == set(FORMATS)
    assert {p.name for p in paths.values()} == EXPECTED
    assert {p.name for p in (tmp_path / "out").iterdir()} == EXPECTED  # no temp files left
    for fmt, path in paths.items():
        buf = io.StringIO(newline="")
        write_format(bundle, fmt, buf)
        assert path.read_bytes() == buf.getvalue().encode("utf-8")


def test_failure_leaves_previous_outputs_untouched(
    bundle: ExportBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_all(bundle, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(bundle: ExportBundle, fp: io.TextIOBase) -> None:
        fp.write("half a report")
        raise RuntimeError("renderer crashed")

    monkeypatch.setitem(export._WRITERS, "html", broken)
    changed = dataclasses.replace(bundle, generated_at="2030-01-01T00:00:00+00:00")
    with pytest.raises(RuntimeError):
        write_all(changed, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_deterministic_and_order_independent(bundle: ExportBundle, tmp_path: Path) -> None:
    first = write_all(bundle, tmp_path / "a")
    shuffled = dataclasses.replace(
        bundle,
        events=list(reversed(bundle.events)),
        mentions=list(reversed(bundle.mentions)),
        documents=dict(reversed(list(bundle.documents.items()))),
        skips=list(reversed(bundle.skips)),
    )
    second = write_all(shuffled, tmp_path / "b")
    for fmt in FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), FILENAMES[fmt]
