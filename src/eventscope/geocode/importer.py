"""Import full GeoNames dumps (allCountries, one country's file, alternateNamesV2) into a
built gazetteer: new places are added, places of an earlier import are replaced (upsert by
geonameid), and places the build made are only given the dump's names.

Why built places are not overwritten: their display names, admin names and area points
are choices of the build (``assemble.py``) that the resolver relies on (``Gazetteer.area``
matches a town's admin1 against the display name of the area), so a dump only adds names.

Names go through ``build.record_keys``, the build's own indexing, and alternates through
``sources.keep_alternate``, so an imported place is found exactly as a built one is.
Everything is streamed and written in batches, one transaction each: a failed file keeps
its finished batches, says how far it got, and re-running the import is safe (idempotent).
"""

from __future__ import annotations

import logging
import sqlite3
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from eventscope.errors import ModelError
from eventscope.geocode.build import record_keys
from eventscope.geocode.gazetteer import forget_gazetteer, open_gazetteer
from eventscope.geocode.geonames_files import (
    ALTERNATE_COLUMNS,
    PLACE_COLUMNS,
    AdminNames,
    AlternateName,
    DumpFile,
    PlaceRow,
    feature_for,
    inspect_file,
    numbered_fields,
    open_lines,
    parse_alternate,
    parse_place,
    read_admin_codes,
)
from eventscope.geocode.sources import PlaceRecord, keep_alternate

log = logging.getLogger(__name__)

IMPORT_SOURCE = "geonames-import:"  # + file name: marks the places an import owns
BATCH_SIZE = 5_000  # rows per transaction: big enough to amortise commits, small to lose
_PROGRESS_EVERY = 100_000  # rows between progress lines
_MAX_EXAMPLES = 20  # malformed lines quoted in the report
_NAME_UPSERT = (
    "INSERT INTO names VALUES (?, ?, ?, ?) ON CONFLICT (norm, place_id, loose) "
    "DO UPDATE SET is_primary = excluded.is_primary WHERE excluded.is_primary > is_primary"
)
_READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, sqlite3.Error)
_MALFORMED = frozenset({"not UTF-8", "wrong column count", "bad value"})

Progress = Callable[[str], None]
NameRow = tuple[str, int, int, int]


@dataclass
class ImportStats:
    """What an import did, for the report: counts, skips by reason, examples of bad lines."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    imported: int = 0  # new places
    updated: int = 0  # places of an earlier import, rewritten
    enriched: int = 0  # built places that got the dump's names
    names: int = 0  # name index rows written or upgraded to primary
    skipped: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def skip(self, reason: str, where: str = "", line_no: int = 0, detail: str = "") -> None:
        self.skipped[reason] += 1
        if reason in _MALFORMED and len(self.examples) < _MAX_EXAMPLES:
            self.examples.append(f"{where}:{line_no}: {reason} ({detail})")

    @property
    def malformed(self) -> int:
        """Lines skipped because they were damaged (not for a reason of policy)."""
        return sum(n for reason, n in self.skipped.items() if reason in _MALFORMED)


@dataclass(frozen=True, slots=True)
class _Existing:
    place_id: int
    feature: str
    source: str
    name: str
    admin1: str
    admin2: str

    @property
    def built(self) -> bool:
        return not self.source.startswith(IMPORT_SOURCE)


@dataclass
class _Writes:
    """The rows one batch of the place dump writes."""

    places: list[tuple] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    replaced: list[tuple[int]] = field(default_factory=list)
    pending: list[tuple[int, str, str]] = field(default_factory=list)


def _batches(items: Iterator[tuple[int, list[str]]], size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


class _Importer:
    """One connection to the gazetteer, the admin code names learnt so far, the stats."""

    def __init__(self, con: sqlite3.Connection, progress: Progress, batch_size: int) -> None:
        self.con, self.progress, self.batch_size = con, progress, batch_size
        self.stats = ImportStats()
        self.countries = dict(
            con.execute("SELECT iso, country FROM places WHERE feature = 'country'")
        )
        self.admin = AdminNames()
        self.next_id = (con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
        self.line_no = 0
        # Rows whose admin codes were unknown when written (their area comes later in the
        # dump): on disk, not in memory, filled in when the file is done.
        con.execute(
            "CREATE TEMP TABLE IF NOT EXISTS pending_admin "
            "(place_id INTEGER PRIMARY KEY, a1 TEXT NOT NULL, a2 TEXT NOT NULL)"
        )

    def existing(self, gids: Iterable[str]) -> dict[str, _Existing]:
        found: dict[str, _Existing] = {}
        unique = list(dict.fromkeys(gids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            rows = self.con.execute(
                "SELECT gid, id, feature, source, name, admin1, admin2 FROM places "
                f"WHERE gid IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for gid, *rest in rows:
                found.setdefault(gid, _Existing(*rest))
        return found

    def write_names(self, rows: list[NameRow]) -> None:
        before = self.con.total_changes
        self.con.executemany(_NAME_UPSERT, rows)
        self.stats.names += self.con.total_changes - before

    def load_admin_codes(self, dump: DumpFile) -> None:
        """Admin names from admin1CodesASCII / admin2Codes; a built area of the same
        geonameid gives its display name instead, as the build's towns carry."""
        codes = read_admin_codes(dump)
        built = self.existing(gid for _, gid in codes.values() if gid)
        for code, (name, gid) in codes.items():
            area = built.get(gid)
            self.admin.names[code] = area.name if area and area.built else name
        self.stats.files.append(dump.label)
        self.progress(f"{dump.label}: {len(codes):,} admin codes")

    def import_file(self, dump: DumpFile) -> None:
        self.stats.files.append(dump.label)
        start, self.line_no, self.last_line = self.stats.rows, 0, 0
        try:
            self._stream(dump, start)
            with self.con:
                self._fill_pending_admin()
        except _READ_ERRORS as exc:
            raise ModelError(
                "ES-GEO-008",
                f"import of {dump.label} stopped after line {self.line_no:,}: {exc} "
                f"(kept: {self._summary()})",
                "Fix the cause and run the same import again; it is idempotent, so the "
                "batches already written are simply rewritten.",
            ) from exc
        # rows read counts lines, damaged ones too, up to the file's last line
        self.stats.rows = start + max(self.line_no, self.last_line)
        self.progress(f"{dump.label}: done, {self._summary()}")

    def _stream(self, dump: DumpFile, start: int) -> None:
        handle = self._place_batch if dump.kind == "places" else self._alternate_batch
        columns = (PLACE_COLUMNS,) if dump.kind == "places" else ALTERNATE_COLUMNS
        next_report = start + _PROGRESS_EVERY

        def skip(reason: str, line_no: int, detail: str) -> None:
            self.stats.skip(reason, dump.label, line_no, detail)
            self.last_line = line_no

        with open_lines(dump.path, dump.member) as lines:
            for batch in _batches(numbered_fields(lines, columns, skip), self.batch_size):
                with self.con:  # one transaction per batch
                    handle(dump, batch)
                self.line_no = batch[-1][0]  # everything up to here is written
                self.stats.rows = start + self.line_no
                if self.stats.rows >= next_report:
                    self.progress(f"{dump.label}: {self._summary()}")
                    next_report += _PROGRESS_EVERY

    def _summary(self) -> str:
        s = self.stats
        return (
            f"{s.rows:,} rows read, {s.imported:,} places imported, {s.updated:,} updated, "
            f"{s.enriched:,} built places enriched, {sum(s.skipped.values()):,} rows skipped"
        )

    def _parse_places(
        self, dump: DumpFile, batch: list[tuple[int, list[str]]]
    ) -> list[tuple[PlaceRow, str]]:
        rows: list[tuple[PlaceRow, str]] = []
        for line_no, fields in batch:
            try:
                row = parse_place(fields)
            except ValueError as exc:
                self.stats.skip("bad value", dump.label, line_no, str(exc))
                continue
            feature = feature_for(row.feature_class, row.feature_code)
            if feature is None:
                self.stats.skip(f"feature not kept ({row.feature_class or '-'})")
                continue
            rows.append((row, feature))
        return rows

    def _place_batch(self, dump: DumpFile, batch: list[tuple[int, list[str]]]) -> None:
        rows = self._parse_places(dump, batch)
        found = self.existing(f"geonames:{row.geonameid}" for row, _ in rows)
        out = _Writes()
        for row, feature in rows:
            gid = f"geonames:{row.geonameid}"
            old = found.get(gid)
            self._learn_admin(row, old)
            if old is not None and old.built:
                out.names += self._enrich(row, old)
            elif feature == "country":
                self.stats.skip("country not in gazetteer")  # countries come from the build
            else:
                rec = self._record(row, feature, dump.path.name)
                found[gid] = self._upsert(row, rec, old, out)
        if out.replaced:
            # Only a re-import needs names by place: a first import does not pay for the
            # index (about a third of the name table's size) nor its upkeep.
            self.con.execute("CREATE INDEX IF NOT EXISTS names_place ON names (place_id)")
            self.con.executemany("DELETE FROM names WHERE place_id = ?", out.replaced)
        self.con.executemany("DELETE FROM pending_admin WHERE place_id = ?", out.replaced)
        self.con.executemany(
            f"INSERT OR REPLACE INTO places VALUES ({','.join('?' * 13)})", out.places
        )
        self.con.executemany("INSERT OR REPLACE INTO pending_admin VALUES (?, ?, ?)", out.pending)
        self.write_names(out.names)

    def _upsert(
        self, row: PlaceRow, rec: PlaceRecord, old: _Existing | None, out: _Writes
    ) -> _Existing:
        """Queue a new place, or the replacement of one an earlier import wrote."""
        place_id = old.place_id if old else self._new_id()
        out.places.append(_place_values(place_id, rec))
        out.names += [(k, place_id, p, lo) for (k, lo), p in record_keys(rec).items()]
        if old:
            out.replaced.append((place_id,))
        self.stats.updated += old is not None
        self.stats.imported += old is None
        missing = self.admin.missing(row)
        if missing:
            out.pending.append((place_id, *missing))  # its area comes later in the dump
        return _Existing(place_id, rec.feature, rec.source, rec.name, rec.admin1, rec.admin2)

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _enrich(self, row: PlaceRow, old: _Existing) -> list[NameRow]:
        """The dump's names for a built place, all as alternates: the build chose its
        primary names, and max(is_primary) keeps them."""
        self.stats.enriched += 1
        rec = PlaceRecord(
            gid="", name="", lat=row.lat, lon=row.lon, feature=old.feature, iso=row.iso,
            alt_names=(row.name, row.asciiname, *_alternates(row)),
        )  # fmt: skip
        return [(k, old.place_id, p, lo) for (k, lo), p in record_keys(rec).items()]

    def _learn_admin(self, row: PlaceRow, old: _Existing | None) -> None:
        """Where the build has the area or town, its names are the build's display names,
        which built towns carry and ``Gazetteer.area`` matches."""
        if row.feature_code in ("ADM1", "ADM2"):
            self.admin.learn_area(row, old.name if old and old.built else row.name)
        elif old is not None and old.built:
            self.admin.learn_town(row, old.admin1, old.admin2)

    def _record(self, row: PlaceRow, feature: str, filename: str) -> PlaceRecord:
        a1, a2 = self.admin.of(row)
        return PlaceRecord(
            gid=f"geonames:{row.geonameid}", name=row.name, official=row.asciiname,
            lat=row.lat, lon=row.lon, feature=feature, iso=row.iso,
            country=self.countries.get(row.iso, ""), admin1=a1, admin2=a2,
            population=row.population, importance=len(row.alternates),
            source=f"{IMPORT_SOURCE}{filename}", alt_names=_alternates(row),
        )  # fmt: skip

    def _fill_pending_admin(self) -> None:
        """Admin names for rows written before their areas were seen; codes still unknown
        stay empty (an area the dump and the gazetteer both lack)."""
        cursor = self.con.execute("SELECT place_id, a1, a2 FROM pending_admin")
        while chunk := cursor.fetchmany(self.batch_size):
            updates = [(self.admin.get(a1), self.admin.get(a2), pid) for pid, a1, a2 in chunk]
            self.con.executemany(
                "UPDATE places SET admin1 = coalesce(nullif(?, ''), admin1), "
                "admin2 = coalesce(nullif(?, ''), admin2) WHERE id = ?",
                updates,
            )
        self.con.execute("DELETE FROM pending_admin")

    def _alternate_batch(self, dump: DumpFile, batch: list[tuple[int, list[str]]]) -> None:
        wanted: list[AlternateName] = []
        for line_no, fields in batch:
            parsed = parse_alternate(fields)
            if isinstance(parsed, AlternateName):
                wanted.append(parsed)
            elif parsed == "bad value":
                self.stats.skip(parsed, dump.label, line_no, f"geonameid {fields[1]!r}")
            else:
                self.stats.skip(parsed)
        found = self.existing(alt.gid for alt in wanted)
        names: list[NameRow] = []
        for alt in wanted:
            place = found.get(alt.gid)
            if place is None:
                self.stats.skip("place not in gazetteer")
                continue
            primary = alt.name if alt.preferred else ""
            rec = PlaceRecord(alt.gid, primary, 0.0, 0.0, place.feature, "", alt_names=(alt.name,))
            names += [(k, place.place_id, p, lo) for (k, lo), p in record_keys(rec).items()]
        self.write_names(names)


def _alternates(row: PlaceRow) -> tuple[str, ...]:
    return tuple(a for a in dict.fromkeys(row.alternates) if keep_alternate(a))


def _place_values(place_id: int, rec: PlaceRecord) -> tuple:
    return (place_id, rec.gid, rec.name, rec.lat, rec.lon, rec.feature, rec.iso, rec.country,
            rec.admin1, rec.admin2, rec.population, rec.importance, rec.source)  # fmt: skip


def _connect(target: Path) -> sqlite3.Connection:
    """A writing connection; the index on gid makes the upsert by geonameid a lookup
    instead of a full scan."""
    con = sqlite3.connect(target, timeout=30)
    con.execute("PRAGMA cache_size = -65536")  # 64 MiB: the name index is written at random
    con.execute("CREATE INDEX IF NOT EXISTS places_gid ON places (gid)")
    return con


def import_geonames(
    files: Sequence[Path | str],
    path: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportStats:
    """Import GeoNames dump files into the gazetteer at ``path`` (default: the one
    ``open_gazetteer`` uses, built first when missing) and return what was done.

    Every file is checked before anything is written; admin code files are read first,
    then place dumps, then alternate names (which attach to places already there)."""
    report = progress or log.info
    dumps = [inspect_file(Path(f).expanduser()) for f in files]
    gazetteer = open_gazetteer(path)  # refuses a file that is not a gazetteer (ES-GEO-004)
    target = gazetteer.path
    forget_gazetteer(target)  # this process must not keep answering from the old file
    order = {"admin1": 0, "admin2": 0, "places": 1, "alternates": 2}
    try:
        con = _connect(target)
    except sqlite3.Error as exc:
        raise ModelError(
            "ES-GEO-003",
            f"cannot write to the gazetteer at {target}: {exc}",
            "Check that the file and its directory are writable and that no other "
            "import is running on it.",
        ) from exc
    try:
        importer = _Importer(con, report, batch_size)
        for dump in sorted(dumps, key=lambda d: order[d.kind]):
            if dump.kind in ("admin1", "admin2"):
                importer.load_admin_codes(dump)
            else:
                importer.import_file(dump)
        with con:
            for key, table in (("places", "places"), ("names", "names")):
                count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                con.execute("UPDATE meta SET value = ? WHERE key = ?", (str(count), key))
    finally:
        con.close()
    return importer.stats
