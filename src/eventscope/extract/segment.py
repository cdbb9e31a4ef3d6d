"""Cheap text passes that run before (and instead of) spaCy: sentence splitting and word sets.

The rule splitter only has to be good enough to *choose* what to parse: every chosen sentence is
parsed on its own and spaCy's parser may cut it again, so the splitter errs towards cutting too
little (an abbreviation such as "Gen." or "U.S." never ends a sentence). A sentence never
crosses a line break, as with the parser-based :func:`sentences.split_sentences`.
"""

from __future__ import annotations

import re

from eventscope.extract.triggers import SentenceContext, blank_person_words

# Ends a sentence: . ! or ? (plus closing quotes/brackets), whitespace, then something that can
# start a sentence (a capital, digit, or opening quote/bracket).
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'’”)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"([\w.]+)[.!?][\"'’”)\]]*$")
_WORD = re.compile(r"[\w'’-]+")
# Words that end in a full stop without ending the sentence (titles, months, common Latin).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "adm",
        "cmdr",
        "brig",
        "gov",
        "sen",
        "sens",  # "U.S. Sens. Tom ... and ..." (session 16)
        "rep",
        "reps",
        "pvt",
        "pfc",
        "spc",
        "ste",  # "Sault Ste. Marie"
        "rev",
        "st",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
        "inc",
        "co",
        "corp",
        "ltd",
        "jr",
        "sr",
        "dept",
        "univ",
        "fig",
        "al",
    ]
)

# Abbreviations that often are the last word of a sentence ("... and so on, etc."): the rule
# splitter still does not cut after them, but the parser may.
_MAY_END = frozenset(["etc", "inc", "co", "corp", "ltd", "jr", "sr", "al", "est", "no", "nos"])


def rule_sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text`` (stripped, never empty), in order."""
    ranges: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _ends_sentence(text[start : boundary.start()]):
                ranges.append((start, boundary.start()))
                start = boundary.end()
        ranges.append((start, line.end()))
    return [r for r in (_stripped(text, s, e) for s, e in ranges) if r[0] < r[1]]


def _ends_sentence(before: str) -> bool:
    """False when the full stop belongs to an abbreviation or an initial ("J.", "U.S.")."""
    match = _LAST_WORD.search(before)
    if match is None or not before.rstrip("\"'’”)]").endswith("."):
        return True
    word = match.group(1)
    if "." in word or len(word) == 1:
        return False  # "U.S." (its inner dot) or an initial such as "J."
    return word.lower() not in _ABBREVIATIONS


def never_ends_sentence(word: str) -> bool:
    """Whether ``word`` followed by a full stop is a title, month or initial ("Gen", "Jan",
    "J") that the next word continues: a sentence break after it is always wrong. Abbreviations
    that often end a sentence ("etc", "Inc", "Jr") are not among them."""
    if len(word) == 1:
        return word.isalpha()
    lowered = word.lower()
    return lowered in _ABBREVIATIONS and lowered not in _MAY_END


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_context(text: str) -> SentenceContext:
    """A :class:`SentenceContext` from raw text, without parsing: lower-cased words plus a
    plural-stripped form standing in for the lemma (the lexicon's context words list their
    inflected forms, so this is enough for paragraph-level conditions)."""
    lowered = text.lower()
    # "a suicide bomber": no aircraft among the words (session 15)
    words = set(_WORD.findall(blank_person_words(lowered)))
    words |= {w[:-1] for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")}
    return SentenceContext(frozenset(words), lowered)
