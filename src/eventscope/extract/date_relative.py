"""Date expressions counted from publication: weekdays, nights, "yesterday", "ago", "last
week", look-back windows ("over the past three days"). Split from
:mod:`eventscope.extract.date_patterns`, which holds the calendar rules and the RULES table.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscope.extract.date_values import (
    MONTHS,
    WEEKDAYS,
    DateValue,
    Handler,
    _count,
    _day,
    _infer_year,
    _month_number,
    _month_window,
    _window,
)


def _weekday(match: re.Match[str], pub: date | None) -> DateValue | None:
    if pub is None:
        return DateValue(None, None, 3, "weekday")
    target = WEEKDAYS.index(match["weekday"].lower())
    cue = (match["cue"] or "").lower()
    if cue == "next":
        ahead = (target - pub.weekday()) % 7 or 7
        return _day(pub + timedelta(days=ahead), "weekday")
    back = (pub.weekday() - target) % 7
    if back == 0 and cue == "last":
        back = 7
    kind = "since" if cue == "since" else "weekday"
    daypart = match["daypart"]
    if daypart is None and (
        cue == "late" or _LATE_ON.search(match.string, max(0, match.start() - 9), match.start())
    ):
        daypart = "night"  # "late on Saturday": around midnight, "early on Sunday" elsewhere
    return _night(_day(pub - timedelta(days=back), kind), daypart)


_LATE_ON = re.compile(r"\b[Ll]ate\s+$")  # "late" before "on Saturday"


def _night(value: DateValue, daypart: str | None) -> DateValue:
    """A night runs past midnight: "Monday night" (or "late on Monday") is the window [Monday,
    Tuesday], so that a report of the same attack "early on Tuesday" overlaps it (still
    precision 1)."""
    if daypart is None or daypart.lower() != "night" or value.end is None:
        return value
    return DateValue(value.start, value.end + timedelta(days=1), value.precision, value.kind)


def _night_range(match: re.Match[str], pub: date | None) -> DateValue | None:
    """ "The night of 3 to 4 May": the window of both days, like "Saturday night"."""
    end = _infer_year(_month_number(match), int(match["day"]), pub)
    if end is None:
        return _day(None, "day")
    start = end - timedelta(days=1)  # a night spans two consecutive days ("30 April to 1 May")
    return DateValue(start, end, 1, "day") if start.day == int(match["first"]) else _day(end, "day")


def _relative_day(offset: int) -> Handler:
    def handler(match: re.Match[str], pub: date | None) -> DateValue | None:
        return _day(pub - timedelta(days=offset) if pub else None, "relative")

    return handler


def _overnight(match: re.Match[str], pub: date | None) -> DateValue | None:
    if pub is None:
        return DateValue(None, None, 3, "relative")
    return DateValue(pub - timedelta(days=1), pub, 1, "relative")


def previous_day(match: re.Match[str], pub: date | None) -> DateValue | None:
    """ "the previous day" read against publication: the day before it and the day itself,
    week precision (the phrase names the day before some other day, which may be the day of
    the statement the report cites; :mod:`eventscope.extract.dates` dates it from an earlier
    day of its own sentence when there is one, not yet from an earlier sentence)."""
    if pub is None:
        return DateValue(None, None, 3, "relative")
    return DateValue(pub - timedelta(days=1), pub, 2, "relative")


def _ago(match: re.Match[str], pub: date | None) -> DateValue | None:
    count, unit = _count(match), match["unit"].lower().rstrip("s")
    if count is None:
        return None
    if pub is None:
        return DateValue(None, None, 3, "relative")
    if unit == "day":
        return _day(pub - timedelta(days=count), "relative")
    if unit == "week":
        return _calendar_week(pub - timedelta(days=7 * count), pub, "week")
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, -count)
        return _window(*_month_window(year, month), "month")
    return _window(date(pub.year - count, 1, 1), date(pub.year - count, 12, 31), "year")


def _calendar_week(day: date, pub: date, kind: str) -> DateValue:
    monday = day - timedelta(days=day.weekday())
    return _window(monday, min(monday + timedelta(days=6), pub), kind)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _period(match: re.Match[str], pub: date | None) -> DateValue | None:
    """this/last/next week|weekend|month|year."""
    cue, unit = match["cue"].lower(), match["unit"].lower()
    kind = "week" if unit.startswith("week") else unit
    if pub is None:
        return DateValue(None, None, 3, kind)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(cue, 0)
    if unit == "week":
        return _calendar_week(pub + timedelta(days=7 * step), pub if step <= 0 else date.max, kind)
    if unit == "weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7) + timedelta(days=7 * max(step, 0))
        return _window(saturday, saturday + timedelta(days=1), "week")
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, step)
        start, end = _month_window(year, month)
        return _window(start, end if step else pub, "month")
    year = pub.year + step
    return _window(date(year, 1, 1), date(year, 12, 31) if step else pub, "year")


def _lookback(match: re.Match[str], pub: date | None) -> DateValue | None:
    """Look-back windows ending at pub: "the past three days", "in recent days"."""
    plural = match["unit"].lower().endswith("s")
    unit = match["unit"].lower().rstrip("s")
    # "in recent days" is about a week; "the past day" or "the previous week" is one unit
    # (it was read as "recent" too: "over the past week" spanned three weeks, and "the
    # previous day" a week, which made a next-day report a campaign summary).
    count = _count(match) if match["count"] else (_RECENT_DEFAULTS.get(unit, 1) if plural else 1)
    if count is None:
        return None
    if pub is None:
        return DateValue(None, None, 3, "window")
    if unit in ("year", "decade") and match["count"] and match["count"].lower() in _VAGUE:
        count = 3  # "the past few years": not the week-long reading of "few days"
    days = {
        "hour": -(-count // 24), "day": count, "week": 7 * count, "month": 30 * count,
        "year": 365 * count, "decade": 3652 * count,
    }[unit]  # fmt: skip
    return _window(pub - timedelta(days=days), pub, "window")


_RECENT_DEFAULTS = {"day": 7, "week": 3}  # "in recent days" / "in recent weeks"
_VAGUE = ("few", "several")


def _weekend(match: re.Match[str], pub: date | None) -> DateValue | None:
    """ "over the weekend": the latest Saturday-Sunday on or before publication, clipped at
    publication like "this week" (a Monday piece's weekend is the two days before it; a
    Sunday piece's ends that day); the coming one, from publication on, when the clause is
    told as a future or a plan ("will attack the town over the weekend", "plan to march over
    the weekend"). Week precision (2), like "last weekend": the phrase never says which of the
    days."""
    if pub is None:
        return DateValue(None, None, 3, "week")
    if _told_ahead(match.string, match.start()):
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 if pub.weekday() < 6 else -1)
        return DateValue(max(saturday, pub), saturday + timedelta(days=1), 2, "week")
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    return DateValue(saturday, min(saturday + timedelta(days=1), pub), 2, "week")


# A future or a plan governing the phrase, earlier in its clause: "will", "may", "plan(s) to",
# "is expected to", "intend(s) to", "is going to". A past plan ("planned to", "were expected
# to") may be told after the weekend, so it is no cue; nor a cue behind a clause boundary
# ("officials who will meet on Monday said gunmen attacked ... over the weekend").
# "may" and "might" only in lower case (not the month) and not as a past guess ("may have
# regrouped"); "will" not as a noun ("against his will,").
_AHEAD = re.compile(
    r"(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bown\s)"
    r"\b(?:will(?!\s*[.;])|shall|(?-i:may|might)(?!\s+(?:well\s+)?have\b)|plans?\s+to"
    r"|planning\s+to|intends?\s+to|intending\s+to"
    r"|(?:is|are|am)\s+(?:expected|set|scheduled|due|going)\s+to|expects?\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[.;:!?]|\b(?:said|says|told|who|which|that|when|after|because|while|but)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:who|which|whose)\b", re.IGNORECASE)


def _told_ahead(text: str, start: int) -> bool:
    cues = list(_AHEAD.finditer(text, max(0, start - 120), start))
    if not cues or _CLAUSE_BREAK.search(text, cues[-1].end(), start):
        return False
    return not _in_relative_clause(text, cues[-1], start)


def _in_relative_clause(text: str, cue: re.Match[str], start: int) -> bool:
    """The cue stands in a comma-set relative clause that closes before the phrase: "The
    group, which plans to hold talks, was attacked over the weekend"."""
    comma = text.rfind(",", 0, cue.start())
    opened = comma >= 0 and _RELATIVE.search(text, comma, cue.start()) is not None
    return opened and "," in text[cue.end() : start]


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Rules without a cue word, appended to the rule table by :mod:`eventscope.extract.dates` (the
# table in date_patterns needs this/last/past/next before "weekend"). "the weekend of 4-5 July",
# "the weekend before the vote" and "on the weekend, July 4-5" name another weekend, whose own
# words date it.
WEEKEND_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(
            r"\b(?:over|during|at|on|across|throughout)\s+the\s+weekend\b"
            r"(?!\s+(?:of|before|after|preceding|following)\b)"
            rf"(?!\s*,\s*(?:the\s+)?(?:{_DAY}(?:\s*(?:[-–/&]|and)\s*{_DAY})?\s+(?:of\s+)?"
            rf"(?:{_MONTH_NAMES})\b"
            rf"|(?:{_MONTH_NAMES})\.?\s+\d))",
            re.IGNORECASE,
        ),
        _weekend,
    ),
]
WEEKEND_GUARDS: tuple[tuple[str, ...], ...] = (("weekend",),)
