"""Find toponyms in running text: spaCy's named entities of place types, tidied, plus a
gazetteer-driven matcher for the place names the small spaCy model misses.

* **Tidying**: a toponym is the name itself, so a leading article ("the United States")
  and a trailing possessive ("South Korea's") are trimmed off spaCy's span.
* **Demonyms**: spaCy labels "European" or "Turkish" NORP; where the word is a country's
  or continent's demonym in the gazetteer it is a place reference (GeoWebNews counts
  "Turkish troops" as a literal modifier), so it is kept.
* **Gazetteer matcher**: a run of capitalised words that no spaCy entity covers, that is
  not the first word of a sentence, and that names a gazetteer place is a toponym when the
  place is prominent (a country, state, region, or a town of ``_MIN_POPULATION``) or when
  a locative preposition ("in", "near", "outside") comes right before it. Words spaCy
  tagged as a person or an organisation are never matched, so "Nelson said" and
  "Franklin Templeton" stay out.
* **Further cues** (:mod:`eventscope.geocode.recognize_cues`): area acronyms ("the EU"),
  wire datelines inside a line, "Washington, D.C." as one name, and other standalone
  mentions of a place name already recognised in the same article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventscope.geocode.curated import abbreviation_area
from eventscope.geocode.normalize import strict_key, strict_tokens
from eventscope.geocode.recognize_cues import (
    LOCATIVE,
    acronyms,
    merge_qualified,
    propagate,
    wire_datelines,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Span_

    from eventscope.geocode.gazetteer import Gazetteer

Span = tuple[int, int]
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOCATIVE = LOCATIVE
_AREA_FEATURES = frozenset({"country", "admin1", "region", "continent", "sea"})
_MIN_POPULATION = 50_000  # a town this big is usually meant when its name is capitalised
_MAX_WORDS = 4
# The last word of a street, building or natural feature: "Royal Street", "Barclays
# Center", "Glenrock Lagoon" are places even when spaCy calls them organisations.
_FACILITY_WORDS = frozenset({
    "street", "avenue", "road", "boulevard", "lane", "highway", "bridge", "square", "park",
    "center", "centre", "stadium", "arena", "airport", "hospital", "cathedral", "tower",
    "estate", "lagoon", "lake", "river", "mountain", "island", "islands", "bay", "beach",
    "point", "valley", "canyon", "forest",
})  # fmt: skip
# A dateline: "WASHINGTON (AP) --", "SAN DIEGO, Calif. —" at the start of a line.
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'.]+(?:[ \t]+[A-Z][A-Z'.]+){0,3})(?=[ \t]*[,(—–-])", re.M)
_AFTER_COMMA = re.compile(r",[ \t]*([A-Z][A-Za-z]*\.(?:[ \t]?[A-Z][a-z]?\.)?)")
_RELABEL = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _tidy(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without a leading "the" and a trailing possessive."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article and article.end() < end:
        start = article.end()
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and possessive.start() > start:
        end = possessive.start()
    return start, end


def _is_place_name(words: list[str], gazetteer: Gazetteer, locative: bool) -> bool:
    cands = gazetteer.lookup_tokens(strict_tokens(" ".join(words)))
    strict = [c for c in cands if not c.loose and c.primary]
    if locative:
        return bool(strict)
    return any(c.feature in _AREA_FEATURES or c.population >= _MIN_POPULATION for c in strict)


def _is_facility(words: list[str]) -> bool:
    return len(words) > 1 and words[-1].lower() in _FACILITY_WORDS


def _datelines(text: str, gazetteer: Gazetteer) -> Iterator[Span]:
    found = [((m.start(1), m.end(1)), m.group(1)) for m in _DATELINE.finditer(text)]
    found += [c for c in wire_datelines(text) if c not in found]
    for span, name in found:
        if _is_place_name(name.split(), gazetteer, locative=True):
            yield span


def _state_abbreviations(text: str, spans: list[Span]) -> Iterator[Span]:
    """The abbreviated state after a toponym: "Calif." in "SAN DIEGO, Calif.", "N.M."."""
    for _, end in spans:
        m = _AFTER_COMMA.match(text, end)
        if m and abbreviation_area(m.group(1)):
            yield m.start(1), m.end(1)


def _is_name_word(tok: Token) -> bool:
    """A capitalised proper noun: "West" or "Free" used as adjectives are not names."""
    return tok.is_title and tok.is_alpha and tok.pos_ == "PROPN"


def _relabelled(doc: Doc, gazetteer: Gazetteer) -> Iterator[Span]:
    """spaCy entities of other types ("Harare" as an ORG, "Barclays Center") that are
    places: a facility by its last word, or a prominent place, or any place right after a
    locative preposition; a PERSON needs the preposition ("in Nelson"), as many towns are
    named after people."""
    for e in doc.ents:
        if e.label_ not in _RELABEL or len(e) > _MAX_WORDS:
            continue
        words = [t.text for t in e]
        locative = e.start > 0 and doc[e.start - 1].lower_ in _LOCATIVE
        if e.label_ == "PERSON" and not locative:
            continue
        facility = e.label_ == "ORG" and _is_facility(words)
        if facility or (
            all(_is_name_word(t) for t in e) and _is_place_name(words, gazetteer, locative)
        ):
            yield e.start_char, e.end_char


def _unknown_place(e: Span_, gazetteer: Gazetteer) -> bool:
    """A place entity that no locative preposition introduces and that the gazetteer does
    not know: one word with no match even loosely ("Modi", "Dropbox"), or a GPE of several
    words with no exact main-name match (teams and colleges such as "Notre Dame")."""
    doc = e.doc
    locative = e.start > 0 and doc[e.start - 1].lower_ in _LOCATIVE
    if locative:
        return False
    cands = gazetteer.lookup_tokens(strict_tokens(e.text))
    if len(e) == 1:
        return not cands
    return e.label_ == "GPE" and not any(not c.loose and c.primary for c in cands)


def _gazetteer_matches(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Capitalised word runs outside spaCy's entities that name a gazetteer place."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or tok.is_sent_start or not _is_name_word(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < _MAX_WORDS and j not in taken and _is_name_word(doc[j]):
            j += 1
        locative = i > 0 and doc[i - 1].lower_ in _LOCATIVE
        for k in range(j, i, -1):  # longest run first: "Klamath Falls" before "Klamath"
            words = [t.text for t in doc[i:k]]
            if _is_facility(words) or _is_place_name(words, gazetteer, locative):
                yield doc[i].idx, doc[k - 1].idx + len(doc[k - 1])
                i = k - 1
                break
        i += 1


def _names_continent(text: str, gazetteer: Gazetteer) -> bool:
    """ "European", "African": continent demonyms are alternate names of the continents."""
    return any(c.feature == "continent" for c in gazetteer.lookup_tokens(strict_tokens(text)))


def _toponyms(doc: Doc, gazetteer: Gazetteer | None) -> list[Span]:
    text = doc.text
    if gazetteer is None:
        return [
            _tidy(text, e.start_char, e.end_char) for e in doc.ents if e.label_ in _PLACE_LABELS
        ]
    demonyms = gazetteer.demonyms()
    spans = []
    for e in doc.ents:
        if e.label_ in _PLACE_LABELS and not _unknown_place(e, gazetteer):
            spans.append(_tidy(text, e.start_char, e.end_char))
        key = strict_key(e.text)
        if e.label_ == "NORP" and (
            key in demonyms or key[:-1] in demonyms or _names_continent(e.text, gazetteer)
        ):
            spans.append((e.start_char, e.end_char))
    spans.extend(_tidy(text, *span) for span in _relabelled(doc, gazetteer))
    spans.extend(_datelines(text, gazetteer))
    spans.extend(_state_abbreviations(text, spans))
    # every token of any entity (places included) is out of the matcher's reach
    taken = {t.i for e in doc.ents for t in e}
    spans.extend(_gazetteer_matches(doc, gazetteer, taken))
    spans.extend(acronyms(doc, gazetteer))
    spans = sorted(set(spans))
    spans.extend(propagate(doc, spans, gazetteer))
    return merge_qualified(text, sorted(set(spans)))


def recognise_toponyms(
    texts: Iterable[str], nlp: Language, gazetteer: Gazetteer | None = None
) -> Iterator[list[Span]]:
    """Character spans of the toponyms of each text, in text order. Without a gazetteer
    only spaCy's (tidied) place entities are returned."""
    for doc in nlp.pipe(texts, batch_size=16):
        yield _toponyms(doc, gazetteer)
