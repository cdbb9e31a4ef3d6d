"""The state or country an unknown name names: "University of California", "Vatican
Gardens", "Colorado State University".

The focal-town backoff (:mod:`eventscope.geocode.focus`) places an unknown venue near the
story's town. That is the best guess for "the Marriott" or "Royal Street", but not for a
name that says which state or country it lies in: "the University of California" in a
story about Parkland, Florida, is in California, not in Parkland. When the longest run of
an unknown name's capitalised words that has candidates reads as a state or a country
(by its own or an alternate name: "Vatican" for the Holy See), and the backoff's guess
lies outside that area, the area is the better guess, at its own precision (3). It stays
a guess under the pipeline's floor, as every backoff answer does.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventscope.geocode.embedded import is_demonym, name_runs
from eventscope.geocode.resolver import Geocoder
from eventscope.models import Place

_AREAS = frozenset({"admin1", "country"})
_MAX_RANK = 1  # own or alternate name; a loose spelling of a word is no area's name
_MIN_CHARS = 4  # "No", "SB", "Co.": a code or abbreviation, not an area's name
# Institutions and buildings, which carry their state or country in their names. A
# natural feature named after a state ("Mississippi River", "Lake Vermont") or a town
# ("Tennessee Colony") lies wherever it lies: the story's town says more. An embassy or
# consulate of a country lies in another one, so those words are not listed either.
_FACILITY_WORDS = frozenset({
    "university", "college", "school", "academy", "institute", "museum", "library",
    "hospital", "clinic", "ministry", "department", "gardens",
    "garden", "cathedral", "basilica", "church", "stadium", "arena", "center", "centre",
    "airport", "station", "prison", "hotel", "parliament", "capitol", "palace", "castle",
    "hall", "theatre", "theater", "zoo", "fairgrounds", "courthouse", "headquarters",
})  # fmt: skip


def named_area(query: str, geocoder: Geocoder) -> Place | None:
    """The state or country the longest known run of ``query``'s words names, or None
    when that run is no such area (a town: "New York Auto Show") or nothing is known."""
    words = {w.strip(".,'’").lower() for w in query.split()}
    if not words & _FACILITY_WORDS or geocoder.candidates(query):
        return None  # a known name is read as itself, not as a venue
    for run in name_runs(query):
        if len(run.replace(".", "")) < _MIN_CHARS or is_demonym(run, geocoder):
            continue  # "Russian Embassy" is in Washington as often as in Moscow
        cands = geocoder.candidates(run)
        if not cands:
            continue
        found = geocoder.resolve(run)
        if not isinstance(found, Place) or found.feature not in _AREAS:
            return None
        ranks = [c.match_rank for c in cands if c.gid == found.gazetteer_id]
        return found if ranks and min(ranks) <= _MAX_RANK else None
    return None


def named_areas(queries: Sequence[str], geocoder: Geocoder) -> list[Place | None]:
    """:func:`named_area` for each query (each distinct query looked up once)."""
    cache: dict[str, Place | None] = {}
    for query in dict.fromkeys(queries):
        cache[query] = named_area(query, geocoder)
    return [cache[q] for q in queries]


def inside(place: Place, area: Place) -> bool:
    """Does ``place`` lie in ``area`` (a country, or a state by its admin1 name)?"""
    if place.iso != area.iso:
        return False
    return area.feature == "country" or place.admin1 == area.admin1
