"""Review fixes (session 11): a word of repetition makes a report of several days a campaign
summary only when it describes the attacks, not as a masthead ("the Daily Monitor"), a paper
("the daily Al-Watan"), "daily life" or a comparison ("several times more")."""

from __future__ import annotations

import pytest

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link, features, is_campaign
from factories import mention, week_mention

RULES = LinkRules()


def _last_week(doc: str, sentence: str) -> Mention:
    return week_mention(doc, sentence, "last week")


_TUESDAY = {"date_start": "2025-07-08", "date_end": "2025-07-08"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A car bomb killed 12 people in Mogadishu last week, the Daily Monitor reported.",
        "A car bomb killed 12 people in Mogadishu last week, the daily Al-Watan reported.",
        "A strike last week disrupted daily life in the town, killing 12.",
        "An air strike hit the town last week, killing 12, the Daily Star said.",
        "A car bomb killed 12 people last week, several times more than the previous attack.",
        "Officials have repeatedly warned of attacks; a car bomb killed 12 people last week.",
    ],
)
def test_a_word_of_repetition_elsewhere_leaves_one_event(sentence: str) -> None:
    report = _last_week("d1", sentence)
    assert not is_campaign(features(report), RULES)
    assert can_link(report, mention("d2", **_TUESDAY), RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces have shelled Nikopol repeatedly this week, killing five.",
        "Russian forces have repeatedly shelled Nikopol this week.",
        "Russian forces have launched daily assaults on Toretsk over the past week.",
        "Daily strikes on Kharkiv killed 12 people last week.",
        "Drones struck the town several times last week, killing 12.",
        "Russian forces pounded Pokrovsk daily last week.",
    ],
)
def test_repetition_that_describes_the_attacks_is_still_a_campaign(sentence: str) -> None:
    summary = _last_week("d1", sentence)
    assert is_campaign(features(summary), RULES)
    assert not can_link(summary, mention("d2", **_TUESDAY), RULES)


def test_the_rules_revision_was_raised() -> None:
    # Resolutions stored under revision 6 read "the Daily Monitor" as a campaign.
    assert RULES.revision >= 7
