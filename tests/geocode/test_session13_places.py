"""Session 13 (2026-11-23): event places from the round-9 linking check, fixed generally.

1. A "from" phrase cut off from its verb by a parenthesis ("abducted 25 people, mostly
   farmers, from a village ...") takes the verb the parse hangs it on: taking people away
   from a place happens there (``place_names.verb_of_from``).
2. A hyphen-joined name the parser splits, with a French elided article
   ("Saint-Michel-de-l'Attalaye"), is read whole (``place_names.hyphen_name_start``,
   ``elided_name``).
3. A district is located at its seat town, at precision 2 (``candidates.district_seat``).
4. "towards the Burkinabe border": a demonym on "border" is never the article's fallback
   location (``borders.faces_border``).
5. A sourced supplement row: Petite-Rivière-de-l'Artibonite, a Haitian commune's town.

The names here are other than the linking check's, except for the supplement row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

import pytest

from eventscope.extract import extract_mentions, load_nlp
from eventscope.geocode import Gazetteer, Geocoder, geocode_mentions
from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.borders import faces_border
from eventscope.geocode.normalize import strict_tokens
from eventscope.models import Article, Mention, Place
from factories import article, mention


@pytest.fixture(scope="module")
def places_of() -> Callable[[str], list[dict[str, str]]]:
    """The place roles of each mention of one sentence, through the real extractor."""
    nlp = load_nlp("auto")

    def run(text: str) -> list[dict[str, str]]:
        doc = Article(doc_id="d", input_id="d", text=text, published="2026-03-07", language="en")
        return [{p.text: p.role for p in m.places} for m in extract_mentions([doc], nlp)[0]]

    return run


# -- 1. "from" after a parenthesis ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Armed bandits abducted 25 people, mostly farmers, from a village on the outskirts "
         "of Kaura Namoda, the second town of the state, on Sunday, residents said.",
         "Kaura Namoda"),
        ("Gunmen kidnapped 12 traders, among them two women, from a market near Birnin Gwari "
         "on Monday.", "Birnin Gwari"),
    ],
)  # fmt: skip
def test_a_from_phrase_after_a_parenthesis_takes_its_verb(
    places_of: Callable[[str], list[dict[str, str]]], text: str, name: str
) -> None:
    (roles,) = places_of(text)
    assert roles.get(name) == "event"
    # a "from" that names an origin stays one
    (roles,) = places_of("Missiles launched from Crimea hit Odesa on Monday.")
    assert roles == {"Crimea": "origin", "Odesa": "event"}


# -- 2. hyphen-joined names -----------------------------------------------------------


def test_a_hyphen_joined_object_with_an_elided_article_is_read_whole(
    places_of: Callable[[str], list[dict[str, str]]],
) -> None:
    (roles,) = places_of("Gang members attacked Saint-Michel-de-l'Attalaye on Friday, "
                         "killing eight people.")  # fmt: skip
    assert roles == {"Saint-Michel-de-l'Attalaye": "event"}


# -- 3. a district at its seat --------------------------------------------------------


def _town(gazetteer: Gazetteer, name: str, iso: str) -> tuple[float, float]:
    (town,) = [
        c for c in gazetteer.lookup_tokens(strict_tokens(name))
        if c.feature == "city" and c.iso == iso and c.name == name
    ]  # fmt: skip
    return town.lat, town.lon


@pytest.mark.parametrize(
    ("query", "town", "iso"),
    [("Bhakkar district", "Bhakkar", "PK"), ("Lubero territory", "Lubero", "CD")],
)
def test_a_district_is_located_at_its_seat(
    geocoder: Geocoder, gazetteer: Gazetteer, query: str, town: str, iso: str
) -> None:
    found = geocoder.resolve(query)
    assert isinstance(found, Place)
    assert (found.feature, found.geo_precision, found.iso) == ("admin2", 2, iso)
    lat, lon = _town(gazetteer, town, iso)
    assert haversine_km(found.latitude, found.longitude, lat, lon) < 1.0
    # a district with no town of its name keeps its own point ("Swat": seat Saidu Sharif)
    swat = geocoder.resolve("Swat district")
    (district,) = [
        c for c in gazetteer.lookup_tokens(["swat"]) if c.feature == "admin2" and c.iso == "PK"
    ]
    assert isinstance(swat, Place)
    assert (swat.latitude, swat.longitude) == (district.lat, district.lon)


# -- 4. the neighbour across a border -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "demonym", "faces"),
    [
        ("withdrew towards the Burkinabe border, residents said", "Burkinabe", True),
        ("near the Turkish frontier.", "Turkish", True),
        ("shelled the Turkish border town of Akcakale", "Turkish", False),
        ("Turkish border guards fired", "Turkish", False),
        ("a Malian army patrol", "Malian", False),
    ],
)
def test_faces_border(text: str, demonym: str, faces: bool) -> None:
    assert faces_border(text, text.index(demonym) + len(demonym)) is faces


def _located(text: str, geocoder: Geocoder) -> Mention:
    sentence = text.split(". ")[0]
    bare = mention("d", 0, sentence=sentence, sentence_end=len(sentence), places=())
    doc = replace(article("d"), text=text)
    (found,) = geocode_mentions(doc, [bare], geocoder)
    return found


def test_the_neighbour_across_a_border_is_no_fallback_location(geocoder: Geocoder) -> None:
    text = ("Jihadists overran an army post on Thursday. The attackers then withdrew on "
            "motorbikes towards the Burkinabe border, residents said.")  # fmt: skip
    assert _located(text, geocoder).location is None  # was Burkina Faso
    # a country named otherwise is still the fallback
    text = ("Jihadists overran an army post on Thursday. The attack in Burkina Faso was "
            "the third this month, residents said.")  # fmt: skip
    found = _located(text, geocoder).location
    assert found is not None and found.iso == "BF" and found.geo_precision == 3


# -- 5. the supplement row ------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["Petite-Rivière-de-l'Artibonite", "Petite Riviere de l'Artibonite"]
)
def test_petite_riviere_de_l_artibonite_is_a_town(geocoder: Geocoder, query: str) -> None:
    found = geocoder.resolve(query)
    assert isinstance(found, Place)
    assert (found.iso, found.admin1, found.feature, found.geo_precision) == (
        "HT", "Artibonite", "city", 1,
    )  # fmt: skip


def test_the_supplement_row_names_its_source(gazetteer: Gazetteer) -> None:
    con = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT source FROM places WHERE name = ? AND gid LIKE 'supplement:%'",
        ("Petite-Rivière-de-l'Artibonite",),
    ).fetchall()
    assert rows and all("Wikipedia" in source and "19°08′N" in source for (source,) in rows)
