"""Session 15 (held-out round 13): "the forests of X" places the event at X, and an
"encounter" that kills or wounds is a gunfight (South Asian usage). Before, "killed in the
forests of X" had no place (the small model tags such towns PERSON) and "killed in an
encounter with security forces" was an attack on civilians. The sentences are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

MentionsOf = Callable[..., list[Mention]]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen killed two people in the forests of Gadchiroli on Monday.", "Gadchiroli"),
        ("Troops clashed with rebels in the hills of Rutshuru on Monday.", "Rutshuru"),
        ("Jets bombed the villages of Jabal al-Zawiya on Monday.", "Jabal al-Zawiya"),
    ],
)
def test_the_land_around_a_place_is_that_place(
    mentions_of: MentionsOf, text: str, place: str
) -> None:
    found = mentions_of(text)
    assert found and any((p.text, p.role) == (place, "event") for p in found[0].places), [
        (m.trigger, m.places) for m in found
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two suspected militants were killed in an encounter with police in Pulwama on Monday.",
        "Five Maoists were killed in Monday's encounter between security forces and rebels.",
    ],
)
def test_a_deadly_encounter_is_an_armed_clash(mentions_of: MentionsOf, text: str) -> None:
    types = {m.trigger: m.sub_event_type for m in mentions_of(text)}
    assert types.get("encounter") == "Armed clash", types


@pytest.mark.parametrize(
    "text",
    [
        "The president recalled his encounter with rebel leaders in Goma on Monday.",
        "Activists said two men were killed in a fake encounter staged by police on Monday.",
        # review of session 15
        "Rights groups condemned the encounter killings of 12 suspects in Bijapur on Monday.",
        "Two villagers were killed in an encounter with a wild elephant in Gadchiroli on Monday.",
    ],
)
def test_a_meeting_or_a_fake_encounter_is_no_gunfight(mentions_of: MentionsOf, text: str) -> None:
    types = {m.trigger: m.sub_event_type for m in mentions_of(text)}
    assert types.get("encounter") is None, types
