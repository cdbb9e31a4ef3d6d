"""Date phrases in article text, resolved against the publication date.

Pure functions over strings (no spaCy), so every rule is unit-testable. Rules:

* Absolute dates ("March 11, 2025", "11 March", "2025-03-11") are day precision (1). A date
  without a year takes the publication year, or the year before when that would put it more
  than 30 days after publication (news reports the past; ``FUTURE_TOLERANCE_DAYS``).
* Weekdays ("on Tuesday") are the most recent such day on or before publication ("last
  Tuesday": strictly before; "next Tuesday": strictly after); precision 1.
* Relative days ("yesterday", "today", "three days ago", "a year ago today": that day a year
  back) are precision 1; "overnight" and "last night" are the window [pub-1, pub], and
  "<weekday> night" and "late on <weekday>" [that day, the next], still precision 1 (a night
  runs past midnight). "the previous day" is the day before the nearest earlier day-precise
  date of its sentence (precision 1), else the window [pub-1, pub] at precision 2.
* Calendar periods ("last week", "this week", "last month", "last year", "in March",
  "in 2014", "in the summer") are windows; "last week" is the previous Monday-Sunday week.
* Look-back windows ("the past three days", "in recent days", "over a three-day period") end at
  publication; so do runs of days ("for five consecutive days", "three days in a row", "a
  three-day offensive", :mod:`eventscope.extract.run_dates`). Window precision: one day -> 1,
  up to a week -> 2, longer -> 3.
* With no publication date, anything that needs one (no year in the text) resolves to
  ``date_start = date_end = None`` with precision 3: the current year is never guessed.

:func:`choose_date` picks the phrase for a mention: the phrase in the mention's sentence
nearest the trigger (a phrase dating a statement, "the ministry said on Friday", only when the
sentence has no other, and as the week ending that day when the statement tells the event as
the background of its news: :mod:`eventscope.extract.date_statements`, session 16); else the
nearest phrase earlier in the same paragraph that does not date a statement; else the
sentence's time anchor where one is offered (an event "two days after" which an undated
sentence is told); else none (date unknown, precision 3). "since ..." phrases describe
durations and are never chosen, except a possessive date after "since" ("have fled since last
Thursday's attack"), which dates the event it owns and only that one (``owner_only``, session
15).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from eventscope.extract.date_patterns import RULE_GUARDS, RULES, DateValue
from eventscope.extract.date_ranges import join_ranges
from eventscope.extract.date_relative import (
    OWNED_WEEKEND_GUARDS,
    OWNED_WEEKEND_RULES,
    WEEKEND_GUARDS,
    WEEKEND_RULES,
    previous_day,
)
from eventscope.extract.numeric_dates import NUMERIC_GUARDS, NUMERIC_RULES
from eventscope.extract.run_dates import RUN_GUARDS, RUN_RULES

# Word dates first, then digit-only ones ("03.05.2025", "on 5/3"), then runs of days ("for
# five consecutive days", "a three-day offensive"), then "over the weekend" and "the weekend
# attack", each with its guards.
_RULES = RULES + NUMERIC_RULES + RUN_RULES + WEEKEND_RULES + OWNED_WEEKEND_RULES
_GUARDS = RULE_GUARDS + NUMERIC_GUARDS + RUN_GUARDS + WEEKEND_GUARDS + OWNED_WEEKEND_GUARDS

HISTORICAL_DAYS = 45  # a date window ending this long before publication is background
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date expression found in the text and the window it resolves to."""

    start: int
    end: int
    text: str
    date_start: str | None  # ISO dates; None when the phrase cannot be resolved
    date_end: str | None
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month or coarser
    kind: str  # "day", "weekday", "relative", "week", "month", "year", "season", "window", "since"
    reporting: bool = False  # dates a statement ("the ministry said on Friday"), not an event
    dateline: bool = False  # a wire dateline's date: the day the story was filed
    # "since last Thursday's attack": a possessive date after "since" dates the event it owns,
    # and only that one (:func:`eventscope.extract.date_scope.dates_in_scope`); "since" tells
    # how long the sentence's other verb ("have left X") has lasted (session 15)
    owner_only: bool = False

    @property
    def resolved(self) -> bool:
        return self.date_start is not None


# Kind of the window of an event that a statement reports, ending on the statement's day
# (:func:`eventscope.extract.date_statements.statement_bound`, session 16).
BOUND = "bound"

# Kind of a phrase that stands for a sentence's time anchor, not for words that date it
# (:func:`eventscope.extract.after_dates.anchored_after`): chosen only when nothing else is.
ANCHOR = "anchor"


class DatePhrases(list[DatePhrase]):
    """The phrases of a text, with ``anchor``: the day their relative dates were read against
    (publication, or a dateline's filing day), which also dates an undated sentence's time."""

    anchor: date | None = None


def parse_published(value: str | date | None) -> date | None:
    """Accept ``YYYY-MM-DD`` (or a longer ISO datetime) and return its date; else None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_date_phrases(
    text: str, published: str | date | None, *, guarded: bool = True
) -> DatePhrases:
    """Every date phrase in ``text``, left to right, longest match winning overlaps.
    ``guarded=False`` runs every rule (the reference the guards are tested against)."""
    pub = parse_published(published)
    folded = text.casefold()
    candidates: list[tuple[int, int, int, DateValue]] = []
    for order, (pattern, handler) in enumerate(_RULES):
        if guarded and not any(g in folded for g in _GUARDS[order]):
            continue  # a string every match contains is absent: the rule cannot match
        for match in pattern.finditer(text):
            value = handler(match, pub)
            if value is not None:
                candidates.append((match.start(), match.end(), order, value))
    chosen = _days_before(text, join_ranges(text, _non_overlapping(candidates)))
    found = DatePhrases(_phrase(text, start, end, value) for start, end, _, value in chosen)
    found.anchor = pub
    return found


def choose_date(
    phrases: Sequence[DatePhrase],
    sentence: tuple[int, int],
    trigger_start: int,
    paragraph_start: int,
    *,
    trigger_end: int | None = None,
) -> DatePhrase | None:
    """The date phrase that dates a mention (see the module docstring for the rule).
    Distances count from the trigger's span: a long trigger ("counter-offensives") is as near
    a date right after it as a short one."""
    usable = [p for p in phrases if p.kind not in ("since", ANCHOR)]
    inside = [p for p in usable if sentence[0] <= p.start and p.end <= sentence[1]]
    end = trigger_start if trigger_end is None else trigger_end
    if inside:
        # The event's own date before the date of the statement that reports it; the
        # statement's date still dates a sentence that has no other ("X said on Tuesday"),
        # as the week ending that day where the parse shows what it reports (``BOUND``).
        # A dateline's date is the filing date: the sentence's own date goes first.
        return min(inside, key=lambda p: (_tier(p), _distance(p, trigger_start, end), p.start))
    # A later sentence inherits an event's date, never a statement's: "the governor said on
    # Friday" says nothing about when the next sentence's shelling happened.
    before = [
        p for p in usable if paragraph_start <= p.start and p.end <= sentence[0] and not p.reporting
    ]
    if before:
        return before[-1]
    # Undated sentence and paragraph: the sentence's time anchor, where one is offered.
    return next((p for p in phrases if p.kind == ANCHOR), None)


def _tier(phrase: DatePhrase) -> int:
    """Own dates first, then a statement's bound, then a statement's or a dateline's day."""
    if phrase.kind == BOUND:
        return 1
    return 2 if phrase.reporting or phrase.dateline else 0


def is_background(phrase: DatePhrase, published: str | date | None) -> bool:
    """Whether a mention dated by ``phrase`` is background rather than news (historical)."""
    if re.search(r"\blast\s+year\b|\byears?\s+ago\b", phrase.text, _I):
        return True
    if phrase.kind == "window" and _span_days(phrase) > _SUMMARY_DAYS:
        return True  # "hundreds killed over the past decade": a tally, not an event
    pub = parse_published(published)
    if pub is None or phrase.date_end is None:
        return False
    return date.fromisoformat(phrase.date_end) < pub - timedelta(days=HISTORICAL_DAYS)


_SUMMARY_DAYS = 366  # a look-back longer than a year sums up a conflict


def _span_days(phrase: DatePhrase) -> int:
    if phrase.date_start is None or phrase.date_end is None:
        return 0
    return (date.fromisoformat(phrase.date_end) - date.fromisoformat(phrase.date_start)).days


def _distance(phrase: DatePhrase, start: int, end: int) -> int:
    if phrase.start >= end:
        return phrase.start - end
    return max(0, start - phrase.end)


def _non_overlapping(
    candidates: list[tuple[int, int, int, DateValue]],
) -> list[tuple[int, int, int, DateValue]]:
    """Greedy: longest first, then the earlier rule; returns the kept ones in text order."""
    kept: list[tuple[int, int, int, DateValue]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c[0])


_Candidate = tuple[int, int, int, DateValue]
# Where a sentence ends: a full stop (or ! ?), closing quotes, space, then a capital; or a line
# break. "Jan. 5" does not end one; "Gen. Smith" does, which only costs a fallback.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[\"“‘'(]?[A-Z])|\n")


def _days_before(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """ "the previous day" is the day before the nearest earlier day-precise date of its
    sentence, a statement's date included ("medics said on Thursday that 12 were killed the
    previous day": Wednesday; "On Monday, soldiers found 12 bodies; they had been killed the
    previous day": Sunday), at day precision. With no such date, its handler's window before
    publication stands (session 13 review)."""
    out: list[_Candidate] = []
    for start, end, order, value in chosen:
        if _RULES[order][1] is previous_day:
            value = _day_before(text, start, out) or value
        out.append((start, end, order, value))
    return out


def _day_before(text: str, start: int, earlier: list[_Candidate]) -> DateValue | None:
    ends = list(_SENTENCE_END.finditer(text, max(0, start - 600), start))
    sentence_start = ends[-1].end() if ends else max(0, start - 600)
    before = [c[3] for c in earlier if c[0] >= sentence_start]
    if not before or before[-1].precision != 1 or before[-1].start is None:
        return None
    if before[-1].kind == "since":
        return None
    day = before[-1].start - timedelta(days=1)
    return DateValue(day, day, 1, "relative")


def _phrase(text: str, start: int, end: int, value: DateValue) -> DatePhrase:
    iso_start = value.start.isoformat() if value.start else None
    iso_end = value.end.isoformat() if value.end else None
    # "has claimed last Friday's attack": a date with a possessive names the event it owns,
    # so a speech verb before it does not make it a statement's date (linking round 10);
    # unless what it owns is a statement ("told Friday's briefing", session 13 review).
    reporting = bool(
        _REPORTING.search(text, max(0, start - 60), start) or _STATEMENT_AFTER.match(text, end)
    ) and not (_POSSESSIVE.match(text, end) and not _OWNS_STATEMENT.match(text, end))
    # "has besieged the city since May 2024": the start of a state, not the event's date; the
    # rules that read their own cue ("since 2011") already say so.
    since = value.kind == "since" or _SINCE_BEFORE.search(text, max(0, start - 12), start)
    owner_only = bool(since) and _POSSESSIVE.match(text, end) is not None
    kind = _owned_kind(value) if owner_only else "since" if since else value.kind
    if owner_only and (cue := _SINCE_CUE.match(text, start)):
        start = cue.end()  # "Saturday" of "since Saturday's strike": the date, not the "since"
    dateline = _in_dateline(text, start, end)
    return DatePhrase(
        start, end, text[start:end], iso_start, iso_end, value.precision, kind, reporting,
        dateline, owner_only,
    )  # fmt: skip


_POSSESSIVE = re.compile(r"['’]s\b")  # "Friday's", "last week’s"
_SINCE_CUE = re.compile(r"since\s+", re.IGNORECASE)


def _owned_kind(value: DateValue) -> str:
    """The kind of a possessive date after "since", whose rule may have read the "since"
    itself ("since Thursday's attack"): by the length of its window."""
    if value.kind != "since" or value.start is None or value.end is None:
        return value.kind
    days = (value.end - value.start).days
    return "day" if days < 1 else "week" if days < 7 else "month" if days < 32 else "year"


_OWNS_STATEMENT = re.compile(  # "Friday's briefing", "Monday's televised address"
    r"['’]s\s+(?:[\w-]+\s+)?(?:statement|briefing|interview|(?:press|news)\s+conference"
    r"|address|speech|remarks)\b",
    _I,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.IGNORECASE)


# A date right after a speech verb or a statement dates the statement: "the governor said on
# Friday", "told reporters on Monday", "said in a statement on Tuesday".
_REPORTING = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|reported|added|stated|confirmed|"
    r"claimed|denied|statement|briefing|press\s+conference|news\s+conference)"
    r"(?:\s+(?:in|at|to|during)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:\w+\s+){0,2}?(?:statement|briefing|conference|interview|post|message))?"
    r"\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?$",
    _I,
)


def dates_a_statement(before: str) -> bool:
    """Whether a date phrase right after ``before`` (the text up to it) dates a statement:
    "a resident told our correspondent on", "the police said on" (session 17)."""
    return _REPORTING.search(before[-120:]) is not None


# A date right before a statement's verb dates the statement too (session 14): "The UN human
# rights office on Thursday condemned an air strike ... last Sunday", "The army on Monday
# accused the RSF of shelling a market on Sunday". Not "Fighting on Saturday claimed 40 lives",
# "Gunmen on Tuesday warned villagers", "Supporters on Saturday denounced the results" (review).
_STATEMENT_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|condemned|announced|reported|confirmed|stated|accused|blamed|"
    r"denied|claimed(?!\s+(?:\S+\s+){0,3}?lives\b))\b",
    _I,
)


# A wire dateline at the start of a paragraph: "PESHAWAR - ...", "MOGADISHU, June 28 - ...",
# "KHARTOUM (Reuters) - ...", and the colon of South Asian papers: "MIRANSHAH: Five soldiers
# were ...". Shared with ``place_shapes``, which reads its town as the event place.
# Capitals with Latin-1 accents too: "BOGOTÁ, Jan 14 -", "SÃO PAULO -" (session 16).
_CAP = "A-ZÀ-ÖØ-Þ"
DATELINE = re.compile(
    rf"(?P<name>[{_CAP}][{_CAP}'’.]+(?:[ -][{_CAP}][{_CAP}'’.]+){{0,3}})"
    r"(?:,[^\n]{1,30}?)?\s*(?:\([^()\n]{1,30}\)\s*)?(?P<sep>[-—–]{1,2}|:)\s"
)


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether a date phrase sits in a dashed dateline, after its town ("GUSAU, July 4 -").

    A wire dateline's date is the day the story was filed: "GUSAU, July 4 - Bandits abducted
    30 people on Friday" happened on Friday, the 3rd. It dates an event only when nothing else
    in its sentence does (the parser often makes the dateline a sentence of its own, whose date
    the lede then inherits), and relative dates are read against it (:func:`dateline_anchor`)
    (linking round 9, session 12)."""
    line = text.rfind("\n", 0, start) + 1
    line += len(text[line:start]) - len(text[line:start].lstrip())
    m = DATELINE.match(text, line)
    return m is not None and m["sep"] != ":" and m.end("name") < start and end <= m.start("sep")


def dateline_anchor(text: str, published: str | date | None) -> date | None:
    """The day relative dates are read against: a dateline's date at the top of the article
    when it falls in the week before publication ("GUSAU, July 4 -" in a story published on
    the 7th: its "yesterday" is the 3rd), else the publication date."""
    pub = parse_published(published)
    if pub is None:
        return None
    first = next((p for p in find_date_phrases(text[:300], pub) if p.dateline), None)
    if first is None or first.precision != 1 or first.date_start is None:
        return pub
    filed = date.fromisoformat(first.date_start)
    return filed if timedelta(0) < pub - filed <= timedelta(days=7) else pub
