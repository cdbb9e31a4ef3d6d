"""Round 4 (session 8): an attack noun and a casualty verb vouch for each other ("The attack
killed three people"), and a past "after/when" clause is a fact whatever hedges the main clause
("dozens are feared dead after artillery hit the city")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention

MentionsOf = Callable[..., list[Mention]]
MentionOf = Callable[..., Mention]


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        ("The attack killed three people and injured more than 260.", 3, 260),
        ("The attacks killed 12 people across the region.", 12, None),
        ("The attack injured 40 people.", None, 40),
        ("A gang attack on the suburb left at least 9 dead.", 9, None),
    ],
)
def test_attack_and_casualty_words_support_each_other(
    only_mention: MentionOf, text: str, fatalities: int | None, injuries: int | None
) -> None:
    # Neither word alone had armed or civilian context ("people" is in no context list); an
    # attack that kills with no armed victim named is coded as an attack, not a clash.
    mention = only_mention(text)
    assert mention.event_type == "Violence against civilians"
    assert mention.fatalities_best == fatalities
    assert mention.injuries == injuries


@pytest.mark.parametrize(
    "text",
    [
        "A heart attack killed the singer.",
        "A shark attack killed a surfer off the coast.",
        "The panic attack killed her confidence.",
    ],
)
def test_non_violent_attacks_stay_out(mentions_of: MentionsOf, text: str) -> None:
    assert mentions_of(text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        (
            "Dozens of people are feared dead after RSF artillery hit El-Fasher on Saturday.",
            "hit",
            "asserted",
        ),
        (
            "Dozens of people are feared dead after RSF artillery hit El-Fasher on Saturday, "
            "medics said.",
            "hit",
            "reported",
        ),
        ("No one was hurt when militants attacked the convoy.", "attacked", "asserted"),
        ("At least 20 people may have died after jets struck the market.", "struck", "asserted"),
    ],
)
def test_past_time_clause_is_a_fact(
    only_mention: MentionOf, text: str, trigger: str, modality: str
) -> None:
    mention = only_mention(text)
    assert (mention.trigger, mention.modality) == (trigger, modality)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Troops will withdraw after the army attacks the town.", "planned"),
        ("Rebels could attack the town after the army withdraws.", "possible"),
    ],
)
def test_future_time_clause_keeps_the_main_clause_hedge(
    mentions_of: MentionsOf, text: str, modality: str
) -> None:
    # Present-tense "after" clauses are not presupposed: the hedge still applies.
    assert [m.modality for m in mentions_of(text)] == [modality]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("militias that fought in Darfur in the early 2000s", "2000-01-01", "2003-12-31"),
        ("the war of the 1990s", "1990-01-01", "1999-12-31"),
        ("during the late 1980s", "1986-01-01", "1989-12-31"),
        ("in the 2010’s", "2010-01-01", "2019-12-31"),
    ],
)
def test_decades_are_date_windows(text: str, start: str, end: str) -> None:
    phrases = find_date_phrases(text, "2025-03-12")
    assert [(p.date_start, p.date_end, p.precision) for p in phrases] == [(start, end, 3)]


def test_a_clause_dated_to_a_past_decade_is_background(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "The RSF, which grew out of the Janjaweed militias that fought in Darfur in the early "
        "2000s, shelled the city on Monday."
    )
    assert {m.trigger: m.modality for m in found} == {"fought": "historical", "shelled": "asserted"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Islamic State Sahel Province ambushed a patrol near Menaka, killing 4 soldiers.",
         "Islamic State Sahel Province"),
        ("An ISIS-K suicide bomber killed 13 people in Kabul.", "Islamic State Khorasan Province"),
    ],
)  # fmt: skip
def test_islamic_state_provinces_are_their_own_actors(
    only_mention: MentionOf, text: str, actor: str
) -> None:
    # Before, "the Islamic State" inside the longer name gave "Islamic State (Syria)".
    assert only_mention(text).actor1 == actor


def test_a_habit_in_the_present_perfect_is_background(mentions_of: MentionsOf) -> None:
    # A pattern of past attacks names who is active, not who did today's bombing.
    found = mentions_of(
        "JNIM and the Islamic State Sahel Province are both active in the area and have "
        "repeatedly targeted army convoys with roadside bombs."
    )
    assert [m.modality for m in found] == ["historical"]


def test_a_single_repeated_act_stays_an_event(only_mention: MentionOf) -> None:
    assert only_mention("Gunmen repeatedly stabbed the teacher on Monday.").modality == "asserted"


def test_wounded_beside_killed_in_a_passive_is_one_event(only_mention: MentionOf) -> None:
    # "seven others wounded" is an elided passive: the parser's subject "others" names victims,
    # so "wounded" is no second event (before: an IED event and an "Attack" event).
    mention = only_mention(
        "Five soldiers were killed and seven others wounded on Monday when their vehicle struck "
        "an improvised explosive device."
    )
    assert mention.sub_event_type == "Remote explosive/landmine/IED"
    assert (mention.fatalities_best, mention.injuries) == (5, 7)


def test_the_wounded_as_people_is_no_trigger(mentions_of: MentionsOf) -> None:
    assert mentions_of("The wounded were evacuated by helicopter to the regional hospital.") == []


def test_the_yardstick_of_a_comparison_is_background(mentions_of: MentionsOf) -> None:
    # "compared X to Y": Y is history, dated by its own phrase, not by "Tuesday's" before it.
    found = mentions_of(
        "Analysts have compared the scale of Tuesday's operation to the counter-offensives "
        "against Aleppo in the summer of 2016."
    )
    assert [(m.trigger, m.modality, m.date_start) for m in found] == [
        ("counter-offensives", "historical", "2016-06-01")
    ]


def test_fleeing_toward_a_town_is_a_destination(only_mention: MentionOf) -> None:
    mention = only_mention(
        "Witnesses said shells landed near a market, wounding several civilians, and that "
        "families fled toward Tawila."
    )
    assert [(p.text, p.role) for p in mention.places] == [("Tawila", "destination")]


def test_long_range_aviation_makes_a_raid_an_air_strike(only_mention: MentionOf) -> None:
    mention = only_mention("Monday's raid was the first such operation by long-range aviation.")
    assert mention.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("over the past decade", "2015-03-13"),
        ("in the past two years", "2023-03-13"),
        ("over the past few years", "2022-03-13"),
    ],
)
def test_look_backs_in_years_and_decades(text: str, start: str) -> None:
    phrases = find_date_phrases(text, "2025-03-12")
    assert [(p.date_start, p.date_end, p.kind) for p in phrases] == [
        (start, "2025-03-12", "window")
    ]


def test_a_tally_over_years_is_background(only_mention: MentionOf) -> None:
    # A conflict's running toll is no event, and it must not join today's air strike.
    mention = only_mention(
        "Monitoring groups have documented hundreds of civilian deaths from air raids in the "
        "governorate over the past decade."
    )
    assert mention.modality == "historical"


def test_a_state_since_a_past_month_is_background(only_mention: MentionOf) -> None:
    # "since May 2024" starts a siege; it neither dates a new event nor makes one.
    mention = only_mention(
        "The RSF, which grew out of the Janjaweed militias, has besieged the city of El Fasher "
        "with its fighters since May 2024.",
        "2025-04-15",
    )
    assert (mention.modality, mention.date_start) == ("historical", None)
