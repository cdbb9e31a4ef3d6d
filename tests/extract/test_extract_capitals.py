"""A country's capital named by its role is the event place (extract/place_shapes.py,
:func:`capital_spans`); the geocoder reads it (tests/geocode/test_geocode_capitals.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


def event_places(mention: Mention) -> list[str]:
    return [p.text for p in mention.places if p.role == "event"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Russian missiles struck the Ukrainian capital overnight, killing three.",
            "Ukrainian capital",
        ),
        ("RSF shelling of the Sudanese capital killed 12 people on Tuesday.", "Sudanese capital"),
        ("Drones struck Sudan's capital on Tuesday, killing five.", "Sudan's capital"),
        ("Two people were killed when drones hit the capital on Monday.", "capital"),
    ],
)
def test_a_capital_named_by_its_role_is_the_place(
    only_mention: Callable[..., Mention], sentence: str, place: str
) -> None:
    assert event_places(only_mention(sentence)) == [place]


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # a name after "capital" is the place
        ("Gunmen attacked the capital, Maiduguri, on Tuesday, killing five.", ["Maiduguri"]),
        # not a country's capital
        ("Gunmen attacked the state capital on Tuesday, killing five.", []),
        # the country is named as the place
        ("Rebels attacked the capital of Mali on Tuesday, killing five.", ["Mali"]),
    ],
)
def test_other_capitals_are_left_to_the_other_rules(
    only_mention: Callable[..., Mention], sentence: str, places: list[str]
) -> None:
    assert event_places(only_mention(sentence)) == places


def test_capital_punishment_is_no_place(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Protesters marched in Nairobi against capital punishment on Tuesday.")
    assert [p.text for p in mention.places] == ["Nairobi"]
