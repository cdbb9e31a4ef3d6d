"""Extraction faults that linking round 5 reported and round 6 (session 11) fixed: an idiom
("hit the market") vetoing a sentence that names a weapon, the colon dateline of South Asian
papers ("MIRANSHAH: ..."), and a background event inside "<distance> after ..." dated to the
new event's day."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention

# --- idioms do not veto a sentence that names a weapon or an attack ---------------------------


def test_an_idiom_does_not_veto_a_sentence_with_a_weapon(
    only_mention: Callable[..., Mention],
) -> None:
    text = "Four people died when a drone hit the market of Kafranbel on Sunday, activists said."
    assert only_mention(text).sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        "The new phone hit the market on Sunday and sold out within hours.",
        "The two companies struck a deal on Sunday after months of talks.",
    ],
)
def test_an_idiom_without_a_weapon_still_vetoes(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert mentions_of(text) == []


# --- colon datelines ------------------------------------------------------------------------


def test_a_colon_dateline_names_the_place(only_mention: Callable[..., Mention]) -> None:
    text = (
        "MIRANSHAH: Five soldiers were killed when militants attacked a checkpoint, the ISPR said."
    )
    roles = {p.text: p.role for p in only_mention(text).places}
    assert roles.get("MIRANSHAH") == "event"


def test_a_press_label_with_a_colon_is_no_dateline(only_mention: Callable[..., Mention]) -> None:
    text = "BREAKING: Five soldiers were killed when militants attacked a checkpoint on Monday."
    assert "BREAKING" not in {p.text for p in only_mention(text).places}


# --- "<distance> after" an earlier event ----------------------------------------------------


def _by_trigger(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.trigger: m for m in mentions}


def test_a_massacre_a_year_before_is_background_and_the_new_attack_counts(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "A year after the massacre at the Gorom-Gorom cattle market that killed 35 people, "
        "gunmen attacked the town again on Sunday, killing six herders, residents said."
    )
    found = _by_trigger(mentions_of(text, "2025-05-12"))
    assert found["massacre"].modality == "historical"
    assert found["massacre"].date_start == "2024-05-11"
    assert found["attacked"].modality != "historical"
    assert found["attacked"].date_start == "2025-05-11"


def test_a_day_after_moves_the_earlier_event_back_one_day(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Hundreds of residents rallied in Sumy on Sunday to demand better air defences a day "
        "after a Russian drone killed nine bus passengers."
    )
    found = _by_trigger(mentions_of(text, "2025-04-14"))
    assert found["rallied"].date_start == "2025-04-13"
    assert found["killed"].date_start == found["killed"].date_end == "2025-04-12"


def test_a_date_inside_the_after_phrase_is_the_events_own(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Gunmen attacked the town on Sunday, killing six herders, after the army withdrew."
    found = _by_trigger(mentions_of(text, "2025-05-12"))
    assert found["attacked"].date_start == "2025-05-11"


def test_the_market_of_a_town_names_the_place(only_mention: Callable[..., Mention]) -> None:
    text = "Four people died when a drone hit the market of Kafranbel on Sunday, activists said."
    roles = {p.text: p.role for p in only_mention(text).places}
    assert roles.get("Kafranbel") == "event"


# --- "on the 14th" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Militants attacked a base in Mahas on the 14th, killing seven.",
            "2025-06-16",
            "2025-06-14",
        ),
        (
            "Militants attacked a base in Mahas on the 28th, killing seven.",
            "2025-07-03",
            "2025-06-28",
        ),
        ("Militants attacked a base on the 2nd.", "2025-07-03", "2025-07-02"),
    ],
)
def test_a_day_of_the_month_alone_is_the_nearest_past_one(
    text: str, published: str, day: str
) -> None:
    found = [(p.date_start, p.date_end) for p in find_date_phrases(text, published)]
    assert found == [(day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers of the 14th Brigade attacked a base.",  # a unit, no date
        "Rebels on the 14th floor fired at police.",
    ],
)
def test_an_ordinal_that_is_no_day_is_not_read(text: str) -> None:
    assert find_date_phrases(text, "2025-06-16") == []


# --- labour protests are protests -------------------------------------------------------------


def test_a_protest_over_wages_is_a_protest(only_mention: Callable[..., Mention]) -> None:
    text = "Hundreds of nurses protested in Nairobi on Tuesday, demanding unpaid wages."
    assert only_mention(text, "2025-06-25").sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hundreds of lawyers boycotted courts and marched in Islamabad on Thursday.", "Lawyers"),
        (
            "Thousands of farmers rallied in Islamabad on Thursday demanding higher prices.",
            "Farmers",
        ),
        ("Thousands of people marched in Islamabad on Thursday.", ""),
    ],
)
def test_a_protests_crowd_names_its_group(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    assert only_mention(text, "2025-05-09").assoc_actor_1 == group
