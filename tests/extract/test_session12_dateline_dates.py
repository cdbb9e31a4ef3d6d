"""Session 12 (linking round 9): a wire dateline's date is the filing date. "GUSAU, July 4 -
Bandits abducted 30 people on Friday" happened on Friday; the dateline's date dates the event
only when the sentence has no date of its own, like a statement's "said on Tuesday"."""

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


def test_a_dateline_alone_still_dates_its_lede(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("GUSAU, July 4 (AFP) - Gunmen killed five farmers near Gusau.", PUBLISHED)
    assert m.date_start == "2026-07-04"


@pytest.mark.parametrize(
    ("text", "reporting"),
    [
        ("GUSAU, July 4 - Gunmen killed five.", True),
        ("KYIV, Ukraine, July 4 (Reuters) - Drones hit the city.", True),
        ("Gunmen killed five on July 4 - a Friday.", False),
        ("The attack in GUSAU, on July 4 - a Friday - killed five.", False),
    ],
)
def test_only_a_dateline_date_is_a_filing_date(text: str, reporting: bool) -> None:
    (phrase,) = [p for p in find_date_phrases(text, PUBLISHED) if "July 4" in p.text]
    assert phrase.reporting is reporting
