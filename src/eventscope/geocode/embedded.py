"""A place named inside an unknown toponym: "Windsor Castle", "British Embassy Tokyo",
"Glenrock Lagoon", "Mount Chaambi, Kasserine".

Buildings, venues, parks and natural features are mostly missing from a gazetteer of
towns, but their names often carry the town or area they lie in. When the whole name has
no candidate, the longest run of its capitalised words that does resolve (in the story's
context) is read as "near that place": ACLED precision 2 and half the run's confidence,
so only a confident reading of the run clears the pipeline's floor.

Runs made only of generic words ("Street", "University", "Air Base") or of demonyms
("Russian Embassy" is in Washington as often as in Moscow) are not tried.

The text can say the same outside the name: an unknown name followed by "in", "at",
"near" or "outside" and another toponym ("the Palais des Nations in Geneva", "Super Bowl
52 in Minneapolis") lies near that toponym's town, read the same way
(:func:`located_in_text`); so does a name placed by a bearing ("Ber, east of Timbuktu").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.bearing import against_bearing
from eventscope.geocode.cues import (
    SpanLayout,
    cue_past_unknowns,
    find_cue,
    has_own_cue,
    span_layout,
)
from eventscope.geocode.normalize import strict_key
from eventscope.geocode.resolver import Geocoder, GeoContext, Unresolved
from eventscope.geocode.standin import (
    CONFIDENCE_SHARE,
    stand_in,
    stand_in_confidence,
)
from eventscope.models import Place

_WORD = re.compile(r"[^\s,;:()\"/]+")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that name a kind of place, not a place: never a run's first or last word.
_GENERIC = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "lane", "highway", "bridge",
    "square", "park", "center", "centre", "stadium", "arena", "airport", "hospital",
    "cathedral", "church", "chapel", "basilica", "mosque", "temple", "tower", "estate",
    "lagoon", "lake", "river", "mountain", "mount", "mountains", "island", "bay", "beach",
    "point", "valley", "hill", "hills", "bend", "canyon", "forest", "university", "college",
    "school", "academy",
    "institute", "museum", "library", "hotel", "inn", "theatre", "theater", "hall", "house",
    "castle", "palace", "gardens", "garden", "embassy", "consulate", "ministry", "office",
    "station", "prison", "camp", "base", "farm", "farms", "market", "mall", "plaza",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northwest", "northeast", "southwest", "southeast", "central", "old", "great",
    "rue", "via", "calle", "avenida", "trust", "court", "club", "company", "bank",
    "state", "national", "royal",
    "international", "city", "county", "district", "area", "region", "republic", "united",
    "of", "the", "and", "de", "la", "le", "al", "el", "for", "at", "on", "in",
    "saint", "san", "santa", "sir", "president", "general", "memorial", "medical",
})  # fmt: skip
_AREA_FEATURES = frozenset({"admin1", "country", "region", "continent", "sea"})
_NEAR_KM = 100.0  # as far from the story's places as the resolver's nearby bonus reaches
_SAME_KM = 1.0
_UNCHECKED_CONFIDENCE = 0.3  # under the pipeline's floor (0.35), as the focal backoff
_MIN_WORDS = 2  # a one-word name has no shorter part to fall back on
# a town, district or state ("Kuriga in Kaduna state": the state, at precision 3)
_LOCAL_FEATURES = frozenset({"city", "admin2", "landmark", "airport", "admin1"})
_SURE = 0.6  # only a confident reading of that toponym places the name
# "X near / in / east of Y": a town X this far from the town Y is not the X the text
# means (bearings in conflict news span tens of kilometres, seldom a few hundred)
_CUE_FAR_KM = 250.0
_INSIDE_CUE = re.compile(r"\b(?:in|at)\b")
_DISTANCE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(km|kilomet|mile)")
_MILE_KM = 1.609
# "Saraqib, Syria and Tal Afar in Iraq": a country or state after a comma qualifies the
# name before it; it ends a list rather than joins one
_QUALIFIER_FEATURES = frozenset({"country", "admin1"})
_DISTANCE_SLACK = 1.5  # a stated distance is rounded, and often by road


def name_runs(name: str) -> list[str]:
    """Capitalised word runs of ``name``, longest (then leftmost-last) first, without
    the whole name."""
    words = _WORD.findall(name)
    if len(words) < _MIN_WORDS:
        return []
    runs = []
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i : i + size]
            ends = (part[0].lower().strip(".'’"), part[-1].lower().strip(".'’"))
            if not part[0][:1].isupper() or ends[0] in _GENERIC or ends[1] in _GENERIC:
                continue
            if _POSSESSIVE.search(part[-1]):
                continue  # "St. Peter's", "Children's": a patron or a people, no place
            runs.append(" ".join(part))
    return runs


def is_demonym(run: str, geocoder: Geocoder) -> bool:
    key = strict_key(run)
    demonyms = geocoder.gazetteer.demonyms()
    return key in demonyms or (key.endswith("s") and key[:-1] in demonyms)


def _in_story(place: Place, context: GeoContext) -> bool:
    """Does the story's own geography back ``place``: a town within ``_NEAR_KM`` of one
    of its confident places?"""
    if place.feature in _AREA_FEATURES:
        # a state around the story's towns says less than the focal-town backoff does
        return False
    # A point on the place itself is the same name read elsewhere in the story ("Glenrock"
    # beside "Glenrock Lagoon"), which backs a wrong namesake as readily as the right one.
    return any(
        _SAME_KM < haversine_km(place.latitude, place.longitude, lat, lon) <= _NEAR_KM
        for lat, lon in context.points
    )


# Compass words after an area's name make a part of it: "Mandera West" (a Kenyan
# sub-county), "Kajiado North", "Bauchi South" (a senatorial district).
_COMPASS_PARTS = frozenset({"north", "south", "east", "west", "central", "northeast",
                            "northwest", "southeast", "southwest"})  # fmt: skip


def _compass_part(query: str, geocoder: Geocoder, context: GeoContext) -> Place | None:
    """The area a name made of an area's name and a compass word is part of (session 20,
    round 21: "a roadside bomb in Mandera West sub-county" had no place at all)."""
    words = query.split()
    if len(words) < 2 or words[-1].lower() not in _COMPASS_PARTS:
        return None
    area = " ".join(words[:-1])
    found = geocoder.resolve(f"{area} region", context=context)
    named = isinstance(found, Place) and strict_key(found.name) == strict_key(area)
    return found if named and found.feature in ("admin1", "admin2") else None


def embedded_place(query: str, geocoder: Geocoder, context: GeoContext) -> Place | Unresolved:
    """The place the longest resolvable run of ``query``'s words names, as "near" it;
    "no candidate" when no run names a place by its own name, or the story's places lie
    elsewhere (the focal-town backoff then has its say). A name of an area and a compass
    word ("Mandera West") is placed in that area, which the name itself vouches for."""
    area = _compass_part(query, geocoder, context)
    if area is not None:
        return stand_in(area, query, area.confidence * CONFIDENCE_SHARE)
    for run in name_runs(query):
        if is_demonym(run, geocoder) or not geocoder.candidates(run):
            continue
        found = geocoder.resolve(run, context=context)
        # only the place's own name: "Le Robert" for "Robert", "Ayr" for "Air" are not it
        if not isinstance(found, Place) or strict_key(found.name) != strict_key(run):
            break
        confidence = found.confidence * CONFIDENCE_SHARE
        if not context.points:  # nothing to check it against: a guess, under the floor
            confidence = min(confidence, _UNCHECKED_CONFIDENCE)
        elif not _in_story(found, context):
            break
        if confidence < geocoder.min_confidence:
            break
        return stand_in(found, query, confidence)
    return Unresolved(query, "no candidate")


def located_in_text(
    text: str,
    spans: Sequence[tuple[int, int]],
    answers: Sequence[Place | Unresolved],
    doubtful: Sequence[bool] | None = None,
    firm: Sequence[bool] | None = None,
    countries: Sequence[frozenset[str]] | None = None,
    namesake: Callable[[int, Place], Place | None] | None = None,
) -> list[Place | Unresolved]:
    """``answers`` with each unknown name that the text locates in the toponym right after
    it ("the Palais des Nations in Geneva", "Kuriga in Kaduna state") placed near or in
    that toponym: precision 2, or the state's own 3, and half its confidence, as for a
    place inside an unknown name. So is a name left unresolved for another reason (an
    unsure or ambiguous reading), or read in another country as a town that the story
    doubts (``doubtful`` flags: "Tawila in North Darfur" read as At Tawilah, Yemen,
    "Hatla in Deir Ezzor province" as Hatta, India), or as a town the text puts
    elsewhere (:func:`contradicts`). Since round 10 a bearing places a name as "in" does
    ("Ber, east of Timbuktu"), and a kind word may come first ("Pale township in ...");
    since round 10b a possessor before the name does too ("Mogadishu's Hodan district").
    Only a confident town, district or state answer places it; a country says too little.
    ``firm`` flags answers no cue moves (large towns read by their own name: "Mosul, north
    of Baghdad"). ``countries`` gives the countries each span's name may mean
    (:func:`country_readings`); without it a country cue places nothing. ``namesake``
    (round 13) gives, for span ``i`` and the cue's place, another reading of the same name
    that lies where the text says ("Dzerzhinsk in the Donetsk People's Republic" read as
    the Russian city: Toretsk, whose old name it is), which then answers instead of a
    stand-in."""
    out = list(answers)
    layout = span_layout(spans)
    areas = [isinstance(a, Place) and a.feature in _QUALIFIER_FEATURES for a in answers]
    for i, answer in enumerate(answers):
        found = _cue(text, spans, i, answers, areas, layout)
        town = answers[found[0]] if found is not None else None
        if found is None or not isinstance(town, Place) or town.confidence < _SURE:
            continue
        held = firm is not None and firm[i]
        if town.feature not in _LOCAL_FEATURES:
            if countries is not None and not held:
                out[i] = _placed_in_country(answer, town, found[1], countries[found[0]])
            continue
        # unresolved for any reason (no candidate, an unsure or ambiguous reading), a
        # doubted reading in another country than the text puts it in, or a town that
        # lies where the text says it does not; a large town too when the text puts it
        # inside another state (session 15: "Kano, in Zamfara State")
        doubted = doubtful is not None and doubtful[i]
        elsewhere = isinstance(answer, Unresolved) or (doubted and answer.iso != town.iso)
        # (session 16, review of session 15) a list's shared cue moves no town read by its
        # name in the cue's own country: "Kharkiv and Sloviansk in the Donetsk region" may
        # say it of the last name only; it still places the list's unknown and doubted
        # names, and a namesake abroad ("Lafitte and Bois-Neuf, in the commune of X")
        own = has_own_cue(text, spans, i, layout)
        kept = elsewhere or (held and not (own and _inside_state(town, found[1])))
        shared_ok = own or (isinstance(answer, Place) and answer.iso != town.iso)
        if elsewhere or (not kept and shared_ok and contradicts(answer, town, found[1])):
            other = _namesake_there(answer, town, found[1], namesake, i)
            out[i] = other or stand_in(town, answer.query, town.confidence * CONFIDENCE_SHARE)
    return out


def _inside_state(where: Place, cue: str) -> bool:
    """Does the ``cue`` put a name inside the state or province ``where``?"""
    return where.feature == "admin1" and _INSIDE_CUE.search(cue) is not None


# what a chain of unknown names may end in (:func:`_cue`): an area holds them all, a
# district (a Nigerian LGA: "Kanoma in Maru Local Government Area") as well as a state
_CHAIN_ENDS = frozenset({"admin1", "admin2", "country", "region"})


def _cue(
    text: str,
    spans: Sequence[tuple[int, int]],
    i: int,
    answers: Sequence[Place | Unresolved],
    areas: Sequence[bool],
    layout: SpanLayout,
) -> tuple[int, str] | None:
    """The cue that places span ``i``: its own (:func:`find_cue`), or, when that names
    a toponym the gazetteer lacks, the state or country at the end of the chain of such
    names (session 15: "Kwanar Dutse village near Dansadau in Maru Local Government Area
    of Zamfara State" was read as Dutse, Jigawa). Only an area ends a chain: a town after
    unknown names says how far from it, which the links do not add up to."""
    found = find_cue(text, spans, i, areas, layout)
    if found is None or not isinstance(answers[found[0]], Unresolved):
        return found
    unknown = [isinstance(a, Unresolved) for a in answers]
    chained = cue_past_unknowns(text, spans, i, unknown, areas, layout)
    end = answers[chained[0]] if chained is not None else None
    return chained if isinstance(end, Place) and end.feature in _CHAIN_ENDS else found


def _namesake_there(
    answer: Place | Unresolved,
    town: Place,
    cue: str,
    namesake: Callable[[int, Place], Place | None] | None,
    i: int,
) -> Place | None:
    """A town of span ``i``'s name (``namesake``) that lies where the ``cue`` puts it
    relative to ``town``, or None: only for a name read as a town elsewhere (an unknown
    name has no other reading to offer)."""
    if namesake is None or not isinstance(answer, Place) or answer.feature != "city":
        return None
    other = namesake(i, town)
    if other is None or other.gazetteer_id == answer.gazetteer_id or other.feature != "city":
        return None
    return None if contradicts(other, town, cue) else replace(other, query=answer.query)


def country_readings(name: str, geocoder: Geocoder) -> frozenset[str]:
    """The countries (ISO) ``name`` may mean: "Congo" either Congo; none for a demonym
    ("the southern Sudanese capital" puts nothing in Sudan)."""
    if is_demonym(name, geocoder):
        return frozenset()
    return frozenset(c.iso for c in geocoder.candidates(name) if c.feature == "country")


def _placed_in_country(
    answer: Place | Unresolved, area: Place, cue: str, readings: frozenset[str]
) -> Place | Unresolved:
    """``answer``, or the country ``area`` standing in for it under the floor (a best
    guess only) when ``answer`` is a town (precision 1) outside every country the cue's
    name may mean (``readings``), which the text puts it in with "in" or "at": "Lere, in
    central Mali" read as Lere, Nigeria means the gazetteer lacks the town the text means.
    Since round 12 a region of one country counts as that country ("Arbin in Eastern
    Ghouta" read as Arbin, France), standing in at its own precision and half its
    confidence, as a state does.
    ("Near" a country, or "north of" it, is outside it; a continent or sea says nothing.
    A large town read by its own name is never moved: "Beni in eastern Congo", where
    GeoNames gives "Congo" only to the Republic of the Congo.)"""
    if not isinstance(answer, Place) or answer.feature != "city" or answer.geo_precision != 1:
        return answer
    if area.feature == "region" and area.iso:
        # round 12: a region of one country ("Arbin in Eastern Ghouta", "Beit Lahia in the
        # Gaza Strip") holds its towns as a country does; regions across borders have no ISO
        readings = frozenset({area.iso})
    elif area.feature != "country":
        return answer
    if answer.iso in readings | {area.iso} or not readings:
        return answer
    if not _INSIDE_CUE.search(cue):
        return answer
    return stand_in(area, answer.query, stand_in_confidence(area.confidence, area.feature))


def contradicts(answer: Place, where: Place, cue: str) -> bool:
    """Is the town ``answer`` somewhere else than the ``cue`` (", near", " in", ", 30 km
    east of") puts it relative to ``where`` ("Andriivka in Donetsk oblast" read as an
    Andriivka of Odesa oblast; "Novoselivka, near Kupiansk" read as a namesake 400 km
    away)? Outside the state an "in" or "at" names, or farther from the town or district
    ``where`` than the cue's own distance allows (``_CUE_FAR_KM`` when it gives none), or
    (round 12) more than a right angle off the bearing it states ("Adra, northeast of
    Damascus" read as Daraa, south of it; :mod:`eventscope.geocode.bearing`). The
    story's context already favours a namesake near ``where``: a far one means the
    gazetteer lacks the village."""
    # a town read as itself (precision 1): a stand-in already lies near another place
    # ("the Tijuana River" near Tijuana), which a misread cue must not move
    if answer.feature != "city" or answer.geo_precision != 1:
        return False
    if answer.gazetteer_id == where.gazetteer_id:
        return False
    if where.feature == "admin1":
        # "near the Indiana border" or "north of Kharkiv oblast" is outside the state
        inside = _INSIDE_CUE.search(cue) is not None
        return inside and (answer.iso, answer.admin1) != (where.iso, where.admin1)
    km = haversine_km(answer.latitude, answer.longitude, where.latitude, where.longitude)
    # round 12: "Adra, northeast of Damascus" is not Daraa, 100 km south of Damascus
    origin, point = (where.latitude, where.longitude), (answer.latitude, answer.longitude)
    return km > _allowed_km(cue) or against_bearing(cue, origin, point, km)


def _allowed_km(cue: str) -> float:
    """How far a town may lie from the place a cue names: its stated distance ("186 miles
    southeast of Alliance") with room for rounding and road distances, else
    ``_CUE_FAR_KM``."""
    stated = _DISTANCE.search(cue)
    if stated is None:
        return _CUE_FAR_KM
    value = float(stated.group(1).replace(",", ""))
    km = value * (_MILE_KM if stated.group(2).startswith("mile") else 1.0)
    return max(_CUE_FAR_KM, km * _DISTANCE_SLACK)
