"""Events dated by their distance before another: "a year after the massacre at the market",
"a day after a Russian drone killed nine", "three days after a missile attack on the city".

The event inside such an "after" phrase happened that long before the sentence's own event,
whose date the sentence gives ("gunmen attacked the town again on Sunday"). A trigger inside
the phrase takes the sentence's date shifted back by the distance, so a massacre "a year after"
which the town was attacked on Sunday is dated a year before that Sunday (and is background),
never on the new attack's day.

A sentence with no date of its own ("residents were still burying their dead two days after
an air strike killed 17") is told at its time anchor, the publication date (or a dateline's
filing date): :func:`anchored_after` offers that day, shifted like a sentence date, for
:func:`eventscope.extract.dates.choose_date` to take when nothing else dates the trigger
(linking round 10). Only a clause told as now has that anchor (present, present perfect, a
progressive with "still"); a past that does not say its day, a future and a plan have none.
An approximate distance ("more than a week after") gives week precision.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import NamedTuple

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from eventscope.extract.dates import ANCHOR, DatePhrase
from eventscope.extract.numbers import parse_number

# Days per unit of distance, for the size test only: months and years are subtracted on the
# calendar ("a month after March 31" is February 28, "a year after Sunday" the same date a
# year back), and hours in whole days ("72 hours after" is three days; under 24, none).
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7, "month": 30, "year": 365}


class Offset(NamedTuple):
    """How far back an "after" phrase puts its event: ``days`` (approximate, for size tests)
    and ``delta`` (what is subtracted from a date); ``start``: where the distance's words
    begin in the text (the evidence of an anchored date)."""

    days: int
    after: Token
    delta: relativedelta
    start: int = -1
    approximate: bool = False  # "more than a week after", "about two days after"


def after_offset(head: Token) -> Offset | None:
    """(days, the "after" token) when ``head`` sits inside a "<distance> after ..." phrase:
    the object of a preposition ("a year after the massacre") or a clause it marks ("a day
    after a drone killed nine"). The nearest "after" up the tree decides."""
    for node in (head, *head.ancestors):
        after = _after_of(node)
        if after is None:
            continue
        found = _distance(after) if after.dep_ == "prep" else _distance(node) or _distance(after)
        found = found or _words_before(after)
        if found is None:
            return None
        return Offset(found[0], after, found[1], found[2], _approximate(after, found[2]))
    return None


def _after_of(node: Token) -> Token | None:
    if node.dep_ == "pobj" and node.head.lower_ == "after" and node.head.dep_ == "prep":
        return node.head
    return next((c for c in node.children if c.dep_ == "mark" and c.lower_ == "after"), None)


_Distance = tuple[int, relativedelta, int]  # days, calendar distance, first character


def _distance(token: Token) -> _Distance | None:
    """Days and calendar distance of the duration modifying ``token`` ("a year", "three
    days", "72 hours", "weeks"), or None."""
    for child in token.children:
        unit = child.lemma_.lower()
        if child.dep_ != "npadvmod" or unit not in _UNIT_DAYS:
            continue
        counts = [parse_number(c.lower_) for c in child.children if c.dep_ == "nummod"]
        count = next((n for n in counts if n is not None), 1)
        days = int(count * _UNIT_DAYS[unit])
        return days, _delta(count, unit, days), child.left_edge.idx
    return None


# A word before the count that makes "<count> <unit>" a length, not a distance: "for two
# days after the raid" (a preposition), "the two days after", "the first two days after" (a
# determiner, an ordinal). Adjectives in general do not: "burying their dead two days after".
_NOT_DISTANCE_POS = frozenset({"ADP", "DET"})
_ORDINALS = frozenset({"first", "last", "next", "past", "previous", "initial", "final"})


def _words_before(after: Token) -> _Distance | None:
    """The distance read from the words right before "after" ("two days after", "a week
    after", "48 hours after") when the parse hangs them elsewhere: in "were still burying
    their dead two days after an air strike killed 17" the parser makes "two days" the
    object of "burying". A count is required: a bare "days after" says no distance."""
    doc, i = after.doc, after.i
    if i < 2:
        return None
    unit, count_word = doc[i - 1].lower_.removesuffix("s"), doc[i - 2]
    if unit not in _UNIT_DAYS:
        return None
    count = 1 if count_word.lower_ in ("a", "an") else parse_number(count_word.lower_)
    j = i - 3 - _approximator_length(doc, i - 2)  # "less than two weeks after": still a distance
    before = doc[j] if j >= 0 else None
    if count is None or (
        before is not None and (before.pos_ in _NOT_DISTANCE_POS or before.lower_ in _ORDINALS)
    ):
        return None
    days = int(count * _UNIT_DAYS[unit])
    return days, _delta(count, unit, days), count_word.idx


# Words that make a distance approximate: "more than a week after", "about two days after".
_APPROXIMATORS = frozenset(
    {"about", "nearly", "some", "over", "almost", "around", "roughly", "approximately", "under"}
)
_THAN = frozenset({"more", "less", "fewer"})  # "more than", "less than", "fewer than"


def _approximator_length(doc: Doc, count_i: int) -> int:
    """How many tokens right before the count at ``count_i`` approximate it: 2 for "more
    than" / "less than" / "at least", 1 for "about", "nearly", ..., else 0."""
    prev = [doc[k].lower_ for k in (count_i - 2, count_i - 1) if k >= 0]
    if prev[-2:] == ["at", "least"] or (len(prev) == 2 and prev[0] in _THAN and prev[1] == "than"):
        return 2
    return 1 if prev and prev[-1] in _APPROXIMATORS else 0


def _approximate(after: Token, first_char: int) -> bool:
    """Whether the distance words (from ``first_char`` to "after") are approximate, the words
    right before them included (the parse may leave "about" outside the distance)."""
    doc = after.doc
    first = next((t.i for t in doc if t.idx >= first_char), after.i)
    words = {t.lower_ for t in doc[first : after.i]}
    return _approximator_length(doc, first) > 0 or bool(
        words & (_APPROXIMATORS | {"than", "least"})
    )


def _delta(count: float, unit: str, days: int) -> relativedelta:
    whole = int(count)
    if unit in ("month", "year") and whole == count:
        return relativedelta(months=whole) if unit == "month" else relativedelta(years=whole)
    return relativedelta(days=days)


def shift_after(phrase: DatePhrase | None, head: Token) -> DatePhrase | None:
    """The date of a trigger inside an "after" phrase: the sentence's date, moved back by the
    phrase's distance. A date inside the phrase itself is the trigger's own and stays."""
    found = after_offset(head)
    if found is None or phrase is None or not phrase.resolved or found[0] == 0:
        return phrase
    after, delta = found.after, found.delta
    inside = [t.idx for t in after.head.subtree] if after.dep_ == "mark" else []
    inside += [t.idx for t in after.subtree]
    # The anchor stands for the sentence's own time, so it always moves back.
    if phrase.kind != ANCHOR and min(inside) <= phrase.start <= max(inside):
        return phrase
    assert phrase.date_start is not None and phrase.date_end is not None
    return replace(
        phrase,
        date_start=_back(phrase.date_start, delta),
        date_end=_back(phrase.date_end, delta),
        precision=_shifted_precision(phrase.precision, found),
        kind="relative",
    )


def _shifted_precision(precision: int, found: Offset) -> int:
    """A month or more back is month precision; an approximate distance ("more than a week
    after", "about two days after") at least week precision."""
    if found.days >= 28:
        return max(precision, 3)
    return max(precision, 2) if found.approximate else precision


def _back(iso: str, delta: relativedelta) -> str:
    return (date.fromisoformat(iso) - delta).isoformat()


def anchored_after(head: Token, anchor: date | None) -> DatePhrase | None:
    """The time anchor of a trigger inside "<distance> after ..." (kind ``ANCHOR``): the day
    its undated sentence is told, spanning the distance words as evidence. It is a fallback:
    :func:`eventscope.extract.dates.choose_date` takes it only when no phrase of the
    sentence or paragraph dates the trigger, and :func:`shift_after` then moves it back."""
    found = after_offset(head)
    if anchor is None or found is None or found.days == 0 or found.start < 0:
        return None
    if not _told_now(found.after):
        return None
    end = found.after.idx + len(found.after)
    day = anchor.isoformat()
    return DatePhrase(found.start, end, head.doc.text[found.start : end], day, day, 1, ANCHOR)


# The sentence is told at its anchor only when its own clause is told as now: "are still
# rebuilding", "have fled", "were still burying their dead" (session 13 review). "Residents
# fled the town two days after ..." is a past whose day the sentence does not say, and "will
# attack two days after ..." a future.
_PRESENT = frozenset({"VBZ", "VBP"})
_PAST = frozenset({"VBD", "VBN"})
_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo", "going", "to"})


def _told_now(after: Token) -> bool:
    """Whether the clause that "<distance> after ..." modifies is told as now (present,
    present perfect, or a progressive with "still"), and the "after" clause's own verb, if
    any, is past ("two days after the army attacks their camp" is a plan)."""
    clause = after.head
    if after.dep_ == "mark":
        if clause.tag_ not in _PAST or _modal(clause) or clause.head.i == clause.i:
            return False
        clause = clause.head
    # compare positions, not objects: spaCy makes a new Token on every access, so the root's
    # ``head`` is never ``is`` the root itself, and a verbless root looped forever
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or _modal(clause) or clause.tag_ == "VB":
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    finite = auxes[0] if auxes else clause
    if finite.tag_ in _PRESENT:
        return True
    still = any(c.lower_ == "still" for c in clause.children)
    return clause.tag_ == "VBG" and still and any(a.lemma_ == "be" for a in auxes)


def _modal(verb: Token) -> bool:
    """A modal or future auxiliary ("will attack", "could kill", "is going to")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "MD" or a.lower_ in _FUTURE_WORDS for a in auxes)
