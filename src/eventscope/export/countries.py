"""Country facts the exports need, read from the data files shipped in ``countryinfo``.

We read the package's JSON files directly (through importlib.resources) rather than through the
``CountryInfo`` class: one pass gives numeric ISO codes, regions and outlines for every country,
and the files are loaded lazily, once per process, so importing the exporter stays cheap.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

logger = logging.getLogger(__name__)

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs

# ACLED's region names, keyed by the UN M49 (sub/intermediate) region countryinfo carries.
_ACLED_REGION = {
    "Northern Africa": "Northern Africa",
    "Eastern Africa": "Eastern Africa",
    "Middle Africa": "Middle Africa",
    "Southern Africa": "Southern Africa",
    "Western Africa": "Western Africa",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Asia": "East Asia",
    "South-eastern Asia": "Southeast Asia",
    "Southern Asia": "South Asia",
    "Western Asia": "Middle East",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}
# Where ACLED's grouping differs from M49's.
_ACLED_REGION_BY_ISO = {
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "IR": "Middle East",
}


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What we use of one countryinfo record."""

    iso2: str
    iso3: str
    numeric: int | None
    name: str
    region: str  # ACLED-style region name, "" when unknown
    label_latlng: tuple[float, float] | None
    rings: tuple[Ring, ...]  # outer rings and holes alike; drawn with the even-odd rule
    bbox: tuple[float, float, float, float] | None  # lon_min, lat_min, lon_max, lat_max


def acled_region(iso2: str, subregion: str, intermediate: str) -> str:
    """ACLED region for a country, from its M49 sub-region (intermediate region in Africa)."""
    if iso2 in _ACLED_REGION_BY_ISO:
        return _ACLED_REGION_BY_ISO[iso2]
    return _ACLED_REGION.get(intermediate) or _ACLED_REGION.get(subregion, "")


def _iter_records() -> Iterator[dict[str, Any]]:
    try:
        entries = sorted(resources.files("countryinfo").joinpath("data").iterdir(),
                         key=lambda p: p.name)  # fmt: skip
    except (ModuleNotFoundError, OSError) as exc:
        # Outlines and regions are a nicety: without them the exports still work, blank there.
        logger.warning("countryinfo data unavailable (%s); no outlines or regions", exc)
        return
    for entry in entries:
        if not entry.name.endswith(".json"):
            continue
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # one broken data file must not sink the report
            logger.warning("skipping countryinfo file %s: %s", entry.name, exc)
            continue
        if isinstance(record, dict):
            yield record


def _rings(geojson: Any) -> tuple[Ring, ...]:
    """All rings of a (Multi)Polygon FeatureCollection, as tuples of (lon, lat)."""
    rings: list[Ring] = []
    features = geojson.get("features", []) if isinstance(geojson, dict) else []
    for feature in features:
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
        for polygon in polygons:
            for ring in polygon:
                points = tuple((float(p[0]), float(p[1])) for p in ring if len(p) >= 2)
                if len(points) >= 3:
                    rings.append(points)
    return tuple(rings)


def _bbox(rings: tuple[Ring, ...]) -> tuple[float, float, float, float] | None:
    if not rings:
        return None
    lons = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    return (min(lons), min(lats), max(lons), max(lats))


def _facts(record: dict[str, Any]) -> CountryFacts | None:
    iso = record.get("ISO") or {}
    iso2 = str(iso.get("alpha2") or "").upper()
    if not iso2:
        return None
    numeric = str(iso.get("numeric") or "")
    latlng = record.get("latlng") or []
    rings = _rings(record.get("geoJSON"))
    return CountryFacts(
        iso2=iso2,
        iso3=str(iso.get("alpha3") or ""),
        numeric=int(numeric) if numeric.isdigit() else None,
        name=str(record.get("name") or iso2),
        region=acled_region(
            iso2, str(record.get("subregion") or ""), str(record.get("intermediateregion") or "")
        ),
        label_latlng=(float(latlng[0]), float(latlng[1])) if len(latlng) >= 2 else None,
        rings=rings,
        bbox=_bbox(rings),
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryFacts]:
    """All countries by ISO alpha-2. Duplicated files (aliases) keep the one with an outline."""
    found: dict[str, CountryFacts] = {}
    for record in _iter_records():
        facts = _facts(record)
        if facts is None:
            continue
        if facts.iso2 not in found or (facts.rings and not found[facts.iso2].rings):
            found[facts.iso2] = facts
    return found


def country(iso2: str | None) -> CountryFacts | None:
    """Facts for an alpha-2 code, or None (unknown code, or no code)."""
    if not iso2:
        return None
    return countries().get(iso2.upper())
