"""The SQLite store: a real file, recorded migrations, idempotent writes, atomic batches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.errors import ConfigError, StoreError
from eventscope.models import RawDocument, Skip
from eventscope.resolve import resolve_events
from eventscope.store import ProcessedDocument, Store
from eventscope.store.codec import mention_from_json, to_json
from eventscope.store.schema import LATEST_VERSION
from factories import article, mention


def raw(doc: str = "d1", text: bytes = b"hello") -> RawDocument:
    return RawDocument(doc_id=doc, input_id=f"{doc}.txt", raw=text, media_type="text")


def test_migrations_are_recorded_once_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "es.db"
    Store(path).close()
    with Store(path) as store:  # reopening applies nothing twice
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations")]
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == list(range(1, LATEST_VERSION + 1))
    assert mode == "wal"


def test_raw_bytes_are_stored_unchanged_and_reingest_is_a_no_op(tmp_path: Path) -> None:
    payload = bytes(range(256))
    with Store(tmp_path / "es.db") as store:
        assert store.add_documents([raw("d1", payload)], run_id=1) == [True]
        dup = RawDocument("d1", "copy.txt", payload, "text")
        assert store.add_documents([dup], run_id=2) == [False]
        assert store.load_raw(["d1"])[0].raw == payload
        inputs = store.conn.execute("SELECT input_id FROM document_inputs ORDER BY 1").fetchall()
        assert inputs == [("copy.txt",), ("d1.txt",)]
        assert store.counts()["documents"] == 1


def test_skips_are_recorded_once_per_input_and_reason(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        skip = Skip("bad.bin", "binary", "NUL bytes")
        assert store.add_skips([skip], 1) == 1
        assert store.add_skips([skip], 2) == 0
        assert list(store.iter_skips()) == [skip]


def test_processed_batch_and_pending(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        store.add_documents([raw("d1"), raw("d2")], 1)
        assert store.pending_doc_ids("extract", "1") == ["d1", "d2"]
        result = ProcessedDocument(
            "d1", {"clean": "1", "extract": "1"}, article("d1"), [mention("d1")]
        )
        store.save_processed([result], 1)
        assert store.pending_doc_ids("extract", "1") == ["d2"]
        assert store.pending_doc_ids("extract", "2") == ["d1", "d2"]  # a new version re-runs
        assert list(store.iter_mentions()) == [mention("d1")]
        # Saving the same document again replaces its mentions instead of adding to them.
        store.save_processed([result], 2)
        assert store.counts()["mentions"] == 1


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        store.add_documents([raw("d1")], 1)
        good = ProcessedDocument("d1", {"extract": "1"}, article("d1"), [mention("d1")])
        bad = ProcessedDocument("missing-doc", {"extract": "1"}, article("missing-doc"))
        with pytest.raises(sqlite3.IntegrityError):  # foreign key: unknown document
            store.save_processed([good, bad], 1)
        assert store.counts()["mentions"] == 0
        assert store.pending_doc_ids("extract", "1") == ["d1"]


def test_events_replace_atomically_and_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        store.add_documents([raw("d1"), raw("d2")], 1)
        ms = [mention("d1", fatalities_best=3), mention("d2", fatalities_best=5)]
        for m in ms:
            store.save_processed(
                [ProcessedDocument(m.doc_id, {"x": "1"}, article(m.doc_id), [m])], 1
            )
        events = resolve_events(store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()})
        store.replace_events(events)
        assert list(store.iter_events()) == events
        assert set(store.event_assignments()) == {m.mention_id for m in ms}


def test_non_sqlite_url_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Store.open("mysql://localhost/x")
    assert Store.open(f"sqlite:///{tmp_path}/u.db").path == tmp_path / "u.db"


def test_unopenable_store_is_a_store_error(tmp_path: Path) -> None:
    not_db = tmp_path / "not.db"
    not_db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(not_db)


_text = st.text(max_size=40)


@settings(max_examples=50, deadline=None)
@given(_text, st.integers(0, 10_000) | st.none(), st.lists(_text, max_size=3))
def test_mention_json_round_trip(sentence: str, deaths: int | None, weapons: list[str]) -> None:
    m = mention("d1", sentence=sentence, fatalities_best=deaths, weapons=tuple(weapons))
    assert mention_from_json(to_json(m)) == m


def test_edited_input_supersedes_its_old_document_and_a_revert_restores_it(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        v1 = RawDocument("v1", "story.txt", b"seven killed", "text")
        v2 = RawDocument("v2", "story.txt", b"nine killed", "text")
        copy = RawDocument("v1", "mirror.txt", b"seven killed", "text", source="Mirror")
        store.add_documents([v1, copy], 1)
        store.add_documents([v2], 2)
        for doc in ("v1", "v2"):
            store.save_processed([ProcessedDocument(doc, {"x": "1"}, article(doc))], 2)
        # v1 is still delivered by mirror.txt, so both stay current.
        assert {a.doc_id for a in store.iter_articles()} == {"v1", "v2"}
        store.conn.execute("DELETE FROM document_inputs WHERE input_id='mirror.txt'")
        assert {a.doc_id for a in store.iter_articles()} == {"v2"}
        assert store.load_raw(["v1"])[0].raw == b"seven killed"  # superseded, never deleted
        store.add_documents([v1], 3)  # the edit is reverted
        assert {a.doc_id for a in store.iter_articles()} == {"v1"}
        sources = store.conn.execute("SELECT source FROM document_inputs").fetchall()
        assert sources == [(None,)]


def test_stdin_lines_never_supersede_each_other(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        store.add_documents([RawDocument("a", "<stdin>#L1", b"a", "text")], 1)
        store.add_documents([RawDocument("b", "<stdin>#L1", b"b", "text")], 2)
        assert store.conn.execute("SELECT COUNT(*) FROM document_inputs").fetchone()[0] == 2
