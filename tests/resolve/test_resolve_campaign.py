"""A multi-day campaign summary is not one day's event (ACLED: a campaign is several events)."""

from __future__ import annotations

from eventscope.models import Evidence
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import can_link, features, is_campaign
from factories import mention


def summary(doc: str, phrase: str = "over the past three days", **kw: object):
    """A mention dated by a look-back window ending at publication (12 March)."""
    fields: dict = {"date_start": "2025-03-09", "date_end": "2025-03-12", "time_precision": 2}
    fields |= {"fatalities_best": 60, "evidence": (Evidence("date", 0, len(phrase), phrase),)}
    return mention(doc, **(fields | kw))


def daily(doc: str) -> object:
    return mention(doc, fatalities_best=12, evidence=(Evidence("date", 0, 10, "on Tuesday"),))


def test_summary_and_daily_report_stay_apart() -> None:
    rules = LinkRules()
    assert is_campaign(features(summary("a")), rules)
    assert not is_campaign(features(daily("b")), rules)
    assert not can_link(summary("a"), daily("b"), rules)
    events = cluster_mentions([summary("a"), daily("b")], rules)
    assert len(events) == 2


def test_two_outlets_summing_up_the_same_days_join() -> None:
    other = summary("b", phrase="in recent days")
    events = cluster_mentions([summary("a"), other], LinkRules())
    assert len(events) == 1


def test_short_lookback_and_vague_dates_are_not_campaigns() -> None:
    day = summary("a", phrase="the past 24 hours", date_start="2025-03-11")
    assert not is_campaign(features(day), LinkRules())  # two days: a daily tally
    week = summary("a", phrase="last week")  # one event whose day is not known
    assert not is_campaign(features(week), LinkRules())
    assert can_link(week, daily("b"), LinkRules())


def test_rule_can_be_turned_off() -> None:
    rules = LinkRules(campaign_min_days=0)
    assert can_link(summary("a"), daily("b"), rules)
    assert len(cluster_mentions([summary("a"), daily("b")], rules)) == 1


def test_undated_headline_joins_its_own_summary() -> None:
    """An undated mention links only inside its document, with a summary as with a day."""
    headline = mention("a", start=0, date_start=None, date_end=None, time_precision=3)
    body = summary("a", start=100)
    events = cluster_mentions([headline, body, daily("b")], LinkRules())
    assert sorted(len(e) for e in events) == [1, 2]
