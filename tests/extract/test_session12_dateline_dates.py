"""Session 12 (linking round 9): a wire dateline's date is the filing date. "GUSAU, July 4 -
Bandits abducted 30 people on Friday" happened on Friday; the dateline's date dates the event
only when the sentence has no date of its own, a lede the parser splits from its dateline
inherits it, and relative dates are read against it (third review, session 12)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention

PUBLISHED = "2026-07-04"  # a Saturday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("GUSAU, July 4 - Armed bandits abducted 30 people near Gusau on Friday.", "2026-07-03"),
        ("GUSAU, July 4 (Reuters) - Bandits abducted 30 people yesterday.", "2026-07-03"),
        ("MAIDUGURI, Nigeria, July 4 - Gunmen killed five farmers on Thursday.", "2026-07-02"),
    ],
)
def test_the_sentence_date_beats_the_dateline(
    only_mention: Callable[..., Mention], text: str, day: str
) -> None:
    assert only_mention(text, PUBLISHED).date_start == day


@pytest.mark.parametrize(
    "text",
    [
        "GUSAU, July 4 (AFP) - Gunmen killed five farmers near Gusau.",
        # the parser makes the dateline a sentence of its own before a capitalised "A"/"The"
        "KHERSON, Ukraine, July 4 (Reuters) - A Russian drone strike killed three people.",
        "KHARTOUM, July 4 (Reuters) - The RSF shelled a market in Omdurman, killing 20.",
    ],
)
def test_a_dateline_alone_still_dates_its_lede(
    only_mention: Callable[..., Mention], text: str
) -> None:
    assert only_mention(text, PUBLISHED).date_start == "2026-07-04"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("GUSAU, July 4 - Bandits abducted 30 people in Zamfara on Thursday.", "2026-07-02"),
        ("GUSAU, July 4 - Bandits abducted 30 people in Zamfara yesterday.", "2026-07-03"),
        ("Bandits abducted 30 people in Zamfara yesterday.", "2026-07-06"),
    ],
)
def test_relative_dates_are_read_against_the_filing_date(
    only_mention: Callable[..., Mention], text: str, day: str
) -> None:
    # Published three days after it was filed: "yesterday" is the day before the dateline.
    assert only_mention(text, "2026-07-07").date_start == day


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GUSAU, July 4 - Gunmen killed five.", True),
        ("KYIV, Ukraine, July 4 (Reuters) - Drones hit the city.", True),
        ("Gunmen killed five on July 4 - a Friday.", False),
        ("The attack in GUSAU, on July 4 - a Friday - killed five.", False),
    ],
)
def test_only_a_dateline_date_is_a_filing_date(text: str, dateline: bool) -> None:
    (phrase,) = [p for p in find_date_phrases(text, PUBLISHED) if "July 4" in p.text]
    assert phrase.dateline is dateline
