"""The honest answer when the exact place is not in the gazetteer (round 7): the known
place a query or the text puts an unknown name in, at a coarser precision and with less
confidence, and small namesakes abroad kept under the pipeline's floor."""

from __future__ import annotations

from dataclasses import replace

from eventscope.geocode import Gazetteer, Geocoder, geocode_queries
from eventscope.geocode.areas import prefer_areas
from eventscope.geocode.context import GeoContext, foreign_namesake
from eventscope.geocode.document import resolve_document
from eventscope.geocode.embedded import located_in_text
from eventscope.geocode.resolver import Unresolved
from eventscope.geocode.standin import split_located
from eventscope.models import Place

EL_FASHER = (13.63, 25.35)
DARFUR_STORY = (
    "The Rapid Support Forces shelled El Fasher, the capital of North Darfur, on Sunday. "
    "Thousands of families fled toward Tawila, aid workers in Sudan said."
)


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_split_located_reads_a_comma_or_a_locative_word() -> None:
    comma = split_located("Al-Salhiya, Deir Ezzor, Syria")
    assert comma is not None and (comma.name, comma.where, comma.comma) == (
        "Al-Salhiya", "Deir Ezzor, Syria", True,
    )  # fmt: skip
    near = split_located("Al-Salhiya near Abu Kamal")
    assert near is not None and (near.name, near.where, near.comma) == (
        "Al-Salhiya", "Abu Kamal", False,
    )  # fmt: skip
    assert split_located("Deir Ezzor") is None
    assert split_located("in Deir Ezzor") is None  # no name before the word


def test_an_unknown_name_after_a_province_answers_the_province(geocoder: Geocoder) -> None:
    answer = geocoder.resolve("Al-Salhiya, Deir Ezzor")
    assert isinstance(answer, Place)
    assert (answer.iso, answer.feature, answer.geo_precision) == ("SY", "admin1", 3)
    assert answer.query == "Al-Salhiya, Deir Ezzor"
    assert 0.35 <= answer.confidence <= 0.5  # half as sure as of the province itself
    assert geocoder.unresolved_name(answer) == "Al-Salhiya"


def test_an_unknown_name_in_or_near_a_town_answers_near_the_town(geocoder: Geocoder) -> None:
    for query in ("Al-Salhiya in Deir Ezzor", "Al-Salhiya near Abu Kamal", "Al-Salhiya, Abu Kamal"):
        answer = geocoder.resolve(query)
        assert isinstance(answer, Place), query
        assert (answer.iso, answer.feature, answer.geo_precision) == ("SY", "city", 2), query
        assert answer.confidence <= 0.5 and answer.query == query
        assert geocoder.unresolved_name(answer) == "Al-Salhiya"


def test_a_known_name_in_an_area_is_narrowed_not_replaced(geocoder: Geocoder) -> None:
    answer = geocoder.resolve("Paris in Texas")
    assert isinstance(answer, Place)
    assert (answer.iso, answer.admin1, answer.geo_precision) == ("US", "Texas", 1)
    assert answer.query == "Paris in Texas" and geocoder.unresolved_name(answer) == ""
    for query in ("Kursk region", "eastern Aleppo", "Kharkov", "Paris, Texas"):
        found = geocoder.resolve(query)
        assert isinstance(found, Place) and geocoder.unresolved_name(found) == "", query


def test_a_loose_guess_outside_its_qualifier_now_says_so(geocoder: Geocoder) -> None:
    answer = geocoder.resolve("Kuriga, Kaduna")
    assert isinstance(answer, Place) and (answer.feature, answer.geo_precision) == ("admin1", 3)
    assert answer.confidence <= 0.5 and geocoder.unresolved_name(answer) == "Kuriga"


def test_a_small_namesake_outside_the_named_state_gives_way_to_it(geocoder: Geocoder) -> None:
    answer = geocoder.resolve("Tawila, North Darfur")
    assert isinstance(answer, Place)
    assert (answer.iso, answer.name, answer.geo_precision) == ("SD", "North Darfur", 3)
    # a large place outside its qualifier stays: "Hong Kong, China"
    hong_kong = geocoder.resolve("Hong Kong, China")
    assert isinstance(hong_kong, Place) and hong_kong.iso == "HK"


def test_a_country_alone_is_too_coarse_to_clear_the_floor(gazetteer: Gazetteer) -> None:
    strict = Geocoder(gazetteer, min_confidence=0.35)
    assert isinstance(strict.resolve("Al-Salhiya, Syria"), Unresolved)
    guess = Geocoder(gazetteer, min_confidence=0.0).resolve("Al-Salhiya, Syria")
    assert isinstance(guess, Place) and guess.feature == "country" and guess.confidence < 0.35


def test_a_small_namesake_abroad_is_unresolved_with_its_reason(gazetteer: Gazetteer) -> None:
    strict = Geocoder(gazetteer, min_confidence=0.35)
    answer = strict.resolve("Tawila", country_hint="SD")
    assert isinstance(answer, Unresolved)
    assert answer.reason == "below confidence: only a namesake abroad (Yemen)"
    alone = strict.resolve("Tawila")  # no story, no hint: the namesake is all there is
    assert isinstance(alone, Place) and alone.iso == "YE"


def test_foreign_namesake_needs_a_focus_elsewhere_and_distance(geocoder: Geocoder) -> None:
    tawila = next(c for c in geocoder.candidates("Tawila") if c.feature == "city")
    sudan = GeoContext(
        frozenset({"SD"}), (EL_FASHER,), country_shares=(("SD", 1.0),), named=frozenset({"SD"})
    )
    assert foreign_namesake(tawila, sudan)
    # a focus the text does not name needs two confident towns, not one, against a town
    # read by its own name; since round 10b one is enough against an alternate name
    # ("Tawila" is one of At Tawilah's names)
    unnamed = replace(sudan, named=frozenset())
    own_name = replace(tawila, primary=True)
    assert not foreign_namesake(own_name, unnamed)
    assert foreign_namesake(own_name, replace(unnamed, points=(EL_FASHER, (12.05, 24.88))))
    assert foreign_namesake(tawila, unnamed)
    # the first pass knows only the countries the text names: exact names stay
    assert not foreign_namesake(tawila, GeoContext(frozenset({"SD"})))
    # a namesake near the story's places (across a border) stays
    near = GeoContext(frozenset({"SA"}), ((15.0, 44.0),), country_shares=(("SA", 1.0),))
    assert not foreign_namesake(tawila, near)
    # a town of 20,000 people or more is not a small namesake
    big = next(c for c in geocoder.candidates("Kharkiv") if c.feature == "city")
    assert not foreign_namesake(big, sudan)


def test_a_darfur_story_does_not_send_tawila_to_yemen(gazetteer: Gazetteer) -> None:
    spans = spans_of(DARFUR_STORY, "El Fasher", "North Darfur", "Tawila", "Sudan")
    strict = resolve_document(DARFUR_STORY, spans, Geocoder(gazetteer, min_confidence=0.35))
    assert isinstance(strict[2], Unresolved)
    guesses = resolve_document(DARFUR_STORY, spans, Geocoder(gazetteer, min_confidence=0.0))
    tawila = guesses[2]
    # the best guess is the story's focal town, under the floor
    assert isinstance(tawila, Place) and tawila.iso == "SD" and tawila.confidence < 0.35


def test_tawila_in_north_darfur_answers_the_state(geocoder: Geocoder) -> None:
    text = "Families fled from El Fasher to Tawila in North Darfur, Sudan, the UN said."
    spans = spans_of(text, "El Fasher", "Tawila", "North Darfur", "Sudan")
    tawila = resolve_document(text, spans, geocoder)[1]
    assert isinstance(tawila, Place)
    assert (tawila.iso, tawila.name, tawila.geo_precision) == ("SD", "North Darfur", 3)
    assert geocoder.unresolved_name(tawila) == "Tawila"


def test_a_town_read_in_another_country_than_the_text_says_is_replaced() -> None:
    text = "Shelling struck Hatla in Deir Ezzor province."
    hatta = Place("Hatta", 24.1, 79.6, "city", "India", "IN", confidence=0.96, query="Hatla")
    province = Place("Deir ez-Zor", 35.1, 40.4, "admin1", "Syria", "SY", geo_precision=3,
                     confidence=0.96, query="Deir Ezzor")  # fmt: skip
    spans = spans_of(text, "Hatla", "Deir Ezzor")
    out = located_in_text(text, spans, [hatta, province], [True, False])
    assert isinstance(out[0], Place) and out[0].name == "Deir ez-Zor"
    assert (out[0].geo_precision, out[0].confidence, out[0].query) == (3, 0.48, "Hatla")
    assert located_in_text(text, spans, [hatta, province])[0] == hatta  # not doubted
    aleppo = Place("Aleppo", 36.2, 37.2, "city", "Syria", "SY", confidence=0.9, query="Hatla")
    assert located_in_text(text, spans, [aleppo, province], [True, False])[0] == aleppo


def test_the_document_doubts_a_town_abroad_that_the_text_puts_elsewhere(
    geocoder: Geocoder,
) -> None:
    text = "Shelling struck Hatla in Deir Ezzor province, the Syrian Observatory said."
    hatla = resolve_document(text, spans_of(text, "Hatla", "Deir Ezzor"), geocoder)[0]
    assert isinstance(hatla, Place) and (hatla.iso, hatla.geo_precision) == ("SY", 3)
    # a place inside an unknown name, in a country the story names, is kept
    text = (
        "Sewage from Tijuana reaches Imperial Beach. Works on the Tijuana River in Baja "
        "California will start, Mexican officials said."
    )
    spans = spans_of(text, "Tijuana", "Imperial Beach", "Tijuana River", "Baja")
    river = resolve_document(text, spans, geocoder)[2]
    assert isinstance(river, Place) and river.iso == "MX"


def test_a_stand_in_is_not_a_list_peer_nor_a_qualified_names_qualifier(
    geocoder: Geocoder,
) -> None:
    text = "Troops clashed on Mount Chaambi, Kasserine, and in Gao, Mali, on Monday."
    spans = spans_of(text, "Mount Chaambi", "Kasserine", "Gao", "Mali")
    answers = resolve_document(text, spans, geocoder)
    kasserine, gao = answers[1], answers[2]
    assert isinstance(kasserine, Place) and kasserine.feature == "city"
    assert isinstance(gao, Place) and (gao.iso, gao.feature) == ("ML", "city")
    assert prefer_areas(text, spans, answers, geocoder) == answers


def test_geocode_queries_names_what_it_could_not_find(geocoder: Geocoder) -> None:
    rows = list(geocode_queries(["Al-Salhiya, Deir Ezzor", "Deir Ezzor"], None, geocoder))
    assert rows[0]["unresolved_name"] == "Al-Salhiya" and rows[0]["geo_precision"] == 3
    assert "unresolved_name" not in rows[1]
