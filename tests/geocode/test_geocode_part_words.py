"""A trailing camp, port or neighbourhood word names a part of the place (precision 2)."""

from __future__ import annotations

import pytest

from eventscope.geocode.normalize import strip_qualifiers
from eventscope.geocode.resolver import Geocoder
from eventscope.models import Place


@pytest.mark.parametrize(
    ("query", "core"),
    [
        (["odesa", "port"], ["odesa"]),
        (["nuseirat", "camp"], ["nuseirat"]),
        (["sheikh", "maqsoud", "neighbourhood"], ["sheikh", "maqsoud"]),
    ],
)
def test_part_words_are_peeled_and_mark_a_part(query: list[str], core: list[str]) -> None:
    peeled = strip_qualifiers(query)
    assert peeled is not None and peeled.tokens == core and peeled.near and not peeled.admin


@pytest.mark.parametrize("query", [["jerome", "township"], ["cavan", "town"]])
def test_township_and_town_stay_part_of_the_name(query: list[str]) -> None:
    assert strip_qualifiers(query) is None


def test_a_port_resolves_to_its_city_near_precision(geocoder: Geocoder) -> None:
    place = geocoder.resolve("Odesa port")
    assert isinstance(place, Place)
    assert (place.iso, place.geo_precision) == ("UA", 2)
