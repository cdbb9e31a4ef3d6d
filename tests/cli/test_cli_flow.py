"""The step-by-step workflow of SPEC.md: ingest (stdin JSONL), process, export, events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from factories import es

ARTICLES = [
    {
        "id": "a-1",
        "source": "Wire A",
        "published": "2025-03-12",
        "text": "Russian warplanes struck Islamic State positions near Deir ez-Zor on Tuesday, "
        "killing at least 12 fighters, the Russian Defence Ministry said.",
    },
    {
        "id": "a-2",
        "source": "Wire B",
        "published": "2025-05-20",
        "text": "Thousands of teachers marched peacefully through Nairobi on Monday to demand "
        "higher pay, organisers said.",
    },
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("flow")
    feed = "\n".join(json.dumps(a) for a in ARTICLES).encode()
    ingest = es("ingest", "-", "--db", "flow.db", cwd=root, stdin=feed)
    assert ingest.returncode == 0, ingest.stderr.decode()
    process = es("process", "--db", "flow.db", cwd=root)
    assert process.returncode == 0, process.stderr.decode()
    return root


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("acled-csv", "e.csv"),
        ("json", "e.json"),
        ("geojson", "e.geojson"),
        ("mentions-jsonl", "m.jsonl"),
        ("html", "r.html"),
        ("stories-json", "s.json"),
    ],
)
def test_export_each_format_to_a_file(workdir: Path, fmt: str, name: str) -> None:
    result = es("export", "--format", fmt, "--out", f"x/{name}", "--db", "flow.db", cwd=workdir)
    assert result.returncode == 0, result.stderr.decode()
    assert (workdir / "x" / name).stat().st_size > 0


def test_exported_events_keep_input_ids(workdir: Path) -> None:
    events = json.loads(es("export", "--format", "json", "--db", "flow.db", cwd=workdir).stdout)
    types = {e["sub_event_type"] for e in events}
    assert {"Air/drone strike", "Peaceful protest"} <= types
    input_ids = {c["input_id"] for e in events for c in e["claims"]}
    assert input_ids == {"a-1", "a-2"}
    rows = list(
        csv.DictReader(
            es("export", "--format", "acled-csv", "--db", "flow.db", cwd=workdir)
            .stdout.decode()
            .splitlines()
        )
    )
    assert len(rows) == len(events)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {"Air/drone strike", "Peaceful protest"}),
        (["--country", "SY"], {"Air/drone strike"}),
        (["--country", "ke"], {"Peaceful protest"}),
        (["--since", "2025-05-01"], {"Peaceful protest"}),
        (["--until", "2025-04-01"], {"Air/drone strike"}),
        (["--type", "Protests"], {"Peaceful protest"}),
    ],
)
def test_events_filters(workdir: Path, args: list[str], expected: set[str]) -> None:
    result = es("events", "--db", "flow.db", "--json", *args, cwd=workdir)
    assert result.returncode == 0, result.stderr.decode()
    found = {json.loads(line)["sub_event_type"] for line in result.stdout.decode().splitlines()}
    assert found == expected


def test_events_table_is_printed(workdir: Path) -> None:
    result = es("events", "--db", "flow.db", cwd=workdir)
    assert result.returncode == 0 and "Deir" in result.stdout.decode()


def test_geocode_command_prints_json_lines(workdir: Path) -> None:
    result = es("geocode", "Deir Ezzor", "Qwertzuiop Nowhere", cwd=workdir)
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert rows[0]["iso"] == "SY" and rows[0]["geo_precision"] == 1
    assert "unresolved" in rows[1]
    assert result.returncode == 1  # one query unresolved


def test_the_export_command_offers_every_exporter_format() -> None:
    from eventscope.cli.export_cmd import FORMATS as CLI_FORMATS
    from eventscope.export import FORMATS

    assert set(CLI_FORMATS) == set(FORMATS)
