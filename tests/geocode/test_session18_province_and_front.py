"""Session 18: a province that is a second-level area, and a front line named by its town.

From held-out linking round 17 (tested here on made-up sentences): "the province of Seno"
with no country named read as Ban Xénô, Laos (a town whose alternate name is Seno), because
only first-level areas answered the word "province", and Burkina Faso's provinces are
second-level; "in the Chaman sector" (a front line) placed nothing."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.areas import _called_a_district
from factories import resolve_names as _resolve


@pytest.mark.parametrize(
    ("text", "name", "called"),
    [
        ("a raid in the province of Seno", "Seno", True),
        ("a raid in the province of the Seno", "Seno", True),
        ("a raid in Seno province", "Seno", True),
        ("a raid in the district of Bannu", "Bannu", True),
        ("a raid in Seno on Friday", "Seno", False),
        ("the provincial governor of Seno", "Seno", False),  # "of" must follow the word
    ],
)
def test_words_that_call_a_name_a_district_or_province(text: str, name: str, called: bool) -> None:
    start = text.index(name)
    assert _called_a_district(text, start, start + len(name)) is called


def test_the_province_of_a_name_is_the_second_level_area_that_bears_it(
    geocoder: Geocoder,
) -> None:
    text = "Fighters raided an army post in the province of Seno on Friday."
    found = _resolve(geocoder, text, ["Seno"])["Seno"]
    assert found is not None
    assert (found.name, found.iso, found.feature) == ("Séno", "BF", "admin2")


def test_without_the_word_the_town_reading_stays(geocoder: Geocoder) -> None:
    text = "Fighters raided an army post in Seno on Friday."
    found = _resolve(geocoder, text, ["Seno"])["Seno"]
    assert found is None or found.feature != "admin2"


@pytest.mark.parametrize(
    ("query", "name", "iso"),
    [
        ("Chaman sector", "Chaman", "PK"),
        ("Pokrovsk direction", "Pokrovsk", "UA"),
        ("Kupiansk axis", "Kupyansk", "UA"),
    ],
)
def test_a_front_line_is_next_to_its_town(
    geocoder: Geocoder, query: str, name: str, iso: str
) -> None:
    found = geocoder.resolve(query)
    assert not hasattr(found, "reason"), found
    assert (found.name, found.iso, found.geo_precision) == (name, iso, 2)
