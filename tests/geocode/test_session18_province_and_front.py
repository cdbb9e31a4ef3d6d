"""Session 18: a province that is a second-level area, and a front line named by its town.

From held-out linking round 17 (tested here on made-up sentences): "the province of Seno"
with no country named read as Ban Xénô, Laos (a town whose alternate name is Seno), because
only first-level areas answered the word "province", and Burkina Faso's provinces are
second-level; "in the Chaman sector" (a front line) placed nothing."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.areas import _district_word
from factories import resolve_names as _resolve


@pytest.mark.parametrize(
    ("text", "name", "called"),
    [
        ("a raid in the province of Seno", "Seno", True),
        ("a raid in Seno province", "Seno", True),
        ("a raid in the district of Bannu", "Bannu", True),
        ("a raid in Seno on Friday", "Seno", False),
        ("the provincial governor of Seno", "Seno", False),  # "of" must follow the word
        # review: "a (busy) district of X" is a part of the city, not its district
        ("a car bomb in a crowded district of Jalalabad", "Jalalabad", False),
    ],
)
def test_words_that_call_a_name_a_district_or_province(text: str, name: str, called: bool) -> None:
    start = text.index(name)
    assert bool(_district_word(text, start, start + len(name))) is called


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


@pytest.mark.parametrize(
    ("query", "iso"),
    [
        ("Anorí", "CO"),  # Anorí, Antioquia, not Anori, Amazonas (Brazil), the larger
        ("Anori", "BR"),  # without the accent the larger place stays the answer
    ],
)
def test_a_name_written_with_its_accents_is_that_spelling_s_place(
    geocoder: Geocoder, query: str, iso: str
) -> None:
    found = geocoder.resolve(query)
    assert not hasattr(found, "reason"), found
    assert found.iso == iso


def test_the_accent_bonus_needs_the_whole_name_as_written() -> None:
    from eventscope.geocode.gazetteer import Candidate
    from eventscope.geocode.scoring import accent_bonus

    def cand(name: str) -> Candidate:
        return Candidate(
            1, "g:1", name, 0.0, 0.0, "city", "XX", "X", "", "", 0, 0, "t", True, False
        )

    assert accent_bonus(cand("Anorí"), "anorí") > 0  # case aside
    assert accent_bonus(cand("Anori"), "Anorí") == 0  # folded only
    assert accent_bonus(cand("Anori"), "Anori") == 0  # nothing written beyond ASCII
    assert accent_bonus(cand("Cruces de Anorí"), "Anorí") == 0  # part of a name


def test_the_governorate_of_a_name_calls_it_an_area() -> None:
    from eventscope.geocode.areas import _called_an_area

    text = "Raids spread across the governorate of Idlib."
    start = text.index("Idlib")
    assert _called_an_area(text, start, start + len("Idlib"))


@pytest.mark.parametrize("name", ["Soum", "Bam"])
def test_a_town_abroad_is_no_province(geocoder: Geocoder, name: str) -> None:
    # review: Soum, Senegal and Bam, Iran are read by their own names, yet a town is no
    # province; their countries have no area of that name, Burkina Faso has
    text = f"Gunmen killed five villagers in the province of {name} on Sunday."
    found = _resolve(geocoder, text, [name])[name]
    assert found is not None
    assert (found.iso, found.feature) == ("BF", "admin2")


def test_a_city_part_keeps_the_city(geocoder: Geocoder) -> None:
    text = "A car bomb exploded in a crowded district of Jalalabad on Sunday."
    found = _resolve(geocoder, text, ["Jalalabad"])["Jalalabad"]
    assert found is not None and (found.feature, found.geo_precision) == ("city", 1)


def test_the_accent_bonus_reads_decomposed_accents(geocoder: Geocoder) -> None:
    import unicodedata

    found = geocoder.resolve(unicodedata.normalize("NFD", "Anorí"))
    assert not hasattr(found, "reason"), found
    assert found.iso == "CO"


def test_a_capitalised_governorate_of_calls_an_area() -> None:
    from eventscope.geocode.areas import _called_an_area

    text = "Clashes in the Governorate of Suwayda killed 12 people."
    start = text.index("Suwayda")
    assert _called_an_area(text, start, start + len("Suwayda"))
