"""A protest's cause is not what happened at it (extract/causes.py, triggers.json
``effect_only``): the killing a march mourns and the arrest a rally denounces are no force
used against the protesters."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def protest_types(mentions: list[Mention]) -> set[str]:
    return {m.sub_event_type for m in mentions if m.event_type == "Protests"}


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds marched in Jenin on Saturday at the funeral of a teenager killed by Israeli "
        "forces the day before.",
        "Thousands rallied in Kostiantynivka on Sunday to mourn the residents killed in the "
        "shelling.",
        "Students protested in Lagos on Monday against the arrest of their union leader.",
        "Residents protested in Goma on Monday over the killing of two traders.",
    ],
)
def test_the_cause_of_a_protest_leaves_it_peaceful(mentions_of: Mentions, text: str) -> None:
    assert protest_types(mentions_of(text)) == {"Peaceful protest"}


def test_an_earlier_sentence_killing_is_not_force_at_a_later_march(mentions_of: Mentions) -> None:
    text = (
        "A teenager was shot dead by soldiers in Jenin on Friday.\n"
        "On Saturday hundreds marched through the city, chanting slogans."
    )
    march = [m for m in mentions_of(text) if m.event_type == "Protests"]
    assert [m.sub_event_type for m in march] == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police opened fire on protesters in Nairobi on Tuesday, killing two people.",
            "Excessive force against protesters",
        ),
        (
            "Police fired tear gas at protesters in Kampala on Monday.",
            "Protest with intervention",
        ),
        (
            "Protesters marched in Khartoum on Monday against military rule; security forces "
            "shot dead three of them.",
            "Excessive force against protesters",
        ),
    ],
)
def test_force_at_the_protest_is_still_read(
    mentions_of: Mentions, text: str, expected: str
) -> None:
    assert expected in protest_types(mentions_of(text))
