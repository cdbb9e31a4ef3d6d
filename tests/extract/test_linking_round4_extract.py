"""Dates and places that kept reports of one event apart (linking check, round 4): a group
named by a date ("the March 23 Movement"), digit-only dates ("03.05.2025", "on 5/3"), a place
after a part word ("struck central Kramatorsk") and after a facility noun ("the port
infrastructure of Odesa")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.extract.numeric_dates import NUMERIC_GUARDS, NUMERIC_RULES
from eventscope.models import Mention


def days(text: str, published: str) -> list[str | None]:
    return [p.date_start for p in find_date_phrases(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the March 23 Movement clashed with Congolese troops near Sake on Tuesday.",
        "Members of the April 6 Youth Movement marched in Cairo on Tuesday.",
        "Supporters of the 14 March Alliance rallied in Beirut on Tuesday.",
    ],
)
def test_a_group_named_by_a_date_is_no_date(text: str) -> None:
    assert days(text, "2025-03-19") == ["2025-03-18"]  # only "on Tuesday"


def test_a_date_before_a_capitalised_word_is_still_a_date() -> None:
    # The lookahead names group nouns only: "March 17 Russian troops" stays a date.
    assert days("On March 17 Russian troops shelled Sumy.", "2025-03-19") == ["2025-03-17"]


def test_a_dotted_date_is_day_month_year() -> None:
    text = "On 03.05.2025 Russian drones attacked Odesa."
    assert days(text, "2025-05-04") == ["2025-05-03"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-05-05", ["2025-05-03"]),  # 3 May (US order); 5 March is two months back
        ("2025-03-06", ["2025-03-05"]),  # 5 March; 3 May would lie in the future
        ("2025-05-04", ["2025-05-03"]),
    ],
)
def test_a_slash_date_takes_the_one_reading_in_the_month_before(
    published: str, expected: list[str]
) -> None:
    assert days("Rockets hit Kramatorsk on 5/3, killing three.", published) == expected


def test_an_ambiguous_slash_date_stays_unread() -> None:
    # 2 March and 3 February both lie in the month before 3 March 2025
    assert days("Rockets hit Kramatorsk on 2/3, killing three.", "2025-03-03") == []


def test_a_fraction_is_no_date() -> None:
    assert days("Shelling damaged 3/4 of the houses in the village.", "2025-05-05") == []


def test_every_numeric_match_contains_its_guard() -> None:
    text = "On 03.05.2025 and on 5/3 and on 12/28/2024 the city was shelled."
    for (pattern, _), guards in zip(NUMERIC_RULES, NUMERIC_GUARDS, strict=True):
        matches = [m.group(0) for m in pattern.finditer(text)]
        assert matches
        assert all(any(g in m.casefold() for g in guards) for m in matches)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Russian rockets struck central Kramatorsk on Tuesday, killing three.", "Kramatorsk"),
        ("Russian drones attacked the port infrastructure of Odesa on Saturday.", "Odesa"),
        ("Missiles hit the energy facilities of Kharkiv on Monday, killing two.", "Kharkiv"),
    ],
)
def test_the_event_place_is_found(
    only_mention: Callable[..., Mention], sentence: str, place: str
) -> None:
    assert {p.text: p.role for p in only_mention(sentence).places}.get(place) == "event"
