"""Session 13 (round 10 held-out linking check): three date mechanisms.

* "over the weekend" (no this/last cue) is the latest Saturday-Sunday on or before the
  reference date, week precision, never the date of the statement that reports it.
* A date with a possessive ("has claimed last Friday's attack") names the event it owns: a
  speech verb before it does not make it a statement's date.
* "<count> <unit> after" dates the event inside the "after" phrase that long before the
  sentence's time anchor, also when the parser hangs the distance elsewhere, and also when the
  sentence has no date of its own (then the anchor is the publication date).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.after_dates import after_offset
from eventscope.extract.date_relative import WEEKEND_GUARDS, WEEKEND_RULES
from eventscope.extract.dates import ANCHOR, DatePhrase, choose_date, find_date_phrases
from eventscope.models import Mention

# --- "over the weekend" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "start", "end"),
    [
        ("2026-07-13", "2026-07-11", "2026-07-12"),  # a Monday piece: the two days before
        ("2026-07-15", "2026-07-11", "2026-07-12"),  # a Wednesday piece: the same weekend
        ("2026-07-12", "2026-07-11", "2026-07-12"),  # a Sunday piece: ends that day
        ("2026-07-11", "2026-07-11", "2026-07-11"),  # a Saturday piece: clipped like "this week"
    ],
)
def test_over_the_weekend_is_the_latest_weekend_at_week_precision(
    published: str, start: str, end: str
) -> None:
    [found] = find_date_phrases("Warplanes bombed a market over the weekend.", published)
    assert (found.text, found.date_start, found.date_end) == ("over the weekend", start, end)
    assert found.precision == 2
    assert not found.reporting


@pytest.mark.parametrize("lead", ["during", "at", "on", "across", "throughout"])
def test_other_prepositions_read_the_weekend_too(lead: str) -> None:
    [found] = find_date_phrases(f"Gunmen raided the village {lead} the weekend.", "2026-07-14")
    assert (found.date_start, found.date_end) == ("2026-07-11", "2026-07-12")


def test_a_weekend_named_by_other_words_is_left_to_them() -> None:
    text = (
        "Fighting flared over the weekend, weeks after the talks held over the weekend of "
        "4 July and the raids during the weekend before the vote."
    )
    weekends = [p.text for p in find_date_phrases(text, "2026-07-27") if "weekend" in p.text]
    assert weekends == ["over the weekend"]


def test_the_weekend_rule_has_sound_guards() -> None:
    assert len(WEEKEND_RULES) == len(WEEKEND_GUARDS)
    text = "THE ARMY STRUCK OVER THE WEEKEND."
    for (pattern, _), guards in zip(WEEKEND_RULES, WEEKEND_GUARDS, strict=True):
        assert pattern.search(text)
        assert any(g in text.casefold() for g in guards)
    guarded = find_date_phrases(text, "2026-07-13")
    assert [p.text for p in guarded] == ["OVER THE WEEKEND"]
    assert guarded == find_date_phrases(text, "2026-07-13", guarded=False)


def test_a_weekend_event_reported_on_monday_is_dated_the_weekend(
    only_mention: Callable[..., Mention],
) -> None:
    text = (
        "At least 19 civilians were killed when government warplanes bombed a market in "
        "Malakal over the weekend, local officials said on Monday."
    )
    found = only_mention(text, "2026-07-13")
    assert (found.date_start, found.date_end, found.time_precision) == (
        "2026-07-11",
        "2026-07-12",
        2,
    )


# --- a date with a possessive names its event ---------------------------------------------------


def test_a_possessive_date_after_a_speech_verb_is_not_a_statement_date() -> None:
    text = (
        "The group has claimed last Friday's suicide attack, and the police said Friday’s "
        "blast killed nine, the ministry said on Saturday."
    )
    found = [(p.text, p.reporting) for p in find_date_phrases(text, "2026-01-19")]
    assert found == [("last Friday", False), ("Friday", False), ("on Saturday", True)]


def test_a_claimed_attack_takes_its_possessive_date(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Islamic State has claimed last Friday's suicide attack on a Shia mosque in Kunduz, "
        "the third attack on the community this year."
    )
    [attack] = [m for m in mentions_of(text, "2026-01-19") if m.trigger == "suicide attack"]
    assert (attack.date_start, attack.date_end, attack.time_precision) == (
        "2026-01-16",
        "2026-01-16",
        1,
    )


# --- "<distance> after" ------------------------------------------------------------------------


def test_the_distance_before_after_is_read_when_the_parse_hides_it(nlp: Language) -> None:
    doc = nlp(
        "Residents were still burying their dead two days after an air strike on the market "
        "killed at least 17 people."
    )
    strike = next(t for t in doc if t.lower_ == "strike")
    found = after_offset(strike)
    assert found is not None and found.days == 2
    assert doc.text[found.start : found.after.idx] == "two days "
    # A length, not a distance: "for two days after ..." dates nothing.
    shut = nlp("The town stayed shut for two days after gunmen attacked the police station.")
    assert after_offset(next(t for t in shut if t.lower_ == "attacked")) is None


def test_an_undated_sentence_dates_the_earlier_event_from_publication(
    only_mention: Callable[..., Mention],
) -> None:
    text = (
        "Residents of the town were still burying their dead two days after a military air "
        "strike on the central market killed at least 17 people, rescue groups said."
    )
    found = only_mention(text, "2026-03-27")
    assert (found.date_start, found.date_end, found.time_precision) == (
        "2026-03-25",
        "2026-03-25",
        1,
    )
    [evidence] = [e for e in found.evidence if e.field == "date"]
    assert text[evidence.start : evidence.end] == evidence.text == "two days after"


def test_the_anchor_is_taken_only_when_nothing_else_dates_the_trigger() -> None:
    anchor = DatePhrase(60, 74, "two days after", "2026-03-27", "2026-03-27", 1, ANCHOR)
    earlier = DatePhrase(3, 12, "on Monday", "2026-03-23", "2026-03-23", 1, "weekday")
    assert choose_date([anchor], (40, 120), 80, 40) == anchor
    assert choose_date([earlier, anchor], (40, 120), 80, 0) == earlier  # the paragraph's date
    inside = DatePhrase(90, 99, "on Sunday", "2026-03-22", "2026-03-22", 1, "weekday")
    assert choose_date([anchor, inside], (40, 120), 80, 40) == inside
