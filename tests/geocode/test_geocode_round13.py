"""Round 13: what the held-out cases outside Syria (tests/data/geo_conflict_cases_round13.jsonl:
the Ukraine front and Russia's border oblasts, Sudan, the Sahel, Somalia, Pakistan, Yemen,
Myanmar, eastern DRC, Nigeria, Mozambique, Gaza, the West Bank and southern Lebanon)
exposed: a compass word read as the qualifier ("Wana, South Waziristan" as Wana in
Lebanon's South governorate), an area the text names that lies only in another country
than the town of that name ("al-Bayda province": Yemen's, not the Libyan city; "Kech
district": Balochistan's, not Ketsch, Germany), Russian regions named by an adjective
("Kurskaya oblast'" is "the Kursk region"), a namesake abroad where the text's cue
points at the right reading ("Dzerzhinsk, north of Donetsk" is Toretsk, not the Russian
city), and regions the press names in English that the gazetteer knew only by their local
name (Lower Shabelle, Karenni State); see docs/geocoding.md."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.areas import _adjectival_form
from eventscope.geocode.document import _trailing_qualifier
from eventscope.models import Place
from factories import resolve_names as _resolve

# -- a compass word is no qualifier when a name goes on after it


def test_a_compass_word_starting_a_longer_name_does_not_qualify(geocoder: Geocoder) -> None:
    text = "Militants attacked a post near Wana, South Waziristan, on Monday."
    end = text.index("Wana") + len("Wana")
    assert geocoder.qualifier_areas("South")  # Lebanon's South governorate, and others
    assert _trailing_qualifier(text, "Wana", end, geocoder) == ""


def test_a_whole_compass_name_still_qualifies(geocoder: Geocoder) -> None:
    text = "Columbia, South Carolina, was quiet."
    end = text.index("Columbia") + len("Columbia")
    assert _trailing_qualifier(text, "Columbia", end, geocoder) == "South Carolina"


def test_the_town_before_a_compass_district_is_read_in_its_own_country(
    geocoder: Geocoder,
) -> None:
    found = _resolve(geocoder, "A curfew was imposed in Wana, South Waziristan.", ["Wana"])
    answer = found["Wana"]
    assert answer is not None and (answer.iso, answer.geo_precision) == ("PK", 1)


# -- an area the text names, found only in another country than the town


def test_a_province_abroad_replaces_a_town_whose_country_has_none(geocoder: Geocoder) -> None:
    found = _resolve(geocoder, "Fighting was reported in al-Bayda province.", ["al-Bayda"])
    answer = found["al-Bayda"]  # Yemen's governorate, not Al Bayda, Libya (a city)
    assert answer is not None and (answer.iso, answer.feature) == ("YE", "admin1")


def test_a_province_of_the_towns_own_country_keeps_it(geocoder: Geocoder) -> None:
    # Spain's provinces are second-level areas: "Córdoba province" there is not Argentina's
    text = "Wildfires burned across Córdoba province in southern Spain."
    answer = _resolve(geocoder, text, ["Córdoba", "Spain"])["Córdoba"]
    assert answer is not None and answer.iso == "ES"


def test_a_district_abroad_replaces_a_town_read_by_an_alternate_name(
    geocoder: Geocoder,
) -> None:
    found = _resolve(geocoder, "Five men were shot dead in Kech district.", ["Kech"])
    answer = found["Kech"]  # not Ketsch, Baden-Württemberg ("Kech" an alternate name)
    assert answer is not None and (answer.iso, answer.geo_precision) == ("PK", 2)


def test_a_town_read_by_its_own_name_keeps_its_district(geocoder: Geocoder) -> None:
    # LGL: "the Lancaster district" is Lancaster, England, not a Lancaster County abroad
    text = "Lancashire councils offer help to small businesses in the Lancaster district."
    answer = _resolve(geocoder, text, ["Lancashire", "Lancaster"])["Lancaster"]
    assert answer is not None and answer.iso == "GB"


# -- Russian regions named by an adjective of their centre


@pytest.mark.parametrize(
    ("area", "name", "expected"),
    [
        ("kurskaya oblast", "kursk", True),
        ("belgorodskaya oblast", "belgorod", True),
        ("krasnodarskiy kray", "krasnodar", True),
        ("kurskaya oblast", "kur", False),  # too short a stem
        ("kurskaya oblast", "kursky", False),
        ("kursk", "kursk", False),  # the same name is another test's business
    ],
)
def test_adjectival_region_names(area: str, name: str, expected: bool) -> None:
    assert _adjectival_form(area, name) is expected


def test_the_region_of_a_russian_city_is_its_oblast(geocoder: Geocoder) -> None:
    # GeoNames calls it "Belgorodskaya oblast'" only (Bryansk's and Rostov's oblasts carry
    # their English names as alternates and were read before)
    found = _resolve(geocoder, "Shelling was reported across the Belgorod region.", ["Belgorod"])
    answer = found["Belgorod"]
    assert answer is not None and (answer.iso, answer.feature) == ("RU", "admin1")


# -- a namesake where the cue puts the name


def test_a_cue_picks_the_namesake_it_admits(geocoder: Geocoder) -> None:
    text = "Artillery struck Dzerzhinsk, north of Donetsk."
    answer = _resolve(geocoder, text, ["Dzerzhinsk", "Donetsk"])["Dzerzhinsk"]
    # Toretsk (Dzerzhinsk until 2016), not Dzerzhinsk, Nizhny Novgorod oblast, nor a
    # stand-in near Donetsk
    assert isinstance(answer, Place) and answer.name == "Toretsk" and answer.geo_precision == 1


# -- regions by their English names (gazetteer supplement)


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ("Al-Shabaab ambushed a convoy in the Lower Shabelle region.", "Lower Shabelle", "SO"),
        ("Resistance forces hold most of Karenni State.", "Karenni State", "MM"),
    ],
)
def test_regions_named_in_english(geocoder: Geocoder, text: str, name: str, iso: str) -> None:
    answer = _resolve(geocoder, text, [name])[name]
    assert answer is not None and (answer.iso, answer.geo_precision) == (iso, 3)
