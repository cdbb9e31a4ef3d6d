"""Failures are loud where they are fatal, and never poison the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from factories import es

STORY = (
    "Militants attacked an army post near Gao on March 3, killing {n} soldiers, officials said.\n"
)


def _story(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY.format(n=n), encoding="utf-8")
    path.with_suffix(".meta.json").write_text('{"source": "Desk", "published": "2025-03-04"}')
    return path


def test_missing_model_is_fatal_and_a_later_run_processes_everything(tmp_path: Path) -> None:
    story = _story(tmp_path, 7)
    bad = es(
        "--set",
        "extract.spacy_model=no_such_model",
        "run",
        str(story),
        "--db",
        "s.db",
        cwd=tmp_path,
    )
    assert bad.returncode == 3
    assert "ES-EXTRACT-001" in bad.stderr.decode() and "Traceback" not in bad.stderr.decode()
    good = es("run", str(story), "--db", "s.db", cwd=tmp_path)
    assert good.returncode == 0, good.stderr.decode()[-2000:]
    events = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [e["fatalities"] for e in events] == [7]


def test_verbose_fatal_error_keeps_exit_code_3(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    story = _story(tmp_path, 7)
    result = es(
        "-v",
        "--set",
        "extract.spacy_model=no_such_model",
        "run",
        str(story),
        "--db",
        "s.db",
        cwd=tmp_path,
    )
    assert result.returncode == 3
    assert "Traceback" in result.stderr.decode()  # -v shows it, the code stays fatal


def test_editing_an_input_replaces_its_report(tmp_path: Path) -> None:
    story = _story(tmp_path, 7)
    assert es("run", str(story), "--db", "s.db", cwd=tmp_path).returncode == 0
    _story(tmp_path, 9)
    assert es("run", str(story), "--db", "s.db", cwd=tmp_path).returncode == 0
    events = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [(e["fatalities"], e["article_count"], e["contradictions"]) for e in events] == [
        (9, 1, [])
    ]
    with sqlite3.connect(tmp_path / "s.db") as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2  # nothing lost
        assert con.execute("SELECT COUNT(*) FROM superseded").fetchone()[0] == 1
