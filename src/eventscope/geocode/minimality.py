"""Spatial minimality: the toponyms of one story tend to lie close together.

A local paper writes "Paris" and "Henry County" without naming Tennessee; each name alone
goes to its most prominent reading (France; Henry County, Georgia), but of all their
readings, only Paris and Henry County in Tennessee lie next to each other. A candidate of
one toponym that lies within ``_NEAR_KM`` of a candidate of *another* (differently named)
toponym is marked as supported; the resolver gives it a bonus (Leidner 2007's spatial
minimality, in its cheapest pairwise form).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.gazetteer import Candidate

_NEAR_KM = 20.0
_CELL_DEG = 0.5  # grid cells of about 55 km: neighbours are found in the 3x3 block
_LOCAL_FEATURES = frozenset({"city", "admin2", "airport", "airbase", "crossing", "landmark"})


def _cell(c: Candidate) -> tuple[int, int]:
    return int(c.lat // _CELL_DEG), int(c.lon // _CELL_DEG)


def supported_candidates(
    candidates: Mapping[str, Sequence[Candidate]],
) -> dict[str, frozenset[int]]:
    """Per toponym key, the place ids of its local candidates near another toponym's."""
    grid: dict[tuple[int, int], list[tuple[str, Candidate]]] = defaultdict(list)
    for key, cands in candidates.items():
        for c in cands:
            if c.feature in _LOCAL_FEATURES:
                grid[_cell(c)].append((key, c))
    out: dict[str, set[int]] = defaultdict(set)
    for (row, col), members in grid.items():
        near = [
            m for dr in (-1, 0, 1) for dc in (-1, 0, 1) for m in grid.get((row + dr, col + dc), ())
        ]  # fmt: skip
        for key, c in members:
            if any(
                other != key and haversine_km(c.lat, c.lon, o.lat, o.lon) <= _NEAR_KM
                for other, o in near
            ):
                out[key].add(c.place_id)
    return {key: frozenset(ids) for key, ids in out.items()}
