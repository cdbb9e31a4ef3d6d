"""Date expressions: the regular expressions and the handlers that resolve them.

Each handler receives the match and the publication date (or None) and returns the window the
phrase denotes; :mod:`eventscope.extract.dates` documents the rules and picks among phrases.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventscope.extract.numbers import NUMBER_PATTERN, parse_number

FUTURE_TOLERANCE_DAYS = 30

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip

# Month names are matched capitalised (case-sensitive) so that "may" the modal never matches.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# "14 November last year": the year is said in words, relative to publication.
_WHICH_YEAR = r",?\s+(?:of\s+)?(?P<which>last|this)\s+year"  # also "November 14, last year"
# "the March 23 Movement" (M23), "the April 6 Youth Movement", "the March 14 Alliance": a
# date that names a group is no date of the event.
_NOT_A_NAME = (
    r"(?!\s+(?:[A-Z][a-z]+\s+)?(?:Movement|Alliance|Coalition|Front|Brigades?|Group|Bloc"
    r"|Forces|Revolution|Uprising)\b)"
)
_COUNT = rf"(?P<count>{NUMBER_PATTERN}|a|an|a couple of|couple of|few|several)"
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class DateValue:
    """What a phrase resolves to: a window (None when unresolvable), its precision and kind."""

    start: date | None
    end: date | None
    precision: int
    kind: str


Handler = Callable[[re.Match[str], date | None], DateValue | None]


def _window(start: date | None, end: date | None, kind: str) -> DateValue:
    if start is None or end is None:
        return DateValue(None, None, 3, kind)
    days = (end - start).days
    precision = 1 if days == 0 else 2 if days <= 7 else 3
    return DateValue(start, end, precision, kind)


def _day(value: date | None, kind: str) -> DateValue:
    return DateValue(value, value, 1 if value else 3, kind)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: date | None) -> date | None:
    """The date in the publication year, or the year before if that is too far ahead."""
    if pub is None:
        return None
    candidate = _safe_date(pub.year, month, day)
    if candidate and candidate > pub + timedelta(days=FUTURE_TOLERANCE_DAYS):
        candidate = _safe_date(pub.year - 1, month, day)
    return candidate


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_number(match: re.Match[str]) -> int:
    return MONTHS[match.group("month").lower().rstrip(".")]


def _count(match: re.Match[str]) -> int | None:
    raw = match.group("count").lower()
    if raw in ("a", "an"):
        return 1
    if "couple" in raw:
        return 2
    if raw in ("few", "several"):
        return 7  # "the last few days": a week-long look-back, never longer
    return parse_number(raw)


# --- handlers ------------------------------------------------------------------------------


def _iso(match: re.Match[str], pub: date | None) -> DateValue | None:
    value = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
    return _day(value, "day") if value else None


def _month_day(match: re.Match[str], pub: date | None) -> DateValue | None:
    month, day = _month_number(match), int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["year"]:
        value = _safe_date(int(match["year"]), month, day)
        return _day(value, "day") if value else None
    if match["which"] and pub is not None:
        year = pub.year - 1 if match["which"] == "last" else pub.year
        return _day(_safe_date(year, month, day), "day")
    return _day(_infer_year(month, day, pub), "day")


def _month_year(match: re.Match[str], pub: date | None) -> DateValue | None:
    start, end = _month_window(int(match["year"]), _month_number(match))
    return _window(start, end, "month")


def _month_only(match: re.Match[str], pub: date | None) -> DateValue | None:
    if pub is None:
        return DateValue(None, None, 3, "month")
    month = _month_number(match)
    anchor = _infer_year(month, 1, pub)
    if anchor is None:
        return None
    start, end = _month_window(anchor.year, month)
    kind = "since" if match["cue"].lower() == "since" else "month"
    return _window(start, min(end, max(pub, start)), kind)


def _year(match: re.Match[str], pub: date | None) -> DateValue | None:
    year = int(match["year"])
    kind = "since" if match["cue"].lower() == "since" else "year"
    return _window(date(year, 1, 1), date(year, 12, 31), kind)


# "the early 2000s": years 0-3 of the decade, "mid" 3-6, "late" 6-9 (a plain decade: 0-9).
_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "": (0, 9)}


def _decade(match: re.Match[str], pub: date | None) -> DateValue | None:
    decade = int(match["decade"])
    first, last = _DECADE_PART[(match["part"] or "").lower()]
    kind = "since" if (match["cue"] or "").lower() == "since" else "year"
    return _window(date(decade + first, 1, 1), date(decade + last, 12, 31), kind)


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


def _season(match: re.Match[str], pub: date | None) -> DateValue | None:
    first, last = SEASONS[match["season"].lower()]
    if match["year"]:
        return _season_window(int(match["year"]), first, last)
    if pub is None:
        return DateValue(None, None, 3, "season")
    cue = (match["cue"] or "").lower()
    kind = "since" if cue == "since" else "season"
    if cue == "this":
        year = pub.year + 1 if first > last and pub.month == 12 else pub.year
        return _replace_kind(_season_window(year, first, last), kind)
    for year in (pub.year + 1, pub.year, pub.year - 1, pub.year - 2):
        window = _season_window(year, first, last)
        assert window.start is not None and window.end is not None
        if (cue == "last" and window.end < pub) or (cue != "last" and window.start <= pub):
            return DateValue(window.start, min(window.end, pub), 3, kind)
    return None


def _replace_kind(value: DateValue, kind: str) -> DateValue:
    return DateValue(value.start, value.end, value.precision, kind)


def _season_window(year: int, first: int, last: int) -> DateValue:
    start_year = year - 1 if first > last else year  # winter runs December to February
    start = date(start_year, first, 1)
    end = date(year, last, calendar.monthrange(year, last)[1])
    return DateValue(start, end, 3, "season")


# "3 to 4", "3 and 4", "3-4", "3 – 4"
_NIGHT_JOIN = r"(?:\s*[-–]\s*|\s+(?:to|and)\s+)"
_NUMBER_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)"
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso),
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}"
            rf"(?:,?\s+{_YEAR}|{_WHICH_YEAR})?\b{_NOT_A_NAME}"
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b|{_WHICH_YEAR}\b)?"
            rf"{_NOT_A_NAME}"
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"
            rf"{_MONTH},?\s+{_YEAR}\b"
        ),
        _month_year,
    ),
    (
        re.compile(
            rf"\b(?P<cue>(?i:in|during|since|by|until|through|throughout|early|mid|late|of"
            rf"|last|this))[\s-]+{_MONTH}\b(?!\s+\d)"
        ),
        _month_only,
    ),
    (
        re.compile(
            rf"\b(?P<cue>[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Oo]f|[Tt]hroughout"
            rf"|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+{_YEAR}\b(?![-/]\d)"
        ),
        _year,
    ),
    (
        re.compile(
            r"\b(?:(?P<cue>in|during|since|through|throughout|by|of)\s+)?the\s+"
            r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)[\'\u2019]?s\b",
            _I,
        ),
        _decade,
    ),
    (
        re.compile(
            rf"\b(?:(?P<cue>[Ll]ast|[Tt]his|[Nn]ext|[Oo]n|[Ll]ate|[Ee]arly|[Ss]ince)\s+)?"
            rf"{_WEEKDAY}\b(?:\s+(?P<daypart>night|morning|afternoon|evening))?"
        ),
        _weekday,
    ),
    (
        re.compile(
            rf"\b[Nn]ight\s+of\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_NIGHT_JOIN}"
            rf"{_DAY}\s+{_MONTH}\b"
        ),
        _night_range,
    ),
    (  # "the night of May 3 to 4"
        re.compile(
            rf"\b[Nn]ight\s+of\s+{_MONTH}\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_NIGHT_JOIN}"
            rf"{_DAY}\b"
        ),
        _night_range,
    ),
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", _I), _relative_day(2)),
    (re.compile(r"\byesterday\b(?:\s+(?:morning|afternoon|evening))?", _I), _relative_day(1)),
    (re.compile(r"\blast\s+night\b", _I), _overnight),  # the night before publication
    (re.compile(r"\b(?:overnight|over\s+night)\b", _I), _overnight),
    (
        re.compile(
            r"\b(?:earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening))\b", _I
        ),
        _relative_day(0),
    ),
    (re.compile(rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _I), _ago),
    (
        re.compile(
            r"\b(?:earlier\s+|later\s+)?(?P<cue>this|last|past|previous|next)\s+"
            r"(?P<unit>weekend|week|month|year)\b",
            _I,
        ),
        _period,
    ),
    (
        re.compile(
            rf"\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+"
            rf"(?:{_COUNT}\s+)?{_NUMBER_UNIT}",
            _I,
        ),
        _lookback,
    ),
    (
        re.compile(r"\b(?:in|over|during)\s+recent\s+(?P<count>)(?P<unit>days|weeks)\b", _I),
        _lookback,
    ),
    (
        re.compile(
            rf"\b(?:over|during|in|for|within)\s+an?\s+{_COUNT}[- ]{_NUMBER_UNIT}\s+"
            r"(?:period|span|stretch|spell|window)\b",
            _I,
        ),
        _lookback,
    ),
    (
        re.compile(
            r"\b(?P<cue>(?i:last|this|in|during|over|through|since|early|late))\s+"
            r"(?:the\s+)?(?P<season>summer|winter|spring|autumn|fall)"
            rf"(?:\s+(?:of\s+)?{_YEAR})?\b(?!\s+of\s+[A-Z])"
        ),
        _season,
    ),
    (
        re.compile(
            rf"\b(?i:the)\s+(?P<cue>)(?P<season>summer|winter|spring|autumn|fall)\s+of\s+"
            rf"{_YEAR}\b"
        ),
        _season,
    ),
]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEARS = ("19", "20")
_SEASONS = ("summer", "winter", "spring", "autumn", "fall")
# Per rule (same order as RULES): lower-case strings of which at least one must occur in the
# case-folded text for the rule to be able to match. Most articles lack most of them, and a
# substring test is far cheaper than a word-boundary regex tried at every word (the date pass
# was about 5% of gated extraction time). Checked against the unguarded rules in the tests.
RULE_GUARDS: tuple[tuple[str, ...], ...] = (
    _YEARS,
    _MONTHS,
    _MONTHS,
    _MONTHS,
    _MONTHS,
    _YEARS,
    _YEARS,
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("night",),
    ("night",),
    ("yesterday",),
    ("yesterday",),
    ("night",),
    ("night",),
    ("today", "tonight", "this"),
    ("ago",),
    ("week", "month", "year"),
    ("hour", "day", "week", "month", "year", "decade"),
    ("recent",),
    ("period", "span", "stretch", "spell", "window"),
    _SEASONS,
    _SEASONS,
)
assert len(RULE_GUARDS) == len(RULES)
