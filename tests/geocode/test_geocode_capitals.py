"""A country's capital named by its role (geocode/capitals.py)."""

from __future__ import annotations

from eventscope.geocode import geocode_mentions
from eventscope.geocode.capitals import (
    capital_country,
    capital_name,
    capital_places,
    is_capital_phrase,
)
from eventscope.geocode.resolver import Geocoder
from eventscope.models import Article, Evidence, Mention, PlaceMention

NAMES = {"ukrainian": {"UA"}, "sudan's": {"SD"}, "sudan": {"SD"}}


def reader(words: str) -> set[str]:
    return set(NAMES.get(words.lower(), set()))


def test_capital_phrases_are_recognised() -> None:
    assert is_capital_phrase("Ukrainian capital")
    assert is_capital_phrase("capital")
    assert not is_capital_phrase("Capitol Hill")
    assert not is_capital_phrase("Kyiv")


def test_the_country_comes_from_the_phrase_else_from_the_story() -> None:
    assert capital_country("Ukrainian capital", reader, "SD") == "UA"
    assert capital_country("Sudan's capital", reader, None) == "SD"
    assert capital_country("capital", reader, "SD") == "SD"
    assert capital_country("capital", reader, None) is None
    # words that name no country: no guess from the story
    assert capital_country("Narnian capital", reader, "UA") is None


def test_capital_names_come_from_countryinfo() -> None:
    assert capital_name("UA") == "Kyiv"
    assert capital_name("SD") == "Khartoum"
    assert capital_name("XX") == ""


def test_capital_places_resolve_in_their_country(geocoder: Geocoder) -> None:
    places = [
        PlaceMention("Ukrainian capital", 0, 17),
        PlaceMention("capital", 30, 37),
        PlaceMention("Narnian capital", 40, 55),
    ]
    found = capital_places(places, geocoder, reader, "SD")
    assert found["Ukrainian capital"].name == "Kyiv"
    assert found["Ukrainian capital"].iso == "UA"
    assert found["Ukrainian capital"].geo_precision == 1
    assert found["Ukrainian capital"].query == "Ukrainian capital"
    assert found["capital"].name == "Khartoum"
    assert "Narnian capital" not in found


def _strike(text: str, trigger: str, place: str) -> Mention:
    start, at = text.index(trigger), text.index(place)
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + len(trigger),
        trigger=trigger, sentence=text, sentence_start=0, sentence_end=len(text),
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", places=(PlaceMention(place, at, at + len(place)),),
        evidence=(Evidence("trigger", start, start + len(trigger), trigger),),
    )  # fmt: skip


def test_an_article_locates_its_capital_phrases(geocoder: Geocoder) -> None:
    text = "Russian missiles struck the Ukrainian capital overnight, killing three people."
    (out,) = geocode_mentions(
        Article("d", "d.txt", text), [_strike(text, "struck", "Ukrainian capital")], geocoder
    )
    assert out.location is not None
    assert (out.location.name, out.location.iso, out.location.geo_precision) == ("Kyiv", "UA", 1)
    evidence = [e for e in out.evidence if e.field == "location"]
    assert [text[e.start : e.end] for e in evidence] == ["Ukrainian capital"]


def test_a_bare_capital_is_the_story_country_s(geocoder: Geocoder) -> None:
    text = "Drones hit the capital on Monday. Sudan's army blamed the RSF; Sudan has been at war."
    (out,) = geocode_mentions(
        Article("d", "d.txt", text), [_strike(text, "hit", "capital")], geocoder
    )
    assert out.location is not None
    assert (out.location.name, out.location.iso) == ("Khartoum", "SD")


def test_a_bare_capital_without_a_story_country_is_not_placed(geocoder: Geocoder) -> None:
    text = "Drones hit the capital on Monday, killing two people."
    (out,) = geocode_mentions(
        Article("d", "d.txt", text), [_strike(text, "hit", "capital")], geocoder
    )
    assert out.location is None
