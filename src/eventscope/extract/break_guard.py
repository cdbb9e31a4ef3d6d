"""A pipeline step before the parser: no sentence start where nothing ended a sentence.

The small English parser sometimes starts a sentence in the middle of a name or phrase with no
punctuation before it ("... a market in Apauk | Wa village, Kyauktaw township, on Tuesday,
residents said."). The event's place, date and attribution are then cut off from its trigger.
A break is only believable after sentence-final punctuation or at a line break, so this step
marks every other token ``is_sent_start = False``; the parser keeps preset values.

It never sets True (the parser still decides among the believable breaks) and never touches a
preset value. What counts as sentence-final:

* a token ending in . ! ? or the ellipsis (so "U.S.", "p.m." and "2." allow a break), possibly
  followed by closing quotes or brackets; ``said." Police`` breaks, ``"Gen. Ali"`` does not;
* but not a title or an initial ("Gen.", "Dr.", "J."): what follows is the rest of a name, as
  the rule splitter (:mod:`segment`) also holds;
* no punctuation at all, before a capitalized function word ("The", "It"): some sources lose
  their full stops, see :func:`opens_sentence`;
* the end of a dateline, a free-standing dash or a colon after a capitalized label ("LIMA,
  May 3 (AFP) - ...", "KARACHI: ..."), which the parser keeps apart from the story;
* no other ":" and no ";": a colon introduces a quote or a list that belongs to its sentence
  ("Witnesses said: ..."), a semicolon joins two clauses about the same event.

A stretch with no believable break longer than :data:`MAX_RUN` tokens (a table or a widget
row scraped onto one line) is left to the parser, so no sentence grows without bound.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventscope.extract.segment import never_ends_sentence

COMPONENT = "eventscope_break_guard"
# Longest stretch (tokens) the guard makes into one sentence; longer ones keep the parser's
# breaks. News sentences rarely pass 80 tokens; a longer unpunctuated run is not prose.
MAX_RUN = 150
_FINAL = frozenset(".!?…")
_DASHES = frozenset(["--", "—", "–"])
_CLOSERS = frozenset("\"'’”)]}»")
# Penn tags of function words: determiners, pronouns, wh-words, prepositions, conjunctions.
# Not nouns or adjectives: the tagger calls name parts anything ("Apauk Wa": "Wa" is UH).
_OPENER_TAGS = frozenset(["DT", "PDT", "PRP", "PRP$", "EX", "WDT", "WP", "WP$", "WRB", "IN", "CC"])


@Language.component(COMPONENT)
def break_guard(doc: Doc) -> Doc:
    """Mark ``is_sent_start = False`` on tokens that cannot start a sentence (see module doc)."""
    for start, end in _runs(doc):
        if end - start > MAX_RUN:
            continue
        for token in doc[start + 1 : end]:
            if token.is_sent_start is None:
                token.is_sent_start = False
    return doc


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) with no believable break inside (only at their starts)."""
    starts = [0]
    prev: Token | None = None  # last non-space token
    newline = False  # a line break since ``prev``
    for token in doc:
        if token.is_space:
            newline = newline or "\n" in token.text
            if newline and token.is_sent_start is None:
                starts.append(token.i)  # the line break itself may start a sentence
            continue
        if prev is not None and (
            newline or token.is_sent_start or ends_sentence(prev) or opens_sentence(token)
        ):
            starts.append(token.i)
        prev, newline = token, False
    bounds = [*sorted(set(starts)), len(doc)]
    return list(pairwise(bounds))


def ends_sentence(token: Token) -> bool:
    """Whether ``token`` (with any closing quotes/brackets after it) can end a sentence."""
    while _is_closer(token) and token.i > 0:
        before = token.doc[token.i - 1]
        if before.is_space or before.whitespace_:
            break  # a quote after a space opens something: nothing ends before it
        token = before
    text = token.text
    if _ends_dateline(token):
        return True
    if not text or text[-1] not in _FINAL:
        return False
    return not (text.endswith(".") and never_ends_sentence(text[:-1]))


def _ends_dateline(token: Token) -> bool:
    """A dash standing free ("KABUL, May 3 (AFP) - Gunmen", "... -- Gunmen", "... — Gunmen") or
    a colon after a capitalized label ("KARACHI: Gunmen", "UPDATE: ..."): the parser keeps a
    dateline apart from its story, and the dateline's city is not the event's place."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.text in _DASHES:
        return True
    if token.text == "-":  # not the hyphen of "pick-up": spaces on both sides
        return bool(token.whitespace_) and before is not None and bool(before.whitespace_)
    if token.text == ":" and before is not None:
        return len(before.text) > 1 and before.text.isupper()
    return False


def opens_sentence(token: Token) -> bool:
    """A capitalized function word ("The", "He", "All", "In") longer than one letter: it may
    open a sentence whose full stop the source lost ("... reports the Daily Star The victims
    were ..."), or text run on after a headline, but it is seldom part of a name. Tags come
    from the tagger, which runs before this step; without them nothing opens a sentence."""
    text = token.text
    return len(text) > 1 and text[0].isupper() and token.tag_ in _OPENER_TAGS


def _is_closer(token: Token) -> bool:
    return bool(token.text) and all(ch in _CLOSERS for ch in token.text)


def add_break_guard(nlp: Language) -> None:
    """Put the guard right before the parser (a pipeline without a parser is left alone)."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
