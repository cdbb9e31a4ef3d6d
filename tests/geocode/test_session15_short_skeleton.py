"""Session 15: a short name spelt with one letter more or less than the town ("Kyaukmae"
for Kyaukme, held-out linking round 13) is read by its skeleton too, but only one edit
from the town's own name (names made up here: "Lokaw" for Loikaw, "Kadugly" for Kadugli)."""

from __future__ import annotations

from eventscope.geocode import Gazetteer, Geocoder
from eventscope.geocode.context import GeoContext
from eventscope.geocode.skeleton import skeleton, skeleton_reading
from eventscope.models import Place

DEMOSO = (19.54, 97.12)  # a point of a Kayah story, 20 km from Loikaw
DILLING = (12.05, 29.65)  # South Kordofan


def test_a_short_skeleton_one_edit_from_the_town(gazetteer: Gazetteer) -> None:
    assert skeleton("Lokaw") == "lkw"  # three consonants: under the old floor of five
    found = skeleton_reading("Lokaw", gazetteer, frozenset({"MM"}), [DEMOSO])
    assert found is not None and found.name == "Loikaw" and found.loose
    found = skeleton_reading("Kadugly", gazetteer, frozenset({"SD"}), [DILLING])
    assert found is not None and found.name == "Kadugli"


def test_a_short_skeleton_two_edits_away_is_no_reading(gazetteer: Gazetteer) -> None:
    assert skeleton_reading("Lokawe", gazetteer, frozenset({"MM"}), [DEMOSO]) is None
    assert skeleton_reading("Lokaw", gazetteer, frozenset({"SD"}), [DILLING]) is None


def test_a_short_skeleton_reads_only_the_towns_own_name(gazetteer: Gazetteer) -> None:
    # "Mzairib" is one of Al Muzayrib's alternate names; "Mzaireb" is one edit from it but
    # two from the town's own name (loose key "muzairib"); "Mzairib" itself is indexed
    daraa = [(32.62, 36.10)]
    assert skeleton_reading("Mzaireb", gazetteer, frozenset({"SY"}), daraa) is None
    found = skeleton_reading("Mzairb", gazetteer, frozenset({"SY"}), daraa)
    assert found is None  # two edits from the own name, one from the alternate
    near = skeleton_reading("Muzairibe", gazetteer, frozenset({"SY"}), daraa)
    assert near is not None and near.admin1 == "Daraa"  # one edit from its own name


def test_the_resolver_reads_it_inside_the_story(geocoder: Geocoder) -> None:
    story = GeoContext(countries=frozenset({"MM"}), points=(DEMOSO,))
    found = geocoder.resolve("Lokaw", context=story)
    assert isinstance(found, Place) and found.admin1 == "Kayah"
    assert not isinstance(geocoder.resolve("Lokaw"), Place)
