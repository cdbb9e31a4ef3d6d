"""Bad input becomes a recorded skip with a reason; the run goes on and nothing is lost."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = (
    "Russian warplanes struck Islamic State positions near Deir ez-Zor on Tuesday, "
    "killing at least 12 fighters, the Russian Defence Ministry said.\n"
)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("bad")
    inputs = root / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "good.meta.json").write_text('{"source": "Test Wire", "published": "2025-03-12"}')
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "huge.txt").write_text("word " * 4000, encoding="utf-8")
    (inputs / "undecodable.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50 + b"\x81\x8d\x8f" * 50)
    (inputs / "broken.html").write_text(
        "<html><body><div><p>unclosed <b>tags <script>x", encoding="utf-8"
    )
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD, "published": "2025-03-12"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "only a title"}),
    ]
    (inputs / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (inputs / "notes.docx").write_bytes(b"PK\x03\x04 not supported")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventscope",
            "--set",
            "ingest.max_bytes=10000",
            "run",
            str(inputs),
            "--db",
            str(root / "es.db"),
            "--out",
            str(root / "out"),
        ],
        capture_output=True,
        cwd=root,
        timeout=900,
    )
    return root, result


def test_run_finishes_with_exit_code_1_and_writes_outputs(bad_run: tuple) -> None:
    root, result = bad_run
    assert result.returncode == 1, result.stderr.decode()[-2000:]
    assert "Traceback" not in result.stderr.decode()
    assert (root / "out" / "events.json").exists()


@pytest.mark.parametrize(
    ("input_name", "reason"),
    [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("huge.txt", "too-large"),
        ("feed.jsonl#L2", "malformed-json"),
        ("no-text", "missing-text"),
        ("notes.docx", "unsupported-format"),
    ],
)
def test_each_bad_input_is_a_recorded_skip(bad_run: tuple, input_name: str, reason: str) -> None:
    root, result = bad_run
    with sqlite3.connect(root / "es.db") as con:
        rows = con.execute("SELECT input_id, reason FROM skips").fetchall()
    assert any(i.endswith(input_name) and r == reason for i, r in rows), rows
    assert f"skipped: {reason}" in result.stderr.decode()


def test_undecodable_and_malformed_html_never_crash(bad_run: tuple) -> None:
    root, _ = bad_run
    with sqlite3.connect(root / "es.db") as con:
        docs = {r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT input_id FROM documents")}
        skips = {
            r[0].rsplit("/", 1)[-1]: r[1] for r in con.execute("SELECT input_id, reason FROM skips")
        }
        status = dict(
            con.execute(
                "SELECT d.input_id, s.status FROM documents d JOIN stage_status s USING (doc_id)"
            )
        )
    # Each is either processed or skipped with a reason: accounted for, never lost.
    for name in ("undecodable.txt", "broken.html"):
        assert name in skips or any(k.endswith(name) for k in status), (name, docs, skips)


def test_good_documents_still_produce_events(bad_run: tuple) -> None:
    root, _ = bad_run
    events = json.loads((root / "out" / "events.json").read_text(encoding="utf-8"))
    assert any(e["sub_event_type"] == "Air/drone strike" for e in events)
    # The same article arrived twice (txt and JSONL): one document, one event.
    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0]["article_count"] == 1
    with sqlite3.connect(root / "es.db") as con:
        delivered = con.execute(
            "SELECT COUNT(*) FROM document_inputs WHERE input_id LIKE '%good.txt'"
            " OR input_id = 'ok-1'"
        ).fetchone()[0]
        docs = con.execute(
            "SELECT COUNT(DISTINCT doc_id) FROM document_inputs WHERE input_id"
            " LIKE '%good.txt' OR input_id = 'ok-1'"
        ).fetchone()[0]
    assert (delivered, docs) == (2, 1)


def test_hostile_markup_in_article_text_is_escaped_in_every_output(tmp_path: Path) -> None:
    hostile = (
        'Russian jets struck <script>alert("x")</script> positions near Deir ez-Zor on '
        "March 11, killing 12 people, <img src=x onerror=alert(1)> officials said.\n"
    )
    story = tmp_path / "hostile.txt"
    story.write_text(hostile, encoding="utf-8")
    story.with_suffix(".meta.json").write_text(
        json.dumps({"source": '=HYPERLINK("http://evil")', "published": "2025-03-12"})
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventscope",
            "run",
            str(story),
            "--db",
            str(tmp_path / "h.db"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "alert" in report  # the text is shown ...
    assert '<script>alert("x")' not in report and "<img src=x" not in report  # ... as text
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert rows and all(r["source"] == '\'=HYPERLINK("http://evil")' for r in rows)
