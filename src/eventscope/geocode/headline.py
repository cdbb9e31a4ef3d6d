"""The place an article's headline names, as a hint for linking its unplaced reports.

A follow-up often names its place only in the headline: "Gorgadji: the wounded transferred,
calm returns slowly", "Update on Shostka", "Kaga-Bandoro: displaced people still in shock"
(most split pairs of linking rounds 17 and 18). Its body says "the town" or "the displacement
site", so its reports have no location and only ever linked within their own article.

The headline is metadata, not cleaned text: no evidence span can point into it, so it never
becomes a mention's ``location``. It is kept on the mention as ``headline_place`` (a place
the gazetteer knows) or ``headline_names`` (names it lacks), and the resolver reads them only
for a report that has no more precise place of its own (``resolve.cluster._lead``); an
event's location still comes from its mentions' evidence.

Names are read by shape (``geocode/headline_names.py``). A name the gazetteer places is kept
when it lies in one of the body's countries (or, where the body names none, when the headline
cues it); two places that neither holds the other give no hint ("Attacks in Bama and Gwoza":
which one is the story's?). Known places are read first, so "Gao Market" still gives Gao. A
name the gazetteer lacks (one or two words, no acronym, no institution's word) is kept only
with a cue that it is a place: a locative word before it ("in", "near"), a kind word after
it ("Mecúfi town"), or standing first before a colon ("Gorgadji: ..."). A title-case headline
gives no unknown names: its capitals say nothing about names. Unknown names from a headline
link a report only to one whose *text* names the place (resolve/unplaced.py): two headlines
alone ("Officials: 12 killed") never do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventscope.geocode.context import GeoContext
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.headline_names import (
    Name,
    candidate_names,
    headline_words,
    is_title_case,
)
from eventscope.geocode.resolver import FEATURE_PRECISION, Geocoder, Unresolved
from eventscope.models import Place

_MAX_UNKNOWN_WORDS = 2  # a village's name ("Gorgadji", "Debre Tabour"), not a body's
_AREA_FEATURES = frozenset({"admin1", "admin2", "region"})
# Words of a building, an institution or a region inside a name: no village of its own
# ("Cattle Market", "Farming Settlement", "Kaduna Church").
_NOT_VILLAGE = frozenset({"market", "church", "mosque", "school", "hospital", "camp", "base",
                          "settlement", "station", "prison", "university", "college", "farm",
                          "road", "highway", "bridge", "border", "region", "valley", "river",
                          "mountains", "forest", "airport", "port"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class HeadlineHint:
    """What the headline says about where its story is: its place the gazetteer knows,
    and the names it lacks."""

    place: Place | None = None
    names: tuple[str, ...] = ()


def headline_hint(title: str, countries: frozenset[str], geocoder: Geocoder) -> HeadlineHint:
    """The headline's places, read in the light of the body's ``countries`` (ISO codes of
    its resolved places and of the country it is about)."""
    words = headline_words(title)
    if not words:
        return HeadlineHint()
    context = GeoContext(countries=countries)
    names = [n for n in candidate_names(title, words) if not n.excluded]
    answers: dict[str, Place | Unresolved] = {}

    def answer_of(name: Name) -> Place | Unresolved:  # each name looked up once, when read
        if name.text not in answers:
            answers[name.text] = geocoder.resolve(name.text, context=context)
        return answers[name.text]

    taken: set[int] = set()
    places: list[tuple[int, int, Place]] = []  # (precision rank, order, place)
    others: list[tuple[Name, Place, Place]] = []  # every place it names: as read, as kept
    for name in names:
        if taken.intersection(range(name.start, name.end)):
            continue
        answer = answer_of(name)
        if isinstance(answer, Unresolved):
            continue
        # a name read as a place, kept or not, is not read again word by word: "Islamic
        # State" (loosely a town abroad) holds no village "Islamic"
        taken.update(range(name.start, name.end))
        cands = geocoder.candidates(answer.query)
        if _strict_place(answer, cands):
            place = _area_of_name(answer, cands)
            others.append((name, answer, place))
            if answer.iso in countries if countries else name.cued:
                places.append((_rank(place), name.start, place))
    unknown = [] if is_title_case(words) else _unknown(names, answer_of, taken)
    return HeadlineHint(_one_place(places, others), tuple(dict.fromkeys(unknown)))


def _unknown(
    names: list[Name], answer_of: Callable[[Name], Place | Unresolved], taken: set[int]
) -> list[str]:
    """The cued names the gazetteer lacks, outside the known places' words (a name the
    first pass skipped overlaps them still: ``taken`` only grows)."""
    out = []
    for name in names:
        span = range(name.start, name.end)
        if taken.intersection(span) or not isinstance(answer_of(name), Unresolved):
            continue
        if _may_be_unknown(name):
            out.append(name.text)
            taken.update(span)
    return out


def _one_place(
    places: list[tuple[int, int, Place]], others: list[tuple[Name, Place, Place]]
) -> Place | None:
    """The place a headline names first before a colon; else the finest of its kept places,
    when every other place it names in that country (or with a cue) holds it (a town and
    its province); none when two are apart ("Attacks in Bama and Gwoza": which is the
    story's?)."""
    if not places:
        return None
    best = min(places, key=lambda p: (p[0], p[1]))[2]
    topic = next((place for name, _, place in others if name.topic), None)
    if topic is not None and any(p[2] is topic for p in places):
        return topic  # "Sebba: wounded evacuated to Dori": the story is Sebba's
    for name, read, other in others:
        if not (name.cued or other.iso == best.iso) or best.gazetteer_id == other.gazetteer_id:
            continue
        # a town of the other's area, either way, read as the town or as its area
        if not any(_holds(x, best) or _holds(best, x) for x in (read, other)):
            return None
    return best


def _holds(area: Place, place: Place) -> bool:
    """Whether ``area`` (a province or district) holds ``place``."""
    if area.iso != place.iso or area.feature not in _AREA_FEATURES:
        return False
    if area.feature == "admin1":
        return bool(area.admin1) and area.admin1 == place.admin1
    return bool(area.admin2) and area.admin2 == place.admin2


def _strict_place(answer: Place, cands: Sequence[Candidate]) -> bool:
    """A place below a country read by its own spelling (``cands``: its query's candidates;
    a loose reading turns "Drone" into Dronero). Such a place is kept when it lies in the
    body's countries; where the body names none, only with a cue ("Nine killed ..." is no
    town Nine)."""
    if answer.feature == "country":
        return False
    return not any(c.loose for c in cands if c.gid == answer.gazetteer_id)


def _area_of_name(answer: Place, cands: Sequence[Candidate]) -> Place:
    """The province or district a town shares its name with, when there is one in its
    country: "Katsina mosque raid" names the state as often as its capital, and a hint
    must not be more precise than its headline (the raid was in Kankara, Katsina state)."""
    if answer.feature != "city":
        return answer
    area = next(
        (c for c in cands
         if c.feature in _AREA_FEATURES and c.iso == answer.iso and not c.loose),
        None,
    )  # fmt: skip
    if area is None:
        return answer
    return Place(
        name=area.name, latitude=area.lat, longitude=area.lon, feature=area.feature,
        country=area.country, iso=area.iso, admin1=area.admin1, admin2=area.admin2,
        geo_precision=FEATURE_PRECISION[area.feature], confidence=answer.confidence,
        gazetteer_id=area.gid, query=answer.query,
    )  # fmt: skip


def _may_be_unknown(name: Name) -> bool:
    """A name the gazetteer lacks is kept with a cue, when short, not an acronym ("IED",
    "ISIS") and without an institution's word ("Cattle Market")."""
    words = name.text.split()
    short = name.end - name.start <= _MAX_UNKNOWN_WORDS
    acronym = any(w.isupper() and len(w) > 1 for w in words)
    institution = any(w.lower() in _NOT_VILLAGE for w in words)
    return name.cued and short and not acronym and not institution


def _rank(place: Place) -> int:
    """Finer places first: a town, then a district, then a province."""
    if place.feature == "admin1":
        return 2
    return 1 if place.feature in _AREA_FEATURES else 0
