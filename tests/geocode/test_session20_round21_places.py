"""Session 20, from linking rounds 21 and 22 (each read after the fixes it measured): places
that left a report with no location, or with the wrong one.

* "a roadside bomb in Mandera West sub-county": an area's name and a compass word is a part
  of that area (Mandera county), which the name itself vouches for;
* "Residents of Qobo (Kobo) in North Wollo": the gazetteer knows only the spelling in brackets;
* "the Kobo-Alamata section of the Addis Ababa - Mekelle highway": the ends of a road's name
  are where it leads, not where the event was;
* "a displacement site in Sirwah district in Marib": the place after an area only says where
  the area lies.
"""

from __future__ import annotations

import pytest

from eventscope.extract import extract_mentions, load_nlp
from eventscope.geocode import Geocoder
from eventscope.geocode.document import resolve_document
from eventscope.models import Article, Place


def _resolve(text: str, name: str, geocoder: Geocoder) -> Place | object:
    start = text.index(name)
    return resolve_document(text, [(start, start + len(name))], geocoder)[0]


def test_an_areas_name_and_a_compass_word_is_placed_in_that_area(geocoder: Geocoder) -> None:
    answer = _resolve(
        "A bomb hit a police truck in Mandera West sub-county.", "Mandera West", geocoder
    )
    assert isinstance(answer, Place)
    assert (answer.iso, answer.admin1, answer.geo_precision) == ("KE", "Mandera", 3)


def test_a_compass_word_after_a_town_that_is_no_area_gives_nothing(geocoder: Geocoder) -> None:
    # "Zzyzx North": no area of that name; the name stays unknown
    answer = _resolve(
        "A bomb hit a police truck in Zzyzxville North.", "Zzyzxville North", geocoder
    )
    assert not isinstance(answer, Place)


def test_the_spelling_in_brackets_stands_in_for_an_unknown_one(geocoder: Geocoder) -> None:
    text = "Residents of Qobo (Kobo) in North Wollo say heavy fighting broke out on Thursday."
    answer = _resolve(text, "Qobo", geocoder)
    assert isinstance(answer, Place) and (answer.name, answer.iso) == ("Kobo", "ET")
    # a known name keeps its own reading
    answer = _resolve("Shelling hit Bakhmut (Artemivsk) on Monday.", "Bakhmut", geocoder)
    assert isinstance(answer, Place) and answer.name == "Bakhmut"


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Fano fighters ambushed a convoy on the Addis Ababa - Mekelle highway near Kobo "
            "on Thursday.",
            [("Addis Ababa", "route"), ("Kobo", "event")],
        ),
        ("Gunmen attacked a bus in Maiduguri on Monday.", [("Maiduguri", "event")]),
    ],
)
def test_the_ends_of_a_roads_name_are_route_places(text: str, roles: list[tuple[str, str]]) -> None:
    article = Article(doc_id="d", input_id="d", text=text, published="2024-09-06")
    [mention] = extract_mentions([article], load_nlp())[0]
    assert [(p.text, p.role) for p in mention.places] == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Shells struck a displacement site in Sirwah district in Marib on Tuesday.",
            [("Sirwah district", "event"), ("Marib", "other")],
        ),
        (
            "Clashes broke out in Kalehe territory, South Kivu, on Monday.",
            [("Kalehe territory", "event"), ("South Kivu", "other")],
        ),
        # a town, not an area, before "in": the pair is read as before
        (
            "Gunmen attacked Kuriga in Kaduna state on Thursday.",
            [("Kuriga", "event"), ("Kaduna state", "event")],
        ),
    ],
)
def test_the_place_that_locates_an_area_is_context(text: str, roles: list[tuple[str, str]]) -> None:
    # round 22: "in Sirwah district in Marib" was placed at the town of Ma'rib, the more
    # precise of two event places
    article = Article(doc_id="d", input_id="d", text=text, published="2025-06-10")
    [mention] = extract_mentions([article], load_nlp())[0]
    assert [(p.text, p.role) for p in mention.places] == roles


def test_the_sierra_of_a_town_names_the_town() -> None:
    # round 22: "in the sierra of Tecpan de Galeana" named no place, and the report went to
    # the town where a wounded officer later died
    text = "Six police officers were killed on Thursday in the sierra of Tecpan de Galeana."
    article = Article(doc_id="d", input_id="d", text=text, published="2025-09-15")
    [mention] = extract_mentions([article], load_nlp())[0]
    assert [(p.text, p.role) for p in mention.places] == [("Tecpan de Galeana", "event")]
