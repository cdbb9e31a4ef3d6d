"""Read GeoNames dump files line by line: what kind of file it is, and one parsed row at a
time. Nothing here holds a whole dump in memory (allCountries.txt is 1.5 GB, 12M rows).

Kinds, told apart by the number of tab-separated columns (file names vary: SY.txt,
cities500.txt and allCountries.txt share one format):

* ``places``: the main dump, 19 columns;
* ``alternates``: alternateNamesV2 (10 columns) or the older alternateNames (8);
* ``admin1`` / ``admin2``: admin1CodesASCII.txt / admin2Codes.txt (4 columns; a code such as
  ``SY.09`` or ``SY.09.170062``).
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from eventscope.errors import ConfigError
from eventscope.geocode.sources import keep_alternate

PLACE_COLUMNS = 19
ALTERNATE_COLUMNS = (10, 8)
ADMIN_COLUMNS = 4
_SAMPLE_LINES = 200  # lines read to tell what a file is before anything is written
# Members of the GeoNames zips that are documentation, never data.
_NOT_DATA = frozenset({"readme.txt", "iso-languagecodes.txt"})

# GeoNames feature class + code -> the gazetteer's feature types (see resolver.FEATURE_PRECISION).
# Only codes with a clear counterpart are kept: a mosque, hotel or school named after its
# village would otherwise compete with the village for the village's own name.
_CLASS_FEATURE = {"P": "city"}
_CODE_FEATURE = {
    "A.ADM1": "admin1", "A.ADM2": "admin2", "A.ADM3": "admin2", "A.ADMD": "admin2",
    "A.PCLI": "country", "A.PCL": "country", "A.PCLD": "country", "A.PCLF": "country",
    "A.PCLS": "country", "A.TERR": "region", "A.ZN": "region", "A.ZNB": "region",
    "S.AIRP": "airport", "S.AIRF": "airport", "S.AIRH": "airport", "S.AIRB": "airbase",
    "S.PSTB": "crossing", "S.CMPRF": "landmark", "S.DAM": "landmark", "S.BDG": "landmark",
    "S.CSTL": "landmark", "S.FT": "landmark", "S.PRN": "landmark", "S.HSP": "landmark",
    "S.INSM": "landmark", "S.PS": "landmark", "S.STDM": "landmark", "L.MILB": "landmark",
    "H.STM": "river", "H.STMI": "river", "H.WAD": "river", "H.SEA": "sea", "H.GULF": "sea",
    "H.BAY": "sea", "H.STRT": "sea", "H.LK": "region", "H.RSV": "region",
    "T.MT": "landmark", "T.PK": "landmark", "T.PASS": "landmark", "T.ISL": "landmark",
    "T.MTS": "region", "T.DSRT": "region", "T.PLN": "region", "T.VAL": "region",
    "T.PLAT": "region", "T.ISLS": "region", "T.PEN": "region", "L.RGN": "region",
    "L.AREA": "region", "V.FRST": "region",
}  # fmt: skip
# Historical places (ancient cities, former capitals, historical divisions): news about
# current fighting means the living town of that name, not the ruin.
# alternateNames "languages" that are links, codes or identifiers, not names. IATA/ICAO
# codes are left out too: the gazetteer has no notion of codes (keep_alternate drops them).
_NOT_NAMES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"}
)
_HISTORICAL_CODES = frozenset({"PPLH", "PPLCH", "ADM1H", "ADM2H", "ADM3H", "PCLH"})


def feature_for(feature_class: str, feature_code: str) -> str | None:
    """The gazetteer feature type of a GeoNames class and code; None when not kept."""
    if feature_code in _HISTORICAL_CODES:
        return None
    return _CODE_FEATURE.get(f"{feature_class}.{feature_code}") or _CLASS_FEATURE.get(feature_class)


@dataclass(frozen=True, slots=True)
class DumpFile:
    """An input file, the zip member holding its data (if zipped), and its kind."""

    path: Path
    member: str | None
    kind: str  # "places", "alternates", "admin1", "admin2"

    @property
    def label(self) -> str:
        return f"{self.path.name}:{self.member}" if self.member else self.path.name


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """The columns of one main-dump row that the gazetteer uses."""

    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    iso: str
    admin1: str
    admin2: str
    population: int


def parse_place(fields: list[str]) -> PlaceRow:
    """A main-dump row; ValueError when a number or coordinate is not valid."""
    lat, lon = float(fields[4]), float(fields[5])
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or not fields[1]:
        raise ValueError("coordinates out of range or empty name")
    return PlaceRow(
        geonameid=int(fields[0]),
        name=fields[1],
        asciiname=fields[2],
        alternates=tuple(a for a in fields[3].split(",") if a),
        lat=lat,
        lon=lon,
        feature_class=fields[6],
        feature_code=fields[7],
        iso=fields[8].upper(),
        admin1=fields[10],
        admin2=fields[11],
        population=int(fields[14] or 0),
    )


def admin_keys(row: PlaceRow) -> tuple[str, str]:
    """The admin codes a place needs names for ("SY.09", "SY.09.170062"); an area's own
    level is not needed: it names itself."""
    a1 = f"{row.iso}.{row.admin1}" if row.admin1 and row.feature_code != "ADM1" else ""
    a2 = f"{row.iso}.{row.admin1}.{row.admin2}" if a1 and row.admin2 else ""
    return a1, ("" if row.feature_code == "ADM2" else a2)


class AdminNames:
    """Admin code ("SY.09", "SY.09.170062") -> name. A dump row has only codes; names come
    from admin code files, the dump's own ADM1/ADM2 rows and built towns of the same code.
    The first name learnt for a code stays, so one import names a code one way."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def get(self, code: str) -> str:
        return self.names.get(code, "")

    def learn_area(self, row: PlaceRow, name: str) -> None:
        """An ADM1 or ADM2 row names its own code."""
        a1 = f"{row.iso}.{row.admin1}" if row.admin1 else ""
        code = a1 if row.feature_code == "ADM1" else f"{a1}.{row.admin2}" if row.admin2 else ""
        if a1 and code:
            self.names.setdefault(code, name)

    def learn_town(self, row: PlaceRow, admin1: str, admin2: str) -> None:
        """A built town's admin names name the codes its dump row carries."""
        a1, a2 = admin_keys(row)
        if a1 and admin1:
            self.names.setdefault(a1, admin1)
        if a2 and admin2:
            self.names.setdefault(a2, admin2)

    def of(self, row: PlaceRow) -> tuple[str, str]:
        """(admin1, admin2) names of a row; an area names itself at its own level."""
        a1, a2 = (self.get(key) for key in admin_keys(row))
        if row.feature_code == "ADM1":
            return row.name, ""
        return a1, row.name if row.feature_code == "ADM2" else a2

    def missing(self, row: PlaceRow) -> tuple[str, str] | None:
        """The row's codes when one of them has no name yet (its area may come later)."""
        a1, a2 = admin_keys(row)
        return (a1, a2) if (a1 and a1 not in self.names) or (a2 and a2 not in self.names) else None


@dataclass(frozen=True, slots=True)
class AlternateName:
    gid: str  # "geonames:ID", as the gazetteer stores it
    name: str
    preferred: bool  # the preferred English name: indexed as a primary name


def parse_alternate(fields: list[str]) -> AlternateName | str:
    """An alternateNames row worth indexing, or the reason it is skipped."""
    lang, name = fields[2], fields[3]
    if not fields[1].isdigit():
        return "bad value"
    if lang in _NOT_NAMES:
        return "code or link, not a name"
    if fields[7] == "1":
        # Historic names (Ottoman, colonial, ancient) are often the current names of
        # other places, and news on current events uses current names.
        return "historic name"
    if not keep_alternate(name):
        return "not indexed (script, code or lower case)"
    return AlternateName(f"geonames:{fields[1]}", name, fields[4] == "1" and lang in ("en", ""))


def _zip_member(zf: zipfile.ZipFile, path: Path) -> str:
    """The data member of a GeoNames zip: NAME.txt in NAME.zip, else the only .txt that is
    not documentation."""
    names = [n for n in zf.namelist() if n.lower().endswith(".txt")]
    for name in names:
        if Path(name).stem == path.stem:
            return name
    data = [n for n in names if Path(n).name.lower() not in _NOT_DATA]
    if len(data) == 1:
        return data[0]
    raise ConfigError(
        "ES-GEO-007",
        f"{path}: no GeoNames data file in the zip (members: {', '.join(zf.namelist()[:5])})",
        f"Give the zip as downloaded from GeoNames ({path.stem}.zip holds {path.stem}.txt), "
        "or unzip it and give the .txt file.",
    )


@contextlib.contextmanager
def open_lines(path: Path, member: str | None) -> Iterator[Iterator[bytes]]:
    """Raw lines of a text file or of one zip member, streamed (never read whole)."""
    if member is None:
        with open(path, "rb") as fh:
            yield iter(fh)
        return
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        yield iter(fh)


def split_line(raw: bytes) -> list[str]:
    """Tab-separated fields of a UTF-8 line; UnicodeDecodeError when it is not UTF-8."""
    return raw.decode("utf-8").rstrip("\r\n").split("\t")


def _kind_of(sample: list[list[str]]) -> str | None:
    """The kind most sample lines fit, or None when fewer than half fit any."""
    counts: dict[str, int] = {}
    for fields in sample:
        n = len(fields)
        kind = (
            "places" if n == PLACE_COLUMNS
            else "alternates" if n in ALTERNATE_COLUMNS
            else f"admin{fields[0].count('.')}" if n == ADMIN_COLUMNS
            else None
        )  # fmt: skip
        if kind in ("places", "alternates", "admin1", "admin2"):
            counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return None
    kind, hits = max(counts.items(), key=lambda kv: kv[1])
    return kind if hits * 2 > len(sample) else None


def _sample(lines: Iterator[bytes]) -> list[list[str]]:
    sample = []
    for raw in islice(lines, _SAMPLE_LINES):
        if raw.strip() and not raw.startswith(b"#"):
            sample.append(raw.decode("utf-8", "replace").rstrip("\r\n").split("\t"))
    return sample


def inspect_file(path: Path) -> DumpFile:
    """Check that ``path`` is a readable GeoNames dump and say which kind, before any
    writing: a wrong file given among right ones must not leave half an import."""
    if not path.is_file():
        raise ConfigError(
            "ES-GEO-005",
            f"{path}: no such file",
            "Give GeoNames dump files: allCountries.zip, SY.zip or SY.txt, alternateNamesV2.zip.",
        )
    try:
        member = None
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                member = _zip_member(zf, path)
        with open_lines(path, member) as lines:
            kind = _kind_of(_sample(lines))
    except (OSError, zipfile.BadZipFile) as exc:
        raise ConfigError(
            "ES-GEO-005", f"{path}: cannot read it: {exc}", "Check the file and its permissions."
        ) from exc
    if kind is None:
        raise ConfigError(
            "ES-GEO-006",
            f"{path}: not a GeoNames dump (most lines do not have the 19 tab-separated "
            "columns of a place dump, nor those of alternateNames or admin codes)",
            "Download it from https://download.geonames.org/export/dump/ "
            "(allCountries.zip, SY.zip, alternateNamesV2.zip) and give the file unchanged.",
        )
    return DumpFile(path, member, kind)


def read_admin_codes(dump: DumpFile) -> dict[str, tuple[str, str]]:
    """admin1CodesASCII / admin2Codes: code ("SY.09") -> (name, "geonames:ID")."""
    codes: dict[str, tuple[str, str]] = {}
    with open_lines(dump.path, dump.member) as lines:
        for raw in lines:
            try:
                fields = split_line(raw)
            except UnicodeDecodeError:
                continue
            if len(fields) == ADMIN_COLUMNS and fields[1]:
                codes[fields[0]] = (fields[1], f"geonames:{fields[3]}" if fields[3] else "")
    return codes


Skip = Callable[[str, int, str], None]  # (reason, line number, detail)


def numbered_fields(
    lines: Iterator[bytes], columns: tuple[int, ...], skip: Skip
) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of every well-formed line; the others go to ``skip``.

    A line that is not UTF-8 or has the wrong number of columns is skipped, not fatal:
    one damaged line in twelve million must not stop an import."""
    for line_no, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            fields = split_line(raw)
        except UnicodeDecodeError as exc:
            skip("not UTF-8", line_no, f"byte {exc.start}")
            continue
        if len(fields) not in columns:
            skip("wrong column count", line_no, f"{len(fields)} columns")
            continue
        yield line_no, fields
