"""Read-only access to a built gazetteer: exact lookups of normalised names."""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventscope.errors import ConfigError, ModelError
from eventscope.geocode.build import (
    GAZETTEER_VERSION,
    build_fingerprint,
    build_gazetteer,
    default_gazetteer_path,
    read_meta,
)
from eventscope.geocode.normalize import loose_key_from_tokens, strict_tokens

log = logging.getLogger(__name__)

_CACHE_SIZE = 65_536  # lookups kept per process; a news corpus repeats its place names a lot
_PLACE_COLUMNS = (
    "id, gid, name, lat, lon, feature, iso, country, admin1, admin2, population, importance, source"
)
# The same columns of the places table when joined as "p".
_JOINED_COLUMNS = ", ".join("p." + c.strip() for c in _PLACE_COLUMNS.split(","))
_SELECT = f"""
SELECT {_JOINED_COLUMNS},
       n.norm, n.is_primary, n.loose
FROM names n JOIN places p ON p.id = n.place_id WHERE n.norm IN (?, ?)
"""
# GeoNames lists a town without a population count only when it is an administrative seat
# (that is how it got into cities500), so "unknown" means a district town, not a hamlet.
_UNKNOWN_TOWN_POPULATION = 10_000
# Countries and states that news writes as initials: "SA" for South Africa or South
# Australia, "BC", "NSW", "UAE", "DRC"; function words have no initial ("Democratic
# Republic of the Congo"). Regions are left out: "L.A." is not Latin America.
_INITIALLED = "('country', 'admin1')"
_NO_INITIAL = frozenset({"of", "the", "and", "de", "du", "des", "la", "del", "da", "do"})


def initials(name: str) -> str:
    """The upper-case initials of a name of two or more words ("" for one word)."""
    words = [w for w in strict_tokens(name) if w not in _NO_INITIAL and w[0].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry whose name matched a query, and how well it matched."""

    place_id: int
    gid: str
    name: str
    lat: float
    lon: float
    feature: str
    iso: str
    country: str
    admin1: str
    admin2: str
    population: int
    importance: int
    source: str
    primary: bool  # matched one of the entry's own names, not an alternate
    loose: bool  # matched only after the loose transliteration rules

    @property
    def match_rank(self) -> int:
        """0 strict primary, 1 strict alternate, 2 loose primary, 3 loose alternate."""
        return 2 * self.loose + (not self.primary)

    @property
    def prominence(self) -> float:
        """Log-size of the place: population and number of alternate names (fame)."""
        population = self.population
        if not population and self.feature == "city":
            population = _UNKNOWN_TOWN_POPULATION
        return 0.6 * math.log1p(population) + 0.6 * math.log1p(self.importance)


class Gazetteer:
    """A built gazetteer opened read-only. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            self._con.execute("PRAGMA query_only = ON")
            self._con.execute("PRAGMA mmap_size = 268435456")  # page cache shared with the OS
            version = self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.Error as exc:
            raise ModelError(
                "ES-GEO-002",
                f"cannot open gazetteer {self.path}: {exc}",
                "Delete the file; it is rebuilt on the next run.",
            ) from exc
        self.version = int(version[0]) if version else 0
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str], tuple[Candidate, ...]] = OrderedDict()
        self._countries: dict[str, str] | None = None
        self._demonyms: dict[str, str] | None = None
        self._by_iso: dict[str, Candidate] | None = None
        self._initials: dict[str, tuple[Candidate, ...]] | None = None

    def close(self) -> None:
        self._con.close()

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:  # one connection, many threads: sqlite3 needs serialised use
            return self._con.execute(sql, params).fetchall()

    def lookup(self, strict: str, loose: str) -> tuple[Candidate, ...]:
        """All entries indexed under the strict or the loose key, best match per place."""
        key = (strict, loose)
        with self._lock:  # one connection and one cache, many threads
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            rows = self._con.execute(_SELECT, key).fetchall()
            best: dict[int, Candidate] = {}
            for row in rows:
                norm, is_primary, loose_row = row[13], row[14], row[15]
                cand = Candidate(*row[:13], primary=bool(is_primary),
                                 loose=bool(loose_row) or norm != strict)  # fmt: skip
                old = best.get(cand.place_id)
                if old is None or cand.match_rank < old.match_rank:
                    best[cand.place_id] = cand
            found = tuple(best.values())
            self._cache[key] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return found

    def lookup_tokens(self, tokens: list[str]) -> tuple[Candidate, ...]:
        if not tokens:
            return ()
        return self.lookup(" ".join(tokens), loose_key_from_tokens(tokens))

    def candidates(self, name: str, limit: int = 20) -> list[Candidate]:
        """Entries matching ``name``, best match first, then the most prominent."""
        found = self.lookup_tokens(strict_tokens(name))
        ranked = sorted(found, key=lambda c: (c.match_rank, -c.prominence))
        return ranked[:limit]

    def country_names(self) -> dict[str, str]:
        """Strict key -> ISO for every name of every country (for scanning article text)."""
        if self._countries is None:
            rows = self._query(
                "SELECT n.norm, p.iso FROM names n JOIN places p ON p.id = n.place_id "
                "WHERE p.feature = 'country' AND n.loose = 0"
            )
            self._countries = dict(rows)
        return self._countries

    def demonyms(self) -> dict[str, str]:
        """Strict key of a demonym ("syrian") -> ISO."""
        if self._demonyms is None:
            self._demonyms = dict(self._query("SELECT norm, iso FROM demonyms"))
        return self._demonyms

    def country(self, iso: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        if self._by_iso is None:
            rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE feature = 'country'")
            self._by_iso = {r[6]: Candidate(*r, primary=True, loose=False) for r in rows}
        return self._by_iso.get(iso.upper())

    def by_initials(self, letters: str) -> tuple[Candidate, ...]:
        """Countries, states and provinces whose name's initials are ``letters`` ("SA"),
        as loose alternate matches: initials are ambiguous, the story's context decides."""
        if self._initials is None:
            rows = self._query(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE feature IN {_INITIALLED}"
            )
            index: dict[str, list[Candidate]] = defaultdict(list)
            for row in rows:
                key = initials(row[2])
                if key:
                    index[key].append(Candidate(*row, primary=False, loose=True))
            self._initials = {k: tuple(v) for k, v in index.items()}
        return self._initials.get(letters.upper(), ())

    def town_names(self, iso: str) -> list[tuple[str, Candidate]]:
        """(strict key, entry) of every strict name of the country's towns: for readings
        that no key indexes (:mod:`eventscope.geocode.skeleton`); one scan per call."""
        rows = self._query(
            f"SELECT {_JOINED_COLUMNS}, n.norm "
            "FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE p.iso = ? AND p.feature = 'city' AND n.loose = 0",
            (iso.upper(),),
        )
        return [(row[13], Candidate(*row[:13], primary=False, loose=True)) for row in rows]

    def area(self, iso: str, admin1: str) -> Candidate | None:
        """The first-level division of a country with the given (display) name."""
        for cand in self.lookup_tokens(strict_tokens(admin1)):
            if cand.feature == "admin1" and cand.iso == iso and cand.name == admin1:
                return cand
        return None


_OPEN: dict[Path, Gazetteer] = {}
_OPEN_LOCK = threading.Lock()


def _needs_build(target: Path, build_if_missing: bool) -> bool:
    """Whether ``target`` must be (re)built: missing, another layout version, or built
    from other rules or data (fingerprint). A stale fingerprint is only a warning when
    building is not allowed: the file still works, with the old rules."""
    meta = read_meta(target) if target.exists() else {}
    if target.exists() and "version" not in meta:
        # Never build over a file that is not a gazetteer: it may be someone's data.
        raise ConfigError(
            "ES-GEO-004",
            f"{target} exists and is not an eventscope gazetteer; refusing to overwrite it",
            "Point geocode.gazetteer_path or EVENTSCOPE_GAZETTEER at a new or gazetteer file.",
        )
    if meta.get("version") != str(GAZETTEER_VERSION):
        if not build_if_missing:
            raise ModelError(
                "ES-GEO-001",
                f"no gazetteer of version {GAZETTEER_VERSION} at {target}",
                "Build it with eventscope.geocode.build_gazetteer(path), or allow building.",
            )
        log.info("gazetteer %s is missing or of another version; building it (one-off)", target)
        return True
    if meta.get("fingerprint") != build_fingerprint():
        if build_if_missing:
            log.info("gazetteer %s was built from other rules or data; rebuilding it", target)
            return True
        log.warning("gazetteer %s was built from other rules or data; rebuild it", target)
    return False


def open_gazetteer(path: Path | None = None, build_if_missing: bool = True) -> Gazetteer:
    """The process-wide gazetteer at ``path`` (default: :func:`default_gazetteer_path`).

    A missing or outdated file is built first (a one-off of about half a minute, logged)
    when ``build_if_missing``; otherwise :class:`ModelError` is raised."""
    target = (Path(path).expanduser() if path else default_gazetteer_path()).resolve()
    with _OPEN_LOCK:
        cached = _OPEN.get(target)
        if cached is not None:
            return cached
        if _needs_build(target, build_if_missing):
            try:
                build_gazetteer(target)
            except OSError as exc:
                raise ModelError(
                    "ES-GEO-003",
                    f"cannot build the gazetteer at {target}: {exc}",
                    "Point EVENTSCOPE_GAZETTEER or geocode.gazetteer_path at a writable file.",
                ) from exc
        gazetteer = Gazetteer(target)
        _OPEN[target] = gazetteer
        return gazetteer


def forget_gazetteer(path: Path) -> None:
    """Drop this process's shared handle on the gazetteer at ``path``, so that the next
    :func:`open_gazetteer` reads the file afresh (after an import changed it). The handle
    is not closed: a geocoder may still hold it (its lookup cache predates the change)."""
    target = Path(path).expanduser().resolve()
    with _OPEN_LOCK:
        _OPEN.pop(target, None)
