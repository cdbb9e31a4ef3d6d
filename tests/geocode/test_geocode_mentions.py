"""Article-level geocoding: country context, event-role places, fallbacks, query output."""

from __future__ import annotations

from eventscope.geocode import Geocoder, find_countries, geocode_mentions, geocode_queries
from eventscope.models import Article, Evidence, Mention, PlaceMention

SPEC_KEYS = {"query", "name", "latitude", "longitude", "feature", "country", "iso", "admin1",
             "admin2", "geo_precision", "confidence"}  # fmt: skip


def make_mention(text: str, trigger: str, places: tuple[PlaceMention, ...] = ()) -> Mention:
    start = text.index(trigger)
    sent_start = text.rfind("\n", 0, start) + 1
    sent_end = text.find("\n", start) if "\n" in text[start:] else len(text)
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + len(trigger),
        trigger=trigger, sentence=text[sent_start:sent_end], sentence_start=sent_start,
        sentence_end=sent_end, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        places=places, evidence=(Evidence("trigger", start, start + len(trigger), trigger),),
    )  # fmt: skip


def pm(text: str, name: str, role: str, occurrence: int = 0) -> PlaceMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return PlaceMention(name, start, start + len(name), role)


STORY = (
    "Russian Tu-22M3 bombers took off from Mozdok and struck positions near Deir ez-Zor on "
    "Tuesday, according to the Syrian Observatory for Human Rights.\n"
    "Later, drones hit a checkpoint, the monitor said. Tadmur was shelled the same day.\n"
    "Syria's government did not comment. Syrian state media reported the raids in Syria.\n"
)


def test_event_place_wins_over_origin(geocoder: Geocoder) -> None:
    mention = make_mention(
        STORY, "struck", (pm(STORY, "Mozdok", "origin"), pm(STORY, "Deir ez-Zor", "event"))
    )
    (out,) = geocode_mentions(Article("d", "d.txt", STORY), [mention], geocoder)
    assert out.location is not None
    assert (out.location.name, out.location.iso) == ("Deir ez-Zor", "SY")
    location_evidence = [e for e in out.evidence if e.field == "location"]
    deir = mention.places[1]
    assert location_evidence == [Evidence("location", deir.start, deir.end, "Deir ez-Zor")]
    assert STORY[location_evidence[0].start : location_evidence[0].end] == "Deir ez-Zor"
    assert out.evidence[0].field == "trigger"  # existing evidence is kept


def test_origin_only_mention_takes_paragraph_event_place(geocoder: Geocoder) -> None:
    hit = make_mention(STORY, "hit", (pm(STORY, "Mozdok", "origin"),))
    shelled = make_mention(STORY, "shelled", (pm(STORY, "Tadmur", "event"),))
    out = geocode_mentions(Article("d", "d.txt", STORY), [hit, shelled], geocoder)
    assert out[0].location is not None and out[0].location.name == "Tadmur"
    assert out[0].location.iso == "SY" and out[1].location == out[0].location


def test_no_place_in_paragraph_falls_back_to_the_dominant_country(geocoder: Geocoder) -> None:
    mention = make_mention(STORY, "comment")
    (out,) = geocode_mentions(Article("d", "d.txt", STORY), [mention], geocoder)
    assert out.location is not None
    assert (out.location.feature, out.location.iso, out.location.geo_precision) == (
        "country", "SY", 3,
    )  # fmt: skip
    (evidence,) = [e for e in out.evidence if e.field == "location"]
    assert evidence.text == "Syria" and STORY[evidence.start : evidence.end] == "Syria"


def test_no_location_when_the_article_spans_several_countries(geocoder: Geocoder) -> None:
    text = "Talks between Russia and Ukraine stalled.\nA convoy was attacked overnight.\n"
    mention = make_mention(text, "attacked")
    (out,) = geocode_mentions(Article("d", "d.txt", text), [mention], geocoder)
    assert out.location is None
    assert all(e.field != "location" for e in out.evidence)


def test_origin_places_never_locate_an_event(geocoder: Geocoder) -> None:
    text = "Jets took off from Mozdok before dawn.\n"
    mention = make_mention(text, "took off", (pm(text, "Mozdok", "origin"),))
    (out,) = geocode_mentions(Article("d", "d.txt", text), [mention], geocoder)
    assert out.location is None


def test_article_context_disambiguates(geocoder: Geocoder) -> None:
    text = "Fighting in Syria continued.\nShelling hit Palmyra on Monday.\n"
    mention = make_mention(text, "Shelling", (pm(text, "Palmyra", "event"),))
    (out,) = geocode_mentions(Article("d", "d.txt", text), [mention], geocoder)
    assert out.location is not None
    assert (out.location.iso, out.location.name) == ("SY", "Tadmur")


def test_empty_mentions() -> None:
    assert geocode_mentions(Article("d", "d.txt", "x"), [], geocoder=None) == []  # type: ignore[arg-type]


def test_find_countries(geocoder: Geocoder) -> None:
    text = ("The United States and the Democratic Republic of the Congo met in Syria; "
            "Syrians and US officials came to talk, in no hurry.")  # fmt: skip
    found = [(c.iso, c.text, c.demonym) for c in find_countries(text, geocoder.gazetteer)]
    assert found == [
        ("US", "The United States", False),
        ("CD", "Democratic Republic of the Congo", False),
        ("SY", "Syria", False),
        ("SY", "Syrians", True),
        ("US", "US", False),
    ]
    assert all(text[c.start : c.end] == c.text for c in find_countries(text, geocoder.gazetteer))


def test_find_countries_reads_possessives_and_skips_lowercase(geocoder: Geocoder) -> None:
    text = "Syria's army said a turkey farm in chad grass was hit, as Chad's did."
    found = [(c.iso, c.text) for c in find_countries(text, geocoder.gazetteer)]
    assert found == [("SY", "Syria"), ("TD", "Chad")]


def test_geocode_queries_yields_spec_dicts(geocoder: Geocoder) -> None:
    out = list(geocode_queries(["Aleppo", "Xqorvimblatz", "Gao"], "ML", geocoder))
    assert set(out[0]) == SPEC_KEYS
    assert (out[0]["query"], out[0]["iso"], out[0]["geo_precision"]) == ("Aleppo", "SY", 1)
    assert 0.0 <= out[0]["confidence"] <= 1.0
    assert out[1] == {"query": "Xqorvimblatz", "unresolved": "no candidate"}
    assert (out[2]["iso"], out[2]["name"]) == ("ML", "Gao")
