"""Document-level geocoding and the curated name knowledge behind it: state
abbreviations, qualifiers after a name, demonyms, continents, and the story's context."""

from __future__ import annotations

import pytest

from eventscope.geocode import Gazetteer, Geocoder
from eventscope.geocode.curated import abbreviation_area
from eventscope.geocode.document import resolve_document
from eventscope.geocode.sources import central_point
from eventscope.models import Place


def place(result: object) -> Place:
    assert isinstance(result, Place), result
    return result


@pytest.mark.parametrize(
    ("text", "area"),
    [("Ga.", ("US", "Georgia")), ("W. Va.", ("US", "West Virginia")),
     ("W.Va.", ("US", "West Virginia")), ("B.C.", ("CA", "British Columbia")),
     ("GA", None), ("La", None)],
)  # fmt: skip
def test_abbreviations_need_their_dots(text: str, area: tuple[str, str] | None) -> None:
    assert abbreviation_area(text) == area


@pytest.mark.parametrize(
    ("query", "name", "iso", "admin1"),
    [("Ga.", "Georgia", "US", "Georgia"), ("Alexandria, La.", "Alexandria", "US", "Louisiana"),
     ("Columbia, SC", "Columbia", "US", "South Carolina"),
     ("Russians", "Russia", "RU", ""), ("American", "United States", "US", ""),
     ("Europe", "Europe", "", ""), ("European", "Europe", "", "")],
)  # fmt: skip
def test_resolver_reads_news_conventions(
    geocoder: Geocoder, query: str, name: str, iso: str, admin1: str
) -> None:
    got = place(geocoder.resolve(query))
    assert (got.name, got.iso, got.admin1) == (name, iso, admin1)


def test_continent_is_region_sized(geocoder: Geocoder) -> None:
    got = place(geocoder.resolve("Africa"))
    assert got.feature == "continent" and got.geo_precision == 3


def test_qualifier_after_the_name_is_used(geocoder: Geocoder) -> None:
    text = "Police in Paris, Texas, said the fire began late."
    (paris,) = resolve_document(text, [(10, 15)], geocoder)
    assert (place(paris).iso, place(paris).admin1) == ("US", "Texas")


def test_story_context_reads_an_ambiguous_name_locally(geocoder: Geocoder) -> None:
    # Every other place of the story is in the US state: "Georgia" is the state here,
    # even though the word alone would name the country.
    text = "Deputies from Athens-Clarke County, Oconee County and Barrow County in Georgia."
    spans = [(text.index(n), text.index(n) + len(n)) for n in
             ("Athens", "Oconee County", "Barrow County", "Georgia")]  # fmt: skip
    georgia = place(resolve_document(text, spans, geocoder)[-1])
    assert (georgia.iso, georgia.feature) == ("US", "admin1")


def test_country_story_keeps_the_country(geocoder: Geocoder) -> None:
    text = "Russian troops crossed from South Ossetia towards Tbilisi, the capital of Georgia."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Tbilisi", "Georgia")]
    georgia = place(resolve_document(text, spans, geocoder)[-1])
    assert (georgia.iso, georgia.feature) == ("GE", "country")


def test_central_point_is_the_middle_of_the_area_not_of_its_towns() -> None:
    # Nine towns crowd the east edge, one sits at the west edge: the middle is between.
    towns = [(30.0, -94.0 + i * 0.01) for i in range(9)] + [(30.0, -104.0)]
    lat, lon = central_point(towns)
    assert lat == 30.0 and -100.0 < lon < -98.0


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_a_later_pass_settles_a_pair_of_local_namesakes(geocoder: Geocoder) -> None:
    # Huntsville alone is Alabama's; next to Walker County both are in Texas, which the
    # county reads only once Huntsville has moved there (a second context pass).
    text = "Walker County deputies arrested a man in Huntsville on Friday."
    county, town = (
        place(r)
        for r in resolve_document(text, _spans(text, ["Walker County", "Huntsville"]), geocoder)
    )
    assert (county.admin1, town.admin1) == ("Texas", "Texas")


def test_a_place_inside_an_unknown_name_is_near_that_place(geocoder: Geocoder) -> None:
    text = (
        "The fire at Colchester General Hospital was put out. Residents of Coggeshall "
        "and Braintree were told to stay indoors."
    )
    names = ["Colchester General Hospital", "Coggeshall", "Braintree"]
    hospital = place(resolve_document(text, _spans(text, names), geocoder)[0])
    assert (hospital.name, hospital.geo_precision) == ("Colchester", 2)
    assert geocoder.min_confidence <= hospital.confidence <= 0.5


def test_an_embedded_place_with_nothing_to_check_it_is_only_a_guess(gazetteer: Gazetteer) -> None:
    text = "Protesters gathered outside the British Embassy Tokyo on Monday."
    spans = _spans(text, ["British Embassy Tokyo"])
    assert not isinstance(resolve_document(text, spans, Geocoder(gazetteer))[0], Place)
    guess = place(resolve_document(text, spans, Geocoder(gazetteer, min_confidence=0.0))[0])
    assert (guess.name, guess.geo_precision) == ("Tokyo", 2) and guess.confidence <= 0.3


def test_an_embedded_namesake_far_from_the_story_is_not_taken(geocoder: Geocoder) -> None:
    # "Stonewall" is a town in Texas, but this story happens in northern Virginia.
    text = "Golfers at Stonewall Golf Club near Haymarket and Gainesville, Virginia, and Manassas."
    names = ["Stonewall Golf Club", "Haymarket", "Gainesville", "Manassas"]
    club = resolve_document(text, _spans(text, names), Geocoder(geocoder.gazetteer, 0.0))[0]
    assert isinstance(club, Place) and club.admin1 == "Virginia"


def test_a_name_after_a_comma_that_ends_a_list_is_no_qualifier(geocoder: Geocoder) -> None:
    text = "After stops in Washington, New York and Boston, the prince flew west."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Washington", "New York")]
    washington = place(resolve_document(text, spans, geocoder)[0])
    assert washington.admin1 == "District of Columbia"  # not Washington County, New York
    text = "Police in Paris, Texas and the county sheriff said the fire began late."
    (paris,) = resolve_document(text, [(10, 15)], geocoder)
    assert place(paris).admin1 == "Texas"
