"""A broad reading against a same-named town that nothing local backs.

Country-level context (the story is American) lifts every American candidate alike, so
it cannot tell "Wyoming" the state from Wyoming, Michigan: the town's population then
decides, and a bare state name becomes a town of 75,000 people. A sea fares worse: it
lies in no country, so the story's country lifts Atlantic, Iowa (7,000 people) above the
Atlantic Ocean. News names the state or the ocean far more often than such towns, and
a story that means the town says where it is: its state, or places around it. So a town
that only the country backs, and that is no world city, yields to

  * a curated sea of the query's own name ("Atlantic", "Pacific"), or
  * a state or province of the query's own name in the town's country that has no
    town of that name inside it ("Wyoming", "Delaware", "Indiana"; not "New York",
    named after its city, which the resolver's prior already handles). A state in
    another country is left alone: country context rightly separates those (Ontario,
    California, in an American story is not the Canadian province).

Local evidence keeps the town: its state among the story's areas, a story place within
``_LOCAL_KM``, or a neighbouring toponym's candidate next to it (spatial minimality).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.context import GeoContext
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.normalize import strict_key

_LOCAL_KM = 100.0  # a story place this close to the town speaks for it
# A world city (about a million people and many names) is what its bare name means, state
# or not ("Washington"): the same threshold as ``context.world_city_bonus``.
_WORLD_PROMINENCE = 10.0
_MARGIN = 1.0  # the broad reading's lead over the town it displaces (about 2.7 to 1)
_CURATED = "supplement:"


def locally_backed(cand: Candidate, ctx: GeoContext) -> bool:
    """Does the story say where ``cand`` is: its state among the story's areas, a
    confident story place within ``_LOCAL_KM``, or spatial-minimality support?"""
    if cand.admin1 and (cand.iso, cand.admin1) in ctx.areas:
        return True
    if cand.place_id in ctx.supported:
        return True
    return any(haversine_km(cand.lat, cand.lon, lat, lon) <= _LOCAL_KM for lat, lon in ctx.points)


def _broad_for(top: Candidate, cand: Candidate, towns: frozenset[tuple[str, str]]) -> bool:
    """Is ``cand`` a broad reading of the query's own name that should displace ``top``?"""
    if cand.match_rank != 0:
        return False
    if cand.feature == "sea":
        return cand.gid.startswith(_CURATED)
    if cand.feature != "admin1" or cand.iso != top.iso or (cand.iso, cand.admin1) in towns:
        return False
    # the state's whole name, not a key left after admin words are peeled ("Columbia"
    # is not the District of Columbia)
    return top.match_rank == 0 and strict_key(cand.name) == strict_key(top.name)


def broad_rival(
    cands: Sequence[Candidate],
    scores: Sequence[float],
    ctx: GeoContext,
    towns: frozenset[tuple[str, str]],
) -> int | None:
    """The index of the sea or state that should win over the top-scoring town, or None
    when the top is no such town or the story backs it locally."""
    best = max(range(len(cands)), key=scores.__getitem__)
    top = cands[best]
    if top.feature != "city" or top.prominence >= _WORLD_PROMINENCE:
        return None
    if locally_backed(top, ctx):
        return None
    rivals = [i for i, c in enumerate(cands) if i != best and _broad_for(top, c, towns)]
    return max(rivals, key=scores.__getitem__) if rivals else None


def favour_broad(
    cands: Sequence[Candidate],
    scores: list[float],
    ctx: GeoContext,
    towns: frozenset[tuple[str, str]],
) -> list[float]:
    """``scores`` with the broad rival (:func:`broad_rival`) lifted ``_MARGIN`` above the
    town it displaces; unchanged when there is none."""
    rival = broad_rival(cands, scores, ctx, towns)
    if rival is None:
        return scores
    lifted = list(scores)
    lifted[rival] = max(scores) + _MARGIN
    return lifted
