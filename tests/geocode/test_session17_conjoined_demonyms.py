"""Session 17: demonyms conjoined before an armed actor noun all name actors.

"Rwandan and Mozambican forces reached the town" names two forces, not where the story is;
only "Mozambican" (next to "forces") was read as an actor, so "Rwandan" alone made Rwanda the
fallback location of an attack on a Mozambican town the gazetteer lacks."""

from __future__ import annotations

from eventscope.geocode import Geocoder
from eventscope.geocode.mentions import _fallback_countries


def _isos(text: str, geocoder: Geocoder) -> list[str]:
    return [c.iso for c in _fallback_countries(text, geocoder.gazetteer, set())]


def test_conjoined_demonyms_of_forces_locate_nothing(geocoder: Geocoder) -> None:
    assert _isos("Rwandan and Mozambican forces reached the town on Sunday.", geocoder) == []
    assert _isos("Malian, Burkinabe and Nigerien troops patrolled the road.", geocoder) == []


def test_demonyms_of_other_people_still_locate(geocoder: Geocoder) -> None:
    # near miss: no actor noun after the list, or an actor noun after a later clause
    assert _isos("Rwandan and Ugandan officials met in the town.", geocoder) == ["RW", "UG"]
    assert _isos("Rwandan villages and Ugandan forces", geocoder) == ["RW"]


def test_two_word_demonyms_in_the_list(geocoder: Geocoder) -> None:
    # review: "North Korean", "South African" are one demonym each
    assert _isos("Russian and North Korean troops retook the village.", geocoder) == []
    assert _isos("Congolese and South African troops shelled the hills.", geocoder) == []
