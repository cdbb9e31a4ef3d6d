"""Session 16: "Lower Swat district", "Upper Kurram": an upper, lower or middle part of an
area the gazetteer lists only whole is read as that area, near it (precision 2); listed
names keep their own entry, towns of the bare name are no reading, and a guess that the
countries the text names contradict is doubted (geocode/kind_words.area_part,
context.unbacked). Before, such names had no candidate, so an unknown village "in Lower
Swat district" fell to a namesake abroad."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.context import GeoContext
from eventscope.geocode.document import resolve_document
from eventscope.geocode.kind_words import area_part
from eventscope.geocode.normalize import strict_tokens
from eventscope.geocode.resolver import Unresolved


@pytest.mark.parametrize("query", ["Lower Swat district", "Upper Swat", "Middle Swat district"])
def test_a_part_of_a_listed_district_is_that_district(geocoder: Geocoder, query: str) -> None:
    place = geocoder.resolve(query)
    assert not isinstance(place, Unresolved), place
    assert (place.name, place.iso, place.feature, place.geo_precision) == (
        "Swat",
        "PK",
        "admin2",
        2,
    )


@pytest.mark.parametrize(
    ("query", "iso"), [("Upper Nile", "SS"), ("Lower Shabelle", "SO"), ("Upper East Region", "GH")]
)
def test_listed_names_keep_their_own_entry(geocoder: Geocoder, query: str, iso: str) -> None:
    place = geocoder.resolve(query)
    assert not isinstance(place, Unresolved), place
    assert place.iso == iso
    assert place.geo_precision == 3  # the region itself, not a part of some other area


def test_a_town_of_the_bare_name_is_no_reading(geocoder: Geocoder) -> None:
    # "Tana" is an alternate name of Antananarivo; a lower part is of an area, not a town
    found = area_part(strict_tokens("Lower Tana"), geocoder.gazetteer)
    assert found, "an area named Tana exists"
    assert all(c.feature != "city" for c in found)
    assert area_part(strict_tokens("Tana"), geocoder.gazetteer) == ()  # no part word


def test_a_guess_the_named_country_contradicts_is_doubted(geocoder: Geocoder) -> None:
    kenya = GeoContext(countries=frozenset({"KE"}), named=frozenset({"KE"}))
    assert isinstance(geocoder.resolve("Lower Tana", context=kenya), Unresolved)
    pakistan = GeoContext(countries=frozenset({"PK"}), named=frozenset({"PK"}))
    assert geocoder.resolve("Lower Swat district", context=pakistan).iso == "PK"


def test_an_unknown_village_in_the_part_stands_in_there(geocoder: Geocoder) -> None:
    # Karima alone is Kuraymah, Sudan; the text puts it in Lower Swat district
    text = "Gunmen shot dead two teachers near Karima in Lower Swat district on Monday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Karima", "Lower Swat district")]
    village, district = resolve_document(text, spans, geocoder)
    assert not isinstance(district, Unresolved) and district.iso == "PK"
    assert not isinstance(village, Unresolved) and village.iso == "PK"
    assert village.geo_precision == 2


def test_a_township_of_a_town_written_as_one_word(geocoder: Geocoder) -> None:
    # "Buthi Daung" is Buthidaung written in two words, as the bare name already reads;
    # with "township" after it the town's own township is meant (kind_words.settlement_head)
    place = geocoder.resolve("Buthi Daung township")
    assert not isinstance(place, Unresolved), place
    assert (place.iso, place.geo_precision) == ("MM", 2)
    assert place.name.startswith("Buthidaung")
