"""Session 12 (2026-11-23): cues against namesakes abroad, from the round-9 linking check.

1. A name that says its area with "de" ("Petite-Rivière-de-l'Artibonite", "Petite Riviere
   de l'Artibonite") is read as "<name>, <area>" (``de_names``).
2. "<Town> township, <State>": the town inside the state, near it (``township_seat``).
3. Burmese aspirates: a word-initial hp/ht/hk reads ph/th/kh in the loose key (rule 14).
"""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.document import resolve_document
from eventscope.geocode.normalize import loose_key
from eventscope.models import Place


def _answers(text: str, names: list[str], geocoder: Geocoder) -> list[Place | None]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    answers = resolve_document(text, spans, geocoder)
    return [a if isinstance(a, Place) and a.confidence >= 0.35 else None for a in answers]


# -- 1. "<name> de <area>" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ("Gunmen attacked Petite-Rivière-de-l'Artibonite on Thursday.",
         "Petite-Rivière-de-l'Artibonite", "HT"),
        ("Twenty died in Petite Riviere de l'Artibonite on Thursday.", "Petite Riviere", "HT"),
        ("Gangs burned homes in Saint-Marc-de-l'Artibonite overnight.",
         "Saint-Marc-de-l'Artibonite", "HT"),
        ("Troops entered Villeneuve-de-Kachin overnight.", "Villeneuve-de-Kachin", "MM"),
    ],
)  # fmt: skip
def test_a_name_that_says_its_area_with_de_is_read_in_that_area(
    text: str, name: str, iso: str, geocoder: Geocoder
) -> None:
    (found,) = _answers(text, [name], geocoder)
    assert found is not None and found.iso == iso


def test_the_area_s_own_town_answers_and_known_names_stay_whole(geocoder: Geocoder) -> None:
    (town,) = _answers("Gangs burned homes in Saint-Marc-de-l'Artibonite overnight.",
                       ["Saint-Marc-de-l'Artibonite"], geocoder)  # fmt: skip
    assert town is not None and (town.name, town.geo_precision) == ("Saint-Marc", 1)
    (whole,) = _answers("Floods hit Santiago de Cuba on Monday.", ["Santiago de Cuba"], geocoder)
    assert whole is not None and whole.name == "Santiago de Cuba"


# -- 2. "<town> township, <state>" ----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("Hpakant township, Kachin State", "Hpākān"),
        ("Myitkyina township, Kachin", "Myitkyina"),
        ("Lashio township, Shan State", "Lashio"),
    ],
)
def test_a_township_is_its_town_inside_the_state(query: str, town: str, geocoder: Geocoder) -> None:
    found = geocoder.resolve(query)
    assert isinstance(found, Place)
    assert (found.name, found.feature, found.geo_precision) == (town, "city", 2)


def test_a_township_without_its_town_in_the_state_stays_the_state(geocoder: Geocoder) -> None:
    found = geocoder.resolve("Lashio township, Kachin")  # Lashio is in Shan State
    assert isinstance(found, Place) and (found.feature, found.geo_precision) == ("admin1", 3)
    found = geocoder.resolve("Jerome Township, Ohio")  # no town Jerome in Ohio
    assert isinstance(found, Place) and found.feature == "admin1"


# -- 3. Burmese aspirates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"), [("Hpakant", "Phakant"), ("Hkamti", "Khamti"), ("Htantabin", "Thantabin"),
                 ("Hpa-an", "Pha-an")],
)  # fmt: skip
def test_burmese_aspirates_meet_in_the_loose_key(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Thailand", "Hthailand"), ("Hama", "Hpama"), ("Kham", "Hkm")]
)
def test_other_h_spellings_stay_apart(a: str, b: str) -> None:
    assert loose_key(a) != loose_key(b)


def test_phakant_is_hpakant(geocoder: Geocoder) -> None:
    (found,) = _answers("Tatmadaw aircraft struck a mining camp in Phakant overnight.",
                        ["Phakant"], geocoder)  # fmt: skip
    assert found is not None and (found.name, found.iso) == ("Hpākān", "MM")
