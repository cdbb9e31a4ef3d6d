"""Runs of days: "for five consecutive days", "three days in a row", "a three-day offensive".

Each is a look-back window ending at publication, as long as the run (kind "window", like "over
the past three days"), so a report that sums up days of attacks is a campaign summary, which
ACLED codes as several events, and never absorbs one day's report
(:func:`eventscope.resolve.compat.is_campaign`). Where the text gives the run's last day ("a
three-day offensive ... ended on Sunday"), the window still ends at publication: only its
length and its kind decide how it links.

Ordinals are left out on purpose: "shelled Kharkiv for a third consecutive day on Wednesday"
reports Wednesday's shelling, with the earlier days as context.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscope.extract.date_patterns import _COUNT
from eventscope.extract.date_values import DateValue, Handler, _count, _window

_I = re.IGNORECASE
# Efforts that span their days as one; a "three-day visit" or "two-day talks" are no violence.
_OPERATIONS = (
    r"(?:military\s+|ground\s+|air\s+|aerial\s+|bombing\s+)?"
    r"(?:offensive|operation|campaign|assault|siege|bombardment|battle|fighting|clashes|raid"
    r"|onslaught|sweep|incursion)s?"
)


def _run(match: re.Match[str], pub: date | None) -> DateValue | None:
    days = _count(match)
    if days is None or days < 2 or days > 366:
        return None  # "for one day in a row" is no run; a year-long one is no campaign day
    if pub is None:
        return DateValue(None, None, 3, "window")
    return _window(pub - timedelta(days=days - 1), pub, "window")


def _operation(match: re.Match[str], pub: date | None) -> DateValue | None:
    """A named operation's run, only as long as a campaign (three days or more) and never
    when it is what came before the event: in "troops entered the town after a two-day
    operation" the entry is dated by its own words, and the operation may have ended days
    before publication, so its window would date the paragraph wrongly."""
    days = _count(match)
    if days is None or days < MIN_OPERATION_DAYS:
        return None
    look_back = max(0, match.start() - _LOOK_BACK_CHARS)
    if _BEFORE_THE_EVENT.search(match.string, look_back, match.start()):
        return None
    return _run(match, pub)


MIN_OPERATION_DAYS = 3  # LinkRules.campaign_min_days: a shorter one sums up no campaign
# "after a three-day operation", also with up to two words between ("after a fierce
# three-day battle", "following the army's three-day offensive", "after Russia's"): a bare
# article before the count let an adjective or a possessive slip past (review, session 11).
_BEFORE_THE_EVENT = re.compile(
    r"\b(?:after|following|before|since|ending)\s+(?:a|an|the|[\w-]+['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    _I,
)
_LOOK_BACK_CHARS = 80  # bounds the search, so a long sentence stays linear


RUN_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (  # "for five consecutive days", "over three straight days"
        re.compile(
            rf"\b(?:for|over|during)\s+{_COUNT}\s+(?:consecutive|straight|successive)\s+days\b",
            _I,
        ),
        _run,
    ),
    (re.compile(rf"\b(?:for\s+)?{_COUNT}\s+days\s+(?:in\s+a\s+row|running)\b", _I), _run),
    (re.compile(rf"\b{_COUNT}[- ]day(?:[- ]long)?\s+{_OPERATIONS}\b", _I), _operation),
]
# Appended to the rules by eventscope.extract.dates: strings every match of each rule contains.
RUN_GUARDS: tuple[tuple[str, ...], ...] = (
    ("consecutive", "straight", "successive"),
    # Single words: "in a row" missed "in a\nrow" and "in  a row", which the rule matches.
    ("row", "running"),
    ("day",),
)
