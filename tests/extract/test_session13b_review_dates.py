"""Session 13 review of the round 9 and round 10 date rules (docs/extraction.md, "Review
fixes" of "Session 13 (2026-11-23): round 10 date fixes"). Each test failed before its fix.

* "the previous day" is the day before the nearest earlier day of its sentence (a statement's
  date included), day-precise; with none, the two-day window before publication at week
  precision.
* An undated sentence's time anchors a "<distance> after" event only when its own clause is
  told as now, and the "after" clause's verb is past; an approximate distance is week-precise.
* "over the weekend" is the coming weekend under a future or a plan, and leaves a weekend
  named by a following date to that date.
* A possessive date that owns a statement ("told Friday's briefing") still dates the statement.
* The article's phrases carry their anchor as a typed attribute.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.after_dates import after_offset
from eventscope.extract.context import ArticleFacts
from eventscope.extract.dates import DatePhrases, find_date_phrases
from eventscope.models import Mention

MentionsOf = Callable[..., list[Mention]]
OnlyMention = Callable[..., Mention]


def _dated(found: list[Mention], trigger: str) -> tuple[str | None, str | None, int]:
    [m] = [m for m in found if m.trigger == trigger]
    return m.date_start, m.date_end, m.time_precision


# --- 1. "the previous day" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # An event day earlier in the sentence: Monday the 13th, so Sunday the 12th.
        (
            "On Monday, soldiers found 12 bodies in Gwoza; the victims had been killed by "
            "gunmen the previous day.",
            "2026-07-16",
            "2026-07-12",
        ),
        # A statement's day: said on Thursday (the 16th), so Wednesday the 15th.
        (
            "Medics said on Thursday that 12 people were killed in an attack on the market in "
            "Gwoza the previous day.",
            "2026-07-17",
            "2026-07-15",
        ),
    ],
)
def test_the_previous_day_is_the_day_before_an_earlier_date(
    text: str, published: str, day: str
) -> None:
    previous = [p for p in find_date_phrases(text, published) if "previous" in p.text]
    assert [(p.date_start, p.date_end, p.precision) for p in previous] == [(day, day, 1)]


def test_the_previous_day_with_no_earlier_date_is_a_week_precise_window() -> None:
    # Another sentence's date is not this one's: the fallback stays the two days before
    # publication, which one day-precise date cannot claim.
    text = "Gunmen attacked Gwoza on Monday. Police said more were killed the previous day."
    [_, previous] = find_date_phrases(text, "2026-07-16")
    assert (previous.date_start, previous.date_end, previous.precision) == (
        "2026-07-15",
        "2026-07-16",
        2,
    )


def test_an_event_the_previous_day_takes_the_day_before_the_sentence_date(
    mentions_of: MentionsOf,
) -> None:
    found = mentions_of(
        "On Monday, soldiers found 12 bodies in Gwoza; the victims had been killed by gunmen "
        "the previous day.",
        "2026-07-16",
    )
    assert _dated(found, "killed") == ("2026-07-12", "2026-07-12", 1)


# --- 2. the "after" anchor ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A past told without its day: the sentence's own day is unknown.
        (
            "Two days after the army killed 12 militants in Gwoza, residents fled the town.",
            "killed",
        ),
        (
            "More than a week after gunmen killed 12 villagers in Gwoza, residents fled the town.",
            "killed",
        ),
        # A future clause, and a present verb inside "after": a plan, not an event two days ago.
        (
            "Rebels threatened to kill the hostages two days after the army attacks their camp.",
            "attacks",
        ),
        ("Residents will flee the town two days after gunmen killed 12 villagers.", "killed"),
    ],
)
def test_the_anchor_needs_a_clause_told_as_now(
    mentions_of: MentionsOf, text: str, trigger: str
) -> None:
    assert _dated(mentions_of(text, "2026-07-15"), trigger) == (None, None, 3)


@pytest.mark.parametrize(
    ("distance", "day"),
    [("about two days", "2026-07-13"), ("less than two weeks", "2026-07-01")],
)
def test_an_approximate_distance_is_week_precise(
    mentions_of: MentionsOf, distance: str, day: str
) -> None:
    text = (
        f"Residents were still burying their dead {distance} after an air strike on the "
        "market killed 17 people."
    )
    assert _dated(mentions_of(text, "2026-07-15"), "air strike") == (day, day, 2)


def test_more_than_reads_the_same_from_the_words_and_from_the_parse(nlp: Language) -> None:
    # "less than two weeks after" was no distance at all (the "than" before the count read as
    # a preposition), while "more than a week after" was an exact week.
    for text in (
        "Residents were still burying their dead less than two weeks after gunmen killed 17.",
        "More than a week after gunmen killed 12 villagers in Gwoza, residents fled the town.",
    ):
        doc = nlp(text)
        found = after_offset(next(t for t in doc if t.lower_ == "killed"))
        assert found is not None and found.approximate, text


def test_a_present_perfect_clause_is_told_now(mentions_of: MentionsOf) -> None:
    # A guard of the fix's reach (it passed before): a clause told as now keeps the anchor.
    text = "Residents have fled the town two days after gunmen killed 12 villagers."
    assert _dated(mentions_of(text, "2026-07-15"), "killed") == ("2026-07-13", "2026-07-13", 1)


# --- 3. "over the weekend" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Protesters plan to march over the weekend.",
        "Gunmen will attack the town over the weekend, the army warned on Thursday.",
        "Militants are expected to attack the base over the weekend.",
    ],
)
def test_a_weekend_ahead_under_a_future_or_a_plan(text: str) -> None:
    [weekend] = [p for p in find_date_phrases(text, "2026-07-16") if "weekend" in p.text]
    assert (weekend.date_start, weekend.date_end, weekend.precision) == (
        "2026-07-18",
        "2026-07-19",
        2,
    )


def test_a_future_in_another_clause_leaves_the_weekend_past() -> None:
    # A guard of the fix's reach (it passed before): the cue must govern the phrase's clause.
    text = "Officials who will meet on Monday said gunmen attacked the village over the weekend."
    [weekend] = [p for p in find_date_phrases(text, "2026-07-16") if "weekend" in p.text]
    assert (weekend.date_start, weekend.date_end) == ("2026-07-11", "2026-07-12")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the village on the weekend, July 4-5, residents said.",
        "Gunmen attacked the village over the weekend, 4 July, residents said.",
    ],
)
def test_a_weekend_named_by_a_following_date_is_left_to_it(text: str) -> None:
    found = find_date_phrases(text, "2026-07-16")
    assert [p.text for p in found if "weekend" in p.text] == []
    assert [p.date_start for p in found] == ["2026-07-04"]


# --- 4. a possessive date that owns a statement -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman told Friday's briefing that troops killed 20 militants in Gwoza this week.",
        "The army said Friday's statement confirmed that troops killed 20 militants.",
        "The minister told Monday's news conference that troops killed 20 militants.",
    ],
)
def test_a_date_owning_a_statement_still_dates_the_statement(text: str) -> None:
    [owner] = [p for p in find_date_phrases(text, "2026-07-15") if p.kind == "weekday"]
    assert owner.reporting


# --- 5. the anchor is typed ----------------------------------------------------------------------


def test_article_facts_keep_the_phrases_anchor() -> None:
    facts = ArticleFacts.__dataclass_fields__["dates"]
    assert facts.type in (DatePhrases, "DatePhrases")
    phrases = find_date_phrases("Gunmen attacked the town.", "2026-07-15")
    assert isinstance(phrases, DatePhrases) and str(phrases.anchor) == "2026-07-15"
