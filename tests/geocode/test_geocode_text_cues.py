"""What the text says around a toponym: a name it calls a street, an unknown name it
locates "in" another toponym, and a loose-spelling guess abroad treated as unknown."""

from __future__ import annotations

from dataclasses import replace

from eventscope.geocode import Geocoder
from eventscope.geocode.document import resolve_document
from eventscope.geocode.embedded import located_in_text
from eventscope.geocode.focus import back_off, street_flags
from eventscope.geocode.resolver import Unresolved
from eventscope.models import Place


def town(name: str, lat: float, lon: float, iso: str = "US", confidence: float = 0.9) -> Place:
    return Place(name, lat, lon, "city", "", iso, confidence=confidence, query=name)


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


NEW_ORLEANS = town("New Orleans", 29.95, -90.07)
METAIRIE, KENNER = town("Metairie", 29.98, -90.15), town("Kenner", 29.99, -90.24)
CHARTRES = town("Chartres", 48.45, 1.48, iso="FR", confidence=0.97)


def test_street_flags_read_street_words_after_a_list_and_corner_of_before() -> None:
    text = (
        "It rolled down Bourbon and Dauphine streets past the Chartres/Franklin "
        "intersection to the corner of State and Hubbard, then on to Paris."
    )
    names = ("Bourbon", "Dauphine", "Chartres", "Franklin", "State", "Hubbard", "Paris")
    flags = street_flags(text, spans_of(text, *names))
    assert flags == [True, True, True, True, True, True, False]


def test_a_street_read_as_a_far_town_backs_off_to_the_focal_town() -> None:
    answers = [NEW_ORLEANS, METAIRIE, KENNER, CHARTRES, NEW_ORLEANS]
    out = back_off(answers, 0.0, streets=[False, False, False, True, False])
    guess = out[3]
    assert isinstance(guess, Place) and guess.name == "New Orleans"
    assert guess.query == "Chartres" and guess.geo_precision == 2 and guess.confidence < 0.35
    assert back_off(answers, 0.0)[3] == CHARTRES  # without the cue, France stays
    assert back_off(answers, 0.35, streets=[False, False, False, True, False]) == answers


def test_a_street_named_after_a_nearby_town_keeps_the_town() -> None:
    # "North Druid Hills and Clairmont roads": the street's namesake is the place itself
    druid_hills = town("North Druid Hills", 29.97, -90.10, confidence=1.0)
    answers = [NEW_ORLEANS, METAIRIE, druid_hills, NEW_ORLEANS]
    assert back_off(answers, 0.0, streets=[False, False, True, False])[2] == druid_hills


def test_a_doubtful_answer_is_backed_off_like_an_unknown_name() -> None:
    makin = Place("Makin", 3.1, 172.9, "admin2", "", "KI", confidence=0.05, query="Makeen")
    answers = [NEW_ORLEANS, makin, METAIRIE]
    out = back_off(answers, 0.0, doubtful=[False, True, False])
    assert isinstance(out[1], Place) and out[1].name == "New Orleans"
    assert out[1].query == "Makeen"
    assert back_off(answers, 0.0)[1] == makin


def test_an_unknown_name_the_text_locates_in_a_town_lies_near_that_town() -> None:
    text = "A briefing at the Palais des Nations in Geneva, then Xyzzy Hall, in France."
    spans = spans_of(text, "Palais des Nations", "Geneva", "Xyzzy Hall", "France")
    geneva = town("Geneva", 46.2, 6.15, iso="CH", confidence=0.98)
    france = Place("France", 46.0, 2.0, "country", "France", "FR", geo_precision=3,
                   confidence=1.0)  # fmt: skip
    palais, hall = (
        Unresolved("Palais des Nations", "no candidate"),
        Unresolved("Xyzzy Hall", "no candidate"),
    )
    out = located_in_text(text, spans, [palais, geneva, hall, france])
    got = out[0]
    assert isinstance(got, Place) and got.name == "Geneva" and got.query == "Palais des Nations"
    assert got.geo_precision == 2 and got.confidence == 0.49  # half as sure as of Geneva
    assert out[2] == hall  # a country says too little
    unsure = replace(geneva, confidence=0.5)
    assert located_in_text(text, spans, [palais, unsure, hall, france])[0] == palais


def test_document_places_a_venue_in_the_town_the_text_names(geocoder: Geocoder) -> None:
    text = "He is studying at the Xyzzyplugh School of Music in London with a teacher."
    spans = spans_of(text, "Xyzzyplugh School of Music", "London")
    venue = resolve_document(text, spans, geocoder)[0]  # the pipeline's floor (0.35)
    assert isinstance(venue, Place) and venue.name == "London" and venue.iso == "GB"
    assert venue.geo_precision == 2 and 0.35 <= venue.confidence <= 0.5


def test_a_loose_spelling_abroad_backs_off_to_the_story(geocoder: Geocoder) -> None:
    # "Makeen" loosely matches Makin, Kiribati; the story is in Waziristan
    text = "Troops visited Wana and Tank in Pakistan. At Makeen the army opened a market."
    spans = spans_of(text, "Wana", "Tank", "Pakistan", "Makeen")
    makeen = resolve_document(text, spans, Geocoder(geocoder.gazetteer, min_confidence=0.0))[3]
    assert isinstance(makeen, Place) and makeen.iso == "PK" and makeen.query == "Makeen"
    assert makeen.confidence < 0.35
