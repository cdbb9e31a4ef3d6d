"""Session 20, from held-out linking rounds 19 and 20 (a marine patrol attacked on the Mira river):

* a date in a relative clause on the event noun that tells what the event did ("The attack
  that killed two marines and wounded three on Friday ...") dates the event, before the day
  of the statement that reports it ("..., the governor said on Sunday");
* a translated statement that "rejects the attack" condemns it: rejecting the event itself
  reports it, rejecting a claim denies it.

Published 2025-03-12, a Wednesday: Friday is 2025-03-07, Sunday 2025-03-09, Tuesday
2025-03-11, Thursday 2025-03-06."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Run = Callable[..., Mention]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "The attack that killed two marines and wounded three on Friday on the river was "
            "the work of the dissident front, the governor said on Sunday.",
            "2025-03-07",
        ),
        (
            "The air strike, which killed nine people on Tuesday, was condemned by the UN on "
            "Thursday.",
            "2025-03-11",
        ),
        (
            "The ambush that left four soldiers dead on Friday was claimed by JNIM, the army "
            "said on Sunday.",
            "2025-03-07",
        ),
    ],
)
def test_a_relative_clause_that_tells_the_event_dates_it(
    only_mention: Run, text: str, day: str
) -> None:
    mention = only_mention(text)
    assert (mention.date_start, mention.date_end) == (day, day)


def test_a_relative_clause_that_is_a_statement_does_not_date_the_event(
    only_mention: Run,
) -> None:
    # "claimed by IS on Sunday" is the claim's day, not the attack's: still undated
    mention = only_mention("The attack, which was claimed by IS on Sunday, killed five soldiers.")
    assert mention.date_start is None


def test_rejecting_the_event_itself_reports_it(only_mention: Run) -> None:
    mention = only_mention(
        "The Colombian Navy rejects the attack perpetrated this Friday against a unit of the "
        "Marine Infantry on the Mira river, where two marines lost their lives."
    )
    assert mention.modality == "reported"
    assert mention.date_start == "2025-03-07"


@pytest.mark.parametrize(
    "text",
    [
        "Russia denied the attack on the hospital on Friday.",
        "The army rejected reports of an attack on the village on Friday.",
    ],
)
def test_denying_the_event_or_rejecting_a_report_stays_a_denial(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    found = mentions_of(text)
    assert found and all(m.modality == "denied" for m in found), [
        (m.trigger, m.modality) for m in found
    ]


def test_a_civil_or_national_guard_is_a_police_force(only_mention: Run) -> None:
    # session 20 (round 20): Mexico's State Civil Guard and National Guard police its roads
    mention = only_mention("Gunmen killed two Mexican National Guard members in Guanajuato.")
    assert mention.actor2 == "Police Forces of Mexico"


def test_a_strategic_development_does_not_date_violence(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # round 20: the ceasefire's month dated the killing of the sentence before it
    found = mentions_of(
        "Palestinian reports said the strike was carried out near Beit Hanoun and that those "
        "killed were civilians. The IDF has reported dozens of similar incidents since the "
        "ceasefire took effect in October, saying gunmen are trying to approach the line.",
        "2025-12-08",
    )
    killed = next(m for m in found if m.trigger == "killed")
    assert killed.date_start is None
    ceasefire = next(m for m in found if m.trigger == "ceasefire")
    assert ceasefire.date_start == "2025-10-01"
