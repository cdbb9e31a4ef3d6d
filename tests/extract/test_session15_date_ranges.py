"""Session 15: two dates that bound a span are one window (extract/date_ranges.py). Before
this, "between 1 and 3 March" dated its event on the 3rd and "between March 4 and March 6" on
the 4th: a single day of a multi-day event. The sentences are made up for the purpose."""

from __future__ import annotations

import pytest

from eventscope.extract.dates import find_date_phrases

PUBLISHED = "2026-03-10"  # a Tuesday


def _windows(text: str) -> list[tuple[str | None, str | None, int]]:
    return [(p.date_start, p.date_end, p.precision) for p in find_date_phrases(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Fighting raged between 1 and 3 March.", ("2026-03-01", "2026-03-03", 2)),
        ("Fighting raged between March 4 and March 6.", ("2026-03-04", "2026-03-06", 2)),
        ("Fighting raged between 4 March and 6 March.", ("2026-03-04", "2026-03-06", 2)),
        ("Fighting raged from 4 March to 6 March.", ("2026-03-04", "2026-03-06", 2)),
        ("Fighting raged from March 4 until March 6.", ("2026-03-04", "2026-03-06", 2)),
        ("Fighting raged from Friday to Sunday.", ("2026-03-06", "2026-03-08", 2)),
        ("Fighting raged between 1 and 20 February.", ("2026-02-01", "2026-02-20", 3)),
    ],
)
def test_a_range_is_one_window(text: str, window: tuple[str, str, int]) -> None:
    assert _windows(text) == [window]


@pytest.mark.parametrize(
    "text",
    [
        "Strikes hit the town on 2 and 6 March.",  # two days, no opener: two events' days
        "Strikes hit the town on March 2 and March 6.",
        "The toll rose from 5 on Monday to 12 on Tuesday.",  # words between the two dates
        "Strikes hit the town between 1 January and 6 March.",  # longer than a month
        "Strikes hit the town between March 6 and March 4.",  # not ascending
    ],
)
def test_two_dates_that_bound_nothing_stay_days(text: str) -> None:
    found = _windows(text)
    assert found and all(start == end for start, end, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The protest, postponed from Friday to Sunday, turned violent.",
        "The rally was moved from 4 March to 8 March and police fired tear gas.",
    ],
)
def test_a_change_from_one_date_to_another_is_no_span(text: str) -> None:
    # review of session 15: a before and an after, not the days between
    found = _windows(text)
    assert found and all(start == end for start, end, _ in found), found


def test_a_count_that_rose_is_no_range_of_days() -> None:
    assert _windows("The toll rose from 5 to 12 March.") == [("2026-03-12", "2026-03-12", 1)]
