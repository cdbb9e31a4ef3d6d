"""Curated places and names that the data packages lack: seats of government, airports
known by one word, seas, English counties, and the demonyms of the UK's nations."""

from __future__ import annotations

import pytest

from eventscope.geocode import Geocoder, GeoContext, Unresolved
from eventscope.geocode.assemble import haversine_km
from eventscope.models import Place


def place(result: Place | Unresolved) -> Place:
    assert isinstance(result, Place), result
    return result


@pytest.mark.parametrize(
    ("demonym", "nation"),
    [("English", "England"), ("Welsh", "Wales"), ("Scottish", "Scotland"),
     ("Northern Irish", "Northern Ireland")],
)  # fmt: skip
def test_a_uk_nation_demonym_is_that_nation(geocoder: Geocoder, demonym: str, nation: str) -> None:
    # "the English city of Salisbury": England, not English, Indiana
    result = place(geocoder.resolve(demonym))
    assert (result.name, result.feature, result.iso) == (nation, "admin1", "GB")


@pytest.mark.parametrize(
    ("query", "feature", "lat", "lon"),
    [
        ("White House", "landmark", 38.90, -77.04),  # not White House, Tennessee
        ("Oval Office", "landmark", 38.90, -77.04),
        ("West Wing", "landmark", 38.90, -77.04),  # not Wing, Buckinghamshire
        ("Heathrow", "airport", 51.47, -0.45),  # not Heathrow, Florida
        ("Northamptonshire", "admin2", 52.25, -0.88),
        ("Yorkshire", "admin2", 54.0, -1.5),  # not Yorkshire, Virginia
        ("Gulf of Mexico", "sea", 25.0, -90.0),
        ("Baltic Sea", "sea", 58.0, 20.0),
        ("Gulf", "sea", 26.5, 52.0),  # the Persian Gulf, not Gulf Province, Papua New Guinea
    ],
)
def test_curated_places_win_their_names(
    geocoder: Geocoder, query: str, feature: str, lat: float, lon: float
) -> None:
    result = place(geocoder.resolve(query, context=GeoContext(frozenset({"US", "GB"}))))
    assert result.feature == feature, result
    assert haversine_km(result.latitude, result.longitude, lat, lon) < 5
    assert result.gazetteer_id.startswith("supplement:")


@pytest.mark.parametrize(
    ("name", "iso"), [("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG")]
)
def test_both_congos_without_the_article(geocoder: Geocoder, name: str, iso: str) -> None:
    result = place(geocoder.resolve(name))
    assert (result.feature, result.iso) == ("country", iso)
