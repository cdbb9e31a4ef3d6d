"""Date expressions: the regular expressions and the handlers that resolve them.

Each handler receives the match and the publication date (or None) and returns the window the
phrase denotes; :mod:`eventscope.extract.dates` documents the rules and picks among phrases.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from eventscope.extract.date_ranges import MAX_SPAN_DAYS, range_opener
from eventscope.extract.date_relative import (
    _ago,
    _lookback,
    _night_range,
    _overnight,
    _period,
    _relative_day,
    _weekday,
    previous_day,
)
from eventscope.extract.date_values import (
    SEASONS,
    DateValue,
    Handler,
    _day,
    _infer_year,
    _month_number,
    _month_window,
    _safe_date,
    _window,
)
from eventscope.extract.numbers import NUMBER_PATTERN

__all__ = ["RULES", "RULE_GUARDS", "DateValue", "Handler"]

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


# --- handlers ------------------------------------------------------------------------------


def _iso(match: re.Match[str], pub: date | None) -> DateValue | None:
    value = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
    return _day(value, "day") if value else None


def _day_range(match: re.Match[str], pub: date | None) -> DateValue | None:
    """ "4-5 July", "July 4 and 5": the window from the first day to the last, its year read as
    for one day. A span longer than a week, or not ascending, is left to the last day's own
    rule (None), as before this rule: "1 and 15 May" names two days, not the days between.
    Two days joined by "and" name those two days, not a span: only consecutive ones ("4 and 5
    July") make a window; "on 2 and 6 March" is left to the last day's rule (second review of
    session 14). A dash or "to" spans up to a week ("2-6 March", "2 to 6 March"). After
    "between" or "from" the two days bound a span whatever joins them, up to a month
    ("between 1 and 3 March", "from 2 to 20 May": :mod:`eventscope.extract.date_ranges`)."""
    month, first, last = _month_number(match), int(match["first"]), int(match["day"])
    opened = range_opener(match.string, match.start()) is not None
    if not 1 <= first < last <= min(31, first + (MAX_SPAN_DAYS if opened else 6)):
        return None
    if _joined_by_and(match) and last != first + 1 and not opened:
        return None
    if match["year"]:
        end = _safe_date(int(match["year"]), month, last)
    else:
        end = _infer_year(month, last, pub)
    if end is None:
        return _window(None, None, "day") if pub is None and not match["year"] else None
    return _window(end.replace(day=first), end, "day")


def _joined_by_and(match: re.Match[str]) -> bool:
    """Whether the two days of a range match are joined by "and" or "&" (not a dash, "to")."""
    between = match.string[match.end("first") : match.start("day")].lower()
    return re.search(r"\band\b|&", between) is not None


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


def _day_of_month(match: re.Match[str], pub: date | None) -> DateValue | None:
    """ "On the 14th": that day of the publication month, or of the month before when the
    day is still ahead (a report of the 14th published on the 3rd)."""
    day = int(match["day"])
    if pub is None or not 1 <= day <= 31:
        return _day(None, "day")
    year, month = (pub.year, pub.month) if day <= pub.day else _previous_month(pub)
    return _day(_safe_date(year, month, day), "day")


def _previous_month(pub: date) -> tuple[int, int]:
    return (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)


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
    (  # "on the 14th,": no month named, the nearest one (not "the 14th Brigade")
        re.compile(
            r"\b[Oo]n\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)"
            r"(?=\s*(?:[,.;:)]|$))"
        ),
        _day_of_month,
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
    # "the previous day" names the day before another: :func:`eventscope.extract.dates.
    # find_date_phrases` resolves it against the nearest earlier day of its sentence ("said
    # on Thursday that ... the previous day": Wednesday), at day precision. With none, this
    # handler's two-day window before publication stays, at week precision (session 13
    # review). "over the previous day" is longer, so the look-back still wins there.
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+day\b", _I), previous_day),
    # Session 17: "stormed the town the day before", "killed a day earlier" at a clause's end
    # are the same; "the day before the vote" names another day, so a noun must not follow.
    (
        re.compile(
            r"\b(?:(?:the|a|one)\s+day\s+before|(?:a|the|one)\s+day\s+earlier)"
            r"(?=\s*(?:[.,;:!?)\"”’]|$|(?:and|when|while|as|after|in|at|near|on)\b))",
            _I,
        ),
        previous_day,
    ),
    (re.compile(r"\blast\s+night\b", _I), _overnight),  # the night before publication
    (re.compile(r"\b(?:overnight|over\s+night)\b", _I), _overnight),
    (
        re.compile(
            r"\b(?:earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening))\b", _I
        ),
        _relative_day(0),
    ),
    # "a year ago today", "two years ago this week": the same day (week, month) that long
    # before publication, not today (session 16); the longer match wins over "today".
    (
        re.compile(
            rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"
            r"(?:\s+(?P<same>today|this\s+(?:week|month)))?\b",
            _I,
        ),
        _ago,
    ),
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
    (  # "4-5 July", "4th and 5th July", "4 to 5 July 2026": both days (:func:`_day_range`)
        re.compile(
            rf"\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_NIGHT_JOIN}{_DAY}\s+(?:of\s+)?{_MONTH}"
            rf"(?:,?\s+{_YEAR})?\b{_NOT_A_NAME}"
        ),
        _day_range,
    ),
    (  # "July 4-5", "July 4 and 5, 2026"
        re.compile(
            rf"\b{_MONTH}\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_NIGHT_JOIN}{_DAY}\b"
            rf"(?:,?\s+{_YEAR}\b)?{_NOT_A_NAME}"
        ),
        _day_range,
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
    ("st", "nd", "rd", "th"),
    _MONTHS,
    _MONTHS,
    _YEARS,
    _YEARS,
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("night",),
    ("night",),
    ("yesterday",),
    ("yesterday",),
    ("previous", "preceding"),
    ("day before", "day earlier"),
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
    _MONTHS,
    _MONTHS,
)
assert len(RULE_GUARDS) == len(RULES)
