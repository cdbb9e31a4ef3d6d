"""The backoff to the story's focal town for unknown toponyms, and towns read as their
same-named state when the text asks for the area."""

from __future__ import annotations

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
