"""Which resolved place locates a mention (session 16).

Scraped articles often have no paragraph breaks, so the "paragraph" of a mention is the
whole article, with its background and its asides. A mention is located, in this order:

1. by its own event places, the most specific first and, on ties, the one nearest its
   trigger ("denied that eleven soldiers died in fighting in X, saying two were killed when
   bandits opened fire near Y": the shooting was at Y);
2. else by the event places of the sentences that hold the paragraph's other *eventive*
   mentions (not historical, negated, possible or planned ones: "X and Y have faced
   repeated raids in recent years" is background), its own sentence first, then the others
   in reading order, as reports name the place first and refer back ("The toll from the
   assault has risen to 10"). Precision breaks ties only inside one sentence, so that a
   township in the lede beats a town named later; a bare country is kept for last, when no
   sentence names anything finer.

In neither step does a place inside a relative clause about some other entity ("The gang
alliance, which the United States has designated a terrorist organisation, ...") locate a
mention whose trigger lies outside that clause: it says who that entity is, not where the
event was. A clause about a place ("Gatawa, which lies near Isa") still locates.

The country fallback (:mod:`eventscope.geocode.mentions`) skips countries in such clauses
too, and codes the text spells out for a group (:func:`spelled_out`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscope.geocode.resolver import Unresolved
from eventscope.models import NON_EVENT_MODALITIES, Mention, Place, PlaceMention

# ", which the United States designated", "(AA), who". Not "where" or "when": those clauses
# tell where or when something happened, often the event itself.
_RELATIVE = re.compile(r"[,(]\s*(?:which|who|whom|whose)\b", re.IGNORECASE)
# What ends a relative clause inside its sentence.
_CLAUSE_END = re.compile(r"[,;:)\u2013\u2014]|\s-\s|[.!?](?=\s|$)")
# Nouns that make the antecedent of a relative clause a place: "the village, which ..."
_PLACE_NOUNS = frozenset({"village", "town", "city", "district", "province", "region", "area",
                          "county", "state", "commune", "municipality", "township", "locality",
                          "camp", "settlement", "capital", "neighbourhood", "neighborhood",
                          "suburb", "department", "prefecture", "hamlet", "enclave",
                          "territory", "island", "valley", "forest", "road", "highway",
                          "border", "market", "base", "port"})  # fmt: skip
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
Choice = tuple[Place, PlaceMention]
Resolved = dict[str, Place | Unresolved]


def relative_clauses(
    text: str, start: int, end: int, places: Sequence[PlaceMention] = ()
) -> list[tuple[int, int]]:
    """Character spans of the relative clauses in ``text[start:end]`` (a sentence) about an
    entity that is no place: an organisation, an armed group, a person. ``places``: the
    toponyms of the text, which make a clause's antecedent a place."""
    out = []
    for match in _RELATIVE.finditer(text, start, end):
        if _about_a_place(text, match.start(), places):
            continue
        close = _CLAUSE_END.search(text, match.end(), end)
        out.append((match.start(), close.start() if close else end))
    return out


def _about_a_place(text: str, at: int, places: Sequence[PlaceMention]) -> bool:
    """Whether the words just before ``at`` (a relative clause's comma) name a place."""
    head = text[max(0, at - 60) : at].rstrip()
    if any(p.end == _end_before(text, at) for p in places):
        return True  # "Gatawa, which lies near Isa"
    word = _LAST_WORD.search(head)
    return word is not None and word.group(1).lower() in _PLACE_NOUNS


def _end_before(text: str, at: int, reach: int = 120) -> int:
    """Where the text before ``at`` ends, trailing whitespace left out."""
    window = text[max(0, at - reach) : at]
    return at - (len(window) - len(window.rstrip()))


def _aside(pm: PlaceMention, trigger: int, clauses: list[tuple[int, int]]) -> bool:
    """Whether ``pm`` lies in a relative clause that does not also hold the trigger."""
    return any(a <= pm.start < b and not a <= trigger < b for a, b in clauses)


def _located(
    mention: Mention,
    resolved: Resolved,
    clauses: list[tuple[int, int]],
    story_iso: str | None,
    own: bool = True,
) -> list[tuple[tuple[int, bool, int], Place, PlaceMention]]:
    """(rank, place, toponym) of the mention's resolved event places outside relative
    clauses about other entities; one inside such a clause still locates the mention whose
    trigger it shares (``own``: "the gang, which raided X in May"), never another mention.
    The rank: the most specific first; on ties, places in the story's country (a name read
    as a namesake abroad, "Lafitte" in the US for a locality of a Haitian commune, says
    less than the commune beside it; but an ambiguous "Congo" read as the wrong country
    must not outrank a town), then the nearest the trigger."""
    out = []
    for pm in mention.places:
        place = resolved.get(pm.text)
        if pm.role != "event" or not isinstance(place, Place):
            continue
        if _aside(pm, mention.start if own else -1, clauses):
            continue
        abroad = bool(story_iso and place.iso and place.iso != story_iso)
        out.append(((place.geo_precision, abroad, abs(pm.start - mention.start)), place, pm))
    return out


def choose_place(
    mention: Mention,
    text: str,
    mentions: Sequence[Mention],
    resolved: Resolved,
    paragraph: tuple[int, int],
    story_iso: str | None = None,
) -> Choice | None:
    """The place that locates ``mention`` (module docstring), or None, when neither it nor
    the eventive sentences of its ``paragraph`` (bounds in ``text``) name a resolved one.
    ``mentions``: all of the article's mentions, ``mention`` among them; ``story_iso``:
    the country the article is about, if it is clear."""
    places = [p for m in mentions for p in m.places]
    own = _located(mention, resolved, _clauses(text, mention, places), story_iso)
    if own:
        _, place, pm = min(own, key=lambda o: o[0])
        return place, pm
    context = (text, mentions, resolved, paragraph, places)
    return _from_other_sentences(mention, context, story_iso)


def _clauses(text: str, mention: Mention, places: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    return relative_clauses(text, mention.sentence_start, mention.sentence_end, places)


Context = tuple[str, Sequence[Mention], Resolved, tuple[int, int], Sequence[PlaceMention]]


def _from_other_sentences(
    mention: Mention, context: Context, story_iso: str | None
) -> Choice | None:
    """Step 2 of the module docstring. ``context``: the article's text, mentions, resolved
    toponyms, the mention's paragraph bounds and all toponyms."""
    text, mentions, resolved, (left, right), places = context
    options = []
    for other in mentions:
        if other.modality in NON_EVENT_MODALITIES or other is mention:
            continue
        if not (left <= other.sentence_start and other.sentence_end <= right):
            continue
        same = other.sentence_start == mention.sentence_start
        tier = (0, 0) if same else (1, other.sentence_start)
        clauses = _clauses(text, other, places)
        for rank, place, pm in _located(other, resolved, clauses, story_iso, own=False):
            # a bare country waits for every sentence that names something finer
            coarse = place.feature == "country"
            options.append(((coarse, tier, *rank, pm.start), place, pm))
    if not options:
        return None
    _, place, pm = min(options, key=lambda o: o[0])
    return place, pm


# "Barisan Revolusi Nasional (BRN)": an acronym the text spells out, in brackets after the
# name. Brunei's code BRN, or Chad's TCD, then names the group, not the country.
_BRACKETED = re.compile(r"\(([A-Z]{2,5})\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_ACRONYM_REACH = 8  # words before the bracket that may spell it out


def spelled_out(text: str, named_countries: Sequence[tuple[int, int]]) -> set[str]:
    """The acronyms ``text`` spells out for something else than a country: the letters of
    a bracketed capital word are the initials of capitalised words just before it, and
    those words are no country's name (``named_countries``: spans of country names, so
    that "Democratic Republic of Congo (DRC)" keeps its DRC)."""
    out = set()
    for match in _BRACKETED.finditer(text):
        before = text[max(0, match.start() - 120) : match.start()]
        head_end = _end_before(text, match.start())
        if any(a < head_end <= b for a, b in named_countries):
            continue
        words = _NAME_WORD.findall(before)[-_ACRONYM_REACH:]
        initials = "".join(w[0] for w in words if w[0].isupper())
        if _spells(match.group(1), initials):
            out.add(match.group(1))
    return out


def _spells(acronym: str, initials: str) -> bool:
    """Whether ``acronym``'s letters come in order among ``initials`` and its last letter is
    the last initial: "BRN" of "Barisan Revolusi Nasional", "FLEC" of "Front for the
    Liberation of the Enclave of Cabinda" ("for", "the", "of" have no capital)."""
    if not initials or initials[-1] != acronym[-1]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in acronym)
