"""Extra recognition cues on top of :mod:`eventscope.geocode.recognize`.

* **Acronyms**: an all-capitals word ("EU", "UK", "UAE") that is an alternate name of a
  big country or region in the gazetteer names that place, whatever spaCy labelled it;
  small countries' codes ("AI", "TV") are left out, as they are mostly other words.
* **Qualified names**: "Washington, D.C." is one name, not a city plus a state.
* **Wire datelines inside a line**: "... Associated Press. WASHINGTON (AP) --".
* **One sense per article**: a name recognised as a place once in an article is a place
  wherever else it stands there as a name ("in Immokalee" ... "revitalize Immokalee"),
  except inside a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventscope.geocode.normalize import strict_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventscope.geocode.gazetteer import Gazetteer

Span = tuple[int, int]
LOCATIVE = frozenset({
    "in", "near", "outside", "at", "from", "to", "around", "across", "into", "throughout",
    "within", "toward", "towards",
})  # fmt: skip
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ACRONYM_AREAS = frozenset({"country", "region", "continent"})
_ACRONYM_MIN_POPULATION = 1_000_000
# A name and a qualifier that belong together: "Washington, D.C."
_QUALIFIER = re.compile(r",[ \t]*D\.[ \t]?C\.")
# An all-capitals place right before a news agency in parentheses, anywhere in a line.
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|dpa|IANS|PTI|Xinhua)\)"
_WIRE_DATELINE = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Z'.]+(?:[ \t]+[A-Z][A-Z'.]+){0,3})(?=[ \t]*" + _AGENCY + ")"
)


def is_area_acronym(word: str, gazetteer: Gazetteer) -> bool:
    """ "EU", "UK": a short capitalised word that names a big country or region."""
    if not (2 <= len(word) <= 4 and word.isalpha() and word.isupper()):
        return False
    return any(
        not c.loose and c.feature in _ACRONYM_AREAS and c.population >= _ACRONYM_MIN_POPULATION
        for c in gazetteer.lookup_tokens(strict_tokens(word))
    )


def acronyms(doc: Doc, gazetteer: Gazetteer) -> Iterator[Span]:
    """Area acronyms that spaCy calls a place or that follow "the" or a locative
    preposition ("the EU", "in the UK"); units and codes ("24 GW", "BA degree") do not."""
    for tok in doc:
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        cue = tok.ent_type_ in _PLACE_TYPES or prev == "the" or prev in LOCATIVE
        if cue and is_area_acronym(tok.text, gazetteer):
            yield tok.idx, tok.idx + len(tok)


def wire_datelines(text: str) -> Iterator[tuple[Span, str]]:
    """Candidate datelines before "(AP)" and the like; the caller checks the name."""
    for m in _WIRE_DATELINE.finditer(text):
        yield (m.start(1), m.end(1)), m.group(1)


def merge_qualified(text: str, spans: list[Span]) -> list[Span]:
    """Join a toponym and its qualifier ("Washington, D.C.") into one span, dropping the
    spans inside it."""
    merged = []
    for start, end in spans:
        m = _QUALIFIER.match(text, end)
        merged.append((start, m.end()) if m else (start, end))
    wide = [s for s in merged if s not in spans]
    return sorted(
        {s for s in merged if not any(w != s and w[0] <= s[0] and s[1] <= w[1] for w in wide)}
    )


def _propagates(name: str, gazetteer: Gazetteer) -> bool:
    """A title-case name that the gazetteer knows as the main name of a place."""
    if not name.istitle():
        return False
    cands = gazetteer.lookup_tokens(strict_tokens(name))
    return any(not c.loose and c.primary for c in cands)


def propagate(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> Iterator[Span]:
    """Other mentions of an already recognised gazetteer name in the same article."""
    text = doc.text
    people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    names = {
        text[s:e]
        for s, e in spans
        if _propagates(text[s:e], gazetteer) and not people.intersection(text[s:e].split())
    }
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    covered = [False] * (len(text) + 1)
    for s, e in spans:
        covered[s:e] = [True] * (e - s)
    for m in pattern.finditer(text):
        s, e = m.span()
        if not any(covered[s:e]) and _standalone(doc, s, e):
            yield s, e


def _capitalised(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer name: "Dubai" in "Dubai World Cup" or "University of
    California" is left to the name it belongs to."""
    span = doc.char_span(start, end)
    if span is None:
        return False
    before = span.start - 1
    if before > 0 and doc[before].lower_ == "of":
        before -= 1
    return not _capitalised(doc, before) and not _capitalised(doc, span.end)
