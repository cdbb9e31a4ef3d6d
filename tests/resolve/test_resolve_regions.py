"""A region-level place links with places inside that region only."""

from __future__ import annotations

from eventscope.models import Place
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import places_compatible
from factories import mention


def place(name: str, admin1: str, feature: str, precision: int, lat: float, lon: float) -> Place:
    return Place(
        name=name, latitude=lat, longitude=lon, feature=feature, country="Nigeria", iso="NG",
        admin1=admin1, geo_precision=precision, confidence=0.9,
    )  # fmt: skip


KADUNA_STATE = place("Kaduna", "Kaduna", "admin1", 3, 10.42, 7.63)
KATSINA_STATE = place("Katsina", "Katsina", "admin1", 3, 12.28, 7.74)
ZARIA = place("Zaria", "Kaduna", "city", 1, 11.11, 7.72)
FUNTUA = place("Funtua", "Katsina", "city", 1, 11.52, 7.31)
NIGERIA = place("Nigeria", "", "country", 3, 10.0, 8.0)


def ok(a: Place, b: Place) -> bool:
    km = LinkRules().max_distance_km
    return places_compatible(mention("a", location=a), mention("b", location=b), km)


def test_neighbouring_states_do_not_link() -> None:
    assert not ok(KADUNA_STATE, KATSINA_STATE)
    assert not ok(KADUNA_STATE, FUNTUA) and not ok(ZARIA, KATSINA_STATE)


def test_a_state_links_with_its_own_towns_and_itself() -> None:
    assert ok(KADUNA_STATE, ZARIA) and ok(FUNTUA, KATSINA_STATE)
    assert ok(KADUNA_STATE, KADUNA_STATE)


def test_the_country_links_with_anything_inside_it() -> None:
    assert all(ok(NIGERIA, p) for p in (KADUNA_STATE, KATSINA_STATE, ZARIA, FUNTUA))
