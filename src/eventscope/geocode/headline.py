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

Headlines are short and often in title case, so names are read by shape, not by spaCy (its
small model misses most of them: "Gorgadji:", "Pataz:", "Mecúfi town"): runs of capitalised
words, each run and its sub-runs looked up, longest first. A name the gazetteer places is
kept when it lies in one of the body's countries (or the body names none); a name it lacks
(one or two words) only with a cue that it is a place: a locative word before it ("in",
"near"), a kind word after it ("Mecúfi town"), or standing first before a colon, the way a
dateline does ("Gorgadji: ..."). An event noun after a name is no cue: "Insurgents attack
Mecúfi" reads it as a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eventscope.geocode.context import GeoContext
from eventscope.geocode.resolver import FEATURE_PRECISION, Geocoder, Unresolved
from eventscope.models import Place

# Words with inner hyphens and apostrophes, without a possessive 's ("Peru's Pataz").
_WORD = re.compile(r"[^\W\d_]+(?:(?:-|['’](?!s\b))[^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s[ \t]+")
_GAP = re.compile(r"[ \t]+")  # what may sit between two words of one name
_MAX_WORDS = 4
_MAX_UNKNOWN_WORDS = 2  # a village's name ("Gorgadji", "Debre Tabour"), not a body's
# Lower-case words that may sit inside a name: "Mocímboa da Praia", "Deir ez-Zor".
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "es", "de", "da", "do",
                        "du", "des", "dos", "la", "le", "les", "di", "del", "van", "bin", "ibn",
                        "wa"})  # fmt: skip
# Capitalised function words of title-case headlines: never part of a name.
# Capitalised words of title-case headlines that are never part of a name: function words,
# numbers, and the words of a press release's or a live page's own title.
_FUNCTION = frozenset({"in", "on", "at", "of", "the", "and", "for", "to", "after", "near", "from",
                       "with", "as", "by", "over", "into", "amid", "against", "a", "an", "is",
                       "are", "was", "were", "says", "say", "one", "two", "three", "four",
                       "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                       "dozens", "hundreds", "update", "statement", "communiqué", "communique",
                       "summary", "report", "breaking", "live", "video", "watch", "exclusive",
                       "analysis", "opinion", "editorial", "explainer", "government", "army",
                       "police", "ministry", "minister", "president"})  # fmt: skip
_LOCATIVE = frozenset({"in", "near", "at", "on", "outside", "around", "inside", "into",
                       "across", "towards", "toward"})  # fmt: skip
_KIND = frozenset({"town", "village", "city", "district", "province", "region", "county",
                   "commune", "territory", "state", "municipality", "governorate", "oblast",
                   "prefecture", "department", "camp", "area"})  # fmt: skip
_AREA_FEATURES = frozenset({"admin1", "admin2", "region"})


@dataclass(frozen=True, slots=True)
class HeadlineHint:
    """What the headline says about where its story is: the finest place the gazetteer
    knows, and the names it lacks."""

    place: Place | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    start: int  # word index in the headline
    end: int
    cued: bool


def headline_hint(title: str, countries: frozenset[str], geocoder: Geocoder) -> HeadlineHint:
    """The headline's places, read in the light of the body's ``countries`` (ISO codes of
    its resolved places and of the country it is about)."""
    words = [w for w in _WORD.finditer(title) if not _possessive_s(title, w)]
    if not words:
        return HeadlineHint()
    context = GeoContext(countries=countries)
    places: list[tuple[int, int, Place]] = []  # (precision rank, order, place)
    names: list[str] = []
    taken: set[int] = set()
    for name in _names(title, words):
        if taken.intersection(range(name.start, name.end)):
            continue
        answer = geocoder.resolve(name.text, context=context)
        if isinstance(answer, Unresolved):
            if _may_be_unknown(name, words):
                names.append(name.text)
                taken.update(range(name.start, name.end))
            continue
        # a name read as a place, kept or not, is not read again word by word: "Islamic
        # State" (loosely a town abroad) holds no village "Islamic"
        taken.update(range(name.start, name.end))
        if _kept(answer, name, countries, geocoder):
            place = _area_of_name(answer, geocoder)
            places.append((_rank(place), name.start, place))
    best = min(places, key=lambda p: (p[0], p[1]))[2] if places else None
    return HeadlineHint(best, tuple(dict.fromkeys(names)))


def _kept(answer: Place, name: _Name, countries: frozenset[str], geocoder: Geocoder) -> bool:
    """A known place is kept when it is no country, is read by its own spelling (a loose
    reading turns "Drone" into Dronero), and lies in the body's countries; where the body
    names none, only with a cue ("Nine killed ..." is no town Nine)."""
    if answer.feature == "country" or any(c.loose for c in geocoder.candidates_of(answer)):
        return False
    return answer.iso in countries if countries else name.cued


def _possessive_s(title: str, word: re.Match[str]) -> bool:
    """The "s" of a possessive ("Mali's"), which the word pattern leaves on its own."""
    return word.group() == "s" and title[word.start() - 1 : word.start()] in ("'", "’")


def _area_of_name(answer: Place, geocoder: Geocoder) -> Place:
    """The province or district a town shares its name with, when there is one in its
    country: "Katsina mosque raid" names the state as often as its capital, and a hint
    must not be more precise than its headline (the raid was in Kankara, Katsina state)."""
    if answer.feature != "city":
        return answer
    area = next(
        (c for c in geocoder.candidates(answer.query)
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


def _may_be_unknown(name: _Name, words: list[re.Match[str]]) -> bool:
    """A name the gazetteer lacks is kept with a cue, when short (a village's name, not a
    body's: "Gorgadji", "Debre Tabour") and not an acronym ("IED", "ISIS")."""
    short = name.end - name.start <= _MAX_UNKNOWN_WORDS
    acronym = any(w.group().isupper() and len(w.group()) > 1 for w in words[name.start : name.end])
    return name.cued and short and not acronym


def _rank(place: Place) -> int:
    """Finer places first: a town, then a district, then a province."""
    if place.feature == "admin1":
        return 2
    return 1 if place.feature in _AREA_FEATURES else 0


def _names(title: str, words: list[re.Match[str]]) -> Iterator[_Name]:
    """Every sub-run of each run of capitalised words, longest first, then leftmost."""
    runs = list(_runs(title, words))
    spans = [
        (i, j, run_start, run_end)
        for run_start, run_end in runs
        for i in range(run_start, run_end)
        for j in range(i + 1, min(run_end, i + _MAX_WORDS) + 1)
        if _name_word(words[i].group()) and _name_word(words[j - 1].group())
    ]
    for i, j, _, _ in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        end = words[j - 1].end()
        kind = _kind_after(title, words, j)
        # "Hodeidah governorate", "Sumy region": the area, not the town of its name
        text = title[words[i].start() : words[j].end() if kind else end]
        yield _Name(text, i, j, _cued(title, words, i, j))


def _kind_after(title: str, words: list[re.Match[str]], j: int) -> bool:
    """Whether a lower-case kind word ("district", "town") follows word ``j - 1``."""
    if j >= len(words) or not _GAP.fullmatch(title[words[j - 1].end() : words[j].start()]):
        return False
    word = words[j].group()
    return word.islower() and word in _KIND


def _name_word(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _FUNCTION


def _runs(title: str, words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """(first, end) word indices of runs of name words joined by spaces only; a particle
    may sit inside a run."""
    i = 0
    while i < len(words):
        if not _name_word(words[i].group()):
            i += 1
            continue
        j = i + 1
        while j < len(words) and _GAP.fullmatch(title[words[j - 1].end() : words[j].start()]):
            word = words[j].group()
            if not (_name_word(word) or _particle(word)):
                break
            j += 1
        while j > i + 1 and _particle(words[j - 1].group()):
            j -= 1
        yield i, j
        i = j


def _particle(word: str) -> bool:
    return word.lower() in _PARTICLES or word.split("-")[0] in _PARTICLES


def _cued(title: str, words: list[re.Match[str]], i: int, j: int) -> bool:
    """Whether the words ``i``..``j`` are said to be a place: a locative word before them,
    a kind word after them, or first in the headline before a colon."""
    k = i - 1
    # "in Peru's Pataz": the locative before the possessor
    if k > 0 and _POSSESSIVE.fullmatch(title[words[k].end() : words[i].start()]):
        k -= 1
    before = words[k].group().lower() if k >= 0 else ""
    if before in _LOCATIVE or (i > 0 and _kind_after(title, words, j)):
        return True
    return i == 0 and title[words[j - 1].end() :].lstrip().startswith(":")
