"""Recorded schema migrations for the SQLite store.

Each migration runs once, inside a transaction, and is recorded in ``schema_migrations``; a new
version of eventscope appends migrations and never edits applied ones.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial",
        """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            command TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '{}'
        );
        -- Raw bytes exactly as read: the content hash is the identity, so re-ingest is a no-op.
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            input_id TEXT NOT NULL,
            media_type TEXT NOT NULL,
            raw BLOB NOT NULL,
            source TEXT, published TEXT, url TEXT, title TEXT, language TEXT,
            run_id INTEGER,
            ingested_at TEXT NOT NULL
        );
        -- Every input that delivered a document: exact duplicates add a row here, not a document.
        CREATE TABLE document_inputs (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            input_id TEXT NOT NULL,
            run_id INTEGER,
            PRIMARY KEY (doc_id, input_id)
        );
        CREATE TABLE articles (
            doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id),
            text TEXT NOT NULL,
            record TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            near_duplicate_of TEXT
        );
        CREATE TABLE skips (
            skip_id INTEGER PRIMARY KEY AUTOINCREMENT,
            input_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            doc_id TEXT,
            first_run INTEGER, last_run INTEGER,
            UNIQUE (input_id, stage, reason)
        );
        -- Which stage versions each document has been through: the basis of resume.
        CREATE TABLE stage_status (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            stage TEXT NOT NULL,
            version TEXT NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            run_id INTEGER,
            PRIMARY KEY (doc_id, stage)
        );
        CREATE TABLE places (
            place_key TEXT PRIMARY KEY,
            record TEXT NOT NULL
        );
        CREATE TABLE mentions (
            mention_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            event_type TEXT NOT NULL,
            modality TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            iso TEXT,
            place_key TEXT REFERENCES places(place_key),
            record TEXT NOT NULL
        );
        CREATE INDEX mentions_doc ON mentions(doc_id);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_date TEXT, iso TEXT, event_type TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE TABLE event_mentions (
            event_id TEXT NOT NULL REFERENCES events(event_id),
            mention_id TEXT NOT NULL REFERENCES mentions(mention_id),
            PRIMARY KEY (mention_id)
        );
        CREATE INDEX event_mentions_event ON event_mentions(event_id);
        """,
    ),
)

MIGRATIONS += (
    (
        2,
        "superseded-documents",
        """
        -- An input that now delivers other content (an edited file) supersedes its old
        -- document: the old bytes stay, but no longer count as a current report.
        CREATE TABLE superseded (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            input_id TEXT NOT NULL,
            by_doc_id TEXT NOT NULL,
            run_id INTEGER,
            PRIMARY KEY (doc_id, input_id)
        );
        -- Each input's own outlet name, so exact duplicates from two outlets keep both.
        ALTER TABLE document_inputs ADD COLUMN source TEXT;
        """,
    ),
)

MIGRATIONS += (
    (
        3,
        "incremental-resolution",
        """
        -- Incremental resolution loads the mentions of one block (event type, country) near
        -- some dates; the index answers that without reading the whole table.
        CREATE INDEX mentions_block ON mentions(event_type, iso, date_start, date_end);
        -- Ingest looks up what an input delivered before (supersede): without this index
        -- each new document scanned the whole table, quadratic in the store's size.
        CREATE INDEX document_inputs_input ON document_inputs(input_id);
        -- Replacing a place row checks the mentions that reference it (foreign key): without
        -- an index on place_key that was a scan of all mentions per known place.
        CREATE INDEX mentions_place ON mentions(place_key);
        -- How many mentions each event had when written: re-processing a document deletes its
        -- event_mentions rows, and a shortfall tells the next resolve to start from scratch.
        ALTER TABLE events ADD COLUMN mention_count INTEGER;
        -- Settings the last resolution ran with (the link rules): a change means a full run.
        CREATE TABLE resolve_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1][0]


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations not yet recorded; return the versions applied now."""
    done = applied_versions(conn)
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        # executescript commits implicitly, so wrap the DDL and the record in one explicit txn.
        conn.executescript(
            "BEGIN IMMEDIATE;"
            + sql
            + f"INSERT INTO schema_migrations VALUES ({version}, '{name}', "
            f"'{datetime.now(UTC).isoformat(timespec='seconds')}');COMMIT;"
        )
        applied.append(version)
    return applied
