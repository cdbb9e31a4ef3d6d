"""The story's focal town, and a low-confidence backoff to it for toponyms the gazetteer
does not know.

Streets, buildings, venues and neighbourhoods ("Royal Street", "Barclays Center") are not
in a gazetteer of towns, but a news story usually happens in one place: when most of its
confidently resolved towns and districts lie around one town, an unknown toponym is far
more likely near that town than anywhere else. The backoff answers it with ACLED
precision 2 ("near a town") and a confidence kept *below* the pipeline's floor, so that
a geocoder with ``min_confidence`` 0.35 still reports it as unresolved (an honest
"unresolved" beats a confident wrong point) while a caller that wants a best guess, such
as the evaluation's ``acc_at_161km_best_guess``, gets one.

A story with no such centre (its towns spread out, or only states and countries named)
still has likely places: an unknown toponym is placed at the confident town or district
named nearest to it in the text ("a bakery in Tacoma"), else at the *story centre*, the
most-named and most specific area of the story's main country. Those are weaker guesses
still, at a confidence far under the floor.

In a clearly local story, an *unsure* reading of a toponym as a small town far away
("Stonewall", Texas, in a story about Centreville, Virginia) is more likely a street,
venue or hamlet named after that town: it is replaced by the focal-town guess too. So is
a name the text itself calls a street ("Bourbon and Dauphine streets", "the
Chartres/Franklin intersection", "the corner of State and Hubbard") and read as a town
far from the guess, however sure that reading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.named_area import inside
from eventscope.geocode.resolver import Unresolved
from eventscope.models import Place

_ANCHOR_CONFIDENCE = 0.6  # only places the geocoder is sure of say where the story is
# A less sure town still counts when a state the story confidently names holds it: the
# state vouches for that reading ("Franklin" in a story that says "Louisiana").
_VOUCHED_CONFIDENCE = 0.35
_CLUSTER_KM = 50.0  # a town's suburbs, streets and venues lie within this of it
_MIN_SHARE = 0.5  # the focal town's surroundings hold at least this share of the places
_MAX_CONFIDENCE = 0.3  # under the pipeline's default floor (0.35): a guess, not an answer
_CENTRE_CONFIDENCE = 0.1  # no focal town: nearest town in the text or story centre
# A toponym read (unsurely) as a small town this far from the focal town of a story this
# local (share of its places around that town) is taken for a local namesake instead.
_FAR_KM = 500.0
_LOCAL_SHARE = 0.6
# Smaller areas first when a story centre must be an area: a state says more than its
# country, a country more than a continent.
_SPECIFICITY = {"admin2": 4, "admin1": 3, "region": 2, "country": 1}
# A name followed by a plural street word, possibly through the names it is listed with
# ("Bourbon and Dauphine streets", "Chartres/Franklin intersection"), or preceded by
# "the corner of" ("the corner of State and Hubbard"), names a street.
_NAME = r"[A-Z][\w'’.-]*"
_STREET_AFTER = re.compile(
    rf"(?:\s*(?:/|,|&|and)\s*{_NAME}(?:\s+{_NAME}){{0,2}})*\s*"
    r"(?:streets|avenues|roads|boulevards|intersection)\b"
)
_STREET_BEFORE = re.compile(rf"\b(?:corner|intersection) of\s+(?:{_NAME}\s+(?:and|&)\s+)?$")
_BEFORE_CHARS = 60


def _sure_flags(answers: Sequence[Place | Unresolved]) -> list[bool]:
    """Which answers are confident, or towns that a confident state of the story vouches
    for."""
    sure = [isinstance(a, Place) and a.confidence >= _ANCHOR_CONFIDENCE for a in answers]
    states = {(a.iso, a.admin1) for a, ok in zip(answers, sure, strict=True)
              if ok and isinstance(a, Place) and a.feature == "admin1"}  # fmt: skip
    return [
        ok or (isinstance(a, Place) and a.confidence >= _VOUCHED_CONFIDENCE
               and a.geo_precision == 1 and (a.iso, a.admin1) in states)
        for a, ok in zip(answers, sure, strict=True)
    ]  # fmt: skip


def _sure(answers: Sequence[Place | Unresolved]) -> list[Place]:
    """The story's confident answers, plus the towns its confident states vouch for."""
    flags = _sure_flags(answers)
    return [a for a, ok in zip(answers, flags, strict=True) if ok and isinstance(a, Place)]


def _best_town(local: list[Place], countries: Counter[str]) -> tuple[Place, int] | None:
    """The town with the most local places around it, and that number; ties go to the
    town with the most *different* places around it (a name repeated is one place), then
    to the town in the country the story names most (Cape Town, not Delft in the
    Netherlands, beside "Eastern Cape"), then to the town named most often."""
    towns = [a for a in local if a.geo_precision == 1]
    if not towns:
        return None

    def around(town: Place) -> list[Place]:
        return [
            a for a in local
            if haversine_km(town.latitude, town.longitude, a.latitude, a.longitude) <= _CLUSTER_KM
        ]  # fmt: skip

    def key(town: Place) -> tuple[int, int, int, int]:
        near = around(town)
        distinct = len({a.gazetteer_id or a.name for a in near})
        return len(near), distinct, countries[town.iso], sum(town.name == o.name for o in towns)

    best = max(towns, key=key)
    return best, len(around(best))


def focal_town(answers: Sequence[Place | Unresolved]) -> tuple[Place, float] | None:
    """The town most of the story's confident towns and districts cluster around, and the
    share of them it holds; None when the story has no such centre.

    ``answers`` has one entry per mention, so a town named five times weighs five times."""
    sure = _sure(answers)
    local = [a for a in sure if a.geo_precision <= 2]
    found = _best_town(local, Counter(a.iso for a in sure))
    if found is None:
        return None
    share = found[1] / len(local)
    return (found[0], share) if share >= _MIN_SHARE else None


def story_centre(answers: Sequence[Place | Unresolved]) -> Place | None:
    """Where a story with no confident town most likely happens: the most-named, then most
    specific, area of its most-named country (a state before its country)."""
    sure = _sure(answers)
    countries = Counter(a.iso for a in sure if a.iso)
    if not countries:
        return None
    main = max(countries, key=countries.__getitem__)
    areas = [a for a in sure if a.iso == main and a.feature in _SPECIFICITY]
    if not areas:
        return None
    named = Counter(a.gazetteer_id or a.name for a in areas)
    return max(areas, key=lambda a: (named[a.gazetteer_id or a.name], _SPECIFICITY[a.feature]))


def _nearest_in_text(answers: Sequence[Place | Unresolved]) -> list[Place | None]:
    """For each mention, the confident town or district named nearest to it in the text
    (a story spread over several towns tells each part near its town), else the story
    centre."""
    flags = _sure_flags(answers)
    local = [i for i, (a, ok) in enumerate(zip(answers, flags, strict=True))
             if ok and isinstance(a, Place) and a.geo_precision <= 2]  # fmt: skip
    centre = story_centre(answers)
    out: list[Place | None] = []
    for i in range(len(answers)):
        # ties go to the later place: "a bakery in Tacoma" names the venue first
        nearest = min(local, key=lambda j: (abs(j - i), j < i), default=None)
        place = answers[nearest] if nearest is not None else centre
        out.append(place if isinstance(place, Place) else None)
    return out


def street_flags(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Which ``(start, end)`` spans of ``text`` the text itself calls streets."""
    return [
        bool(_STREET_AFTER.match(text, end))
        or bool(_STREET_BEFORE.search(text[max(0, start - _BEFORE_CHARS) : start]))
        for start, end in spans
    ]


def _far_namesake(answer: Place | Unresolved, small: bool, focus: Place | None) -> bool:
    """An unsure reading as a small town far from a clearly local story's focal town: in
    such a story "Stonewall" or "Baker" is a street, venue or hamlet named after that town
    more often than the town itself. A confident reading (an anchor) is left alone."""
    return (
        focus is not None and small and isinstance(answer, Place) and answer.feature == "city"
        and answer.confidence < _ANCHOR_CONFIDENCE and "," not in answer.query
        and haversine_km(answer.latitude, answer.longitude, focus.latitude, focus.longitude)
        > _FAR_KM
    )  # fmt: skip


def _far_from(answer: Place | Unresolved, guess: Place | None) -> bool:
    """Is ``answer`` a place more than ``_FAR_KM`` from ``guess``? A street's name read as a
    town nearby (North Druid Hills roads, in North Druid Hills) is kept."""
    return (
        isinstance(answer, Place) and guess is not None
        and haversine_km(answer.latitude, answer.longitude, guess.latitude, guess.longitude)
        > _FAR_KM
    )  # fmt: skip


def _without_streets(
    answers: Sequence[Place | Unresolved], streets: Sequence[bool] | None
) -> list[Place | Unresolved]:
    """``answers`` less the names the text calls streets: a street's reading as a town
    (Chartres, France) says nothing of where the story is."""
    if streets is None:
        return list(answers)
    return [
        Unresolved(a.query, "street") if st else a for a, st in zip(answers, streets, strict=True)
    ]


def _area_over(guess: Place | None, area: Place | None) -> Place | None:
    """The state or country an unknown name names, where the backoff's ``guess`` lies
    outside it: "University of California" in a Florida story is in California."""
    if area is None:
        return guess
    if guess is None or not inside(guess, area):
        return area
    return guess


def back_off(
    answers: Sequence[Place | Unresolved],
    min_confidence: float,
    small: Sequence[bool] | None = None,
    streets: Sequence[bool] | None = None,
    doubtful: Sequence[bool] | None = None,
    areas: Sequence[Place | None] | None = None,
) -> list[Place | Unresolved]:
    """``answers`` with each "no candidate" toponym placed near the story's focal town
    (else near the confident town named nearest to it, else at the story centre), where
    the guess's confidence reaches ``min_confidence`` (else left unresolved). ``small``
    flags the answers that are small towns: an unsure one far from the focal town of a
    clearly local story is replaced by the guess too (:func:`_far_namesake`), and so is
    every answer that ``streets`` flags (:func:`street_flags`) and that lies far from the
    guess. ``doubtful`` flags answers to be treated as unknown names. ``areas`` gives,
    per answer, the state or country an unknown name names ("University of California"):
    it replaces a guess that lies outside it (:func:`_area_over`)."""
    basis = _without_streets(answers, streets)
    focal = focal_town(basis)
    if focal is not None:
        confidence = round(_MAX_CONFIDENCE * focal[1], 3)
        guesses: list[Place | None] = [focal[0]] * len(answers)
        focus = focal[0] if focal[1] >= _LOCAL_SHARE else None
    else:
        confidence, guesses, focus = _CENTRE_CONFIDENCE, _nearest_in_text(basis), None
    if confidence < min_confidence:
        return list(answers)
    # a town that a state the story confidently names vouches for ("Poland" in a story
    # that says "Ohio") is the story's own place, however far from the focal town
    vouched = _sure_flags(basis)
    out: list[Place | Unresolved] = []
    for i, (answer, guess) in enumerate(zip(answers, guesses, strict=True)):
        far = small is not None and not vouched[i] and _far_namesake(answer, small[i], focus)
        street = streets is not None and streets[i] and _far_from(answer, guess)
        unknown = (isinstance(answer, Unresolved) and answer.reason == "no candidate") or (
            doubtful is not None and doubtful[i]
        )
        if unknown and areas is not None:
            guess = _area_over(guess, areas[i])
        if guess is not None and (far or street or unknown):
            answer = replace(
                guess, geo_precision=max(2, guess.geo_precision), confidence=confidence,
                query=answer.query,
            )  # fmt: skip
        out.append(answer)
    return out
