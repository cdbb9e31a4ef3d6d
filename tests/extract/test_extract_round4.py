"""Round 4 (session 8): an attack noun and a casualty verb vouch for each other ("The attack
killed three people"), and a past "after/when" clause is a fact whatever hedges the main clause
("dozens are feared dead after artillery hit the city")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
