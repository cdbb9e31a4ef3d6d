"""Session 15: Nigeria's local government areas, written "X LGA", "X Local Government
Area" or "X Local Government", are the second-level area X (geocode/normalize.py). Before,
none of the three forms had a candidate, so reports naming only their LGA had no place."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.normalize import strip_admin_words
from eventscope.geocode.resolver import Unresolved


@pytest.mark.parametrize(
    "query", ["Maru LGA", "Maru Local Government Area", "Maru Local Government"]
)
def test_an_lga_is_its_second_level_area(geocoder: Geocoder, query: str) -> None:
    place = geocoder.resolve(query)
    assert not isinstance(place, Unresolved), place
    assert (place.name, place.iso, place.feature, place.admin1) == (
        "Maru",
        "NG",
        "admin2",
        "Zamfara",
    )


def test_the_words_alone_name_nothing() -> None:
    assert strip_admin_words(["local", "government", "area"]) is None
    assert strip_admin_words(["lga"]) is None
    assert strip_admin_words(["gusau", "local", "government", "area"]) == ["gusau"]
    assert strip_admin_words(["government", "area"]) is None  # not a kind word by itself


def test_a_chain_of_unknown_names_ending_in_an_lga_places_them_there(geocoder: Geocoder) -> None:
    # "Dutse village" alone is Dutse, the capital of Jigawa State; the text puts it near an
    # unknown Kanoma in Maru LGA (Zamfara), so it stands in for a village there.
    from eventscope.geocode.document import resolve_document

    text = "Gunmen stormed Unguwan Dutse village near Kanoma in Maru Local Government Area."
    names = ("Dutse village", "Kanoma", "Maru Local Government Area")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    answers = resolve_document(text, spans, geocoder)
    assert all(not isinstance(a, Unresolved) for a in answers), answers
    assert {(a.name, a.admin1) for a in answers if not isinstance(a, Unresolved)} == {
        ("Maru", "Zamfara")
    }
