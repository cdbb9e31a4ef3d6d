"""Session 14: a town the press spells with other vowels ("Touz Khormato" for Tuz Khurmatu,
held-out linking round 11), read by its consonants among the towns of the story's countries
(``geocode.skeleton``), only for a name that found nothing otherwise."""

from __future__ import annotations

import pytest

from eventscope.geocode import Gazetteer, Geocoder
from eventscope.geocode.context import GeoContext
from eventscope.geocode.skeleton import skeleton, skeleton_reading
from eventscope.models import Place


def test_the_skeleton_keeps_consonants_and_first_letters() -> None:
    assert skeleton("Touz Khormato") == skeleton("Tuz Khurmatu") == "tz khrmt"
    assert skeleton("Idleb") == skeleton("Idlib")


@pytest.mark.parametrize(
    ("name", "iso", "town"),
    [
        ("Touz Khormato", "IQ", "Ţūz Khūrmātū"),  # not Tazah Khurmatu, same skeleton
        ("Bakhmout", "UA", "Bakhmut"),
        ("Lisichansk", "UA", "Lysychansk"),
    ],
)
def test_a_respelt_town_of_the_storys_country(
    gazetteer: Gazetteer, name: str, iso: str, town: str
) -> None:
    near = {"IQ": (35.47, 44.39), "UA": (48.74, 37.58)}[iso]  # Kirkuk, Kramatorsk
    found = skeleton_reading(name, gazetteer, frozenset({iso}), [near])
    assert found is not None and found.name == town and found.loose


KIRKUK = [(35.47, 44.39)]


def test_no_reading_outside_the_storys_countries_or_for_short_names(gazetteer: Gazetteer) -> None:
    assert skeleton_reading("Touz Khormato", gazetteer, frozenset({"SY"}), KIRKUK) is None
    assert skeleton_reading("Touz Khormato", gazetteer, frozenset(), KIRKUK) is None
    assert skeleton_reading("Bamo", gazetteer, frozenset({"NG"}), [(11.5, 13.7)]) is None


def test_no_reading_far_from_the_storys_places(gazetteer: Gazetteer) -> None:
    # A story put in Russia by a misread "Donetsk": no Novomikhaylovka of the Altai.
    donetsk_ru = [(48.33, 39.95)]
    found = skeleton_reading("Novomykhailivka", gazetteer, frozenset({"RU"}), donetsk_ru)
    assert found is None
    assert skeleton_reading("Touz Khormato", gazetteer, frozenset({"IQ"}), []) is None


def test_the_resolver_reads_it_only_inside_a_story(geocoder: Geocoder) -> None:
    story = GeoContext(countries=frozenset({"IQ"}), points=tuple(KIRKUK))
    inside = geocoder.resolve("Touz Khormato", context=story)
    assert isinstance(inside, Place) and inside.admin1 == "Salah Al-Din"
    assert not isinstance(geocoder.resolve("Touz Khormato"), Place)
