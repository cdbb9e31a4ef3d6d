"""Linking round 6b (session 11): a sentence that cites a periodic report ("the UN said in its
monthly update") over a window of days sums up that period's toll; like a look-back campaign
it never links with one day's event."""

from __future__ import annotations

import pytest

from eventscope.extract.repetition import tells_periodic_tally
from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link, features, is_campaign
from factories import mention

RULES = LinkRules()
_MAY = {"date_start": "2025-05-01", "date_end": "2025-05-31", "time_precision": 3}
_ONE_DAY = {"date_start": "2025-05-14", "date_end": "2025-05-14"}


def _month(sentence: str) -> Mention:
    """A mention dated to all of May 2025 (month precision, no look-back phrase)."""
    return mention("d1", sentence=sentence, **_MAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 95 civilians were killed in Idlib in May, the UN said in its monthly update.",
        "Air strikes killed 40 people in May, according to the group's monthly casualty report.",
        "The weekly security report counted 12 attacks on convoys in the province.",
    ],
)
def test_a_periodic_tally_over_a_month_never_joins_a_day(sentence: str) -> None:
    assert tells_periodic_tally(sentence)
    tally = _month(sentence)
    assert is_campaign(features(tally), RULES)
    assert not can_link(tally, mention("d2", **_ONE_DAY), RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "An air strike killed 40 people in Idlib in May, the Weekly Standard reported.",
        "An air strike hit worshippers leaving weekly prayers in Idlib in May, killing 40.",
        "An air strike in Idlib in May killed 40 people, the monitor said.",
    ],
)
def test_a_month_date_without_a_periodic_report_stays_one_event(sentence: str) -> None:
    assert not tells_periodic_tally(sentence)
    report = _month(sentence)
    assert not is_campaign(features(report), RULES)
    assert can_link(report, mention("d2", **_ONE_DAY), RULES)


def test_a_periodic_report_of_one_day_is_that_day_event() -> None:
    # The update cites one dated strike: a one-day window is never a summary.
    sentence = "The UN said in its monthly update that an air strike on 14 May killed 40 people."
    report = mention("d1", sentence=sentence, **_ONE_DAY)
    assert can_link(report, mention("d2", **_ONE_DAY), RULES)


def test_the_rules_revision_was_raised() -> None:
    # Resolutions stored under revision 7 let a monthly tally absorb a day's event.
    assert RULES.revision >= 8
