"""Faults a review found in the round-10 cue rules (geocode/embedded.py, document.py)."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.actors import located_countries, names_an_actor
from eventscope.geocode.countries import find_countries
from eventscope.geocode.cues import DIRECTION_OF
from eventscope.models import Place
from factories import resolve_names


def _answers(geocoder: Geocoder, text: str, names: list[str]) -> dict[str, Place | None]:
    return resolve_names(geocoder, text, names, floor=False)


@pytest.mark.parametrize(
    ("text", "name", "other", "iso"),
    [
        ("Fighting raged in Mosul, north of Baghdad, on Monday.", "Mosul", "Baghdad", "IQ"),
        ("Missiles hit Kharkiv, northeast of Kyiv, overnight.", "Kharkiv", "Kyiv", "UA"),
        ("The RSF shelled El Fasher, west of Khartoum.", "El Fasher", "Khartoum", "SD"),
        ("Protesters gathered in Kyiv at Maidan on Sunday.", "Kyiv", "Maidan", "UA"),
    ],
)
def test_a_bearing_never_moves_a_large_town_read_by_its_name(
    geocoder: Geocoder, text: str, name: str, other: str, iso: str
) -> None:
    answers = _answers(geocoder, text, [name, other])
    answer, cue_town = answers[name], answers[other]
    assert answer is not None
    assert (answer.iso, answer.geo_precision) == (iso, 1)
    assert cue_town is None or answer.gazetteer_id != cue_town.gazetteer_id
    assert answer.confidence > 0.9


def test_a_small_namesake_far_from_the_cue_still_yields(geocoder: Geocoder) -> None:
    # August, California (some 8,000 people) is not the August of a New Orleans story
    answers = _answers(
        geocoder, "Crowds filled the streets for August in New Orleans.", ["August", "New Orleans"]
    )
    august = answers["August"]
    assert august is not None and august.iso == "US" and august.admin1 != "California"


@pytest.mark.parametrize(
    "cue",
    [
        ", 50 kilometer east of ",
        ", 30 kms north of ",
        " just north of ",
        ", North of ",
        ", 186 miles (300 km) southeast of ",
        ", about 40 km north-east of ",
    ],
)
def test_bearings_in_their_usual_forms(cue: str) -> None:
    found = DIRECTION_OF.match(cue + "Timbuktu")
    assert found is not None and found.group(0) == cue


def test_a_long_run_of_spaces_is_no_bearing() -> None:
    assert DIRECTION_OF.match(", 30 km" + " " * 5000 + "x") is None


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Russia claimed the capture of Pokrovsk on Monday.", True),
        ("Russia has captured Avdiivka, the ministry said.", True),
        ("Israel struck Hodeidah on Saturday.", True),
        ("Nigeria said 20 people were killed in Kuriga.", False),
        ("Fighting spread across Russia and Ukraine.", False),
    ],
)
def test_a_country_that_takes_or_strikes_a_place_is_an_actor(
    geocoder: Geocoder, text: str, acting: bool
) -> None:
    first = find_countries(text, geocoder.gazetteer)[0]
    assert names_an_actor(text, first) is acting
    assert (first not in located_countries(text, [first])) is acting


def test_a_town_claimed_by_a_country_is_not_read_in_that_country(geocoder: Geocoder) -> None:
    # Pokrovsk, Donetsk, not its namesake in Yakutia
    answer = _answers(geocoder, "Russia claimed the capture of Pokrovsk on Monday.", ["Pokrovsk"])
    pokrovsk = answer["Pokrovsk"]
    assert pokrovsk is not None and pokrovsk.iso == "UA"
