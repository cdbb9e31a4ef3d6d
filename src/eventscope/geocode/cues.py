"""Where the text says a toponym lies: the toponym after "in", "near" or a bearing ("Pale
township in Sagaing region", "Ber, east of Timbuktu"), a possessor before it ("Mogadishu's
Hodan district"), or the cue of a later name of the same list ("Arbin and Zamalka in
Eastern Ghouta"). Used by :func:`eventscope.geocode.embedded.located_in_text`; moved out
of that module in the review of round 12, when the span lookups became per document."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from eventscope.geocode.standin import LOCATED_IN

# "Sagaing region's Kani township": the possessive between two toponyms, right before
# the second (searched in the few characters before it)
_POSSESSOR = re.compile(r"['’]s[ \t]+$")
_POSSESSOR_REACH = 8
# "Karma village in Yatenga", "Pale township in Sagaing region", "Zamzam camp near El
# Fasher": the kind of place may stand between the name and where the text puts it.
KIND_WORD = re.compile(
    r"\s+(?:village|town|township|district|camp|area|municipality|neighbourhood"
    r"|neighborhood|locality)(?=[\s,])"
    # or an apposition: "Kishishe, a village in Rutshuru", "Boni, a small town near Hombori"
    r"|,\s+an?\s+(?:(?:small|remote|frontline|front-line|border|farming|mountain|desert"
    r"|coastal|rural|strategic|key)\s+)?(?:village|town|city|hamlet|settlement|locality"
    r"|camp|township)(?=\s)"
    # or a part of a town: "Sheikh Maqsoud, a Kurdish district of Aleppo", "Mezzeh, a
    # western suburb of Damascus" (one adjective of any kind: "Kurdish", "Alawite")
    r"|,\s+an?\s+(?:[A-Za-z][\w-]*\s+)?(?:district|neighbourhood|neighborhood|suburb"
    r"|quarter)(?=\s+of\s)"
)
# "Arbin and Zamalka in Eastern Ghouta", "Binnish, Sarmin and Taftanaz in Idlib": names
# listed before a cue lie where it says (a list of at most this many more names)
_LIST_JOIN = re.compile(r",?[ \t]+(and|or)[ \t]+|,[ \t]*")
_LIST_REACH = 4
_AT_CUE = re.compile(r"\bat\b")
# "Maru Local Government Area of Zamfara State", "Ancuabe district of Cabo Delgado": after
# a toponym that ends in a word for an area, "of" places it as "in" does (session 15)
_AREA_END = re.compile(
    r"(?:area|district|province|region|governorate|municipality|lga|county|state"
    r"|territory|prefecture)$",
    re.IGNORECASE,
)
_AREA_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_CHAIN_HOPS = 3  # "X near Y in Z of W": names the gazetteer lacks, each placed by the next
# "a district of Aleppo": after a part-of-town apposition "of" places the name as "in" does
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# "in eastern Deir ez-Zor", "north of central Gao": a part-of-area adjective may come
# before the toponym the cue names, outside its span
# "in the commune of Arcahaie", "in the municipality of Argelia" (session 16): the area
# noun before the name it introduces
_AREA_NOUN_OF = re.compile(
    r"(?:commune|municipality|district|department|province|region|county|prefecture"
    r"|governorate|sub-prefecture|territory|locality|state)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PART_ADJECTIVE = re.compile(
    r"(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central"
    r"|rural|greater)\s+",
    re.IGNORECASE,
)
# "Ber, east of Timbuktu", "Harib, 30 km south of Marib", "Al-Kasrah, west of the city of
# Deir ez-Zor": conflict news places a village by bearing from a known town; it says
# where the name lies as plainly as "in" or "near" does.
_UNIT = r"(?:kms?|kilomet(?:re|er)s?|mi(?:les?)?)"
DIRECTION_OF = re.compile(
    # one whitespace run between fixed words: no nested optional runs to backtrack over
    r",?[ \t]+(?:(?:about|some|around|nearly|just|roughly|approximately)[ \t]+)?"
    rf"(?:\d[\d,.]*[ \t]?{_UNIT}[ \t]+(?:\(\d[\d,.]*[ \t]?{_UNIT}\)[ \t]+)?)?"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"
    r"[ \t]+of[ \t]+(?:the[ \t]+(?:city|town|village)[ \t]+of[ \t]+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SpanLayout:
    """Per-document lookups over the toponym spans, built once per document: a scan of
    every span per list step was quadratic on long lists (review of round 12)."""

    starts: tuple[int, ...]  # span starts, sorted
    order: tuple[int, ...]  # the span index of each sorted start (lowest index first)
    by_start: dict[int, int]  # start -> span index (the last one, as before)
    by_end: dict[int, tuple[int, ...]]  # end -> span indices


def span_layout(spans: Sequence[tuple[int, int]]) -> SpanLayout:
    order = sorted(range(len(spans)), key=lambda j: (spans[j][0], j))
    by_end: dict[int, list[int]] = {}
    for j, (_, e) in enumerate(spans):
        by_end.setdefault(e, []).append(j)
    return SpanLayout(
        starts=tuple(spans[j][0] for j in order),
        order=tuple(order),
        by_start={s: j for j, (s, _) in enumerate(spans)},
        by_end={e: tuple(js) for e, js in by_end.items()},
    )


def find_cue(
    text: str,
    spans: Sequence[tuple[int, int]],
    i: int,
    areas: Sequence[bool] | None = None,
    layout: SpanLayout | None = None,
) -> tuple[int, str] | None:
    """(index of the toponym that says where span ``i`` lies, the cue's text), or None:
    the toponym after "in", "near" or a bearing ("Pale township in Sagaing region"), or a
    possessor right before it ("Sagaing region's Kani township", "Mogadishu's Hodan
    district"), which holds its possession as "in" says. Since round 12 a name listed
    before another shares its cue when "and" or "or" joins that last name ("Arbin and
    Zamalka in Eastern Ghouta", "Binnish, Sarmin and Taftanaz in Idlib"); names joined by
    commas alone are no list, and "at" names the last one's site only ("Florida Atlantic
    University, California Polytechnic State University and California State University
    at San Marcos"). Since the review of round 12 only an "in", "near" or "outside" right
    after the last name is shared: a bearing or an apposition after a comma describes
    the last name alone ("Daraa and Adra, northeast of Damascus"); and a listed name that
    ``areas`` flags as a country or state after a comma qualifies the name before it and
    ends the list ("Saraqib, Syria and Tal Afar in Iraq")."""
    layout = layout or span_layout(spans)
    found = _own_cue(text, spans, i, layout)
    if found is not None:
        return found[0], found[1]
    j = i
    for _ in range(_LIST_REACH):
        step = _next_listed(text, spans, j, layout)
        if step is None:
            return None
        j, conjoined = step
        if not conjoined and areas is not None and areas[j]:
            return None  # "Saraqib, Syria and ...": a "Town, Country" qualifier
        found = _own_cue(text, spans, j, layout)
        if found is not None:
            # "at" binds the last name alone: "... and California State University at ..."
            shared = conjoined and found[2] and not _AT_CUE.search(found[1])
            return (found[0], found[1]) if shared else None
    return None


def has_own_cue(
    text: str, spans: Sequence[tuple[int, int]], i: int, layout: SpanLayout | None = None
) -> bool:
    """Whether span ``i`` has a cue of its own, not one it shares with the last name of a
    list (:func:`find_cue`): "Kano, in Zamfara State" says where Kano lies; "Kharkiv and
    Sloviansk in the Donetsk region" says it of Sloviansk only, for certain."""
    return _own_cue(text, spans, i, layout or span_layout(spans)) is not None


def _next_listed(
    text: str, spans: Sequence[tuple[int, int]], i: int, layout: SpanLayout
) -> tuple[int, bool] | None:
    """(the toponym listed right after span ``i``, whether "and" or "or" joins it). Only
    the spans starting nearest after span ``i`` can be listed next: any later one has a
    name between them."""
    end = spans[i][1]
    k = bisect_right(layout.starts, end)
    if k == len(layout.starts):
        return None
    nearest = layout.starts[k]
    join = _LIST_JOIN.fullmatch(text, end, nearest)
    return (layout.order[k], bool(join.group(1))) if join is not None else None


def _own_cue(
    text: str, spans: Sequence[tuple[int, int]], i: int, layout: SpanLayout
) -> tuple[int, str, bool] | None:
    """The cue right after (or the possessor right before) span ``i`` (see :func:`find_cue`),
    and whether names listed before span ``i`` may share it: an "in", "near" or "outside"
    right after the name, with no comma or apposition between, or ", in" (session 16)."""
    start, end = spans[i]
    after = KIND_WORD.match(text, end)  # "Pale township in Sagaing region"
    at = after.end() if after else end
    located = LOCATED_IN.match(text, at)
    found = located or DIRECTION_OF.match(text, at) or _part_of(after, text)
    area_of = _AREA_OF.match(text, end) if _AREA_END.search(text, start, end) else None
    if found is None and area_of is not None and area_of.end() in layout.by_start:
        return layout.by_start[area_of.end()], " in", False
    if found is not None:
        part = _PART_ADJECTIVE.match(text, found.end()) or _AREA_NOUN_OF.match(text, found.end())
        where = found.end() if found.end() in layout.by_start or part is None else part.end()
        if where not in layout.by_start:
            return None
        # session 16: ", in" after a list holds the whole list too ("the localities of X and
        # Y, in the commune of Z"); a bearing or "near" after a comma describes the last name
        comma = "," in text[end : found.start() + 1]
        direct = located is not None and (not comma or found.group(0).strip(" ,").startswith("in "))
        return _possessed(text, spans, layout.by_start[where], layout), found.group(0), direct
    owner = _POSSESSOR.search(text, max(0, start - _POSSESSOR_REACH), start)
    if owner is None:
        return None
    # the owner's span may keep its "'s" ("Cabo Delgado's", as an extractor left it)
    kept = layout.by_end.get(owner.start() + len(owner.group(0).rstrip()), ())
    ends = [j for j in (*layout.by_end.get(owner.start(), ()), *kept) if j != i]
    return (ends[-1], " in", False) if ends else None


_OWNS = re.compile(r"['’]s[ \t]+")


def _possessed(text: str, spans: Sequence[tuple[int, int]], j: int, layout: SpanLayout) -> int:
    """The name that span ``j`` possesses right after it, else ``j`` (session 17): "in
    Haiti's Artibonite department" puts a place in Artibonite, which lies in Haiti."""
    end = spans[j][1]
    if text[end - 2 : end] in ("'s", "’s"):  # "Burkina Faso's", as an extractor left it
        end -= 2
    owns = _OWNS.match(text, end)
    return layout.by_start.get(owns.end(), j) if owns else j


def _part_of(kind: re.Match[str] | None, text: str) -> re.Match[str] | None:
    """The " of " after a part-of-town apposition ("a Kurdish district of Aleppo")."""
    if kind is None or not kind.group(0).startswith(","):
        return None
    return _PART_OF.match(text, kind.end())


def cue_past_unknowns(
    text: str,
    spans: Sequence[tuple[int, int]],
    i: int,
    unknown: Sequence[bool],
    areas: Sequence[bool] | None = None,
    layout: SpanLayout | None = None,
) -> tuple[int, str] | None:
    """:func:`find_cue`, going on past toponyms the gazetteer lacks (``unknown``) to the
    one that places them (session 15): in "Kwanar Dutse village near Dansadau in Maru
    Local Government Area of Zamfara State" only Zamfara is known, and it says where the
    whole chain lies. The cue returned is the last link's: it says whether the chain ends
    inside that place ("in", "of", a possessor) or only near it."""
    layout = layout or span_layout(spans)
    found = find_cue(text, spans, i, areas, layout)
    seen = {i}
    for _ in range(_CHAIN_HOPS):
        if found is None or not unknown[found[0]] or found[0] in seen:
            return found
        seen.add(found[0])
        onward = find_cue(text, spans, found[0], areas, layout)
        if onward is None:
            return found
        found = onward
    return found
