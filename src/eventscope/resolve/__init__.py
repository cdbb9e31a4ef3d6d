"""Cross-document resolution: mentions of one real-world event become one Event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from eventscope.config import ResolveSettings
from eventscope.models import Article, Event, Mention
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import LinkRules, can_link, link_score
from eventscope.resolve.incremental import unique_event_id
from eventscope.resolve.reconcile import build_event

__all__ = ["LinkRules", "can_link", "link_score", "resolve_events", "rules_from_settings"]


def rules_from_settings(settings: ResolveSettings) -> LinkRules:
    return LinkRules(
        max_distance_km=settings.max_distance_km,
        date_slack_days=settings.date_slack_days,
        distinct_town_km=settings.distinct_town_km,
        semantic_text=settings.semantic_text,
    )


def resolve_events(
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    previous: Mapping[str, str] | None = None,
    rules: LinkRules | None = None,
) -> list[Event]:
    """Cluster eventive mentions and reconcile each cluster into an Event.

    ``previous`` maps mention ids to the event ids they had, so an event keeps its id when new
    reports join it. The result is deterministic and independent of the input order.
    """
    rules = rules or LinkRules()
    previous = previous or {}
    clusters = cluster_mentions(mentions, rules)
    # Bigger clusters pick their inherited id first, so a split keeps the id on the larger part.
    order = sorted(
        range(len(clusters)), key=lambda i: (-len(clusters[i]), clusters[i][0].mention_id)
    )
    taken: set[str] = set()
    events: dict[int, Event] = {}
    for i in order:
        event_id = unique_event_id(clusters[i], previous, taken)
        taken.add(event_id)
        events[i] = build_event(clusters[i], articles, event_id)
    return sorted(
        events.values(), key=lambda e: (e.event_date is None, e.event_date or "", e.event_id)
    )
