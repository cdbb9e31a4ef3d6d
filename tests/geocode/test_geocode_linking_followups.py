"""Round 10b: geocoding faults found by the linking check (docs/geocoding.md, "2026-11-22
round 10b"): a sea as story context, the attackers' country as a fallback location,
and transliteration variants of the Arabic ending -iyeh."""

from __future__ import annotations

import pytest
from test_geocode_mentions import make_mention, pm

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.geocode.actors import located_countries
from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.context import GeoContext, foreign_namesake
from eventscope.geocode.countries import find_countries
from eventscope.geocode.document import resolve_document
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.normalize import loose_key
from eventscope.models import Article, Place


def _resolve(text: str, names: list[str], geocoder: Geocoder) -> list[Place | None]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    answers = resolve_document(text, spans, geocoder)
    return [a if isinstance(a, Place) and a.confidence >= 0.35 else None for a in answers]


# -- 1. a sea is no country of the story ----------------------------------------------


def _loose_town(iso: str) -> Candidate:
    return Candidate(
        place_id=1, gid="t:1", name="Town", lat=15.0, lon=43.0, feature="city", iso=iso,
        country="", admin1="", admin2="", population=100_000, importance=0, source="t",
        primary=False, loose=True,
    )  # fmt: skip


def test_a_sea_in_the_context_makes_no_loose_spelling_foreign() -> None:
    town = _loose_town("YE")
    assert not foreign_namesake(town, GeoContext(countries=frozenset({""})))
    # a real country of the story still does (the rule can fire)
    assert foreign_namesake(town, GeoContext(countries=frozenset({"DZ"})))


def test_the_red_sea_port_of_hodeidah_is_hodeidah(geocoder: Geocoder) -> None:
    text = "Israeli warplanes struck the Red Sea port of Hodeidah on Saturday, killing three."
    sea, town = _resolve(text, ["Red Sea port", "Hodeidah"], geocoder)
    assert sea is not None and sea.iso == ""
    assert town is not None and (town.iso, town.geo_precision) == ("YE", 1)


def test_a_sea_does_not_dilute_the_fallback_country(geocoder: Geocoder) -> None:
    text = (
        "Houthi fighters said they would keep up attacks from Yemen.\n"
        "A tanker was hit in the Red Sea on Monday.\n"
        "A convoy was attacked overnight.\n"
    )
    tanker = make_mention(text, "hit", (pm(text, "Red Sea", "event"),))
    convoy = make_mention(text, "attacked")
    out = geocode_mentions(Article("d", "d.txt", text), [tanker, convoy], geocoder)
    assert out[1].location is not None and out[1].location.iso == "YE"


# -- 2. the attackers' country is no fallback location --------------------------------


@pytest.mark.parametrize(
    ("text", "home", "kept"),
    [
        ("Russian jets bombed the village.", (), []),
        ("Russian jets bombed the village.", ("UA",), []),
        ("Russian forces shelled Belgorod.", ("RU",), ["RU"]),  # forces at home
        ("Syrian refugees returned.", (), ["SY"]),  # not an armed actor
    ],
)
def test_an_actors_demonym_names_the_story_country_only_at_home(
    geocoder: Geocoder, text: str, home: tuple[str, ...], kept: list[str]
) -> None:
    mentions = find_countries(text, geocoder.gazetteer)
    assert [m.iso for m in located_countries(text, mentions, home)] == kept


def _located(
    text: str, trigger: str, places: list[tuple[str, str]], geocoder: Geocoder
) -> Place | None:
    mention = make_mention(text, trigger, tuple(pm(text, n, r) for n, r in places))
    (out,) = geocode_mentions(Article("d", "d.txt", text), [mention], geocoder)
    return out.location


def test_the_attackers_country_is_not_where_an_unknown_village_lies(geocoder: Geocoder) -> None:
    text = "Russian jets bombed the village of Kafr Nabudah on Saturday, wounding five.\n"
    assert _located(text, "bombed", [("Kafr Nabudah", "event")], geocoder) is None
    text = "American aircraft bombed a camp north of the capital on Sunday, killing five.\n"
    assert _located(text, "bombed", [], geocoder) is None


def test_a_national_army_at_home_still_locates_the_story(geocoder: Geocoder) -> None:
    text = (
        "Several soldiers died on Monday after a Malian army patrol drove over a landmine "
        "south of Gao, a local official said.\n"
    )
    location = _located(text, "landmine", [("Gao", "route")], geocoder)
    assert location is not None and (location.iso, location.geo_precision) == ("ML", 3)


def test_where_the_jets_took_off_from_is_not_home(geocoder: Geocoder) -> None:
    text = "Russian jets took off from Mozdok and bombed a village, activists said.\n"
    assert _located(text, "bombed", [("Mozdok", "origin")], geocoder) is None


# -- 3. transliteration variants and namesakes abroad ---------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nabatiyeh", "Nabatieh"),
        ("Nabatiyah", "Nabatieh"),
        ("Nabatiyya", "Nabatiya"),
        ("Hamidiyeh", "Hamidieh"),
    ],
)
def test_the_ending_iyeh_is_ieh(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(("a", "b"), [("Riya", "Ria"), ("Aliya", "Alia"), ("Nabatiye", "Nabatia")])
def test_short_stems_and_other_endings_stay_apart(a: str, b: str) -> None:
    assert loose_key(a) != loose_key(b)


def test_a_transliteration_variant_reaches_the_same_town(geocoder: Geocoder) -> None:
    for name in ("Nabatieh", "Nabatiyeh"):
        answer = geocoder.resolve(name)
        assert isinstance(answer, Place) and answer.iso == "LB"
        assert (answer.feature, answer.geo_precision) == ("city", 1), name


def _small_town(primary: bool) -> Candidate:
    return Candidate(
        place_id=2, gid="t:2", name="Conna", lat=52.09, lon=-8.11, feature="city", iso="IE",
        country="", admin1="", admin2="", population=526, importance=0, source="t",
        primary=primary, loose=False,
    )  # fmt: skip


def test_one_town_elsewhere_doubts_a_small_town_reached_by_an_alternate_name() -> None:
    mopti = GeoContext(
        countries=frozenset({"ML"}), points=((14.49, -4.18),), country_shares=(("ML", 1.0),)
    )
    assert foreign_namesake(_small_town(primary=False), mopti)
    # by its own name one town is not enough (Castlegar beside a misread Nelson)
    assert not foreign_namesake(_small_town(primary=True), mopti)


def test_konna_near_mopti_is_not_in_ireland(geocoder: Geocoder) -> None:
    text = "Gunmen attacked Konna on Sunday, near Mopti, killing four soldiers."
    konna, mopti = _resolve(text, ["Konna", "Mopti"], geocoder)
    assert mopti is not None and mopti.iso == "ML"
    assert konna is None or konna.iso == "ML"


@pytest.mark.parametrize(
    ("text", "owner", "name", "iso", "precision"),
    [
        ("A grenade hit a tea shop in Mogadishu's Hodan district on Friday.",
         "Mogadishu", "Hodan district", "SO", 2),
        ("Jets bombed a village in Sagaing region's Kani township on Sunday.",
         "Sagaing region", "Kani township", "MM", 3),
    ],
)  # fmt: skip
def test_a_possessor_says_where_an_unknown_name_lies(
    geocoder: Geocoder, text: str, owner: str, name: str, iso: str, precision: int
) -> None:
    _, answer = _resolve(text, [owner, name], geocoder)
    assert answer is not None and (answer.iso, answer.geo_precision) == (iso, precision)
    assert geocoder.unresolved_name(answer) == name


def test_a_country_as_possessor_is_too_coarse(geocoder: Geocoder) -> None:
    text = "A grenade hit a tea shop in Somalia's Hodan district on Friday."
    _, answer = _resolve(text, ["Somalia", "Hodan district"], geocoder)
    assert answer is None


@pytest.mark.parametrize("name", ["Sévaré", "Sevare", "Konna"])
def test_central_malian_towns_of_the_supplement(geocoder: Geocoder, name: str) -> None:
    answer = geocoder.resolve(name)
    assert isinstance(answer, Place) and answer.iso == "ML", answer
    assert (answer.feature, answer.geo_precision) == ("city", 1)
    mopti = geocoder.resolve("Mopti")
    assert isinstance(mopti, Place)
    assert haversine_km(answer.latitude, answer.longitude, mopti.latitude, mopti.longitude) < 80
