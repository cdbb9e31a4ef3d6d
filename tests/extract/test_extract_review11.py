"""Review fixes (session 11) of the round-5 extraction rules: "this town" in a datelined lede
names the dateline's town only when the event is placed there; "the post of" among soldiers
introduces no office; an operation after "a fierce" or "the army's" is what came before the
event; the run-of-days guard does not depend on the spacing of "in a row"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.extract.run_dates import RUN_GUARDS, RUN_RULES
from eventscope.models import Mention


def _roles(mention: Mention) -> dict[str, str]:
    return {p.text: p.role for p in mention.places}


# --- "this town" in a datelined lede ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "KYIV (Reuters) - Russian missiles struck Lviv on Tuesday, the first attack on this "
            "city since March, officials said.",
            "Lviv",
        ),
        (
            "GAO, Mali (AFP) - Jihadists attacked a convoy near Ansongo on Tuesday, a town 100 km "
            "south of this city.",
            "Ansongo",
        ),
        (  # "in this city", but the lede named its own event place first
            "KYIV (Reuters) - Russian missiles struck Lviv on Tuesday, as air raid sirens sounded "
            "in this city, officials said.",
            "Lviv",
        ),
    ],
)
def test_this_town_that_only_mentions_the_dateline_leaves_the_event_place(
    only_mention: Callable[..., Mention], text: str, place: str
) -> None:
    roles = _roles(only_mention(text))
    assert roles.get(place) == "event"
    assert all(role != "event" for name, role in roles.items() if name != place)


def test_an_event_placed_on_the_outskirts_of_this_city_is_the_dateline(
    only_mention: Callable[..., Mention],
) -> None:
    text = "PESHAWAR - Gunmen killed five policemen on the outskirts of this city, police said."
    assert _roles(only_mention(text)) == {"PESHAWAR": "event"}


# --- "the post of" among soldiers --------------------------------------------------------------


@pytest.mark.parametrize("office", ["Chief of Staff", "Defence Minister", "General Secretary"])
def test_a_post_of_office_among_soldiers_is_no_place(
    mentions_of: Callable[..., list[Mention]], office: str
) -> None:
    text = (
        "The army said soldiers killed ten militants on Tuesday, and Colonel Diarra took the "
        f"post of {office}."
    )
    places = {p.text for m in mentions_of(text) for p in m.places}
    assert not places & {office, *office.split()}


# --- what came before the event ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels stormed the town on Monday after a fierce three-day battle.",
        "Troops entered Ariha on Sunday following the army's three-day offensive.",
        "Troops entered Ariha on Sunday after Russia's brutal three-day bombardment.",
    ],
)
def test_an_operation_before_the_event_is_no_window(text: str) -> None:
    assert [p.kind for p in find_date_phrases(text, "2025-07-13")] == ["weekday"]


def test_a_lede_after_a_fierce_battle_is_dated_by_its_own_day(
    only_mention: Callable[..., Mention],
) -> None:
    # Published Wednesday 12 March 2025: "on Sunday" is the 9th, and no campaign window.
    text = "Syrian troops entered Ariha after a fierce three-day battle, the army said on Sunday."
    mention = only_mention(text)
    assert (mention.date_start, mention.date_end) == ("2025-03-09", "2025-03-09")


# --- the run-of-days guard ---------------------------------------------------------------------


@pytest.mark.parametrize("row", ["in a\nrow", "in  a row", "in a  row"])
def test_a_run_in_a_row_is_found_whatever_its_spacing(row: str) -> None:
    text = f"Russian forces have pounded Pokrovsk for three days {row}."
    found = [(p.date_start, p.date_end, p.kind) for p in find_date_phrases(text, "2025-11-14")]
    assert found == [("2025-11-12", "2025-11-14", "window")]


def test_every_run_match_contains_its_guard_whatever_the_spacing() -> None:
    text = (
        "They attacked for five\nconsecutive days, for three days in  a\nrow, for two days\n"
        "running and in a three-day\noffensive."
    )
    for (pattern, _), guards in zip(RUN_RULES, RUN_GUARDS, strict=True):
        matches = [m.group(0) for m in pattern.finditer(text)]
        assert matches
        assert all(any(g in m.casefold() for g in guards) for m in matches)
