"""The SQLite store: one file, WAL journal, one writing connection per process.

Stages never touch the store; the pipeline driver hands their results to this class, which
writes each batch in one transaction. A process killed mid-run therefore leaves whole batches or
nothing, and the next run picks up the documents whose stage status is missing.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from eventscope.errors import ConfigError, StoreError
from eventscope.models import Article, Event, Mention, RawDocument, Skip
from eventscope.store.codec import article_from_json, event_from_json, mention_from_json, to_json
from eventscope.store.schema import migrate

log = logging.getLogger(__name__)


# Documents that some input still delivers; superseded ones (edited files) are kept but left out.
_CURRENT = "doc_id IN (SELECT doc_id FROM document_inputs)"


def insert_event(tx: sqlite3.Connection, e: Event) -> None:
    """Write one event and its mention links."""
    tx.execute(
        "INSERT INTO events(event_id, event_date, iso, event_type, record, mention_count)"
        " VALUES (?,?,?,?,?,?)",
        (
            e.event_id,
            e.event_date,
            e.location.iso if e.location else None,
            e.event_type,
            to_json(e),
            len(e.mention_ids),
        ),
    )
    tx.executemany(
        "INSERT INTO event_mentions VALUES (?,?)", [(e.event_id, mid) for mid in e.mention_ids]
    )


def day_window(date_start: str | None, date_end: str | None) -> tuple[int | None, int | None]:
    """(first day ordinal, length in days) of a mention's window, as linking reads it
    (``compat.features``); None for an undated mention or an unreadable date, which the
    incremental near-query then never returns (linking would reject such a date anyway)."""
    if not date_start:
        return None, None
    try:
        start = date.fromisoformat(date_start[:10]).toordinal()
        end = date.fromisoformat((date_end or date_start)[:10]).toordinal()
    except ValueError:
        return None, None
    return start, end - start


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sqlite_path_from_url(db: str) -> Path:
    """Accept a plain path or ``sqlite:///path``; other URL schemes are configuration errors."""
    if db.startswith("sqlite:///"):
        return Path(db[len("sqlite:///") :])
    if "://" in db:
        scheme = db.split("://", 1)[0]
        raise ConfigError(
            "ES-STORE-002",
            f"database scheme '{scheme}' is not supported by this version",
            "Use a SQLite file path or sqlite:///path.",
        )
    return Path(db)


@dataclass(slots=True)
class ProcessedDocument:
    """What the per-document stages produced for one document, written in one go."""

    doc_id: str
    stage_versions: dict[str, str]
    article: Article | None = None
    mentions: list[Mention] = field(default_factory=list)
    skip: Skip | None = None
    near_duplicate_of: str | None = None


class Store:
    """Read and write access to one eventscope database file."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(
                "ES-STORE-003",
                f"no eventscope store at {self.path}",
                "Check --db, or create one with 'eventscope run INPUT --db PATH'.",
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                "ES-STORE-001",
                f"cannot open store {self.path}: {exc}",
                "Check that the path is writable and is an eventscope SQLite file.",
            ) from exc

    @classmethod
    def open(cls, db: str | Path, create: bool = True) -> Store:
        """Open (or, with ``create``, create) the store named by a path or sqlite:/// URL."""
        return cls(sqlite_path_from_url(str(db)), create=create)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE takes the write lock up front (single writer)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- runs -------------------------------------------------------------------------------
    def begin_run(self, command: str) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO runs(started_at, command) VALUES (?, ?)", (_now(), command)
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, summary: dict[str, object]) -> None:
        with self.transaction() as tx:
            tx.execute(
                "UPDATE runs SET finished_at=?, status=?, summary=? WHERE run_id=?",
                (_now(), status, json.dumps(summary, sort_keys=True), run_id),
            )

    # -- ingest -----------------------------------------------------------------------------
    def add_documents(self, docs: Sequence[RawDocument], run_id: int) -> list[bool]:
        """Insert documents; returns, per document, whether it was new to the store."""
        is_new = []
        with self.transaction() as tx:
            for d in docs:
                cur = tx.execute(
                    "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        d.doc_id,
                        d.input_id,
                        d.media_type,
                        d.raw,
                        d.source,
                        d.published,
                        d.url,
                        d.title,
                        d.language,
                        run_id,
                        _now(),
                    ),
                )
                is_new.append(cur.rowcount == 1)
                self._supersede(tx, d, run_id)
                tx.execute(
                    "INSERT OR IGNORE INTO document_inputs VALUES (?,?,?,?)",
                    (d.doc_id, d.input_id, run_id, d.source),
                )
        return is_new

    @staticmethod
    def _supersede(tx: sqlite3.Connection, doc: RawDocument, run_id: int) -> None:
        """The input now delivers ``doc``: unlink whatever it delivered before."""
        if doc.input_id.startswith("<stdin>"):
            return  # stdin line numbers name no lasting input
        old = tx.execute(
            "SELECT doc_id FROM document_inputs WHERE input_id=? AND doc_id!=?",
            (doc.input_id, doc.doc_id),
        ).fetchall()
        for (old_id,) in old:
            tx.execute(
                "INSERT OR REPLACE INTO superseded VALUES (?,?,?,?)",
                (old_id, doc.input_id, doc.doc_id, run_id),
            )
            tx.execute(
                "DELETE FROM document_inputs WHERE doc_id=? AND input_id=?",
                (old_id, doc.input_id),
            )

    def add_skips(self, skips: Iterable[Skip], run_id: int) -> int:
        """Record skips; a skip seen before only updates its last run. Returns the new ones."""
        with self.transaction() as tx:
            return sum(self._record_skip(tx, s, run_id) for s in skips)

    @staticmethod
    def _record_skip(tx: sqlite3.Connection, s: Skip, run_id: int) -> bool:
        """Insert a skip, or mark a known one as seen again in this run; True when new."""
        cur = tx.execute(
            "INSERT OR IGNORE INTO skips(input_id, stage, reason, detail, doc_id,"
            " first_run, last_run) VALUES (?,?,?,?,?,?,?)",
            (s.input_id, s.stage, s.reason, s.detail, s.doc_id, run_id, run_id),
        )
        if cur.rowcount == 0:
            tx.execute(
                "UPDATE skips SET last_run=? WHERE input_id=? AND stage=? AND reason=?",
                (run_id, s.input_id, s.stage, s.reason),
            )
        return cur.rowcount == 1

    # -- per-document stages ----------------------------------------------------------------
    def pending_doc_ids(self, stage: str, version: str) -> list[str]:
        """Documents that have not been through ``stage`` at ``version`` (resume and upgrades)."""
        rows = self.conn.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN stage_status s ON s.doc_id = d.doc_id"
            " AND s.stage = ? AND s.version = ? WHERE s.doc_id IS NULL"
            " AND d.doc_id IN (SELECT doc_id FROM document_inputs) ORDER BY d.doc_id",
            (stage, version),
        )
        return [r[0] for r in rows]

    def load_raw(self, doc_ids: Sequence[str]) -> list[RawDocument]:
        marks = ",".join("?" * len(doc_ids))
        rows = self.conn.execute(
            "SELECT doc_id, input_id, raw, media_type, source, published, url, title, language"
            f" FROM documents WHERE doc_id IN ({marks}) ORDER BY doc_id",
            list(doc_ids),
        )
        return [RawDocument(r[0], r[1], bytes(r[2]), r[3], *r[4:]) for r in rows]

    def fingerprints(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT doc_id, fingerprint FROM articles")
        return {r[0]: int(r[1]) for r in rows}

    def save_processed(self, results: Sequence[ProcessedDocument], run_id: int) -> None:
        """Write one batch: articles, mentions, places, skips and stage status, atomically."""
        with self.transaction() as tx:
            for res in results:
                self._save_one(tx, res, run_id)

    def _save_one(self, tx: sqlite3.Connection, res: ProcessedDocument, run_id: int) -> None:
        tx.execute(
            "DELETE FROM event_mentions WHERE mention_id IN "
            "(SELECT mention_id FROM mentions WHERE doc_id=?)",
            (res.doc_id,),
        )
        tx.execute("DELETE FROM mentions WHERE doc_id=?", (res.doc_id,))
        if res.article is not None:
            a = res.article
            tx.execute(
                "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?)",
                (a.doc_id, a.text, to_json(a), str(a.fingerprint), res.near_duplicate_of),
            )
        for m in res.mentions:
            self._save_mention(tx, m)
        if res.skip is not None:
            self._record_skip(tx, res.skip, run_id)
        status = "skipped" if res.skip else "done"
        detail = res.skip.reason if res.skip else ""
        for stage, version in res.stage_versions.items():
            tx.execute(
                "INSERT OR REPLACE INTO stage_status VALUES (?,?,?,?,?,?)",
                (res.doc_id, stage, version, status, detail, run_id),
            )

    def _save_mention(self, tx: sqlite3.Connection, m: Mention) -> None:
        place_key = None
        if m.location is not None:
            loc = m.location
            place_key = loc.gazetteer_id or f"{loc.name}@{loc.latitude:.4f},{loc.longitude:.4f}"
            tx.execute("INSERT OR REPLACE INTO places VALUES (?,?)", (place_key, to_json(loc)))
        # The index columns hold where linking may read the mention: its headline's place
        # when it has none of its own (resolve/unplaced.py: ``with_headline``)
        loc = m.location or m.headline_place
        tx.execute(
            "INSERT OR REPLACE INTO mentions(mention_id, doc_id, event_type, modality,"
            " date_start, date_end, iso, place_key, record, day_start, day_span, latitude,"
            " longitude, geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                m.mention_id,
                m.doc_id,
                m.event_type,
                m.modality,
                m.date_start,
                m.date_end,
                loc.iso if loc else None,
                place_key,
                to_json(m),
                *day_window(m.date_start, m.date_end),
                loc.latitude if loc else None,
                loc.longitude if loc else None,
                loc.geo_precision if loc else None,
            ),
        )

    # -- cross-document ---------------------------------------------------------------------
    def iter_mentions(self) -> Iterator[Mention]:
        rows = self.conn.execute(
            f"SELECT record FROM mentions WHERE {_CURRENT} ORDER BY mention_id"
        )
        for (record,) in rows:
            yield mention_from_json(record)

    def event_assignments(self) -> dict[str, str]:
        """mention_id -> event_id as last resolved (keeps event ids stable across runs)."""
        return dict(self.conn.execute("SELECT mention_id, event_id FROM event_mentions"))

    def replace_events(self, events: Sequence[Event]) -> None:
        """Swap in a new resolution in one transaction: readers never see a half state."""
        with self.transaction() as tx:
            tx.execute("DELETE FROM event_mentions")
            tx.execute("DELETE FROM events")
            for e in events:
                insert_event(tx, e)

    def iter_events(self) -> Iterator[Event]:
        rows = self.conn.execute(
            "SELECT record FROM events ORDER BY event_date IS NULL, event_date, event_id"
        )
        for (record,) in rows:
            yield event_from_json(record)

    def iter_articles(self) -> Iterator[Article]:
        rows = self.conn.execute(f"SELECT record FROM articles WHERE {_CURRENT} ORDER BY doc_id")
        for (record,) in rows:
            yield article_from_json(record)

    def iter_skips(self) -> Iterator[Skip]:
        rows = self.conn.execute(
            "SELECT input_id, reason, detail, stage, doc_id FROM skips ORDER BY skip_id"
        )
        for r in rows:
            yield Skip(input_id=r[0], reason=r[1], detail=r[2], stage=r[3], doc_id=r[4])

    def counts(self) -> dict[str, int]:
        tables = ("documents", "articles", "mentions", "events", "skips", "runs")
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
