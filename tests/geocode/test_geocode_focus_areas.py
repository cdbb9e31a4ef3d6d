"""The backoff to the story's focal town for unknown toponyms, and towns read as their
same-named state when the text asks for the area."""

from __future__ import annotations

from dataclasses import replace

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.geocode.document import resolve_document
from eventscope.geocode.focus import back_off, focal_town
from eventscope.geocode.resolver import Unresolved
from eventscope.models import Article, Mention, Place, PlaceMention


def town(name: str, lat: float, lon: float, confidence: float = 0.9) -> Place:
    return Place(name, lat, lon, "city", "United States", "US", confidence=confidence)


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


BOSTON, CAMBRIDGE = town("Boston", 42.36, -71.06), town("Cambridge", 42.37, -71.11)
DALLAS = town("Dallas", 32.78, -96.80)


def test_focal_town_is_where_most_places_cluster() -> None:
    got = focal_town([BOSTON, CAMBRIDGE, BOSTON, DALLAS])
    assert got is not None and got[0].name == "Boston" and got[1] == 0.75


def test_no_focal_town_when_the_story_is_spread_out() -> None:
    assert focal_town([BOSTON, DALLAS, town("Seattle", 47.6, -122.3)]) is None
    assert focal_town([town("Boston", 42.36, -71.06, confidence=0.4)]) is None  # unsure


def test_unknown_toponym_backs_off_near_the_focal_town_with_low_confidence() -> None:
    unknown = Unresolved("Fenway Park", "no candidate")
    below = Unresolved("Springfield", "below confidence")
    out = back_off([BOSTON, unknown, below, CAMBRIDGE], min_confidence=0.0)
    guess = out[1]
    assert isinstance(guess, Place) and guess.name == "Boston" and guess.geo_precision == 2
    assert guess.query == "Fenway Park" and guess.confidence < 0.35
    assert out[2] == below  # an ambiguous name is not an unknown one


def test_backoff_stays_unresolved_under_the_pipeline_floor() -> None:
    unknown = Unresolved("Fenway Park", "no candidate")
    assert back_off([BOSTON, unknown], min_confidence=0.35)[1] == unknown


def test_document_backoff_places_a_street(geocoder: Geocoder) -> None:
    text = "Police in Boston closed Xyzzyplugh Street; Cambridge and Boston officials met."
    spans = spans_of(text, "Boston", "Xyzzyplugh Street", "Cambridge")
    answers = resolve_document(text, spans, Geocoder(geocoder.gazetteer, min_confidence=0.0))
    street = answers[1]
    assert isinstance(street, Place) and street.name == "Boston" and street.geo_precision == 2
    assert isinstance(resolve_document(text, spans, geocoder)[1], Unresolved)  # floor 0.35


def test_text_calling_it_a_state_gets_the_state(geocoder: Geocoder) -> None:
    text = "Officials across New York state warned of flooding."
    (ny,) = resolve_document(text, spans_of(text, "New York"), geocoder)
    assert isinstance(ny, Place) and (ny.feature, ny.admin1) == ("admin1", "New York")


def test_a_list_of_states_reads_its_members_as_states(geocoder: Geocoder) -> None:
    text = "Voters in Ohio, New York and Iowa went to the polls."
    ny = resolve_document(text, spans_of(text, "Ohio", "New York", "Iowa"), geocoder)[1]
    assert isinstance(ny, Place) and ny.feature == "admin1"


def test_a_capital_listed_with_its_neighbours_stays_the_capital(geocoder: Geocoder) -> None:
    text = "Schools in Maryland, Virginia and Washington closed for snow."
    spans = spans_of(text, "Maryland", "Virginia", "Washington")
    dc = resolve_document(text, spans, geocoder)[2]
    assert isinstance(dc, Place) and dc.feature == "city"


def test_new_york_alone_is_the_city(geocoder: Geocoder) -> None:
    text = "She moved to New York last year."
    (ny,) = resolve_document(text, spans_of(text, "New York"), geocoder)
    assert isinstance(ny, Place) and ny.feature == "city"


def make_mention(text: str, trigger: str, places: tuple[PlaceMention, ...]) -> Mention:
    start = text.index(trigger)
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + len(trigger),
        trigger=trigger, sentence=text.strip(), sentence_start=0, sentence_end=len(text) - 1,
        disorder_type="Demonstrations", event_type="Riots", sub_event_type="Mob violence",
        places=places,
    )  # fmt: skip


def test_pipeline_uses_the_document_resolver(geocoder: Geocoder) -> None:
    # The "X state" cue lives in the document resolver: the pipeline must see it.
    text = "Floods hit towns across New York state on Monday.\n"
    start = text.index("New York")
    mention = make_mention(text, "Floods", (PlaceMention("New York", start, start + 8, "event"),))
    (out,) = geocode_mentions(Article("d", "d.txt", text), [mention], geocoder)
    assert out.location is not None and out.location.feature == "admin1"


def test_only_anchor_spans_shape_the_context(geocoder: Geocoder) -> None:
    # An origin in Texas must not pull an ambiguous event place there.
    text = "Convoys left Lamar County, Texas, and Paris was calm."
    spans = spans_of(text, "Lamar County", "Paris")
    pulled = resolve_document(text, spans, geocoder)[1]
    kept = resolve_document(text, spans, geocoder, anchors=[False, True])[1]
    assert isinstance(pulled, Place) and pulled.iso == "US"
    assert isinstance(kept, Place) and kept.iso == "FR"


def area(name: str, lat: float, lon: float, feature: str, iso: str = "US") -> Place:
    precision = 2 if feature == "admin2" else 3
    return Place(name, lat, lon, feature, "", iso, admin1=name if feature == "admin1" else "",
                 geo_precision=precision, confidence=0.99, gazetteer_id=f"test:{name}")  # fmt: skip


def test_a_state_the_story_names_vouches_for_an_unsure_town_inside_it() -> None:
    # "Franklin" (0.42) alone is too unsure to locate the story, but "Louisiana" holds it:
    # three Franklins outweigh one confident foreign namesake (Chartres, France).
    franklin = Place("Franklin", 29.8, -91.5, "city", "", "US", admin1="Louisiana",
                     confidence=0.42, gazetteer_id="test:franklin")  # fmt: skip
    chartres = Place("Chartres", 48.45, 1.48, "city", "", "FR", confidence=0.98)
    louisiana = area("Louisiana", 31.0, -92.0, "admin1")
    got = focal_town([louisiana, franklin, chartres, franklin, franklin])
    assert got is not None and got[0].name == "Franklin"
    alone = focal_town([franklin, chartres, franklin, franklin])  # nothing vouches
    assert alone is not None and alone[0].name == "Chartres"


def test_focal_town_ties_go_to_more_places_then_to_the_story_country() -> None:
    # Dallas named twice and Boston next to Cambridge hold two mentions each: two
    # different places beat one place named twice.
    got = focal_town([DALLAS, BOSTON, CAMBRIDGE, DALLAS])
    assert got is not None and got[0].name == "Boston"
    # Delft (Netherlands) and Cape Town, each named twice: the story's other place is in
    # South Africa.
    delft = Place("Delft", 52.01, 4.36, "city", "", "NL", confidence=1.0)
    cape_town = Place("Cape Town", -33.93, 18.42, "city", "", "ZA", confidence=1.0)
    cape = area("Eastern Cape", -32.0, 26.5, "admin1", "ZA")
    got = focal_town([delft, delft, cape_town, cape, cape_town])
    assert got is not None and got[0].name == "Cape Town"


def test_spread_story_places_an_unknown_name_at_the_town_named_nearest_to_it() -> None:
    tacoma, fresno = town("Tacoma", 47.25, -122.44), town("Fresno", 36.75, -119.77)
    bakery, farm = Unresolved("Cake Studio", "no candidate"), Unresolved("Farms", "no candidate")
    assert focal_town([DALLAS, tacoma, fresno]) is None
    out = back_off([DALLAS, bakery, tacoma, farm, fresno], min_confidence=0.0)
    # equally near in the text: the later town ("a bakery in Tacoma")
    assert isinstance(out[1], Place) and out[1].name == "Tacoma"
    assert isinstance(out[3], Place) and out[3].name == "Fresno"
    assert out[1].confidence < 0.35 and out[1].geo_precision == 2
    assert back_off([DALLAS, bakery, tacoma], min_confidence=0.35)[1] == bakery


def test_story_without_towns_backs_off_to_its_most_specific_area() -> None:
    unknown = Unresolved("Vatican Gardens", "no candidate")
    vatican = area("Vatican", 41.9, 12.45, "country", "VA")
    out = back_off([vatican, unknown, vatican], min_confidence=0.0)
    assert isinstance(out[1], Place) and out[1].name == "Vatican"
    assert out[1].geo_precision == 3  # an area stays region-sized
    texas = area("Texas", 31.0, -99.0, "admin1")
    usa = area("United States", 39.8, -98.6, "country")
    assert back_off([usa, texas, unknown], 0.0)[2].name == "Texas"  # type: ignore[union-attr]
    assert back_off([unknown], 0.0)[0] == unknown  # nothing to back off to


def test_unsure_small_far_namesake_in_a_local_story_backs_off_to_the_focal_town() -> None:
    centreville = town("Centreville", 38.84, -77.43)
    manassas, fairfax = town("Manassas", 38.75, -77.47), town("Fairfax", 38.85, -77.31)
    stonewall = Place("Stonewall", 30.24, -98.66, "city", "", "US", confidence=0.43,
                      query="Stonewall")  # fmt: skip
    sure_far = replace(stonewall, confidence=0.9)
    answers = [centreville, stonewall, manassas, fairfax, sure_far]
    out = back_off(answers, 0.0, small=[False, True, False, False, True])
    assert isinstance(out[1], Place) and out[1].name in ("Centreville", "Manassas", "Fairfax")
    assert out[1].query == "Stonewall" and out[1].confidence < 0.35
    assert out[4] == sure_far  # a confident reading stays
    assert back_off(answers, 0.0, small=[False] * 5)[1] == stonewall  # not a small town
    assert back_off(answers, 0.35, small=[False, True, False, False, True]) == answers
