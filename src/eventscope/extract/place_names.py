"""Where a place name starts and which verb governs it, and the event place of a sentence
that names none.

Kept apart from :mod:`eventscope.extract.places`, which applies them (session 13, to keep
that module under 400 lines): the first token of a hyphen-joined name the parser split
("Petite-Rivière-de-l'Artibonite", whose object token is only "l'Artibonite"), a French
elided article inside a name ("l'Artibonite", "d'Ivoire"), the verb that a "from" phrase
hangs on when a parenthesis cuts the words back to it ("abducted 30 people, mostly women,
from a community ..."), and the places named by local witnesses or a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from eventscope.extract.place_shapes import dateline_places, dateline_start
from eventscope.geocode.borders import NOT_ACROSS
from eventscope.geocode.normalize import EZAFE_LINKS
from eventscope.models import PlaceMention

# A French elided article that starts the next name: "de l'Artibonite", "Côte d'Ivoire".
_ELIDED_NAME = re.compile(r"[LlDd]['’][A-ZÀ-Ý][\w'’-]*")


def elided_name(token: Token) -> bool:
    """Whether ``token`` is a name after an elided article ("l'Artibonite"), which reads as
    a capitalised word of a place name although its first letter is small."""
    return _ELIDED_NAME.fullmatch(token.text) is not None


def hyphen_name_start(sent: Span, i: int, particles: frozenset[str]) -> int:
    """The first token of the hyphen-joined name that token ``i`` ends or continues: the
    parser splits "Petite-Rivière-de-l'Artibonite" into seven tokens and makes only the
    last its verb's object, so a run read from there names "l'Artibonite" alone. Only
    tokens glued to the hyphen on both sides count ("Russian-held Avdiivka" stays)."""
    doc = sent.doc
    while i - 2 >= sent.start:
        hyphen, before = doc[i - 1], doc[i - 2]
        if hyphen.text != "-" or hyphen.whitespace_ or before.whitespace_:
            break
        if not (before.is_title or before.lower_ in particles or elided_name(before)):
            break
        i -= 2
    return i


def verb_of_from(span_start: int, sent: Span) -> Token | None:
    """The verb a "from" phrase before ``span_start`` hangs on, by the parse: for "abducted
    30 people, mostly women, from a community on the outskirts of X" the words back to the
    nearest verb stop at the comma after "women", yet whether "from" takes people away
    (the event place) or names an origin depends on that verb. None without one."""
    doc = sent.doc
    for i in range(span_start - 1, sent.start - 1, -1):
        if doc[i].lower_ != "from":
            continue
        head = doc[i].head
        return head if head.pos_ == "VERB" and head.i < i else None
    return None


_TRIP_ENDS = frozenset({"to", "towards", "toward", "for"})
# "on the highway", "along the road": not "at" or "in", which may belong to the destination
# ("to the army camp at Tessit", "to a ceremony in Lahore"; review)
_ALONG_THE_WAY = frozenset({"on", "along"})


def after_trip(words: list[str], moving: bool) -> list[str]:
    """The words after a whole trip told before the place (session 17): in "a coach
    travelling from Quetta to Lahore on the national highway in Mastung district", "from"
    and "to" have their own places; Mastung, after "on ... in", is where on the way it
    happened. Unchanged without a motion verb, or when no locative follows the trip's end."""
    if not moving or "from" not in words:
        return words
    start = words.index("from")
    end = next((i for i in range(start + 2, len(words)) if words[i] in _TRIP_ENDS), None)
    if end is None:
        return words
    way = next((i for i in range(end + 2, len(words)) if words[i] in _ALONG_THE_WAY), None)
    return words if way is None else words[way:]


# "Residents of Malam Fatori in Borno state said ...": people who live where it happened
# vouch for the place, unlike "officials in Kyiv said". Only these sayers count (and, since
# session 17, the town's mayor and village heads, who speak for it).
_LOCAL_SAYERS = re.compile(
    r"\b(?i:residents?|villagers?|witnesses|eyewitnesses|locals|inhabitants|townspeople"
    # session 17: a town's own officials ("the mayor of Lestere told our station")
    # (review: "community leaders of Fulani herders", "local leaders of Hezbollah" are groups)
    r"|mayors?|(?:village|community)\s+(?:chiefs?|heads?))"
    r"\s+(?:of|in|from)\s+(?:the\s+(?:town|village|city)\s+of\s+)?"
    # "residents of a border locality in Mayo-Tsanaga" (session 13b)
    r"(?:(?i:an?|the)\s+(?:[a-z]+\s+)?(?i:locality|village|town|community|area)\s+(?:in|of)\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})"
)


def local_witness_places(sent: Span, claimants: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """The place named by local witnesses inside a claimant phrase ("residents of X said"),
    as the event place: for sentences that name the place nowhere else."""
    found = []
    for start, end in claimants:
        offset = start - sent.start_char
        for m in _LOCAL_SAYERS.finditer(sent.text[offset : offset + end - start]):
            s, e = start + m.start("name"), start + m.end("name")
            found.append(PlaceMention(text=m.group("name"), start=s, end=e, role="event"))
    return found


def fallback_places(sent: Span, claimants: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """The event place of a sentence that names none: local witnesses' own place, else the
    dateline's town."""
    return local_witness_places(sent, claimants) or dateline_places(sent)


# Lower-case links inside a hyphen-joined name: the Persian ezafe and a few Romance ones
# ("Vila-do-Conde"). Never "to", "vs" or "and": "Maiduguri-to-Damboa road" is two towns.
_GLUED_LINKS = EZAFE_LINKS | frozenset({"de", "du", "da", "do", "di", "la", "le", "el", "al"})


def glued_connector(sent: Span, i: int) -> bool:
    """Whether token ``i`` is a lower-case link glued by hyphens between two parts of one
    name: the Persian ezafe of "Pol-i-Khumri", "Mazar-i-Sharif", "Sar-e-Pul" (session 13b:
    the run stopped at the small "i" and left "Pol", a village in Spain); only the links
    of ``_GLUED_LINKS`` (session 13 review: "Maiduguri-to-Damboa" is no name)."""
    doc = sent.doc
    if i - 1 < sent.start or i + 2 >= sent.end:
        return False
    before, token, after, name = doc[i - 1], doc[i], doc[i + 1], doc[i + 2]
    glued = not (before.whitespace_ or token.whitespace_ or after.whitespace_)
    hyphens = before.text == "-" and after.text == "-"
    return glued and hyphens and token.text in _GLUED_LINKS and name.is_title


# "in the Tarmiyah district north of Baghdad", "a village 30 km south-east of Gao": the
# town after the bearing is where the place lies from, not where the event was. Not after
# "the" (session 13 review): "in the north of Gaza" is a part of Gaza (group ``part``).
_BEARING_BEFORE = re.compile(
    r"(?:\b(?P<to>to)\s+)?(?:\b(?P<part>the)\s+(?:far\s+)?)?"  # "to the north of X": a bearing
    r"\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.I,
)
# "residents of Sweida", "villagers of Kigoma" (session 14): where people live is where what
# they do or suffer happened, unless the sentence names that place itself ("residents of
# Goma were killed in an ambush near Beni").
RESIDENT_NOUNS = frozenset({"residents", "inhabitants", "villagers", "townspeople",
                            "townsfolk", "dwellers", "people", "population"})  # fmt: skip
_RESIDENTS_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(RESIDENT_NOUNS)) + r")\s+of\s+(?:the\s+)?$", re.I
)
# Powers named by their seat (session 14): "chanting against the government in Damascus",
# "the authorities in Kinshasa" (where the sentence names its own event place; "troops loyal
# to the government in Taiz" fought in Taiz).
_SEAT_BEFORE = re.compile(
    r"(?<!outside the )(?<!at the )(?<!near the )(?<!front of the )"
    r"\b(?:government|authorities|regime|administration|junta|leadership|parliament)"
    r"\s+in\s+$",
    re.I,
)
# "in al-Karama square in the city of Sweida" (session 14): a street, square or bridge named
# after a place lies in the town the sentence names, not in its namesake town.
_STREET_AFTER = re.compile(r"\s+(?:square|street|avenue|boulevard|roundabout)\b", re.I)
# "near the Assam border": the area across or along a border, not the event's own place;
# not a place on this side ("Moreh border town", "the Rafah border crossing")
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)s?\b" + NOT_ACROSS, re.I)
# "the Assam Rifles", "the Arakan Army": a force named after its home, no place at all.
_FORCE_WORDS = frozenset({"rifles", "army", "regiment", "brigade", "battalion", "corps",
                          "guards", "militia", "police", "forces"})  # fmt: skip


def reference_roles(
    sent: Span, places: list[PlaceMention], asides: Sequence[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Session 13b. Drop names of forces; and where the sentence names its own event place,
    make "other" (context) of the places that only say where that one lies or where the
    story was filed: the dateline's town ("BAGHDAD, Aug 6 - ... in the Tarmiyah district"),
    a bearing's reference town ("north of Baghdad"), a border's far side ("a village near
    the Assam border"); session 14: a square or street named after a town, a power's seat
    ("the government in Damascus"), a place in ``asides`` (a speaker's cut-off part), and a
    residence ("residents of Goma"), unless the sentence's own place only locates that
    residence ("residents of Ardamata in West Darfur"). A sentence with no other event place
    keeps them as they are."""
    text, dateline = sent.doc.text, dateline_start(sent)
    places = [p for p in places if p.text.split()[-1].lower() not in _FORCE_WORDS]
    places = _road_directions(text, places)

    def reference(p: PlaceMention) -> str:
        """ "home" for a residence, "context" for another reference, "" for neither."""
        before = text[max(sent.start_char, p.start - 40) : p.start]
        if _RESIDENTS_BEFORE.search(before) is not None:
            return "home"
        bearing = _BEARING_BEFORE.search(before)
        context = (
            p.start == dateline
            or (bearing is not None and (bearing["part"] is None or bearing["to"] is not None))
            or _BORDER_AFTER.match(text, p.end) is not None
            or _STREET_AFTER.match(text, p.end) is not None
            or _SEAT_BEFORE.search(before) is not None
            or any(a <= p.start < b for a, b in asides)
        )
        return "context" if context else ""

    kinds = [reference(p) for p in places]
    own = [p for p, kind in zip(places, kinds, strict=True) if p.role == "event" and not kind]
    if not own:
        return places

    def demoted(p: PlaceMention, kind: str) -> bool:
        located = any(_LOCATES.fullmatch(text[p.end : q.start]) for q in own if q.start >= p.end)
        return p.role == "event" and bool(kind) and not (kind == "home" and located)

    return [
        replace(p, role="other") if demoted(p, kind) else p
        for p, kind in zip(places, kinds, strict=True)
    ]


# "on the road east of Jowhar towards Balcad": the road's direction, once the sentence has
# named a place on it; "fighting on the road towards Sake" alone is near Sake (session 14).
_ROAD_TOWARDS_BEFORE = re.compile(
    r"\b(?:road|highway|route|axis|corridor)\b[^.;]{0,60}\btowards?\s+(?:the\s+)?$", re.I
)


def _road_directions(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    def direction(p: PlaceMention) -> bool:
        offset = max(0, p.start - 80)
        road = _ROAD_TOWARDS_BEFORE.search(text[offset : p.start])
        if p.role != "event" or road is None:
            return False
        # the other place named on the road itself ("the road east of Jowhar towards"), not
        # a dateline or a country before it (review)
        lo, hi = offset + road.start(), offset + road.end()
        return any(lo <= q.start and q.end <= hi for q in places if q is not p)

    return [replace(p, role="destination") if direction(p) else p for p in places]


_LOCATES = re.compile(r"\s*(?:,|in|in the|,\s*in)\s*", re.I)


# Arabic articles that open a name in lower case ("in al-Shaddadi", "the town of el-Fasher"),
# joined to the capitalised word by a hyphen (session 18).
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "es", "an"})


def leading_article(sent: Span, i: int) -> bool:
    """Whether an Arabic article glued to a capitalised word by a hyphen starts at ``i``."""
    doc = sent.doc
    if i + 2 >= sent.end or doc[i].lower_ not in _ARTICLES or doc[i + 1].text != "-":
        return False
    glued = doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == ""
    return glued and doc[i + 2].is_title
