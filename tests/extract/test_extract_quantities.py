"""Casualty counts and number words (pure, no spaCy)."""

from __future__ import annotations

import pytest

from eventscope.extract.numbers import parse_number
from eventscope.extract.quantities import combine, find_counts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25", 25),
        ("1,200", 1200),
        ("nine", 9),
        ("twelve", 12),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("one hundred and twelve", 112),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three thousand", 3000),
        ("several", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "low", "best", "high"),
    [
        ("Russian jets killed 25 people in Idlib.", 25, 25, 25),
        ("Six U.S. service members were killed near Bagram.", 6, 6, 6),
        ("A suicide bomber killed six U.S. service members.", 6, 6, 6),
        ("Gunmen stormed the house, killing the three inside.", 3, 3, 3),
        ("The blast killed all 12 passengers of the bus.", 12, 12, 12),
        ("At least 40 militants were killed near Palmyra.", 40, 40, None),
        ("The strike killed at least 12 civilians, including three children.", 12, 12, None),
        ("At least 12 civilians, including three children, were killed.", 12, 12, None),
        ("Dozens of people were killed.", 24, 24, None),
        ("Up to 20 people may have died.", None, None, 20),
        ("As many as 30 people were feared dead.", None, None, 30),
        ("About 30 people died in the fighting.", None, 30, None),
        ("Between 10 and 15 people were killed.", 10, 10, 15),
        ("Nine soldiers were killed on the front.", 9, 9, 9),
        ("The blast killed twelve worshippers.", 12, 12, 12),
        ("The attack killed 12 civilians and five soldiers.", 17, 17, 17),
        ("12 civilians and 5 soldiers were killed.", 17, 17, 17),
        ("A civilian was killed by a stray shell.", 1, 1, 1),
        ("The death toll rose to 15 on Wednesday.", 15, 15, 15),
        ("The bombing left 10 people dead.", 10, 10, 10),
        ("More than 100 were killed.", 100, 100, None),
        ("Officials said 1,200 people have been killed so far.", 1200, 1200, 1200),
        # A day of the month before the verb is a date, not a count.
        ("An air strike on March 11 killed 25 people.", 25, 25, 25),
        ("Shelling on Sept. 14 killed four soldiers.", 4, 4, 4),
    ],
)
def test_fatalities(sentence: str, low: int | None, best: int | None, high: int | None) -> None:
    assert combine(find_counts(sentence), "fatalities") == (low, best, high)


@pytest.mark.parametrize(
    ("sentence", "injuries"),
    [
        ("The attack killed three and wounded 30.", 30),
        ("Nine soldiers were killed and twelve wounded.", 12),
        ("The blast left 30 injured.", 30),
        ("killing 12 people and injuring 30 others", 30),
    ],
)
def test_injuries_are_separate(sentence: str, injuries: int) -> None:
    counts = find_counts(sentence)
    assert combine(counts, "injuries")[1] == injuries
    assert combine(counts, "fatalities")[1] != injuries


@pytest.mark.parametrize(
    "sentence",
    [
        "The $5 million dam, built in 2014, was hit.",
        "In 2014 the group said it had killed nobody.",
        "The 2019 attack was remembered on Monday.",
        "The convoy travelled 30 km before it was hit.",
        "Inflation rose 12 percent last year.",
        "A 5-year-old girl was treated in hospital.",
        "He spent 20 years in prison.",
    ],
)
def test_money_years_units_and_ages_are_not_counts(sentence: str) -> None:
    assert combine(find_counts(sentence), "fatalities") == (None, None, None)


def test_year_before_a_count_is_skipped_but_the_count_kept() -> None:
    assert combine(find_counts("In 2014 militants killed 300 villagers."), "fatalities") == (
        300,
        300,
        300,
    )


def test_counts_after_including_are_a_subset() -> None:
    counts = find_counts("Strikes killed 20 people, including four children who were killed.")
    assert [c.best for c in counts if c.kind == "fatalities"] == [20]


def test_offsets_point_into_the_original_text() -> None:
    text = "Intro sentence. Shelling killed at least seven civilians in Kharkiv."
    start = text.index("Shelling")
    counts = find_counts(text[start:], offset=start)
    assert counts, "expected a count"
    for count in counts:
        assert text[count.start : count.end] == count.text
        assert "seven" in text[count.qty_start : count.qty_end]


def test_another_counts_as_injuries() -> None:
    counts = find_counts("Gunmen killed two guards, wounding another 15.")
    assert [(c.kind, c.best) for c in counts] == [("fatalities", 2), ("injuries", 15)]
