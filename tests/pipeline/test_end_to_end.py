"""The whole pipeline with real parts: a real SQLite file, the real spaCy model, the real
gazetteer, and the CLI as a user runs it."""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventscope.config import load_config
from eventscope.demo import demo_corpus_path
from eventscope.demo.synthetic import write_corpus
from eventscope.pipeline import run_all
from eventscope.store import Store
from factories import es

OUTPUTS = (
    "events.csv",
    "events.json",
    "events.geojson",
    "mentions.jsonl",
    "report.html",
    "stories.json",
)
DEIR_EZ_ZOR = (35.336, 40.141)


def km(lat: float, lon: float, ref: tuple[float, float]) -> float:
    dlat, dlon = math.radians(lat - ref[0]), math.radians(lon - ref[1])
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat)) * math.cos(math.radians(ref[0])) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = es("demo", "--out", str(out), cwd=out.parent)
    return out, result


def test_demo_writes_every_output(demo_run: tuple[Path, subprocess.CompletedProcess]) -> None:
    out, result = demo_run
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    summary = result.stderr.decode()
    for reason in ("binary", "empty", "unsupported-language"):
        assert f"skipped: {reason}" in summary


def _strikes_near_deir(out: Path) -> list[dict]:
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    return [
        e
        for e in events
        if e["sub_event_type"] == "Air/drone strike"
        and e["latitude"] is not None
        and km(e["latitude"], e["longitude"], DEIR_EZ_ZOR) < 30
    ]


def test_demo_three_outlet_strike_is_one_event_with_a_range(
    demo_run: tuple[Path, subprocess.CompletedProcess],
) -> None:
    strikes = [e for e in _strikes_near_deir(demo_run[0]) if e["event_date"] == "2025-03-11"]
    assert len(strikes) == 1, [(e["event_date"], e["sources"]) for e in strikes]
    strike = strikes[0]
    assert strike["source_count"] == 3
    assert strike["fatalities_low"] < strike["fatalities_high"]
    assert any(c["field"] == "fatalities" for c in strike["contradictions"])
    assert {c["input_id"] for c in strike["claims"]} and all(
        c["doc_id"] and c["input_id"] for c in strike["claims"]
    )


def test_demo_strike_a_year_later_is_a_separate_event(
    demo_run: tuple[Path, subprocess.CompletedProcess],
) -> None:
    strikes = _strikes_near_deir(demo_run[0])
    years = {e["event_date"][:4] for e in strikes if e["event_date"]}
    assert {"2025", "2026"} <= years
    later = [e for e in strikes if (e["event_date"] or "").startswith("2026")]
    assert all(e["source_count"] == 1 for e in later)


def test_evidence_spans_point_into_the_cleaned_text(
    demo_run: tuple[Path, subprocess.CompletedProcess],
) -> None:
    out = demo_run[0]
    with Store(out / "demo.db") as store:
        texts = {a.doc_id: a.text for a in store.iter_articles()}
        mentions = list(store.iter_mentions())
    assert mentions
    for m in mentions:
        text = texts[m.doc_id]
        assert text[m.sentence_start : m.sentence_end] == m.sentence
        for ev in m.evidence:
            assert text[ev.start : ev.end] == ev.text, (m.mention_id, ev)


def _snapshot(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    tables = {
        "documents": "SELECT doc_id, input_id, raw FROM documents",
        "articles": "SELECT * FROM articles",
        "mentions": "SELECT * FROM mentions",
        "events": "SELECT * FROM events",
        "event_mentions": "SELECT * FROM event_mentions",
        "skips": "SELECT input_id, stage, reason, detail FROM skips",
        "places": "SELECT * FROM places",
    }
    snap = {name: sorted(con.execute(sql).fetchall()) for name, sql in tables.items()}
    con.close()
    return snap


def test_second_run_changes_nothing_and_new_inputs_are_incremental(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    extra = corpus.parent / "extra.txt"
    extra.write_text(
        corpus.joinpath("2025-04-15_sahel_observer_el_fasher_clashes.txt")
        .read_text(encoding="utf-8")
        .replace("Monday", "Wednesday"),
        "utf-8",
    )
    settings = load_config(environ={})
    db = tmp_path / "es.db"
    with Store(db) as store:
        first, _ = run_all(store, settings, [str(corpus)])
    before = _snapshot(db)
    with Store(db) as store:
        second, _ = run_all(store, settings, [str(corpus)])
    assert _snapshot(db) == before
    assert second.documents_new == 0 and second.processed == 0
    with Store(db) as store:
        third, _ = run_all(store, settings, [str(corpus), str(extra)])
    assert third.documents_new == 1 and third.processed == 1
    assert third.near_duplicates == 1  # the edited copy of an existing article
    assert first.events > 0


def test_kill_mid_run_then_resume_gives_the_same_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 120, words=250)
    env = {**os.environ, "EVENTSCOPE__EXTRACT__BATCH_SIZE": "8"}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    args = [sys.executable, "-m", "eventscope", "run", str(corpus), "--out", str(tmp_path / "o")]
    proc = subprocess.Popen(
        [*args, "--db", str(killed_db)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and _processed(killed_db) < 20:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _processed(killed_db)
    assert 0 < partial < 120, "the kill should land mid-run"
    with sqlite3.connect(killed_db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    resumed = subprocess.run(
        [*args, "--db", str(killed_db)], env=env, cwd=tmp_path, capture_output=True, timeout=900
    )
    assert resumed.returncode == 0, resumed.stderr.decode()[-2000:]
    subprocess.run(
        [*args, "--db", str(clean_db)],
        env=env,
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=900,
    )
    killed, clean = _snapshot(killed_db), _snapshot(clean_db)
    for table in ("documents", "articles", "mentions", "events", "event_mentions"):
        assert killed[table] == clean[table], table


def _processed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(DISTINCT doc_id) FROM stage_status").fetchone()[0]
    except sqlite3.Error:
        return 0
