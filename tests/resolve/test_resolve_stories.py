"""Stories: documents grouped by shared events or by similar text within a date window."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.models import Article, Claim, Event
from eventscope.resolve.stories import (
    StoryOptions,
    dissenters,
    group_stories,
    story_title,
    summary_sentence,
)
from factories import article

STRIKE = (
    "Russian long-range bombers struck Islamic State hideouts in the desert east of Deir ez-Zor "
    "on Tuesday, destroying weapons depots and tunnels used by the militants, officials said."
)
STRIKE_AGAIN = (
    "Russian bombers struck Islamic State hideouts in the desert near Deir ez-Zor, destroying "
    "weapons depots and militant tunnels, the defence ministry said on Wednesday."
)
MARCH = (
    "Thousands of teachers marched peacefully through central Nairobi demanding higher pay and "
    "the hiring of interns, and the union promised to keep schools open."
)
RIOT = (
    "Traders rioted in Kano after the demolition of a market, burning a police station and "
    "blocking roads with tyres until soldiers restored calm by the evening."
)
GANG = (
    "Gang members attacked a suburb of Port-au-Prince, setting homes ablaze and forcing hundreds "
    "of families to flee towards the airport road overnight."
)


def doc(doc_id: str, source: str, text: str, published: str | None, **kw: object) -> Article:
    return replace(article(doc_id, source, published=published), text=text, **kw)


def event(event_id: str, *claims: tuple[str, str, int | None], contradictions=()) -> Event:
    return Event(
        event_id=event_id, event_date="2025-03-11", date_start="2025-03-11",
        date_end="2025-03-11", time_precision=1, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        sources=tuple(sorted({s for _, s, _ in claims})), article_count=len(claims),
        claims=tuple(Claim(d, f"{d}.txt", s, "", "asserted", f, "2025-03-11", "")
                     for d, s, f in claims),
        contradictions=tuple(contradictions),
    )  # fmt: skip


def background() -> list[Article]:
    """Unrelated articles: IDF needs a corpus, since a word every document shares weighs zero
    (in a two-article corpus only shared events can link)."""
    return [doc(f"z{i}", "Other", t, "2025-03-11") for i, t in enumerate((MARCH, RIOT, GANG))]


def by_doc(stories: list) -> dict[str, str]:
    return {d: s.story_id for s in stories for d in s.doc_ids}


def test_two_outlets_on_one_strike_are_one_story() -> None:
    # Different wording, so only the shared event joins them.
    docs = [
        doc("a1", "Levant Daily", STRIKE, "2025-03-11", title="Bombers pound hideouts"),
        doc("b2", "Syria Monitor", "Twelve militants were killed, a monitor said.", "2025-03-12"),
    ]
    stories = group_stories(
        [event("ev-1", ("a1", "Levant Daily", 40), ("b2", "Syria Monitor", 12))], docs
    )
    assert len(stories) == 1
    story = stories[0]
    assert story.doc_ids == ("a1", "b2")
    assert story.sources == ("Levant Daily", "Syria Monitor")
    assert story.event_ids == ("ev-1",)
    assert (story.date_start, story.date_end) == ("2025-03-11", "2025-03-12")
    assert story.title == "Bombers pound hideouts"  # the earliest article's headline
    assert story.story_id.startswith("story-")


def test_similar_text_within_the_window_is_one_story() -> None:
    docs = [doc("a1", "Levant Daily", STRIKE, "2025-03-11"),
            doc("b2", "Wire", STRIKE_AGAIN, "2025-03-12")]  # fmt: skip
    stories = by_doc(group_stories([], docs + background()))
    assert stories["a1"] == stories["b2"]
    assert len(set(stories.values())) == 4  # the background stays apart


def test_same_town_a_year_later_is_another_story() -> None:
    docs = [doc("a1", "Levant Daily", STRIKE, "2025-03-11"),
            doc("b2", "Levant Daily", STRIKE_AGAIN, "2026-03-10")]  # fmt: skip
    stories = by_doc(group_stories([], docs + background()))
    assert stories["a1"] != stories["b2"]
    # A wider window would join them: the date, not the text, keeps them apart.
    wide = by_doc(group_stories([], docs + background(), StoryOptions(window_days=400)))
    assert wide["a1"] == wide["b2"]


def test_unrelated_article_is_its_own_story() -> None:
    docs = [doc("a1", "Levant Daily", STRIKE, "2025-03-11"),
            doc("b2", "Wire", STRIKE_AGAIN, "2025-03-11"),
            doc("c3", "Ledger", MARCH, "2025-03-11")]  # fmt: skip
    stories = group_stories([], docs + background()[1:])
    assert sorted(s.doc_ids for s in stories) == [("a1", "b2"), ("c3",), ("z1",), ("z2",)]


def test_a_roundup_does_not_chain_stories_together() -> None:
    # A daily roundup shares words with every story it sums up; average linkage keeps the
    # stories apart where single linkage would chain them all through the roundup.
    roundup = " ".join((STRIKE, MARCH, RIOT, GANG))
    docs = [doc("r0", "Digest", roundup, "2025-03-11"),
            doc("a1", "Levant Daily", STRIKE, "2025-03-11"),
            doc("c3", "Ledger", MARCH, "2025-03-11"),
            doc("d4", "Dispatch", RIOT, "2025-03-11")]  # fmt: skip
    stories = by_doc(group_stories([], docs))
    assert len({stories["a1"], stories["c3"], stories["d4"]}) == 3


def test_an_undated_article_can_still_join_by_text() -> None:
    docs = [doc("a1", "Levant Daily", STRIKE, "2025-03-11"), doc("b2", "Wire", STRIKE_AGAIN, None)]
    stories = by_doc(group_stories([], docs + background()))
    assert stories["a1"] == stories["b2"]


def test_every_article_is_in_exactly_one_story() -> None:
    docs = [
        doc(f"d{i}", "Wire", text, "2025-03-11") for i, text in enumerate((STRIKE, MARCH, RIOT))
    ]
    stories = group_stories([event("ev-x", ("d0", "Wire", 3), ("nowhere", "Ghost", 5))], docs)
    assert sorted(d for s in stories for d in s.doc_ids) == ["d0", "d1", "d2"]


CORPUS = [
    doc("a1", "Levant Daily", STRIKE, "2025-03-11", title="Bombers pound hideouts"),
    doc("b2", "Wire", STRIKE_AGAIN, "2025-03-12"),
    doc("c3", "Ledger", MARCH, "2025-03-11"),
    doc("d4", "Dispatch", RIOT, None),
    doc("e5", "Levant Daily", STRIKE, "2026-03-10"),
    doc("f6", "Monitor", "Twelve militants were killed, a monitor said.", "2025-03-12"),
]
EVENTS = [event("ev-1", ("a1", "Levant Daily", 40), ("f6", "Monitor", 12)),
          event("ev-2", ("d4", "Dispatch", None))]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(st.permutations(CORPUS), st.permutations(EVENTS))
def test_order_independent(docs: list[Article], events: list[Event]) -> None:
    assert group_stories(events, docs) == group_stories(EVENTS, CORPUS)


def test_corpus_grouping() -> None:
    stories = group_stories(EVENTS, CORPUS)
    assert sorted(s.doc_ids for s in stories) == [("a1", "b2", "f6"), ("c3",), ("d4",), ("e5",)]
    # Ordered by first date, then id; d4 has no publication date, so its event's date counts.
    assert [s.date_start for s in stories] == ["2025-03-11"] * 3 + ["2026-03-10"]
    assert [s.story_id for s in stories[:3]] == sorted(s.story_id for s in stories[:3])
    undated = group_stories([], [*CORPUS[:2], doc("u9", "Wire", GANG, None)])
    assert undated[-1].doc_ids == ("u9",) and undated[-1].date_start is None


def test_summary_counts_disputes_from_contradictions() -> None:
    fatalities = {"field": "fatalities", "values": [
        {"value": 40, "doc_id": "a1", "source": "Levant Daily"},
        {"value": 40, "doc_id": "b2", "source": "Wire"},
        {"value": 12, "doc_id": "f6", "source": "Monitor"},
    ]}  # fmt: skip
    ev = event("ev-1", ("a1", "Levant Daily", 40), ("b2", "Wire", 40), ("f6", "Monitor", 12),
               contradictions=[fatalities])  # fmt: skip
    (story,) = group_stories([ev], CORPUS[:2] + CORPUS[5:])
    assert [(d.field, d.sources, d.event_ids) for d in story.disputes] == [
        ("fatalities", ("Monitor",), ("ev-1",))
    ]
    assert story.summary == "3 outlets covered this; 1 disputes the casualty figure."


def test_dissenters_majority_and_ties() -> None:
    def values(*pairs: tuple[object, str]) -> dict:
        return {"field": "fatalities", "values": [{"value": v, "source": s} for v, s in pairs]}

    assert dissenters(values((3, "A"), (3, "B"), (5, "C"))) == {"C"}
    assert len(dissenters(values((3, "A"), (5, "B"), (12, "C")))) == 2  # no majority: all but one
    assert dissenters(values((3, "A"), (3, "B"))) == set()  # agreement is no dispute
    # One paper quoting two claimants, one of whom agrees with the others: not a dissenter.
    assert dissenters(values((40, "A"), (40, "B"), (25, "A"), (12, "C"))) == {"C"}
    # The conflict is only inside one outlet: that outlet carries it.
    assert dissenters(values((40, "A"), (25, "A"))) == {"A"}


def test_summary_sentence_plurals() -> None:
    from eventscope.resolve.stories import StoryDispute

    two = StoryDispute("fatalities", ("B", "C"), ("ev-1",))
    date = StoryDispute("date", ("C",), ("ev-1",))
    assert summary_sentence(3, [two, date]) == (
        "3 outlets covered this; 2 dispute the casualty figure; 1 disputes the date."
    )
    assert summary_sentence(1, []) == "1 outlet covered this."
    assert summary_sentence(1, [date]) == "1 outlet covered this; its sources disagree on the date."
    assert summary_sentence(2, [StoryDispute("weapons", ("B",), ())]).endswith(
        "1 disputes the weapons."
    )


def test_title_falls_back_to_first_sentence() -> None:
    lead = doc("a1", "Wire", "  Gunmen attacked a convoy.  More followed later.", "2025-01-01")
    assert story_title([lead]) == "Gunmen attacked a convoy."
    assert story_title([doc("a1", "Wire", "", None)]) == "Untitled story"
