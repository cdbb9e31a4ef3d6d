"""Spatial minimality: candidates of different toponyms that lie together support each
other."""

from __future__ import annotations

from eventscope.geocode import Geocoder
from eventscope.geocode.document import _support, resolve_document
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.minimality import supported_candidates
from eventscope.models import Place


def cand(place_id: int, lat: float, lon: float, feature: str = "city") -> Candidate:
    return Candidate(
        place_id, str(place_id), f"p{place_id}", lat, lon, feature, "US", "United States",
        "", "", 1000, 1, "test", True, False,
    )  # fmt: skip


def test_only_candidates_near_another_toponym_are_supported() -> None:
    paris_tn, paris_fr = cand(1, 36.30, -88.33), cand(2, 48.85, 2.35)
    henry_tn, henry_ga = cand(3, 36.33, -88.30, "admin2"), cand(4, 33.45, -84.15, "admin2")
    got = supported_candidates({"paris": [paris_tn, paris_fr], "henry": [henry_tn, henry_ga]})
    assert got == {"paris": frozenset({1}), "henry": frozenset({3})}


def test_a_toponym_does_not_support_itself_and_areas_never_count() -> None:
    twins = [cand(1, 36.30, -88.33), cand(2, 36.31, -88.34)]  # two readings of one name
    state = cand(3, 36.30, -88.33, "admin1")
    assert supported_candidates({"paris": twins, "tennessee": [state]}) == {}


def test_a_local_story_reads_its_names_together(geocoder: Geocoder) -> None:
    # Alone, "Henry County" is the most prominent one (Georgia); next to Paris it is the
    # Tennessee county whose seat is Paris. (Paris itself stays in France: a bonus for
    # support does not outweigh a capital's prominence.)
    text = "Deputies in Henry County searched a farm outside Paris on Monday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Henry County", "Paris")]
    henry = resolve_document(text, spans, Geocoder(geocoder.gazetteer, min_confidence=0.0))[0]
    assert isinstance(henry, Place) and henry.admin1 == "Tennessee"
    (alone,) = resolve_document(text, spans[:1], Geocoder(geocoder.gazetteer, min_confidence=0))
    assert isinstance(alone, Place) and alone.admin1 != "Tennessee"


def test_a_country_name_gets_no_support(geocoder: Geocoder) -> None:
    # Towns named after countries sit next to somebody's namesake far too often.
    support = _support(["Mexico", "Audrain County"], geocoder)
    assert support["Mexico"] == frozenset() and support["Audrain County"] == frozenset()
