"""Session 19: the place a headline names, as a hint for linking a report with no place;
and country codes, which name a country only where prose writes one so ("IS cells" named
Iceland in held-out round 19).

From held-out linking rounds 17 and 18 (tested here on made-up headlines): most follow-ups
that stayed apart from their event named their place only in the headline ("Gorgadji: the
wounded transferred", "Update on Shostka"); their text says "the town". The headline is no
evidence (spans point into the cleaned text), so it is kept as ``headline_place`` /
``headline_names`` on mentions with no precise place, and never becomes a location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.config import GeocodeSettings, Settings
from eventscope.geocode import Geocoder
from eventscope.geocode.countries import find_countries
from eventscope.geocode.headline import HeadlineHint, headline_hint
from eventscope.pipeline.api import run_all
from eventscope.store import Store


@pytest.mark.parametrize(
    ("title", "countries", "name", "feature"),
    [
        ("Update on Titao", {"BF"}, "Titao", "city"),
        ("Titao: funerals held for soldiers killed in weekend attack", {"BF"}, "Titao", "city"),
        ("Militants Kill 12 Soldiers In Titao", {"BF"}, "Titao", "city"),
        ("Strike on fuel depot in Sumy region", {"UA"}, "Sumy", "admin1"),
        # a town that shares its name with its state: the hint is the state, no finer
        ("Bandits abduct 40 worshippers in Katsina mosque raid", {"NG"}, "Katsina", "admin1"),
        # the body names no country: a cued name is still read
        ("Residents flee after attack in Titao", set(), "Titao", "city"),
    ],
)
def test_a_headline_names_its_place(
    geocoder: Geocoder, title: str, countries: set[str], name: str, feature: str
) -> None:
    hint = headline_hint(title, frozenset(countries), geocoder)
    assert hint.place is not None, hint
    assert (hint.place.name, hint.place.feature) == (name, feature)


@pytest.mark.parametrize(
    ("title", "countries"),
    [
        ("Nine killed as drone hits market", {"SD"}),  # no town Nine, no Dronero
        ("Toll of the market explosion rises to 11", {"SD"}),
        ("Drone hits bus in Lgov, one dead", {"UA"}),  # a Russian town in a Ukrainian story
        ("Residents accuse soldiers of killing civilians", set()),
        ("Victory of the patriots", set()),  # first word, no cue
    ],
)
def test_a_headline_without_a_place_of_the_story_gives_none(
    geocoder: Geocoder, title: str, countries: set[str]
) -> None:
    assert headline_hint(title, frozenset(countries), geocoder).place is None


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Zarbatenga: calm returns after the attack", ("Zarbatenga",)),
        ("Insurgents attack Zarbatenga town, two dead", ("Zarbatenga town",)),
        ("Gunmen kill nine in Mali's Zarbatenga", ("Zarbatenga",)),  # past a possessive
        ("Insurgents attack Zarbatenga, two dead", ()),  # no cue: could be anything
        ("Two killed in ISIS attack", ()),  # an acronym is no village
        ("Three state police officers killed in an ambush", ()),  # a number is no name
        ("Government: 17 fighters killed", ()),
    ],
)
def test_names_the_gazetteer_lacks_need_a_cue(
    geocoder: Geocoder, title: str, names: tuple[str, ...]
) -> None:
    assert headline_hint(title, frozenset({"ML"}), geocoder).names == names


_ARTICLES = [
    {"id": "a", "published": "2026-02-02", "title": "Militants attack army base in Titao",
     "text": "Militants attacked an army base in Titao, in northern Burkina Faso, on Sunday, "
             "killing 12 soldiers, security sources said."},
    {"id": "b", "published": "2026-02-04",
     "title": "Titao: funerals held for soldiers killed in weekend attack",
     "text": "Funerals were held on Tuesday for the soldiers killed in Sunday's attack on the "
             "army base in the town, residents said. The toll has risen to 15, a local "
             "official said."},
    {"id": "c", "published": "2026-02-14", "title": "Titao: gunmen attack the market",
     "text": "Gunmen attacked the weekly market of the town on Friday, killing four traders, "
             "residents said."},
]  # fmt: skip


def _run(tmp_path: Path, gazetteer_path: Path, articles: list[dict[str, str]]) -> Store:
    """A store with ``articles`` run through the whole pipeline (to use in ``with``)."""
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    store = Store.open(tmp_path / "es.sqlite")
    run_all(
        store, Settings(geocode=GeocodeSettings(gazetteer_path=str(gazetteer_path))), [str(path)]
    )
    return store


def test_a_follow_up_placed_by_its_headline_joins_and_a_later_attack_does_not(
    tmp_path: Path, gazetteer_path: Path
) -> None:
    with _run(tmp_path, gazetteer_path, _ARTICLES) as store:
        doc = {a.doc_id: a.input_id for a in store.iter_articles()}
        events = {e.event_id: e for e in store.iter_events()}
        by_article: dict[str, set[str]] = {}
        for m in store.iter_mentions():
            by_article.setdefault(doc[m.doc_id], set()).add(store.event_assignments()[m.mention_id])
            if doc[m.doc_id] == "a":
                assert m.headline_place is None  # placed by its text: no hint kept
            else:
                assert m.location is None and m.headline_place is not None
                assert m.headline_place.name == "Titao"
    assert by_article["a"] == by_article["b"]
    assert by_article["c"].isdisjoint(by_article["a"])
    (joined,) = by_article["a"]
    assert events[joined].location is not None and events[joined].location.name == "Titao"
    (alone,) = by_article["c"]
    assert events[alone].location is None  # the headline never becomes a location


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("IS cells move freely between the valleys", []),  # Islamic State, not Iceland
        ("AU troops and PA security forces", []),  # African Union, Palestinian Authority
        ("TROOPS KILL 12 IN MALI", ["ML"]),  # an all-capital "IN" is no India
        ("talks between the UK and the UAE", ["GB", "AE"]),
        ("fighting in the DRC and the CAR", ["CD", "CF"]),
    ],
)
def test_only_codes_written_for_countries_name_them(
    geocoder: Geocoder, text: str, isos: list[str]
) -> None:
    assert [c.iso for c in find_countries(text, geocoder.gazetteer)] == isos


# Review of session 19: each headline below gave a wrong hint in the first version.
@pytest.mark.parametrize(
    ("title", "countries", "name"),
    [
        ("KYIV — Russian drones hit Titao port overnight", {"UA", "BF"}, "Titao"),  # dateline
        ("Kyiv says Russian strike killed three in Sumy", {"UA"}, "Sumy"),  # Kyiv speaks
        ("Death Toll In Attack On Titao Market Rises To Eleven", {"BF"}, "Titao"),
        ("Car bomb kills five in Ras al-Ain", {"SY"}, "Ra’s al ‘Ayn"),  # a glued particle ends it
        ("Islamic State claims attack in Deir ez-Zor", {"SY"}, "Deir ez-Zor"),
        # the place first before a colon is the story's, whatever else the headline names
        ("Titao: wounded evacuated to Dori, shops still closed", {"BF"}, "Titao"),
    ],
)
def test_review_headlines_give_the_story_place(
    geocoder: Geocoder, title: str, countries: set[str], name: str
) -> None:
    hint = headline_hint(title, frozenset(countries), geocoder)
    assert hint.place is not None and hint.place.name == name, hint


@pytest.mark.parametrize(
    "title",
    [
        "Attacks in Bama and Gwoza: survivors of the second recount horror",  # which one?
        "Refugees from Mariupol arrive in Zaporizhzhia",
        "Officials: 12 killed in overnight village raid",
        "Seven Traders Killed In Attack On Cattle Market",  # title case: no names at all
        "Twelve Villagers Killed In Attack On Farming Settlement",
    ],
)
def test_review_headlines_give_no_hint(geocoder: Geocoder, title: str) -> None:
    assert headline_hint(title, frozenset(), geocoder) == HeadlineHint()


def test_a_kind_word_before_the_colon_still_cues(geocoder: Geocoder) -> None:
    hint = headline_hint("Zarbatenga town: residents return", frozenset({"MZ"}), geocoder)
    assert hint.names == ("Zarbatenga town",)


_OTHER_STORY = [
    {"id": "a", "published": "2026-05-04", "title": "Gunmen kill eight at Titao market",
     "text": "Gunmen killed eight traders at the market in Titao on Monday, residents said. "
             "On Sunday, jihadists ambushed an army convoy in the east of Burkina Faso, "
             "killing five soldiers, security sources said."},
]  # fmt: skip


def test_a_sentence_that_names_its_own_region_keeps_it(
    tmp_path: Path, gazetteer_path: Path
) -> None:
    # the headline tells the main story; "in the east of Burkina Faso" tells another
    with _run(tmp_path, gazetteer_path, _OTHER_STORY) as store:
        ambush = [m for m in store.iter_mentions() if "convoy" in m.sentence]
    assert ambush and all(m.headline_place is None for m in ambush)
