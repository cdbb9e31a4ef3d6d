"""Place mentions and their roles: where it happened versus where forces came from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import PLACE_ROLES, Mention


def roles(mention: Mention) -> dict[str, str]:
    return {p.text: p.role for p in mention.places}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tu-22M3 bombers that took off from an airfield in Russia flew over Iran and Iraq "
            "before striking targets in Deir ez-Zor.",
            {"Russia": "origin", "Iran": "route", "Iraq": "route", "Deir ez-Zor": "event"},
        ),
        (
            "Russian warplanes struck the town of Maarat al-Numan in Idlib province.",
            {"Maarat al-Numan": "event", "Idlib province": "event"},
        ),
        (
            "Su-34 jets based at Hmeimim airbase bombed Saraqib.",
            {"Hmeimim airbase": "origin", "Saraqib": "event"},
        ),
        (
            "Missiles launched from Crimea hit Odesa on Monday.",
            {"Crimea": "origin", "Odesa": "event"},
        ),
        (
            "Drones flying via Belarus attacked Kyiv overnight.",
            {"Belarus": "route", "Kyiv": "event"},
        ),
        (
            "The convoy was heading to Khartoum when it was ambushed near Omdurman.",
            {"Khartoum": "destination", "Omdurman": "event"},
        ),
        (
            "Protesters marched through central Nairobi on Tuesday.",
            {"Nairobi": "event"},
        ),
        (  # people taken away "from" a place were taken there
            "Gunmen abducted about 40 people from a village in the Faskari area of Katsina "
            "state on Monday.",
            {"Katsina state": "event"},
        ),
    ],
)
def test_place_roles(
    only_mention: Callable[..., Mention], sentence: str, expected: dict[str, str]
) -> None:
    mention = only_mention(sentence)
    assert roles(mention) == expected


def test_comparison_places_are_other(mentions_of: Callable[..., list[Mention]]) -> None:
    found = mentions_of(
        "The offensive on Idlib, like the counter-offensives against Aleppo in the summer, "
        "killed dozens of people."
    )
    assert found, "expected the offensive"
    for mention in found:
        assert roles(mention).get("Aleppo") == "other"
        assert roles(mention).get("Idlib") == "event"


def test_country_adjectives_are_not_places(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Russian jets struck a bakery in Homs.")
    assert roles(mention) == {"Homs": "event"}


def test_claimant_locations_are_not_event_places(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Shelling hit Kherson on Monday, officials in Kyiv said.")
    assert roles(mention) == {"Kherson": "event"}


def test_every_place_span_is_exact_and_roles_valid(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Jets that took off from Hmeimim airbase struck Kafr Nabl, near Maarat al-Numan.\n"
        "Later, missiles fired from the Black Sea hit Odesa and Mykolaiv."
    )
    found = mentions_of(text)
    assert len(found) == 2
    for mention in found:
        for place in mention.places:
            assert text[place.start : place.end] == place.text
            assert place.role in PLACE_ROLES
