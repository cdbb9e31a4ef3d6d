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
from dataclasses import replace

import pytest

from eventscope.extract.doc_dates import inherit_dates
from eventscope.models import Mention
from factories import mention

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


def test_coming_into_contact_with_an_armed_group_is_a_clash(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # round 21: an army communique's "came into contact with a group of NAS terrorists"
    found = mentions_of(
        "On Tuesday a logistics element of our forces came into contact with a group of "
        "terrorists in the area of the river crossing."
    )
    assert [(m.trigger, m.sub_event_type) for m in found] == [("came into contact", "Armed clash")]
    for text in (
        "Health workers came into contact with infected patients in the camp.",
        "The army came into contact with the rebels' leaders to discuss a truce.",
    ):
        assert all(m.trigger != "came into contact" for m in mentions_of(text))


# -- review of session 20 --


def test_a_claim_of_responsibility_in_a_relative_clause_dates_no_event(
    only_mention: Run,
) -> None:
    mention = only_mention(
        "The attack, which the Islamic State group took responsibility for on Sunday, killed "
        "four soldiers in Mosul, officials said on Monday."
    )
    assert mention.date_start != "2025-03-09"  # Sunday is the claim's day
    took_place = only_mention(
        "The bombing, which took place on Friday, killed four soldiers, officials said on Monday."
    )
    assert took_place.date_start == "2025-03-07"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Rebels rejected the ceasefire after troops attacked Kalo village on Friday.",
            "ceasefire",
        ),
        (
            "Russia's defence ministry rejected the alleged attack on the hospital in Kherson on "
            "Friday as a fabrication.",
            "attack",
        ),
    ],
)
def test_rejecting_a_deal_or_an_alleged_attack_is_no_condemnation(
    mentions_of: Callable[..., list[Mention]], text: str, trigger: str
) -> None:
    found = next(m for m in mentions_of(text) if m.trigger == trigger)
    assert found.modality == "denied"


def test_a_combined_disorder_type_shares_dates_with_its_parts() -> None:
    dated = mention("d1", 0, disorder_type="Political violence; Demonstrations")
    undated = replace(
        mention("d1", 90, disorder_type="Political violence"), date_start=None, date_end=None
    )
    out = inherit_dates([dated, undated])
    assert out[1].date_start == dated.date_start
    agreement = replace(mention("d1", 0), disorder_type="Strategic developments")
    assert inherit_dates([agreement, undated])[1].date_start is None
