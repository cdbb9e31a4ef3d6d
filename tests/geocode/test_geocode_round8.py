"""Round 8: broad readings against towns only the country backs, the same name left out
of its own context, the state or country an unknown facility names, possessive runs, and
towns vouched for by the story's state kept by the backoff."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.geocode import Geocoder, GeoContext, Unresolved
from eventscope.geocode.document import resolve_document
from eventscope.geocode.embedded import name_runs
from eventscope.geocode.focus import back_off
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.named_area import inside, named_area
from eventscope.geocode.rivals import broad_rival, favour_broad
from eventscope.models import Place

US_STORY = GeoContext(countries=frozenset({"US"}), country_shares=(("US", 1.0),))


def place(result: Place | Unresolved) -> Place:
    assert isinstance(result, Place), result
    return result


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    """Spans of ``names`` in order, each searched after the previous one."""
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return spans


def cand(
    name: str, feature: str, iso: str, admin1: str, lat: float, lon: float,
    population: int = 0, gid: str = "", primary: bool = True, place_id: int = 0,
) -> Candidate:  # fmt: skip
    return Candidate(
        place_id, gid or f"geonames:{place_id}", name, lat, lon, feature, iso, "", admin1,
        "", population, 10, "test", primary, False,
    )  # fmt: skip


# -- a sea or a state against a town only the country backs (rivals.py) -------------------

TOWN = cand("Wyoming", "city", "US", "Michigan", 42.91, -85.71, 75_000, place_id=1)
STATE = cand("Wyoming", "admin1", "US", "Wyoming", 43.0, -107.5, 500_000, place_id=2)
SEA = cand("Atlantic Ocean", "sea", "", "", 30.0, -40.0, gid="supplement:atlantic-ocean",
           place_id=3)  # fmt: skip
IOWA_TOWN = cand("Atlantic", "city", "US", "Iowa", 41.40, -95.01, 7_000, place_id=4)


def test_a_lone_state_displaces_a_town_only_the_country_backs() -> None:
    scores = favour_broad([TOWN, STATE], [15.0, 14.0], US_STORY, frozenset())
    assert scores[1] > scores[0]


def test_a_state_named_after_its_own_town_does_not() -> None:
    towns = frozenset({("US", "Wyoming")})  # a town of the name inside the state
    assert broad_rival([TOWN, STATE], [15.0, 14.0], US_STORY, towns) is None


def test_local_evidence_keeps_the_town() -> None:
    near = GeoContext(points=((42.96, -85.67),))  # Grand Rapids, next to Wyoming, MI
    state = GeoContext(areas=frozenset({("US", "Michigan")}))
    supported = GeoContext(supported=frozenset({1}))
    for ctx in (near, state, supported):
        assert broad_rival([TOWN, STATE], [15.0, 14.0], ctx, frozenset()) is None


def test_a_curated_sea_displaces_a_small_town_of_its_short_name() -> None:
    assert broad_rival([IOWA_TOWN, SEA], [13.2, 10.1], US_STORY, frozenset()) == 1
    gazetteer_sea = replace(SEA, gid="geonames:99")  # only curated seas (their own name)
    assert broad_rival([IOWA_TOWN, gazetteer_sea], [13.2, 10.1], US_STORY, frozenset()) is None


def test_a_state_reached_by_a_peeled_name_is_no_rival() -> None:
    # "Columbia" matches the District of Columbia once "District of" is peeled
    columbia = cand("Columbia", "city", "US", "South Carolina", 34.0, -81.03, 130_000,
                    place_id=5)  # fmt: skip
    district = cand("District of Columbia", "admin1", "US", "District of Columbia",
                    38.9, -77.0, 700_000, place_id=6)  # fmt: skip
    assert broad_rival([columbia, district], [15.0, 14.0], US_STORY, frozenset()) is None


def test_bare_state_and_ocean_names_in_an_american_story(geocoder: Geocoder) -> None:
    wyoming = place(geocoder.resolve("Wyoming", context=US_STORY))
    assert (wyoming.feature, wyoming.admin1) == ("admin1", "Wyoming")  # not Wyoming, MI
    atlantic = place(geocoder.resolve("Atlantic", context=US_STORY))
    assert atlantic.feature == "sea"  # not Atlantic, Iowa
    iowa = replace(US_STORY, areas=frozenset({("US", "Iowa")}))
    town = place(geocoder.resolve("Atlantic", context=iowa))  # the story is in Iowa
    assert (town.feature, town.admin1) == ("city", "Iowa")


# -- the same name is left out of its own context (document.py) ---------------------------


TRIPS = (
    "TACOMA, Wash. - The team trains at home in Washington, and its members have flown "
    "to Guam, Hawaii and Washington, D.C., to support other teams."
)
TRIP_SPANS = spans_of(TRIPS, "TACOMA", "Wash.", "Washington", "Guam", "Hawaii", "Washington")


def test_a_qualified_namesake_does_not_vote_for_the_bare_name(geocoder: Geocoder) -> None:
    bare = place(resolve_document(TRIPS, TRIP_SPANS, geocoder)[2])
    assert (bare.feature, bare.admin1) == ("admin1", "Washington")  # the state


def test_a_dateline_and_the_body_do_not_vote_for_each_other(geocoder: Geocoder) -> None:
    # "COLUMBUS" and "Columbus" are one toponym: read alone each is Columbus, Ohio, and
    # each would back the other's Ohio reading against the story's Nebraska county
    text = (
        "COLUMBUS - The Platte County board met in Columbus on Monday, and officials from "
        "Norfolk and Schuyler joined them."
    )
    names = ("COLUMBUS", "Platte County", "Columbus", "Norfolk", "Schuyler")
    answers = resolve_document(text, spans_of(text, *names), geocoder)
    for i in (0, 2):
        assert (place(answers[i]).iso, place(answers[i]).admin1) == ("US", "Nebraska")


def test_a_qualified_dateline_still_tells_what_the_bare_name_means(geocoder: Geocoder) -> None:
    # one place of the name in the story: "Belgrade, Minn." votes for the bare "Belgrade"
    text = (
        "BELGRADE, Minn. - The city council met on Monday. Belgrade officials said the road "
        "would reopen in May."
    )
    bare = place(resolve_document(text, spans_of(text, "BELGRADE", "Minn.", "Belgrade"),
                                  geocoder)[2])  # fmt: skip
    assert (bare.iso, bare.admin1) == ("US", "Minnesota") and bare.confidence >= 0.6


def test_a_name_its_qualifier_placed_is_no_list_peer_state(geocoder: Geocoder) -> None:
    # "Guam, Hawaii and Washington, D.C.": the capital, though listed with a state
    qualified = place(resolve_document(TRIPS, TRIP_SPANS, geocoder)[5])
    assert (qualified.feature, qualified.admin1) == ("city", "District of Columbia")
    # a list misread as a qualifier ("New Mexico, New York, Ohio") still lists states
    text = "Cases were found in New Mexico, New York, Ohio and Oregon."
    spans = spans_of(text, "New Mexico", "New York", "Ohio", "Oregon")
    listed = place(resolve_document(text, spans, geocoder)[1])
    assert (listed.feature, listed.admin1) == ("admin1", "New York")


def test_a_smaller_town_listed_with_states_is_the_state(geocoder: Geocoder) -> None:
    # Oregon, Ohio lies nearer Ohio and Oklahoma than the state does; a list of states
    # still means the state (only a world city, "Washington", keeps the distance test)
    text = "Cases were reported in Ohio, Oklahoma, Oregon and Tennessee this week."
    spans = spans_of(text, "Ohio", "Oklahoma", "Oregon", "Tennessee")
    oregon = place(resolve_document(text, spans, geocoder)[2])
    assert (oregon.feature, oregon.admin1) == ("admin1", "Oregon")


# -- the state or country an unknown facility names (named_area.py, focus.py) -------------


def test_named_area_reads_institutions_not_natural_features(geocoder: Geocoder) -> None:
    california = named_area("University of California", geocoder)
    assert california is not None and (california.feature, california.iso) == ("admin1", "US")
    assert named_area("Mississippi River", geocoder) is None  # a river lies where it lies
    assert named_area("SB Smith Electrical", geocoder) is None  # "SB" is a code
    assert named_area("Springfield", geocoder) is None  # a known name is read as itself
    # an embassy of a country lies in another country
    assert named_area("Embassy of the Republic of Armenia", geocoder) is None
    vatican = named_area("Vatican Gardens", geocoder)  # by an alternate name of the see
    assert vatican is not None and (vatican.feature, vatican.iso) == ("country", "VA")


def test_backoff_prefers_the_named_area_over_a_guess_outside_it() -> None:
    parkland = Place("Parkland", 26.31, -80.24, "city", "United States", "US",
                     admin1="Florida", confidence=0.9)  # fmt: skip
    california = Place("California", 37.2, -119.5, "admin1", "United States", "US",
                       admin1="California", geo_precision=3, confidence=1.0)  # fmt: skip
    unknown = Unresolved("University of California", "no candidate")
    venue = Unresolved("Parkland Arena", "no candidate")
    out = back_off([parkland, unknown, venue, parkland], 0.0, areas=[None, california, None, None])
    assert isinstance(out[1], Place) and out[1].name == "California"
    assert out[1].geo_precision == 3 and out[1].confidence < 0.35
    assert out[1].query == "University of California"
    assert isinstance(out[2], Place) and out[2].name == "Parkland"
    florida = replace(california, name="Florida", admin1="Florida")
    kept = back_off([parkland, unknown, parkland], 0.0, areas=[None, florida, None])
    assert isinstance(kept[1], Place) and kept[1].name == "Parkland"  # the guess is inside
    assert inside(parkland, florida) and not inside(parkland, california)


def test_a_facility_named_after_a_far_state_in_a_local_story(geocoder: Geocoder) -> None:
    text = (
        "PARKLAND, Fla. - Students in Parkland and Coral Springs met a professor from the "
        "University of California on Friday; Parkland officials thanked him."
    )
    spans = spans_of(text, "PARKLAND", "Parkland", "Coral Springs",
                     "University of California", "Parkland")  # fmt: skip
    answers = resolve_document(text, spans, Geocoder(geocoder.gazetteer, min_confidence=0.0))
    found = place(answers[3])
    assert (found.name, found.feature) == ("California", "admin1")
    assert isinstance(resolve_document(text, spans, geocoder)[3], Unresolved)  # floor 0.35


# -- possessives are no places (embedded.py) -----------------------------------------------


@pytest.mark.parametrize(
    "name", ["St. Peter's Basilica", "St George’s Chapel", "Alder Hey Children's Hospital"]
)
def test_a_possessive_run_is_not_tried_as_a_place(name: str) -> None:
    assert not [run for run in name_runs(name) if run.endswith(("'s", "’s"))]


def test_saint_peters_basilica_is_not_a_town_named_peters(geocoder: Geocoder) -> None:
    text = "The Pope celebrated the Easter Vigil in St. Peter's Basilica on Saturday."
    spans = spans_of(text, "St. Peter's Basilica")
    answer = resolve_document(text, spans, Geocoder(geocoder.gazetteer, min_confidence=0.0))[0]
    assert not (isinstance(answer, Place) and answer.name == "Peters")


# -- a town the story's state vouches for is no far namesake (focus.py) -------------------


def test_a_vouched_town_is_not_replaced_by_a_far_focal_town() -> None:
    ohio = Place("Ohio", 40.4, -82.7, "admin1", "United States", "US", admin1="Ohio",
                 geo_precision=3, confidence=0.99)  # fmt: skip
    valley = Place("Valley", 32.82, -85.18, "city", "United States", "US", admin1="Alabama",
                   confidence=0.72, query="Valley")  # fmt: skip
    poland = Place("Poland", 41.02, -80.61, "city", "United States", "US", admin1="Ohio",
                   confidence=0.5, query="Poland")  # fmt: skip
    out = back_off([ohio, valley, poland, valley], 0.0, small=[False, True, True, True])
    assert out[2] == poland  # Ohio vouches for it, though Valley, AL is the focal town
    stray = replace(poland, admin1="Pennsylvania")  # not vouched: the far namesake backs off
    got = back_off([ohio, valley, stray, valley], 0.0, small=[False, True, True, True])[2]
    assert isinstance(got, Place) and got.name == "Valley"


# -- curated crossings ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["al-Tanf", "At-Tanf", "Al Tanf"])
def test_al_tanf_is_the_syrian_border_crossing(geocoder: Geocoder, name: str) -> None:
    found = place(geocoder.resolve(name))
    assert (found.feature, found.iso) == ("crossing", "SY")


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Soviet Union", "RU"), ("USSR", "RU"), ("Zaire", "CD"), ("Persia", "IR"),
     ("Ceylon", "LK"), ("Upper Volta", "BF")],
)  # fmt: skip
def test_a_former_state_name_is_the_state_that_continues_it(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    # not the Angolan province Zaire, nor Gowanda, New York, once called Persia
    found = place(geocoder.resolve(name))
    assert (found.feature, found.iso) == ("country", iso)


def test_an_intergovernmental_seat_is_its_headquarters(geocoder: Geocoder) -> None:
    un = place(geocoder.resolve("United Nations"))
    assert (un.feature, un.iso) == ("landmark", "US")
    nato = place(geocoder.resolve("NATO headquarters"))
    assert (nato.feature, nato.iso) == ("landmark", "BE")
