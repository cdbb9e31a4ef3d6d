"""Link rules of round 3: no date slack between two reports that each give exact days (nights
included; the slack stays for vaguer dates, "last week"), and means that exclude each other
(a suicide bomb is never a shelling or an air strike)."""

from __future__ import annotations

import pytest

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()


def _days(doc: str, start: str, end: str, precision: int = 1) -> Mention:
    return mention(doc, date_start=start, date_end=end, time_precision=precision)


def test_two_nights_with_a_day_between_are_two_events() -> None:
    # Overnight into Saturday and overnight into Monday: [14, 15] and [16, 17].
    saturday_night = _days("d1", "2025-03-14", "2025-03-15")
    monday_night = _days("d2", "2025-03-16", "2025-03-17")
    assert not can_link(saturday_night, monday_night, RULES)


def test_a_night_does_not_reach_the_day_after_the_morning() -> None:
    # "On Tuesday night" is [Tue, Wed]; Thursday's attack is another one.
    tuesday_night = _days("d1", "2025-04-08", "2025-04-09")
    thursday = _days("d2", "2025-04-10", "2025-04-10")
    assert not can_link(tuesday_night, thursday, RULES)


@pytest.mark.parametrize(
    ("other_start", "other_end"),
    [("2025-04-09", "2025-04-09"), ("2025-04-08", "2025-04-08"), ("2025-04-09", "2025-04-10")],
)
def test_a_night_still_meets_the_days_it_spans(other_start: str, other_end: str) -> None:
    tuesday_night = _days("d1", "2025-04-08", "2025-04-09")
    assert can_link(tuesday_night, _days("d2", other_start, other_end), RULES)


def test_a_vague_date_keeps_the_slack() -> None:
    # "Last week" ([Mon, Sun] of the week before) still meets the Monday after it.
    last_week = _days("d1", "2025-03-03", "2025-03-09", precision=2)
    monday = _days("d2", "2025-03-10", "2025-03-10")
    assert can_link(last_week, monday, RULES)


def test_mentions_of_one_report_keep_the_slack() -> None:
    # Within one article the follow-up sentence may be dated a day off ("the next morning").
    night = _days("d1", "2025-03-14", "2025-03-15")
    later = mention("d1", start=40, date_start="2025-03-16", date_end="2025-03-16")
    assert can_link(night, later, RULES)


_KW = {"actor1": "Al Shabaab", "actor2": "", "event_type": "Explosions/Remote violence"}


@pytest.mark.parametrize("other", ["Shelling/artillery/missile attack", "Air/drone strike"])
def test_a_suicide_bombing_is_never_a_shelling_or_an_air_strike(other: str) -> None:
    bombing = mention("d1", sub_event_type="Suicide bomb", **_KW)
    mortars = mention("d2", sub_event_type=other, **_KW)
    assert not can_link(bombing, mortars, RULES)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Remote explosive/landmine/IED", "Suicide bomb"),  # "an explosion" / "a bomber"
        ("Shelling/artillery/missile attack", "Air/drone strike"),  # "missile" / "air strike"
        ("Grenade", "Air/drone strike"),  # a grenade dropped from a drone
    ],
)
def test_kinds_that_reports_of_one_blast_mix_up_still_link(a: str, b: str) -> None:
    assert can_link(
        mention("d1", sub_event_type=a, **_KW), mention("d2", sub_event_type=b, **_KW), RULES
    )


def test_a_report_told_as_an_explosion_keeps_its_suicide_bomber() -> None:
    # "An explosion ... a suicide bomber blew himself up": the report is a suicide bombing,
    # which an air strike on the same place and day never is
    explosion = mention("d1", 0, sub_event_type="Remote explosive/landmine/IED", actor1="")
    bomber = mention("d1", 40, sub_event_type="Suicide bomb", actor1="")
    strike = mention("d2", 0, actor1="")
    groups = cluster_mentions([explosion, bomber, strike], RULES)
    sizes = sorted(len(g) for g in groups)
    assert sizes == [1, 2], [[m.mention_id for m in g] for g in groups]
