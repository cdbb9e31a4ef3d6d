"""Place rule of session 13 (resolve/compat.py ``_places_ok``): a district holds only the places
inside it, as a province does (round 9: police posts attacked in Bannu town and in "Lakki Marwat
district" the same night by the same group are two events, although the district's point lay
47 km from Bannu, inside the 50 km linking radius), and a town inside a district is in it
however far it lies from the district's point."""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Place
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()
_BANNU = Place(
    name="Bannu", latitude=32.99, longitude=70.60, feature="city", country="Pakistan",
    iso="PK", admin1="Khyber Pakhtunkhwa", admin2="Bannu", geo_precision=1, confidence=0.9,
    gazetteer_id="geonames:1",
)  # fmt: skip
_LAKKI_DISTRICT = replace(
    _BANNU, name="Lakki Marwat", latitude=32.69, longitude=70.75, feature="admin2",
    admin2="Lakki Marwat", geo_precision=2, gazetteer_id="geonames:2",
)  # fmt: skip
_LAKKI_TOWN = replace(
    _LAKKI_DISTRICT, name="Lakki Marwat town", feature="city", geo_precision=1,
    latitude=32.61, gazetteer_id="geonames:3",
)  # fmt: skip
_KW = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor2": "Police Forces"}


def test_a_district_does_not_meet_a_town_of_another_district() -> None:
    a = mention("d1", location=_BANNU, **_KW)
    b = mention("d2", location=_LAKKI_DISTRICT, **_KW)
    assert not can_link(a, b, RULES)
    assert not can_link(b, a, RULES)


def test_a_district_meets_a_town_inside_it() -> None:
    a = mention("d1", location=_LAKKI_TOWN, **_KW)
    b = mention("d2", location=_LAKKI_DISTRICT, **_KW)
    assert can_link(a, b, RULES)


def test_without_a_known_district_distance_decides_as_before() -> None:
    a = mention("d1", location=replace(_BANNU, admin2=""), **_KW)
    b = mention("d2", location=_LAKKI_DISTRICT, **_KW)
    assert can_link(a, b, RULES)


def test_a_district_meets_a_far_town_inside_it() -> None:
    # Large districts (DR Congo's territories) hold towns far beyond the linking radius.
    far = replace(_LAKKI_TOWN, latitude=_LAKKI_DISTRICT.latitude - 0.6)
    a = mention("d1", location=far, **_KW)
    b = mention("d2", location=_LAKKI_DISTRICT, **_KW)
    assert can_link(a, b, RULES)
