"""Operations on a query's candidate set that come before scoring: which areas are named
after the query's towns, one candidate per place, and a country's own name first; and
the bonus a curated facility or sea gets by its own name."""

from __future__ import annotations

from collections.abc import Iterable

from eventscope.geocode.gazetteer import Candidate

# A curated facility or sea is in the supplement because news names it: by its own name
# ("White House") it outranks the small towns and the translated alternate names
# (Casablanca's "White House") that share the name, which its zero population would
# otherwise favour. Curated areas compete with GeoNames records of the same area instead.
_CURATED = "supplement:"
_CURATED_BONUS = 3.0
_CURATED_FEATURES = frozenset({"landmark", "airport", "airbase", "crossing", "river", "sea"})


def named_after_towns(cands: tuple[Candidate, ...]) -> frozenset[tuple[str, str]]:
    """(ISO, admin1) of the areas holding a town of the query's own name: the states and
    provinces that may be named after that town."""
    return frozenset((c.iso, c.admin1) for c in cands if c.feature == "city" and not c.loose)


def best_per_place(cands: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per place, its best match kept ("SA": Saudi Arabia's own alternate
    name beats the same country reached by initials)."""
    best: dict[int, Candidate] = {}
    for cand in cands:
        old = best.get(cand.place_id)
        if old is None or cand.match_rank < old.match_rank:
            best[cand.place_id] = cand
    return tuple(best.values())


def country_name_first(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """A country's own name ("Mexico", "Kuwait") leaves out the places that are called
    so only by an alternate name (Mexico City, Kuwait City): news writes the city's full
    name, while the story's other places would pull the bare name to the capital."""
    if not any(c.feature == "country" and c.match_rank == 0 for c in cands):
        return cands
    return tuple(c for c in cands if c.feature == "country" or c.match_rank == 0)


def curated_bonus(cand: Candidate) -> float:
    """What a curated facility or sea named by its own name gets (see ``_CURATED_BONUS``)."""
    curated = cand.match_rank == 0 and cand.gid.startswith(_CURATED)
    return _CURATED_BONUS if curated and cand.feature in _CURATED_FEATURES else 0.0
