"""Place names behind part words, possessives and designators, and names that say whose."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


def roles(mention: Mention) -> dict[str, str]:
    return {p.text: p.role for p in mention.places}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("A Russian missile hit the centre of Kramatorsk on Wednesday.", "Kramatorsk"),
        ("Russian rockets slammed into central Kramatorsk, killing two people.", "Kramatorsk"),
        ("Army warplanes bombed positions in western Omdurman on Saturday.", "Omdurman"),
        ("Shells hit the north of Gaza City on Monday.", "Gaza City"),
    ],
)
def test_a_name_after_a_part_word_is_the_event_place(
    only_mention: Callable[..., Mention], sentence: str, place: str
) -> None:
    assert roles(only_mention(sentence)).get(place) == "event"


def test_the_possessed_township_is_the_event_place(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Junta jets bombed a village in Sagaing region's Kani township.")
    assert roles(mention) == {"Sagaing region": "other", "Kani township": "event"}


@pytest.mark.parametrize(
    ("sentence", "whose", "where"),
    [
        ("A US drone strike killed three militants in the town of Al-Mayadin.", "US", "Al-Mayadin"),
        (
            "A drone strike by the US-led coalition killed two men in Deir ez-Zor province.",
            "US",
            "Deir ez-Zor province",
        ),
    ],
)
def test_a_country_code_or_hyphen_modifier_says_whose(
    only_mention: Callable[..., Mention], sentence: str, whose: str, where: str
) -> None:
    found = roles(only_mention(sentence))
    # Never the event place; since session 12 "US drone strike" is an actor (the US military),
    # so its "US" is no place at all.
    assert found.get(whose, "other") == "other"
    assert found[where] == "event"


def test_a_death_toll_from_a_strike_is_not_an_origin(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention(
        "The death toll from Saturday's airstrike on a building in Khan Younis rose to 27."
    )
    assert roles(mention).get("Khan Younis") == "event"


def test_launched_from_still_names_an_origin(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Missiles launched from Crimea hit Odesa on Monday.")
    assert roles(mention) == {"Crimea": "origin", "Odesa": "event"}


def test_a_shelled_town_tagged_as_a_common_noun_is_a_place(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("Russian forces shelled Marhanets on Sunday, wounding two women.")
    assert roles(mention) == {"Marhanets": "event"}


def test_a_name_premodifying_the_struck_object_is_a_place(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("Russian drones hit the Odesa port area on Monday, killing one man.")
    assert [p.text for p in mention.places if p.role == "event"] == ["Odesa port"]
