"""Session 16: statements' dates and "when" clauses (held-out linking round 14). The
sentences are made up; published Wednesday 12 March 2025 (Thursday is the 6th, Monday the
10th, Tuesday the 11th).

* A date that hangs on a verb of speech dates the statement. An event the statement reports
  as the background of other news (a toll's update, a death "of wounds sustained in" it, a
  claim the statement rejects) happened on or before that day: it gets the week ending on it
  (week precision), not the statement's day, so a follow-up report still meets the first one.
  A plain report of the day's news keeps the statement's day, as before ("Police said on
  Monday that gunmen had killed five people").
* A trigger whose clause has a "when" clause with a date ("were killed when gunmen stormed
  the depot two days ago"), or a casualty clause coordinated after it ("a guard was killed
  and two others were injured on Sunday"), takes that date when its own clause has none.
* "N years ago today" is the publication day N years back; "a year ago this week" that week.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.date_statements import BOUND_DAYS, statement_bound
from eventscope.extract.dates import BOUND, find_date_phrases
from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def _dates(mentions: list[Mention], trigger: str) -> tuple[str | None, str | None, int]:
    found = next(m for m in mentions if trigger in m.trigger)
    return found.date_start, found.date_end, found.time_precision


# --- a statement's day bounds the events it reports --------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "window"),
    [
        (  # a toll's update: the raid is older than the day it is told
            "The death toll from the raid on the Birao market has climbed to eleven, a prefect "
            "told reporters on Thursday.",
            "raid",
            ("2025-02-28", "2025-03-06"),
        ),
        (  # the same in the simple past: a figure changing is no event
            "The death toll from the raid on the Birao market rose to eleven, a prefect told "
            "reporters on Thursday.",
            "raid",
            ("2025-02-28", "2025-03-06"),
        ),
        (  # a death "of injuries sustained in" the blast
            "A fourth policeman has died of injuries sustained in a bomb blast near Gashua, the "
            "police said on Tuesday.",
            "bomb blast",
            ("2025-03-05", "2025-03-11"),
        ),
        (  # a rejected claim, the date parsed onto the speaker
            "The police on Monday dismissed as false reports that twenty villagers died in "
            "clashes near Kuje.",
            "clashes",
            ("2025-03-04", "2025-03-10"),
        ),
        (  # a denial
            "The ministry on Monday denied that its troops had shelled the village of Amran.",
            "shelled",
            ("2025-03-04", "2025-03-10"),
        ),
    ],
)
def test_a_statements_day_only_bounds_the_event_it_reports(
    mentions_of: Mentions, text: str, trigger: str, window: tuple[str, str]
) -> None:
    assert _dates(mentions_of(text), trigger) == (*window, 2)


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the event's own date still wins over the statement's
        ("Gunmen killed five people on Sunday, police said on Monday.", "killed", "2025-03-09"),
        # a date of the reported clause is the event's, not the statement's
        ("The army said it shelled rebel positions on Tuesday.", "shelled", "2025-03-11"),
        # a plain report of the day's news keeps the statement's day (decided, session 16)
        ("Police said on Monday that gunmen had killed five people.", "killed", "2025-03-10"),
        ("Four traders were killed in an ambush on a lorry near Wajir, police said on Monday.",
         "ambush", "2025-03-10"),
        # "hit" updates a figure only with a figure as its subject
        ("A missile hit a market in Kalaa, killing nine, officials said on Monday.", "hit",
         "2025-03-10"),
        # the event is the speech verb's subject: its own date ("claimed 40 lives")
        ("Protesters on Saturday condemned the arrest of the mayor in Bamako.", "Protesters",
         "2025-03-08"),
        # an event "after" which another happened is counted back from the statement's day
        ("Officials said on Monday, a day after rebels stormed a barracks in Bunia, that "
         "nine soldiers had died.", "stormed", "2025-03-09"),
    ],
)  # fmt: skip
def test_a_date_that_is_no_bare_statement_date_keeps_its_day(
    mentions_of: Mentions, text: str, trigger: str, day: str
) -> None:
    assert _dates(mentions_of(text), trigger) == (day, day, 1)


def test_a_statement_bound_is_the_week_ending_on_the_statements_day() -> None:
    (said,) = find_date_phrases("a prefect told reporters on Thursday", "2025-03-12")
    bound = statement_bound(said)
    assert (bound.date_start, bound.date_end, bound.precision) == ("2025-02-28", "2025-03-06", 2)
    assert bound.kind == BOUND and bound.reporting
    assert (bound.start, bound.end, bound.text) == (said.start, said.end, said.text)
    assert BOUND_DAYS == 6


def test_a_statement_bound_over_a_long_window_is_month_precision() -> None:
    (said,) = find_date_phrases("the ministry said last week", "2025-03-12")
    bound = statement_bound(said)
    assert (bound.date_start, bound.date_end, bound.precision) == ("2025-02-25", "2025-03-09", 3)


# --- a "when" clause dates its main clause ------------------------------------------------------


def test_a_when_clause_dates_the_killing_it_explains(mentions_of: Mentions) -> None:
    text = (
        "Bandits attacked a convoy near Dori on Saturday. Nine soldiers were killed when "
        "militants stormed their base two days ago, an officer said."
    )
    found = mentions_of(text)
    assert _dates(found, "killed") == ("2025-03-10", "2025-03-10", 1)
    assert _dates(found, "attacked") == ("2025-03-08", "2025-03-08", 1)


def test_a_when_clause_gives_way_to_the_clauses_own_date(mentions_of: Mentions) -> None:
    # near miss: the killing has its own day; the "when" clause's day is the storming's
    text = (
        "Nine soldiers were killed on Monday when militants who had crossed the border on "
        "Saturday stormed their base, an officer said."
    )
    assert _dates(mentions_of(text), "killed") == ("2025-03-10", "2025-03-10", 1)


@pytest.mark.parametrize(
    "text",
    [
        "A guard was killed and two others were injured on Sunday when drones dropped "
        "explosives on the checkpoint in Tibu, officials said.",
        "KABUL, March 12 - A guard was killed and two others were injured on Sunday when "
        "drones dropped explosives on the checkpoint in Tibu, officials said.",
    ],
)
def test_a_casualty_clause_after_the_killing_shares_its_day(
    mentions_of: Mentions, text: str
) -> None:
    # the injuries' "on Sunday" is the killing's too (before: undated, or the dateline's day)
    assert _dates(mentions_of(text), "killed") == ("2025-03-09", "2025-03-09", 1)


def test_another_happening_coordinated_after_the_killing_keeps_its_day(
    mentions_of: Mentions,
) -> None:
    # near miss: the arrests' Sunday is not the killing's
    text = (
        "KABUL, March 12 - Gunmen killed a guard at the checkpoint in Tibu, and police arrested "
        "two suspects on Sunday, officials said."
    )
    found = mentions_of(text)
    assert _dates(found, "arrested") == ("2025-03-09", "2025-03-09", 1)
    assert _dates(found, "killed")[0] != "2025-03-09"


# --- "ago today" --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "window", "precision"),
    [
        ("One year ago today, a car bomb exploded", ("2024-03-12", "2024-03-12"), 1),
        ("Two years ago today, gunmen attacked", ("2023-03-12", "2023-03-12"), 1),
        ("three months ago today", ("2024-12-12", "2024-12-12"), 1),
        ("six weeks ago today", ("2025-01-29", "2025-01-29"), 1),
        ("a year ago this week", ("2024-03-11", "2024-03-17"), 2),
        ("a year ago this month", ("2024-03-01", "2024-03-31"), 3),
    ],
)
def test_ago_today_is_the_same_day_that_long_ago(
    text: str, window: tuple[str, str], precision: int
) -> None:
    (phrase,) = find_date_phrases(text, "2025-03-12")
    assert (phrase.date_start, phrase.date_end, phrase.precision) == (*window, precision)


def test_a_leap_day_a_year_ago_today_is_the_28th() -> None:
    (phrase,) = find_date_phrases("A year ago today, rebels took the town.", "2025-02-28")
    assert phrase.date_start == "2024-02-28"
    (leap,) = find_date_phrases("A year ago today, rebels took the town.", "2024-02-29")
    assert leap.date_start == "2023-02-28"


def test_ago_and_today_apart_keep_their_meanings() -> None:
    # near misses: "a year ago" alone is that year; "today" alone is publication
    found = find_date_phrases("A year ago the town fell. Today, rebels attacked it.", "2025-03-12")
    assert [(p.text, p.date_start, p.date_end) for p in found] == [
        ("A year ago", "2024-01-01", "2024-12-31"),
        ("Today", "2025-03-12", "2025-03-12"),
    ]


def test_an_anniversary_event_is_dated_and_background(mentions_of: Mentions) -> None:
    found = mentions_of("Two years ago today, gunmen attacked a church in Owo, killing forty.")
    attack = next(m for m in found if "attack" in m.trigger)
    assert (attack.date_start, attack.date_end) == ("2023-03-12", "2023-03-12")
    assert attack.modality == "historical"


# --- a dateline with accented capitals ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["BOGOTÁ, March 12 (Andes Daily) - Rebels attacked a patrol on Sunday.",
     "SÃO PAULO, March 12 - Police raided a favela on Sunday."],
)  # fmt: skip
def test_a_dateline_with_accented_capitals_is_a_dateline(text: str) -> None:
    first, sunday = find_date_phrases(text, "2025-03-12")
    assert first.dateline and not sunday.dateline


def test_a_capitalised_word_at_a_line_start_is_no_dateline() -> None:
    # near miss: an accented capital followed by lower case is a sentence's first word
    (found,) = find_date_phrases("Élite troops, March 12 - the day they left.", "2025-03-12")
    assert not found.dateline


def test_a_casualty_clause_after_a_habitual_one_does_not_date_it(mentions_of: Mentions) -> None:
    # near miss: "have repeatedly attacked" stays a pattern, not Sunday's event
    text = "Bandits have repeatedly raided farms near Gusau, and on Sunday they killed four men."
    raided = [m for m in mentions_of(text) if "raided" in m.trigger]
    assert raided and all(m.date_start != "2025-03-09" for m in raided), raided
