"""Dates and places that linking round 5 (session 11) found wrong: a strike "late on Saturday"
is a night, runs of days ("for five consecutive days", "a three-day offensive") are look-back
windows that make a report a campaign summary, a French communique's "the post of Tessit",
and a datelined lede that places its event "in this town"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.extract.run_dates import RUN_GUARDS, RUN_RULES
from eventscope.models import Mention


def windows(text: str, published: str) -> list[tuple[str | None, str | None, str]]:
    return [(p.date_start, p.date_end, p.kind) for p in find_date_phrases(text, published)]


# --- "late on Saturday" ----------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["late on Saturday", "late Saturday", "Late on Saturday"])
def test_late_on_a_day_runs_past_midnight(phrase: str) -> None:
    # Sunday 13 April 2025: the strike "late on Saturday" meets a report "early on Sunday".
    text = f"Russian missiles struck Zaporizhzhia {phrase}, killing two."
    assert windows(text, "2025-04-13") == [("2025-04-12", "2025-04-13", "weekday")]


@pytest.mark.parametrize("phrase", ["on Saturday", "late Saturday afternoon", "early on Saturday"])
def test_other_parts_of_a_day_stay_that_day(phrase: str) -> None:
    text = f"Russian missiles struck Zaporizhzhia {phrase}, killing two."
    assert windows(text, "2025-04-13") == [("2025-04-12", "2025-04-12", "weekday")]


# --- runs of days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("RSF fighters have attacked the base for five consecutive days.", "2025-11-10"),
        ("Russian forces have pounded Pokrovsk for three days in a row.", "2025-11-12"),
        ("Troops shelled the town over three straight days.", "2025-11-12"),
        ("The army concluded a three-day offensive around Douentza.", "2025-11-12"),
        ("The ten-day military operation in the valley killed 40 fighters.", "2025-11-05"),
    ],
)
def test_a_run_of_days_is_a_window_ending_at_publication(text: str, start: str) -> None:
    assert windows(text, "2025-11-14") == [(start, "2025-11-14", "window")]


@pytest.mark.parametrize(
    "text",
    [
        "Troops entered the town after a three-day operation.",  # what came before the event
        "The army concluded a two-day operation near the town.",  # too short for a campaign
        "The minister began a three-day visit to the region.",  # no operation
        "Russian forces shelled Kharkiv for a third consecutive day.",  # one day's report
    ],
)
def test_not_every_count_of_days_is_a_run(text: str) -> None:
    assert windows(text, "2025-11-14") == []


def test_every_run_match_contains_its_guard() -> None:
    text = (
        "They attacked for five consecutive days, for three days in a row and in a "
        "three-day offensive."
    )
    for (pattern, _), guards in zip(RUN_RULES, RUN_GUARDS, strict=True):
        matches = [m.group(0) for m in pattern.finditer(text)]
        assert matches
        assert all(any(g in m.casefold() for g in guards) for m in matches)


# --- places ----------------------------------------------------------------------------------


def test_a_military_post_of_a_town_names_the_place(only_mention: Callable[..., Mention]) -> None:
    sentence = (
        "Twelve soldiers of the Malian Armed Forces lost their lives in a complex attack "
        "perpetrated by armed terrorist groups against the post of Tessit on Thursday."
    )
    assert {p.text: p.role for p in only_mention(sentence).places}.get("Tessit") == "event"


def test_a_post_of_office_is_no_place(mentions_of: Callable[..., list[Mention]]) -> None:
    # No soldiers, forces or aircraft around: "the post of Governor" is an office.
    sentence = "Protesters marched in Kano on Tuesday against the post of Governor Ahmed."
    places = {p.text for m in mentions_of(sentence) for p in m.places}
    assert "Governor Ahmed" not in places and "Governor" not in places


def test_this_town_in_a_datelined_lede_is_the_dateline(
    only_mention: Callable[..., Mention],
) -> None:
    text = (
        "ARIHA, Syria (Levant Wire) - Five civilians were killed Tuesday when warplanes struck "
        "a crowded market in this town south of Idlib, rescuers said."
    )
    roles = {p.text: p.role for p in only_mention(text).places}
    assert roles.get("ARIHA") == "event"
    assert roles.get("Idlib") == "other"


def test_without_this_town_the_ledes_own_place_wins(only_mention: Callable[..., Mention]) -> None:
    text = "KYIV (Wire) - Russian missiles struck Lviv on Tuesday, killing three people."
    roles = {p.text: p.role for p in only_mention(text).places}
    assert roles.get("Lviv") == "event" and "KYIV" not in roles
