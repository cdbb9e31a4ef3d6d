"""Date values and the helpers shared by the date-expression handlers.

:mod:`eventscope.extract.date_patterns` (calendar dates, periods, RULES) and
:mod:`eventscope.extract.date_relative` (weekdays, nights, days and weeks counted from
publication) both build :class:`DateValue` windows with these helpers.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventscope.extract.numbers import parse_number

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
