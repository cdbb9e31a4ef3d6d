"""Town or same-named state? "New York", "Washington", "Ontario" name both a town and a
state or province, and the resolver's prior (towns first) is right only when the text does
not say otherwise. Two kinds of text evidence ask for the area instead:

  * the text calls it one: "New York state", "the state of Washington";
  * it stands in a list with areas of the same rank: "Ohio, New York and Iowa" (a
    neighbouring toponym, joined only by a comma, "and" or "or", resolved to a state,
    province or country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.normalize import strict_key
from eventscope.geocode.resolver import Geocoder, Unresolved
from eventscope.models import Place

Span = tuple[int, int]
_AREA_FEATURES = frozenset({"admin1", "country"})
# A smaller town listed with states is the same-named state wherever it lies ("Ohio,
# Oklahoma, Oregon and Tennessee": not Oregon, Ohio, though it lies nearer its peers);
# only a world city keeps the distance test (the same threshold as the resolver's).
_WORLD_PROMINENCE = 10.0
_STATE_AFTER = re.compile(r"[ \t]+(?:state|province)\b")  # lower case: not "State University"
_STATE_BEFORE = re.compile(r"\b(?:state|province)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_LIST_JOINER = re.compile(r"[ \t]*(?:,|,?[ \t]+(?:and|or)[ \t]+|/)[ \t]*")


def _called_an_area(text: str, start: int, end: int) -> bool:
    return bool(_STATE_AFTER.match(text, end) or _STATE_BEFORE.search(text, 0, start))


def _listed_with_areas(
    text: str,
    spans: Sequence[Span],
    answers: Sequence[Place | Unresolved],
    i: int,
    geocoder: Geocoder,
) -> list[Place]:
    """The toponyms next to span ``i``, in a list with it, that were read as states or
    countries (empty when it is not in such a list)."""
    peers: list[Place] = []
    own = answers[i]
    # "Gao, Mali": the name after a qualified toponym is its qualifier, not a list peer
    qualified = isinstance(own, Place) and "," in own.query
    for j in (i - 1, i + 1):
        if not 0 <= j < len(spans) or (j == i + 1 and qualified):
            continue
        left, right = sorted((spans[i], spans[j]))
        joined = _LIST_JOINER.fullmatch(text[left[1] : right[0]])
        peer = answers[j]
        # "Mount Chaambi, Kasserine" read as the province it lies in: that comma
        # qualifies, it does not list (a stand-in for an unknown name is no list peer)
        if (
            joined and isinstance(peer, Place) and peer.feature in _AREA_FEATURES
            and not geocoder.unknown_name(peer.query)
        ):  # fmt: skip
            peers.append(peer)
    return peers


def _closer(area: Place, town: Place, peers: Sequence[Place]) -> bool:
    """Is the area at least as close to its list peers as the town? "Maryland, Virginia
    and Washington" lists the capital next to its neighbours, not the far-off state."""

    def km(p: Place) -> float:
        return min(haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) for q in peers)

    return km(area) <= km(town)


def _world_city(answer: Place, geocoder: Geocoder) -> bool:
    """Is ``answer`` a world city (prominence of about a million people and many names),
    which a list of states may name beside them ("Maryland, Virginia and Washington")?"""
    cands = geocoder.candidates(answer.query)
    return any(c.gid == answer.gazetteer_id and c.prominence >= _WORLD_PROMINENCE for c in cands)


def _placed_by_qualifier(answer: Place, geocoder: Geocoder) -> bool:
    """Does ``answer`` lie inside the area its query's qualifier names ("Washington,
    D.C.")? A list misread as a qualifier ("New Mexico, New York, Ohio" gives the query
    "New York, Ohio") placed nothing and leaves the list cue its say."""
    _, _, qualifier = answer.query.partition(",")
    if not qualifier.strip():
        return False
    areas = geocoder.qualifier_areas(qualifier.strip())
    return (answer.iso, "") in areas or (answer.iso, answer.admin1) in areas


def prefer_areas(
    text: str,
    spans: Sequence[Span],
    answers: Sequence[Place | Unresolved],
    geocoder: Geocoder,
) -> list[Place | Unresolved]:
    """``answers`` (one per span, in text order) with towns read as their same-named
    state or province where the text asks for the area."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    ordered_spans = [spans[k] for k in order]
    ordered = [answers[k] for k in order]
    out = list(answers)
    for pos, k in enumerate(order):
        answer = answers[k]
        if not isinstance(answer, Place) or answer.feature in _AREA_FEATURES:
            continue
        start, end = spans[k]
        peers = _listed_with_areas(text, ordered_spans, ordered, pos, geocoder)
        called = _called_an_area(text, start, end)
        # "Guam, Hawaii and Washington, D.C.": a name its qualifier placed says which
        # place it is; only the text calling it a state overrides that
        if not (called or (peers and not _placed_by_qualifier(answer, geocoder))):
            continue
        name = text[start:end]
        area = geocoder.resolve(f"{name} state")
        # the town's own country, or that of its peers in the list ("Texas, Virginia")
        if (
            isinstance(area, Place)
            and area.feature == "admin1"
            and strict_key(area.name) == strict_key(name)  # not the region a town lies in
            and area.iso in {answer.iso, *(p.iso for p in peers)}
            and (called or _closer(area, answer, peers) or not _world_city(answer, geocoder))
        ):
            out[k] = replace(area, query=answer.query)
    return out
