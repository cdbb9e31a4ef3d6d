"""Third review of session 12's target strikes: an owner outside the unarmed list keeps a
target ("the enemy's positions"), a proper-noun owner the dictionary lacks owns camps ("PKK
camps"), and drills veto a strike even in a clause of the same time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import AIR
from eventscope.models import Mention


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli army struck the enemy's positions in southern Lebanon.",
        "The Turkish military struck PKK camps in northern Iraq.",
        "The Israeli military struck a Hamas training camp in Gaza on Tuesday.",
    ],
)
def test_armed_owners_keep_their_targets(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert [m.sub_event_type for m in mentions_of(text)] == [AIR]


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli military struck Hezbollah depots in the Bekaa during a training exercise.",
        "The Thai army targeted the opposition's headquarters on Tuesday.",
    ],
)
def test_drills_and_unarmed_owners_are_no_strikes(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert AIR not in [m.sub_event_type for m in mentions_of(text)]
