"""Faults a review found in today's extraction rules: protest causes (extract/causes.py),
place shapes and capitals (extract/place_shapes.py) and datelines."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def protest_types(mentions: list[Mention]) -> set[str]:
    return {m.sub_event_type for m in mentions if m.event_type == "Protests"}


def places(mentions: list[Mention]) -> list[tuple[str, str]]:
    return sorted({(p.text, p.role) for m in mentions for p in m.places})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another verb's clause tells its own event, not the protest's cause
        (
            "Demonstrators fled after police fired tear gas at the rally in Nairobi on Monday.",
            "Protest with intervention",
        ),
        (
            "Protesters were hospitalized after police fired tear gas in Kampala on Monday.",
            "Protest with intervention",
        ),
        # a relative clause of place inside a dropped phrase says what happened there
        (
            "Protesters gathered for a rally in Dakar on Monday, where police fired tear gas.",
            "Protest with intervention",
        ),
        # a protest verb's clause is the cause
        (
            "Protesters took to the streets of Bamako after soldiers shot dead two men on Sunday.",
            "Peaceful protest",
        ),
    ],
)
def test_protest_causes_and_scenes(mentions_of: Mentions, text: str, expected: str) -> None:
    assert protest_types(mentions_of(text)) == {expected}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Israeli strikes hit Gaza City on Monday, killing 12.", "Gaza City"),
        (
            "Gunmen attacked a church in Benin City, Edo State, on Sunday, killing two.",
            "Benin City",
        ),
    ],
)
def test_a_city_named_with_city_is_the_event_place(
    mentions_of: Mentions, text: str, place: str
) -> None:
    assert (place, "event") in places(mentions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Villages were shelled overnight, the governor said.",
        "The city lacks the capital to rebuild after rebels attacked it on Monday.",
        "UPDATE - Gunmen killed five people on Monday.",
        "UN - Gunmen killed five people on Monday.",
    ],
)
def test_common_words_are_no_places(mentions_of: Mentions, text: str) -> None:
    assert places(mentions_of(text)) == []


def test_an_appositive_capital_leaves_the_named_town(mentions_of: Mentions) -> None:
    found = places(mentions_of("Rebels attacked Goma, the capital, on Monday, killing five."))
    assert found == [("Goma", "event")]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        (
            "Drones attacked Dnipro on the night of 3-4 May.",
            "night of 3-4 May",
            "2025-05-03",
            "2025-05-04",
        ),
        (
            "Night of 3 to 4 May: drones attacked Dnipro.",
            "Night of 3 to 4 May",
            "2025-05-03",
            "2025-05-04",
        ),
        (
            "Drones attacked Dnipro on the night of May 3 to 4.",
            "night of May 3 to 4",
            "2025-05-03",
            "2025-05-04",
        ),
    ],
)
def test_night_ranges_in_their_usual_forms(text: str, phrase: str, start: str, end: str) -> None:
    [found] = find_date_phrases(text, "2025-05-05")
    assert (found.text, found.date_start, found.date_end) == (phrase, start, end)


@pytest.mark.parametrize("said", ["November 14, last year", "November 14 of last year"])
def test_last_year_after_a_month_first_date(said: str) -> None:
    [found] = find_date_phrases(f"The strike on {said} killed five.", "2026-12-01")
    assert (found.text, found.date_start) == (said, "2025-11-14")
