"""Stories in the exports: stories.json, story_id on every event, the report's Stories section."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator

from eventscope.export import STORY_FIELDS, ExportBundle, write_format
from eventscope.models import Article, Event
from eventscope.pipeline.exporting import build_bundle
from eventscope.resolve.stories import Story, StoryDispute

HOSTILE_TITLE = "<script>alert(1)</script>"


def render(bundle: ExportBundle, fmt: str) -> str:
    buf = io.StringIO(newline="")
    write_format(bundle, fmt, buf)
    return buf.getvalue()


def stories_of(bundle: ExportBundle) -> list[dict]:
    return json.loads(render(bundle, "stories-json"))


def test_stories_json_from_shared_events(bundle: ExportBundle) -> None:
    stories = stories_of(bundle)
    assert [tuple(s) for s in stories] == [STORY_FIELDS] * 2
    strike, clash = stories  # the dated story first, the undated one last
    assert strike["event_ids"] == ["ev-aleppo-1"] and clash["event_ids"] == ["ev-clash-2"]
    assert strike["article_count"] == 3 and strike["source_count"] == 3
    assert strike["date_start"] == "2024-03-02" and strike["date_end"] == "2024-03-03"
    assert strike["title"] == "Strike on Aleppo"  # the earliest article's headline
    # Reuters 3, AP 5, the third outlet 12: no figure has a majority, so two dispute it.
    assert strike["disputes"] == [{"field": "fatalities", "source_count": 2,
                                   "sources": ['=HYPERLINK("http://evil.example/x","click")', "AP"],
                                   "event_ids": ["ev-aleppo-1"]}]  # fmt: skip
    assert strike["summary"] == "3 outlets covered this; 2 dispute the casualty figure."
    assert clash["summary"] == "1 outlet covered this." and clash["date_start"] is None
    for story in stories:
        for d in story["documents"]:
            assert d["input_id"] == bundle.documents[d["doc_id"]].input_id


def test_every_event_names_its_story(bundle: ExportBundle) -> None:
    ids = {e: s["story_id"] for s in stories_of(bundle) for e in s["event_ids"]}
    events = json.loads(render(bundle, "json"))
    assert {e["event_id"]: e["story_id"] for e in events} == ids
    features = json.loads(render(bundle, "geojson"))["features"]
    assert {f["id"]: f["properties"]["story_id"] for f in features} == ids
    rows = list(csv.DictReader(io.StringIO(render(bundle, "acled-csv"))))
    assert {r["event_id"]: r["story_id"] for r in rows} == ids
    header = next(csv.reader(io.StringIO(render(bundle, "acled-csv"))))
    assert header[-1] == "story_id"  # after the ACLED columns, never among them


def test_report_stories_section(bundle: ExportBundle) -> None:
    page = render(bundle, "html")
    section = page[page.index('<section id="stories">') : page.index('<section id="table">')]
    strike = stories_of(bundle)[0]
    assert f'id="{strike["story_id"]}"' in section
    assert "3 outlets covered this; 2 dispute the casualty figure." in section
    assert "<li>AP</li><li>Reuters</li>" in section
    assert '<a href="#event-1">#1</a>' in section  # the strike is event #1 in the table
    assert 'class="story disputed"' in section
    # The event's details link back to its story.
    details = page[page.index('id="event-1"') :]
    assert f'Story: <a href="#{strike["story_id"]}">Strike on Aleppo</a>' in details


def test_hostile_story_title_is_escaped(bundle: ExportBundle) -> None:
    lead = "d" * 64
    docs = {**bundle.documents}
    docs[lead] = dataclasses.replace(docs[lead], title=HOSTILE_TITLE)
    hostile = dataclasses.replace(bundle, documents=docs)
    page = render(hostile, "html")
    assert HOSTILE_TITLE not in page
    assert page.lower().count("<script") == 1  # only the report's own inline script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert stories_of(hostile)[0]["title"] == HOSTILE_TITLE  # JSON keeps the text as it is


def test_driver_stories_win_over_the_fallback(bundle: ExportBundle) -> None:
    mine = Story("story-mine", "My <b>story</b>", "2024-03-01", "2024-03-05",
                 tuple(sorted(bundle.documents)), ("AP", "Reuters"), ("ev-aleppo-1", "ev-clash-2"),
                 (StoryDispute("date", ("AP",), ("ev-aleppo-1",)),))  # fmt: skip
    given = dataclasses.replace(bundle, stories=[mine])
    (story,) = stories_of(given)
    assert story["summary"] == "2 outlets covered this; 1 disputes the date."
    assert {e["story_id"] for e in json.loads(render(given, "json"))} == {"story-mine"}
    page = render(given, "html")
    assert "My &lt;b&gt;story&lt;/b&gt;" in page and "My <b>story" not in page
    assert '<a href="#event-1">#1</a>, <a href="#event-2">#2</a>' in page


class FakeStore:
    """What build_bundle reads from a store, without a database."""

    def __init__(self, articles: list[Article], events: list[Event]) -> None:
        self.articles, self.events = articles, events

    def iter_articles(self) -> Iterator[Article]:
        return iter(self.articles)

    def iter_events(self) -> Iterator[Event]:
        return iter(self.events)

    def iter_mentions(self) -> Iterator:
        return iter(())

    def iter_skips(self) -> Iterator:
        return iter(())

    def event_assignments(self) -> dict[str, str]:
        return {}


def test_build_bundle_groups_stories_over_full_text() -> None:
    strike = "Russian bombers struck Islamic State hideouts near Deir ez-Zor, destroying depots."
    others = ("Teachers marched through Nairobi demanding pay.", "Traders rioted in Kano.")
    articles = [
        Article("a1", "a1.txt", strike, "Bombers strike", "Levant", "2025-03-11"),
        Article("b2", "b2.txt", strike.replace("struck", "pounded"), None, "Wire", "2025-03-12"),
        *(
            Article(f"z{i}", f"z{i}.txt", t, None, "Other", "2025-03-11")
            for i, t in enumerate(others)
        ),
    ]
    bundle = build_bundle(FakeStore(articles, []), generated_at="2025-03-13T00:00:00+00:00")
    assert bundle.stories is not None
    assert sorted(s.doc_ids for s in bundle.stories) == [("a1", "b2"), ("z0",), ("z1",)]
    # Without the texts (the fallback), the same documents share no event, so stay apart.
    assert len(stories_of(dataclasses.replace(bundle, stories=None))) == 4
