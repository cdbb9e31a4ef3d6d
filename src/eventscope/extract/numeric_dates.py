"""Dates written in digits only, as translated wire copy and short briefs give them.

"03.05.2025" is day.month.year: the dotted form is the European and post-Soviet one, where
the day always comes first (a US writer uses slashes). "on 5/3" is ambiguous (3 May in the
US, 5 March elsewhere), so it is read only when exactly one of the two readings falls in the
month up to publication, where a news report's event lies; otherwise it stays unread.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscope.extract.date_values import DateValue, Handler, _day, _safe_date

# How far before publication a slash date may lie: a month, as for "the 29 December attack"
# in a 2 January report. A later reading would be a future date, never the event's.
SLASH_LOOKBACK_DAYS = 31

_DOTTED = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d{2})\b")
# "on 5/3", "on 5/3/2025": only after "on", so that "3/4 of them" or a score is no date.
_SLASH = re.compile(r"\b[Oo]n\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<year>(?:19|20)\d{2}))?\b")


def _dotted(match: re.Match[str], pub: date | None) -> DateValue | None:
    value = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
    return _day(value, "day") if value else None


def _slash(match: re.Match[str], pub: date | None) -> DateValue | None:
    if pub is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    years = (int(match["year"]),) if match["year"] else (pub.year, pub.year - 1)
    readings = {
        d
        for year in years
        for d in (_safe_date(year, a, b), _safe_date(year, b, a))
        if d is not None and pub - timedelta(days=SLASH_LOOKBACK_DAYS) <= d <= pub
    }
    return _day(readings.pop(), "day") if len(readings) == 1 else None


# Appended to date_patterns.RULES by eventscope.extract.dates, with their guards.
NUMERIC_RULES: list[tuple[re.Pattern[str], Handler]] = [(_DOTTED, _dotted), (_SLASH, _slash)]
NUMERIC_GUARDS: tuple[tuple[str, ...], ...] = ((".",), ("/",))
