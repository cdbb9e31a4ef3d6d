"""Link rules of round 5 (session 11): a bomb placed on the ground (roadside bomb, IED, mine,
car bomb) is never a shelling or an air strike; a report of repeated attacks over a window of
days ("repeatedly this week") and a run of days ("for five consecutive days") are campaign
summaries, which never absorb one day's report."""

from __future__ import annotations

import pytest

from eventscope.models import Evidence, Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import can_link, features, is_campaign
from factories import mention, week_mention

RULES = LinkRules()
_IED = "Remote explosive/landmine/IED"
_KW = {"actor1": "", "actor2": "", "event_type": "Explosions/Remote violence"}


def _bomb(doc: str, weapons: tuple[str, ...], start: int = 0) -> Mention:
    return mention(doc, start, sub_event_type=_IED, weapons=weapons, **_KW)


@pytest.mark.parametrize("other", ["Air/drone strike", "Shelling/artillery/missile attack"])
@pytest.mark.parametrize("weapon", ["roadside bomb", "IED", "landmine", "car bomb"])
def test_a_bomb_placed_on_the_ground_is_never_a_strike_from_afar(other: str, weapon: str) -> None:
    # A drone strike on a car and a roadside bomb against a patrol, one city, one day.
    strike = mention("d1", sub_event_type=other, weapons=("drone",), **_KW)
    bomb = _bomb("d2", (weapon,))
    assert not can_link(strike, bomb, RULES)
    assert not can_link(bomb, strike, RULES)


@pytest.mark.parametrize("weapons", [(), ("grenade", "drone"), ("device",)])
def test_an_explosion_of_unnamed_kind_still_meets_a_strike(weapons: tuple[str, ...]) -> None:
    # "An explosion hit the town", "a grenade dropped by a drone": the kind is open.
    strike = mention("d1", sub_event_type="Air/drone strike", **_KW)
    assert can_link(strike, _bomb("d2", weapons), RULES)


def test_two_reports_of_one_roadside_bomb_still_link() -> None:
    assert can_link(_bomb("d1", ("roadside bomb",)), _bomb("d2", ("IED",)), RULES)


def test_a_report_told_as_an_explosion_keeps_its_roadside_bomb() -> None:
    # "An explosion ... the roadside bomb had been planted": the report is the roadside bomb,
    # which a drone strike on the same place and day is not.
    explosion = _bomb("d1", ())
    planted = _bomb("d1", ("roadside bomb",), start=40)
    strike = mention("d2", sub_event_type="Air/drone strike", weapons=("drone",), **_KW)
    groups = cluster_mentions([explosion, planted, strike], RULES)
    assert sorted(len(g) for g in groups) == [1, 2]


def _week(doc: str, sentence: str) -> Mention:
    return week_mention(doc, sentence, "this week")


def test_repeated_attacks_over_a_week_are_a_campaign() -> None:
    summary = _week("d1", "Russian forces have shelled Nikopol repeatedly this week, killing five.")
    wednesday = mention("d2", date_start="2025-07-09", date_end="2025-07-09")
    assert is_campaign(features(summary), RULES)
    assert not can_link(summary, wednesday, RULES)


def test_one_attack_this_week_is_still_one_event() -> None:
    # Without a word of repetition "this week" is a vague date of one event, as before.
    vague = _week("d1", "Russian forces shelled Nikopol this week, killing two.")
    wednesday = mention("d2", date_start="2025-07-09", date_end="2025-07-09")
    assert not is_campaign(features(vague), RULES)
    assert can_link(vague, wednesday, RULES)


def test_repeatedly_on_one_day_is_one_days_event() -> None:
    day = mention("d1", sentence="Russian forces shelled Nikopol repeatedly on Wednesday.")
    assert not is_campaign(features(day), RULES)
    assert can_link(day, mention("d2"), RULES)


def test_a_run_of_consecutive_days_is_a_campaign() -> None:
    # The date phrase is what the extractor records; its rules read it as a window.
    phrase = "for five consecutive days"
    run = mention(
        "d1",
        date_start="2025-03-07",
        date_end="2025-03-11",
        time_precision=2,
        evidence=(Evidence("date", 0, len(phrase), phrase),),
    )
    assert is_campaign(features(run), RULES)
    assert not can_link(run, mention("d2"), RULES)
