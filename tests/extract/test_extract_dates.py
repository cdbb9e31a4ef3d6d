"""Date phrases and their resolution against the publication date (pure, no spaCy)."""

from __future__ import annotations

import pytest

from eventscope.extract.dates import (
    DatePhrase,
    choose_date,
    find_date_phrases,
    is_background,
    parse_published,
)

PUB = "2025-03-12"  # a Wednesday


def only(text: str, published: str | None = PUB) -> DatePhrase:
    phrases = find_date_phrases(text, published)
    assert len(phrases) == 1, phrases
    return phrases[0]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "precision"),
    [
        # absolute dates
        (
            "Jets struck on March 11, 2025, at dawn.",
            "March 11, 2025",
            "2025-03-11",
            "2025-03-11",
            1,
        ),
        ("Jets struck on 11 March 2024.", "11 March 2024", "2024-03-11", "2024-03-11", 1),
        ("Jets struck on March 11.", "March 11", "2025-03-11", "2025-03-11", 1),
        ("Jets struck on 9 March.", "9 March", "2025-03-09", "2025-03-09", 1),
        ("Jets struck on the 3rd of March.", "the 3rd of March", "2025-03-03", "2025-03-03", 1),
        ("Jets struck on Sept. 4.", "Sept. 4", "2024-09-04", "2024-09-04", 1),
        ("Jets struck on 2025-02-28.", "2025-02-28", "2025-02-28", "2025-02-28", 1),
        (
            "On Tuesday, March 11, 2025, jets struck.",
            "Tuesday, March 11, 2025",
            "2025-03-11",
            "2025-03-11",
            1,
        ),
        # a date without a year more than 30 days after publication is last year's
        ("Jets struck on December 30.", "December 30", "2024-12-30", "2024-12-30", 1),
        # ... but a near-future date stays in the publication year (announced events)
        ("Talks are due on March 20.", "March 20", "2025-03-20", "2025-03-20", 1),
        # weekdays: the most recent such day on or before publication
        ("Jets struck on Tuesday.", "on Tuesday", "2025-03-11", "2025-03-11", 1),
        ("Jets struck on Wednesday.", "on Wednesday", "2025-03-12", "2025-03-12", 1),
        ("Jets struck on Thursday.", "on Thursday", "2025-03-06", "2025-03-06", 1),
        ("Jets struck last Wednesday.", "last Wednesday", "2025-03-05", "2025-03-05", 1),
        (
            "Jets struck late on Sunday night.",
            "on Sunday night",
            "2025-03-09",
            "2025-03-10",
            1,
        ),  # a night runs past midnight
        ("Talks resume next Monday.", "next Monday", "2025-03-17", "2025-03-17", 1),
        # relative days
        ("Jets struck yesterday.", "yesterday", "2025-03-11", "2025-03-11", 1),
        ("Jets struck today.", "today", "2025-03-12", "2025-03-12", 1),
        ("Jets struck last night.", "last night", "2025-03-11", "2025-03-12", 1),
        ("Jets struck overnight.", "overnight", "2025-03-11", "2025-03-12", 1),
        ("Jets struck three days ago.", "three days ago", "2025-03-09", "2025-03-09", 1),
        # calendar weeks, months, years
        ("Jets struck last week.", "last week", "2025-03-03", "2025-03-09", 2),
        ("Jets struck earlier this week.", "earlier this week", "2025-03-10", "2025-03-12", 2),
        ("Jets struck two weeks ago.", "two weeks ago", "2025-02-24", "2025-03-02", 2),
        ("Jets struck last month.", "last month", "2025-02-01", "2025-02-28", 3),
        ("Jets struck last year.", "last year", "2024-01-01", "2024-12-31", 3),
        ("Jets struck in March 2024.", "March 2024", "2024-03-01", "2024-03-31", 3),
        ("Jets struck in January.", "in January", "2025-01-01", "2025-01-31", 3),
        ("Jets struck in 2014.", "in 2014", "2014-01-01", "2014-12-31", 3),
        ("Jets struck in the summer.", "in the summer", "2024-06-01", "2024-08-31", 3),
        (
            "Jets struck in the summer of 2016.",
            "in the summer of 2016",
            "2016-06-01",
            "2016-08-31",
            3,
        ),
        # look-back windows ending at publication
        (
            "Jets struck over a three-day period.",
            "over a three-day period",
            "2025-03-09",
            "2025-03-12",
            2,
        ),
        (
            "Jets struck over the last few days.",
            "over the last few days",
            "2025-03-05",
            "2025-03-12",
            2,
        ),
        ("Jets struck in recent days.", "in recent days", "2025-03-05", "2025-03-12", 2),
        (
            "Jets struck in the past three weeks.",
            "in the past three weeks",
            "2025-02-19",
            "2025-03-12",
            3,
        ),
    ],
)
def test_phrase_resolution(text: str, phrase: str, start: str, end: str, precision: int) -> None:
    found = only(text)
    assert found.text == phrase
    assert text[found.start : found.end] == phrase
    assert (found.date_start, found.date_end, found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck on March 11.",
        "Jets struck on Tuesday.",
        "Jets struck yesterday.",
        "Jets struck last week.",
        "Jets struck last month.",
        "Jets struck in the summer.",
        "Jets struck over a three-day period.",
    ],
)
def test_without_publication_date_nothing_is_guessed(text: str) -> None:
    found = only(text, published=None)
    assert found.date_start is None and found.date_end is None
    assert found.precision == 3
    assert not found.resolved


def test_explicit_year_resolves_without_publication_date() -> None:
    found = only("Jets struck on 11 March 2025.", published=None)
    assert (found.date_start, found.precision) == ("2025-03-11", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Troops may withdraw soon.",  # "may" the modal is not the month
        "The fall of Aleppo changed the war.",  # "fall" is not autumn here
        "He paid $2,025 for 12 rifles.",
        "Prices fall as spring sales begin.",
    ],
)
def test_non_dates_are_ignored(text: str) -> None:
    assert find_date_phrases(text, PUB) == []


def test_since_phrases_are_durations() -> None:
    found = only("The war has killed thousands since 2011.")
    assert found.kind == "since"


def test_longest_phrase_wins_overlaps() -> None:
    phrases = find_date_phrases("Late on Tuesday, March 11, 2025, and on 2 March.", PUB)
    assert [p.text for p in phrases] == ["Tuesday, March 11, 2025", "2 March"]


def test_parse_published_accepts_datetimes_and_rejects_garbage() -> None:
    assert str(parse_published("2025-03-12T08:30:00Z")) == "2025-03-12"
    assert parse_published("not a date") is None
    assert parse_published(None) is None


class TestChooseDate:
    TEXT = (
        "On Monday the army said it was ready. Jets struck the town, killing five.\n"
        "New paragraph: more strikes followed."
    )

    def phrases(self) -> list[DatePhrase]:
        return find_date_phrases(self.TEXT, PUB)

    def test_phrase_in_the_sentence_wins(self) -> None:
        text = "On Monday jets struck Idlib, and on Tuesday they struck Saraqib."
        phrases = find_date_phrases(text, PUB)
        second = text.index("struck Saraqib")
        chosen = choose_date(phrases, (0, len(text)), second, 0)
        assert chosen is not None and chosen.text == "on Tuesday"

    def test_falls_back_to_preceding_phrase_in_paragraph(self) -> None:
        sentence_start = self.TEXT.index("Jets")
        sentence = (sentence_start, self.TEXT.index("five.") + 5)
        chosen = choose_date(self.phrases(), sentence, sentence_start + 5, 0)
        assert chosen is not None and chosen.date_start == "2025-03-10"

    def test_never_crosses_a_paragraph(self) -> None:
        paragraph_start = self.TEXT.index("New paragraph")
        sentence = (paragraph_start, len(self.TEXT))
        assert choose_date(self.phrases(), sentence, paragraph_start + 20, paragraph_start) is None

    def test_statement_date_is_not_inherited(self) -> None:
        """The next sentence's shelling did not happen on the day the governor spoke."""
        text = (
            "Shelling over the past three days killed 18, the governor said on Friday. "
            "Rockets hit a tram depot."
        )
        phrases = find_date_phrases(text, PUB)
        assert [(p.text, p.reporting) for p in phrases] == [
            ("over the past three days", False),
            ("on Friday", True),
        ]
        second = text.index("Rockets")
        chosen = choose_date(phrases, (second, len(text)), second + 8, 0)
        assert chosen is not None and chosen.text == "over the past three days"

    def test_event_date_before_statement_date_in_one_sentence(self) -> None:
        text = "The army said on Tuesday that jets struck Idlib, which it had shelled on Sunday."
        phrases = find_date_phrases(text, PUB)
        chosen = choose_date(phrases, (0, len(text)), text.index("struck"), 0)
        assert chosen is not None and chosen.text == "on Sunday"

    def test_statement_date_dates_a_sentence_without_another(self) -> None:
        text = "Jets struck Idlib, killing five, the ministry said in a statement on Tuesday."
        chosen = choose_date(find_date_phrases(text, PUB), (0, len(text)), 5, 0)
        assert chosen is not None and chosen.reporting and chosen.date_start == "2025-03-11"

    @pytest.mark.parametrize(
        ("text", "reporting"),
        [
            ("the governor said on Friday", True),
            ("officials told reporters on Friday", True),
            ("the ministry said late on Friday", True),
            ("in a statement on Friday", True),
            ("jets struck the town on Friday", False),
            ("He added that on Friday", False),
        ],
    )
    def test_reporting_dates(self, text: str, reporting: bool) -> None:
        assert only(text).reporting is reporting

    def test_since_phrase_is_not_chosen(self) -> None:
        text = "Strikes have continued since 2011."
        assert choose_date(find_date_phrases(text, PUB), (0, len(text)), 0, 0) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("in 2014", PUB, True),
        ("last year", None, True),  # lexical: needs no publication date
        ("in the summer", "2016-11-20", True),
        ("last month", PUB, False),  # recent enough to be news
        ("on Tuesday", PUB, False),
        ("in 2014", None, False),  # cannot tell how old without a publication date
    ],
)
def test_is_background(text: str, published: str | None, expected: bool) -> None:
    assert is_background(only(text, published), published) is expected
