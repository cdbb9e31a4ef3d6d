"""Fatality and injury counts ("killing at least 12 civilians", "25 dead", "up to 20 killed").

Regular expressions over a sentence's text (no spaCy), so the rules are unit-testable. A count is
only taken next to a casualty word (killed, dead, died, wounded, death toll, ...), which keeps
money, years, ages and distances out; those are also rejected explicitly.

Ranges follow UCDP's low/best/high:
* plain "12" -> 12/12/12; "between 10 and 15" or "10-15" -> low 10, best 10, high 15;
* "at least 12", "more than 12", "12 or more" -> low 12, best 12 (ACLED-conservative), no high;
* "up to 20", "as many as 20", "nearly 20" -> high 20 only;
* "about 20", "some 20" -> best 20 only;
* vague words (:data:`VAGUE`), e.g. "dozens" -> low 24 and best 24 (two dozen, the least the
  word can mean), no high.
Numbers after "including"/"among them" are a subset and never added. Several counts of one kind
in one sentence ("12 civilians and five soldiers were killed") are summed by :func:`combine`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventscope.extract.numbers import NUMBER_PATTERN, parse_number

# The least each vague word can mean; ACLED-conservative counts never round up.
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3,
    "a few": 3, "a handful": 3, "tens": 20, "a number": 2, "a couple": 2,
}  # fmt: skip
_LOW = r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|upwards\s+of|in\s+excess\s+of|a\s+minimum\s+of"  # noqa: E501
_HIGH = r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than|nearly|almost|close\s+to|fewer\s+than|less\s+than|under|just\s+under"  # noqa: E501
_APPROX = r"about|around|some|approximately|roughly|an\s+estimated|estimated|perhaps|reportedly"
_LOW_RE, _HIGH_RE, _APPROX_RE = (re.compile(p) for p in (_LOW, _HIGH, _APPROX))
VAGUE_PATTERN = "|".join(v.replace(" ", r"\s+") for v in sorted(VAGUE, key=len, reverse=True))
_SINGULAR = (
    r"civilian|child|man|woman|boy|girl|soldier|policeman|police\s+officer|officer|militant|"
    r"fighter|person|journalist|student|farmer|resident|villager|teenager|worker|guard|member|"
    r"commander|gunman|protester|demonstrator|doctor|nurse|teacher|pupil|baby|infant|toddler|"
    r"general|colonel|captain|sergeant|lieutenant|constable|trooper|jawan|cadre|leader|chief|"
    r"official|driver|passenger|trader|shopkeeper|youth|tribesman|elder|priest|judge|mayor|"
    r"businessman|employee|guerrilla|rebel|insurgent|suspect|activist|politician|governor"
)
QTY = (
    rf"(?:(?P<qual>{_LOW}|{_HIGH}|{_APPROX})\s+)?"
    rf"(?:between\s+(?P<lo>{NUMBER_PATTERN})\s+and\s+(?P<hi>{NUMBER_PATTERN})"
    rf"|(?P<n>{NUMBER_PATTERN})(?:\s*(?:-|–|to|or)\s*(?P<n2>{NUMBER_PATTERN}))?"
    rf"(?P<plus>\+|\s+or\s+more)?"
    rf"|(?P<vague>{VAGUE_PATTERN})"
    rf"|(?P<single>an?|one)(?=\s+(?:[\w-]+\s+)?(?:{_SINGULAR})\b))"
)
_FATAL = (
    r"killed|dead|died|slain|massacred|executed|perished|lost\s+their\s+lives|shot\s+dead"
    r"|beheaded|murdered|gunned\s+down|burned\s+to\s+death|hacked\s+to\s+death"
)
_INJURY = r"wounded|injured|hurt|maimed"
_BE = (
    r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|reportedly|also|later|all"
    r"|been|may\s+have|might\s+have|could\s+have|are\s+feared|were\s+feared|feared|believed"
    r"|confirmed|now)\s+)"
)
_NOUNWORD = (
    r"(?!(?:were|was|have|had|has|are|is|and|or|who|in|on|at|the|a|an|by|from|when)\b)"
    # an abbreviation with its dots ("six U.S. service members"), else a plain word
    r"(?:(?:[a-z]\.){2,}|[a-z0-9'’-]*[a-z][a-z0-9'’-]*)"
)
# Up to four words between number and verb: "three other Russian military personnel were".
_NOUNS = rf"(?:\s+of(?:\s+the)?)?(?:\s+{_NOUNWORD}){{0,4}}?"
_START = r"(?<![\w$€£.,/:-])"
_INCLUDING = (
    r"\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them)[^,.;]{0,60},"
)

_PATTERNS = [
    # "at least 40 militants were killed", "12 people died", "25 dead", "30 wounded"
    re.compile(
        rf"{_START}(?P<qty>{QTY}){_NOUNS}(?:{_INCLUDING})?\s+{_BE}{{0,3}}"
        rf"(?P<verb>{_FATAL}|{_INJURY})\b",
        re.IGNORECASE,
    ),
    # "killing at least 12 civilians", "wounded 30", "claimed the lives of 9"
    re.compile(
        rf"\b(?P<verb>kill(?:ed|ing|s)?|massacr(?:ed|ing|es)|execut(?:ed|ing|es)|slaughter(?:ed|ing)"
        rf"|claim(?:ed|ing|s)?\s+the\s+lives\s+of|shot\s+dead|shooting\s+dead|gunned\s+down"
        rf"|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)\s+"
        # "killing the three", "wounding another 15", "killing all 12 passengers"
        rf"(?:(?:the|all|another|an\s+additional|a\s+further)\s+)?(?P<qty>{QTY})"
        rf"(?:(?:\s+of)?(?:\s+{_NOUNWORD}){{0,2}})",
        re.IGNORECASE,
    ),
    # "leaving 10 people dead", "left 30 injured"
    re.compile(
        rf"\b(?:left|leaving|leaves)\s+(?P<qty>{QTY}){_NOUNS}\s+(?P<verb>dead|killed|{_INJURY})\b",
        re.IGNORECASE,
    ),
    # "the death toll rose to 15", "a toll of at least 30"
    re.compile(
        rf"\b(?P<verb>death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities))\s+"
        rf"(?:[a-z]+\s+){{0,3}}?(?:to|at|of|reached|hit|is|was|stood\s+at|stands\s+at)\s+"
        rf"(?P<qty>{QTY})",
        re.IGNORECASE,
    ),
    # "15 deaths", "12 fatalities", "20 injuries"
    re.compile(
        rf"{_START}(?P<qty>{QTY})\s+(?P<verb>deaths|fatalities|bodies|injuries)\b", re.IGNORECASE
    ),
]
# A string of every casualty word the patterns accept ("lost their lives" -> "lives", "burned to
# death" -> "death", "shot dead" -> "dead", "number of fatalities" -> "fatalit"): a sentence with
# none of them cannot hold a count, so the patterns are not run (checked in the tests).
_CASUALTY_STEMS = (
    "kill", "dead", "died", "slain", "massacr", "execut", "perish", "lives", "behead", "murder",
    "gunned", "death", "wound", "injur", "hurt", "maim", "slaughter", "toll", "fatalit", "bodies",
)  # fmt: skip
_UNIT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|kg|km|kilomet|mile|metre|meter|million|billion|dollars|euros"
    r"|pounds|\$|years?\b|-year|-month|months?\s+old|hours|minutes|times|tonnes|tons|am\b|pm\b)",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead)"
    r"\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CHAIN_AFTER = re.compile(
    rf"(?P<noun>(?:\s+of)?(?:\s+{_NOUNWORD}){{0,2}}?)\s*,?\s+and\s+(?P<qty>{QTY})"
    rf"\s+(?P<noun2>{_NOUNWORD})(?!\s+(?:{_BE})?(?:{_INJURY}))",
    re.IGNORECASE,
)

# "12 civilians and 5 soldiers were killed": the count before "and" joins the one after it.
_CHAIN_BEFORE = re.compile(
    rf"{_START}(?P<phrase>(?P<qty>{QTY})(?:\s+of)?(?:\s+{_NOUNWORD}){{1,2}})\s*,?\s+and\s+$",
    re.IGNORECASE,
)
# A number right after a month name is a day of the month ("on March 11 killed 25 people").
_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$",
    re.IGNORECASE,
)
# "no one", "not one person": the negator makes the number mean nobody.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)
# A count right after a verb is that verb's object, never the start of a subject list.
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+ed|[a-z]+ing|kills?|left|leaves)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty count: the phrase that states it and its low/best/high reading."""

    start: int  # span of the whole casualty phrase, offset-adjusted
    end: int
    text: str
    kind: str  # "fatalities" | "injuries"
    low: int | None
    best: int | None
    high: int | None
    qty_start: int  # span of the number expression alone (for de-duplication)
    qty_end: int


def find_counts(text: str, offset: int = 0) -> list[Count]:
    """Every fatality and injury count in ``text`` (offsets shifted by ``offset``)."""
    found: dict[tuple[int, int], Count] = {}
    folded = text.casefold()
    if not any(word in folded for word in _CASUALTY_STEMS):
        return []  # every pattern needs a casualty word: most gated sentences have none
    matches = [m for pattern in _PATTERNS for m in pattern.finditer(text)]
    for match in matches:  # direct statements first: they win over list continuations
        count = _count(match, text, offset, _kind(match["verb"]), match.start(), match.end())
        if count is not None:
            found.setdefault((count.qty_start, count.qty_end), count)
    for match in matches:
        if (match.start("qty") + offset, match.end("qty") + offset) not in found:
            continue
        extra = _chained(match, text, offset)
        if extra is not None:
            found.setdefault((extra.qty_start, extra.qty_end), extra)
    return sorted(found.values(), key=lambda c: c.qty_start)


def combine(counts: Iterable[Count], kind: str) -> tuple[int | None, int | None, int | None]:
    """Sum the counts of one kind: (low, best, high); a part is None if any count lacks it."""
    chosen = [c for c in counts if c.kind == kind]
    if not chosen:
        return None, None, None
    return (
        _sum(c.low for c in chosen),
        _sum(c.best for c in chosen),
        _sum(c.high for c in chosen),
    )


def _sum(values: Iterable[int | None]) -> int | None:
    items = list(values)
    return None if any(v is None for v in items) else sum(v for v in items if v is not None)


def _chained(match: re.Match[str], text: str, offset: int) -> Count | None:
    """The second member of "12 civilians and five soldiers" (before or after the verb)."""
    kind = _kind(match["verb"])
    if match.start("qty") > match.start("verb"):  # "killed 12 civilians and five soldiers"
        after = _CHAIN_AFTER.match(text, match.end())
        return _count(after, text, offset, kind, after.start("qty"), after.end()) if after else None
    window_start = max(0, match.start() - 80)
    window = text[window_start : match.start()]
    before = _CHAIN_BEFORE.search(window)
    if before is None or _VERB_BEFORE.search(window[: before.start("qty")]):
        return None
    start, end = before.span("phrase")
    return _count(before, window, offset + window_start, kind, start, end)


def _count(
    match: re.Match[str], text: str, offset: int, kind: str, start: int, end: int
) -> Count | None:
    q_start, q_end = match.span("qty")
    if _rejected(match, text, q_start, q_end):
        return None
    reading = _reading(match)
    if reading is None:
        return None
    low, best, high = reading
    return Count(
        start + offset, end + offset, text[start:end], kind, low, best, high,
        q_start + offset, q_end + offset,
    )  # fmt: skip


def _rejected(match: re.Match[str], text: str, q_start: int, q_end: int) -> bool:
    """Money, units, ages, years, days of the month and subsets ("including three children")
    are not counts."""
    if _SUBSET_BEFORE.search(text[max(0, q_start - 60) : q_start]):
        return True
    if _MONTH_BEFORE.search(text[max(0, q_start - 12) : q_start]):
        return True
    if _NEGATED_BEFORE.search(text[max(0, q_start - 12) : q_start]):
        return True  # "no one was killed", "not one person was hurt": nobody, not a count
    if _UNIT_AFTER.match(text, q_end):
        return True
    if q_start > 0 and text[q_start - 1] in "$€£":
        return True
    number = match["n"]
    return bool(number and _YEAR_RE.fullmatch(number) and not match["qual"])


def vague_value(word: str) -> int:
    """The least a matched vague amount ("dozens", "a  handful") can mean (:data:`VAGUE`)."""
    return VAGUE[re.sub(r"\s+", " ", word.lower())]


def _reading(match: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    qual = re.sub(r"\s+", " ", (match["qual"] or "").lower())
    if match["vague"]:
        value = vague_value(match["vague"])
        return value, value, None
    if match["single"]:
        return 1, 1, 1
    if match["lo"] or match["n2"]:
        low = parse_number(match["lo"] or match["n"])
        high = parse_number(match["hi"] or match["n2"])
        return (low, low, high) if low is not None and high is not None else None
    value = parse_number(match["n"] or "")
    if value is None:
        return None
    if match["plus"] or _LOW_RE.fullmatch(qual):
        return value, value, None
    if _HIGH_RE.fullmatch(qual):
        return None, None, value
    if _APPROX_RE.fullmatch(qual):
        return None, value, None
    return value, value, value


def _kind(verb: str) -> str:
    return "injuries" if _INJURY_VERB.match(verb) else "fatalities"


_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_INJURY_VERB = re.compile(r"wound|injur|hurt|maim", re.IGNORECASE)
