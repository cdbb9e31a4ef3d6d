"""Date expressions counted from publication: weekdays, nights, "yesterday", "ago", "last
week", look-back windows ("over the past three days"). Split from
:mod:`eventscope.extract.date_patterns`, which holds the calendar rules and the RULES table.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

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
    if match["same"]:
        return _same_time_ago(pub, count, unit, match["same"].split()[-1].lower())
    if unit == "day":
        return _day(pub - timedelta(days=count), "relative")
    if unit == "week":
        return _calendar_week(pub - timedelta(days=7 * count), pub, "week")
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, -count)
        return _window(*_month_window(year, month), "month")
    return _window(date(pub.year - count, 1, 1), date(pub.year - count, 12, 31), "year")


def _same_time_ago(pub: date, count: int, unit: str, span: str) -> DateValue:
    """ "a year ago today": the publication day that many units back (an anniversary story
    tells the old event, not today's); "... ago this week" / "this month": that day's
    calendar week or month. Months and years are counted on the calendar (29 February a
    year back is the 28th)."""
    day = pub - relativedelta(**{f"{unit}s": count})
    if span == "week":
        return _calendar_week(day, date.max, "week")
    if span == "month":
        return _window(*_month_window(day.year, day.month), "month")
    return _day(day, "relative")


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
# regrouped"); "will" not as a noun (:func:`_noun_will`).
# Dates are read from the raw text, without a parse, so clauses are told by their words.
_AHEAD = re.compile(
    r"\b(?:will(?!\s*[.;]|\s+of\b)|shall|(?-i:may|might)(?!\s+(?:well\s+)?have\b)|plans?\s+to"
    r"|planning\s+to|intends?\s+to|intending\s+to"
    r"|(?:is|are|am)\s+(?:expected|set|scheduled|due|going)\s+to|expects?\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)
# A determiner or a possessor before "will" makes it the noun ("the people's will", "against
# the will of", "imposing its will"): determiners and possessives are closed classes.
_NOUN_WILL_BEFORE = re.compile(
    r"(?:\b(?:the|a|his|her|its|their|our|your|my|whose|own|free)"
    r"|\w['’]s|\ws['’])\s+$",
    re.IGNORECASE,
)
# Words that open another clause between the cue and the phrase: a report ("said"), a
# relative ("where gunmen killed"), a subordinate or contrasting clause ("although",
# "despite", "following ADF attacks"); "as" only after a comma ("as planned" is no clause).
_CLAUSE_BREAK = re.compile(
    r"[.;:!?]|,\s*as\b|\b(?:said|says|told|who|whom|whose|which|that|when|where|after"
    r"|because|while|whereas|but|although|though|despite|following)\b",
    re.IGNORECASE,
)
# A comma and a coordinator: another clause ("Talks will resume on Friday, and M23 rebels
# attacked Goma"), unless it closes a list ("will attack Beni, Butembo, and Goma").
_COMMA_AND = re.compile(r",\s*(?:and|or|yet)\b", re.IGNORECASE)
# A relative clause set off by a comma, bracket or dash: ", which", " - who", ", many of
# whom", ", where". Only where the relative word opens it ("the army, the rebels who
# control the hills will attack" is no such clause).
_SET_OFF_RELATIVE = re.compile(
    r"(?:,|\(|\s[-–—]\s|[–—])\s*(?:\w+\s+of\s+)?(?:who|whom|whose|which|where)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;:!?]")
_DASH = re.compile(r"\s[-–—]\s|[–—]")
_MARK = re.compile(r"[,()–—]|\s-\s")  # a comma, bracket or dash: a set-off clause's edge


def _told_ahead(text: str, start: int) -> bool:
    """Whether a future cue governs the phrase at ``start``: the last cue before it, with no
    clause boundary between them, and not inside a set-off relative clause closed before it.
    Told from the words alone (a word-based approximation of the parse, which this pass over
    the raw text does not have): a cue in a clause the phrase is not in is missed only where
    the words give no sign of the boundary."""
    cues = [
        cue
        for cue in _AHEAD.finditer(text, max(0, start - 120), start)
        if not _noun_will(text, cue)
    ]
    if not cues or _clause_ends(text, cues[-1].end(), start):
        return False
    return not _in_relative_clause(text, cues[-1], start)


def _noun_will(text: str, cue: re.Match[str]) -> bool:
    """ "will" after a determiner or a possessor is the noun (no tagger to say MD here)."""
    before = text[max(0, cue.start() - 20) : cue.start()]
    return cue[0].lower() == "will" and _NOUN_WILL_BEFORE.search(before) is not None


def _clause_ends(text: str, cue_end: int, start: int) -> bool:
    """Whether another clause starts between the cue and the phrase."""
    if _CLAUSE_BREAK.search(text, cue_end, start):
        return True
    # A comma before the coordinator's own comma makes it a list's last item.
    return any(
        "," not in text[cue_end : c.start()] for c in _COMMA_AND.finditer(text, cue_end, start)
    )


def _in_relative_clause(text: str, cue: re.Match[str], start: int) -> bool:
    """The cue stands in a set-off relative clause of its sentence that closes before the
    phrase: "The group, which plans to hold talks, was attacked over the weekend", "The
    rebels - who will hold talks on Friday - attacked the base over the weekend"."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, cue.start())]
    openers = list(_SET_OFF_RELATIVE.finditer(text, ends[-1] if ends else 0, cue.start()))
    if not openers or _MARK.search(text, openers[-1].end(), cue.start()):
        return False  # no clause open at the cue ("The rebels, who control X, will attack")
    between = text[cue.end() : start]
    if openers[-1][0].startswith("("):
        return ")" in between
    if openers[-1][0].startswith(","):
        return any(not _list_comma(between[c.end() :]) for c in re.finditer(",", between))
    return _DASH.search(between) is not None


def _list_comma(after: str) -> bool:
    """A comma between items of a list, told by the text after it: "attack Beni, Butembo and
    Oicha over the weekend" (an "and" or another comma follows), not a clause's closing
    comma ("The rebels, many of whom may be foreign fighters, attacked the base")."""
    item, comma, _ = after.partition(",")
    return bool(comma) or re.search(r"\b(?:and|or)\b", item, re.IGNORECASE) is not None


# Capitalised and matched case-sensitively (as in date_patterns), so that the modal "may"
# ("over the weekend, 12 may have been children") is no month.
_MONTH_NAMES = (
    "(?-i:" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)) + ")"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Event nouns a weekend may date by premodifying them (optionally plural).
_EVENT_NOUN = (
    r"(?:(?:attack|raid|bombing|strike|airstrike|assault|ambush|clash|shelling|killing"
    r"|explosion|blast|shooting|protest|demonstration|riot|incursion|abduction|kidnapping)"
    r"(?:e?s)?|fighting|violence|massacre|offensive|rally|rallies|unrest)\b"
)
# Rules without a cue word, appended to the rule table by :mod:`eventscope.extract.dates` (the
# table in date_patterns needs this/last/past/next before "weekend"). "the weekend of 4-5 July",
# "the weekend before the vote", "on the weekend, July 4-5" and "over the weekend (4 to 5 July)"
# name another weekend, whose own words date it.
WEEKEND_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(
            r"\b(?:over|during|at|on|across|throughout)\s+the\s+weekend\b"
            r"(?!\s+(?:of|before|after|preceding|following)\b)"
            rf"(?!\s*[,(]\s*(?:on\s+)?(?:the\s+)?(?:{_DAY}(?:\s*(?:[-–/&]|and|to)\s*{_DAY})?"
            rf"\s+(?:of\s+)?(?:{_MONTH_NAMES})\b"
            rf"|(?:{_MONTH_NAMES})\.?\s+\d))",
            re.IGNORECASE,
        ),
        _weekend,
    ),
]
WEEKEND_GUARDS: tuple[tuple[str, ...], ...] = (("weekend",),)
# "the weekend attack", "the weekend's raids" (session 15): a weekend that premodifies or
# owns an event noun dates that event, like "Saturday's attack" or "the Friday bombing";
# "the weekend" alone ("the weekend was calm", "the weekend edition") is no date.
OWNED_WEEKEND_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(
            rf"\bthe\s+weekend(?=(?:['’]s)?\s+(?:[a-z-]+\s+){{0,2}}?{_EVENT_NOUN})",
            re.IGNORECASE,
        ),
        lambda match, pub: None if _planned_weekend(match) else _weekend(match, pub),
    ),
]
# Words before "the weekend X" that make X a coming or planned event (review of session 15):
# "ahead of the weekend protests", "before the weekend rally", "planned the weekend march".
_PLANNED_BEFORE = re.compile(
    r"\b(?:ahead\s+of|before|planned|planning|plans?|organi[sz]ing|organi[sz]ed|preparing"
    r"|preparations?\s+for|called\s+for|calls?\s+for|upcoming|forthcoming|scheduled"
    r")\s+$",
    re.IGNORECASE,
)


def _planned_weekend(match: re.Match[str]) -> bool:
    """ "Police fired tear gas ... ahead of the weekend protests": a weekend event still to
    come, which this rule cannot date (the past weekend would be wrong); left undated."""
    before = match.string[max(0, match.start() - 40) : match.start()]
    return _PLANNED_BEFORE.search(before) is not None


OWNED_WEEKEND_GUARDS: tuple[tuple[str, ...], ...] = (("weekend",),)
