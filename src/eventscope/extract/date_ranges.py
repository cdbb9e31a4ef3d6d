"""Two dates that bound one span: "between March 4 and March 6", "from 4 March to 6 March".

Each end is found as a date of its own by the rules of :mod:`eventscope.extract.date_patterns`
(or :mod:`eventscope.extract.date_relative`: "from Friday to Sunday"), and the mention's date
would then be whichever end lies nearer its trigger, a single day of a multi-day event. A
range's opening word says the two days bound the days between, so the pair is one window:

* "between X and Y": "between" makes the span ("between 2 and 6 March" is every day from the
  2nd to the 6th, while a bare "on 2 and 6 March" names two days and is left alone);
* "from X to/until/till/through Y", or "from X - Y", unless a verb of change comes before
  "from" ("postponed from Friday to Sunday", "the toll rose from 5 to 12 March");
* both ends day-precise, the first strictly before the second, at most ``MAX_SPAN_DAYS``
  apart (a longer span is a campaign or a period, and its ends are more likely two events).
"""

from __future__ import annotations

import re

from eventscope.extract.date_values import DateValue, _window

# The longest span (days from the first day to the last) read as one window.
MAX_SPAN_DAYS = 31
_OPENERS = {"between": ("and", "&"), "from": ("to", "until", "till", "through", "-", "–")}
_OPENER = re.compile(r"\b(between|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
_JOIN = re.compile(r"^\s*(and|&|to|until|till|through|-|–)\s*(?:the\s+)?$", re.IGNORECASE)

Candidate = tuple[int, int, int, DateValue]


def join_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` (date candidates in text order) with each range's two ends made one
    candidate spanning both (see the module docstring)."""
    out: list[Candidate] = []
    for cand in chosen:
        if out and _bounds(text, out[-1], cand):
            first = out.pop()
            value = _window(first[3].start, cand[3].end, first[3].kind)
            out.append((first[0], cand[1], first[2], value))
        else:
            out.append(cand)
    return out


def _bounds(text: str, first: Candidate, second: Candidate) -> bool:
    """Whether ``first`` and ``second`` are the two ends of one range."""
    a, b = first[3], second[3]
    if a.precision != 1 or b.precision != 1 or a.start is None or b.start is None:
        return False
    if a.end is None or b.end is None or not a.start < b.start:
        return False
    if (b.end - a.start).days > MAX_SPAN_DAYS:
        return False
    join = _JOIN.match(text[first[1] : second[0]])
    opener = range_opener(text, first[0])
    if join is None or opener is None:
        return False
    return join.group(1).lower() in _OPENERS[opener]


def range_opener(text: str, at: int) -> str | None:
    """ "between" or "from" (lower case) right before offset ``at``, where a range's first
    date starts; None when there is none, or a verb of change comes before it."""
    found = _OPENER.search(text, max(0, at - 20), at)
    if found is None or _changed_from(text, found.start()):
        return None
    return found.group(1).lower()


# A verb of change before "from": the two dates are a before and an after, not a span
# ("postponed from Friday to Sunday", "moved from 4 March to 8 March"), and a count's
# change is no date at all ("the toll rose from 5 to 12 March": review of session 15).
_CHANGE = re.compile(
    r"\b(?:postpon|delay|mov|shift|reschedul|push|brought|bring|chang|switch|adjourn|rose|"
    r"rise|risen|rising|increas|climb|jump|grew|grow|fell|fall|drop|doubl)\w*"
    r"(?:\s+(?:back|forward))?\s*(?:\w+\s+)?\Z",
    re.IGNORECASE,
)


def _changed_from(text: str, at: int) -> bool:
    """Whether the words just before offset ``at`` (where "from" starts) tell a change."""
    return _CHANGE.search(text, max(0, at - 40), at) is not None
