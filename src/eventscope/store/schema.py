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

MIGRATIONS += (
    (
        4,
        "near-columns",
        """
        -- Incremental resolution asks for the mentions of one block (event type, country) whose
        -- date window meets some days and whose place is near a point. These columns let SQL
        -- answer that from an index, without parsing the JSON record of every candidate: the
        -- window as day ordinals (Python's date.toordinal: 0001-01-01 is day 1), its length
        -- in days, and the mention's own place (the record's, not the places table's, which
        -- holds the latest version of a place and is not what linking reads).
        ALTER TABLE mentions ADD COLUMN day_start INTEGER;
        ALTER TABLE mentions ADD COLUMN day_span INTEGER;
        ALTER TABLE mentions ADD COLUMN latitude REAL;
        ALTER TABLE mentions ADD COLUMN longitude REAL;
        ALTER TABLE mentions ADD COLUMN geo_precision INTEGER;
        UPDATE mentions SET
          day_start = CAST(julianday(substr(date_start, 1, 10)) - 1721424.5 AS INTEGER),
          day_span = CAST(julianday(substr(COALESCE(date_end, date_start), 1, 10))
                          - julianday(substr(date_start, 1, 10)) AS INTEGER),
          latitude = json_extract(record, '$.location.latitude'),
          longitude = json_extract(record, '$.location.longitude'),
          geo_precision = json_extract(record, '$.location.geo_precision');
        -- Windows of one length starting in a day range are exactly the windows of that length
        -- meeting the range's end days, so the index leads with the length: a probe reads only
        -- rows whose window meets its days. The index covers the whole near-query (no table
        -- row, which carries the JSON, is read); it replaces mentions_block, used only there.
        DROP INDEX mentions_block;
        CREATE INDEX mentions_near ON mentions(
          event_type, iso, day_span, day_start, latitude, longitude, geo_precision, doc_id);
        -- A document's mentions by report key (document, event type), with their places:
        -- answers whatever mentions_doc did (its leading column), and the near-query's look
        -- at a report's placed sentences without reading table rows.
        DROP INDEX mentions_doc;
        CREATE INDEX mentions_report ON mentions(
          doc_id, event_type, iso, latitude, longitude, geo_precision);
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
