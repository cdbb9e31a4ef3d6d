"""What the export stage needs: the bundle handed in by the driver, and lookups built over it.

The exporters never open the store. The driver gathers events, mentions and document metadata
into an :class:`ExportBundle`; every writer is then a pure function of that bundle, so the same
bundle always gives byte-identical files (``generated_at`` is passed in rather than read from the
clock for the same reason).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventscope.models import Article, Event, Mention, Skip
from eventscope.resolve.stories import Story, StoryOptions, group_stories, story_order


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Metadata of one cleaned document, enough to attribute and join back a claim."""

    doc_id: str
    input_id: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class ExportBundle:
    """Everything one export run writes out."""

    events: Sequence[Event]
    mentions: Sequence[Mention]  # all mentions, including non-eventive ones
    documents: Mapping[str, DocumentInfo]  # by doc_id
    event_of_mention: Mapping[str, str]  # mention_id -> event_id; absent when no event was made
    skips: Sequence[Skip] = ()
    generated_at: str = ""  # ISO timestamp of the run
    # Stories grouped over the full article texts by the driver; None: derive them from shared
    # events alone (the bundle carries no article text to compare).
    stories: Sequence[Story] | None = None


@dataclass(frozen=True, slots=True)
class BundleIndex:
    """Lookups over a bundle, built once per export instead of once per event."""

    mentions_by_id: Mapping[str, Mention]
    input_ids: Mapping[str, str]  # doc_id -> input_id
    event_of_mention: Mapping[str, str]
    mentions_of_event: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()
    story_of_event: Mapping[str, str] = field(default_factory=dict)

    def input_id(self, doc_id: str | None) -> str | None:
        """The input id beside a doc id (None only when nothing in the bundle knows it)."""
        if doc_id is None:
            return None
        return self.input_ids.get(doc_id)


def build_index(bundle: ExportBundle) -> BundleIndex:
    """Index mentions and ids; explicit ``event_of_mention`` entries win over ``mention_ids``."""
    by_id = {m.mention_id: m for m in bundle.mentions}
    input_ids: dict[str, str] = {}
    # Claims carry input ids too: a fallback when the driver left a document out of the bundle.
    for event in bundle.events:
        for claim in event.claims:
            input_ids.setdefault(claim.doc_id, claim.input_id)
    input_ids.update({doc_id: info.input_id for doc_id, info in bundle.documents.items()})
    owner: dict[str, str] = {}
    for event in bundle.events:
        for mention_id in event.mention_ids:
            owner.setdefault(mention_id, event.event_id)
    owner.update(bundle.event_of_mention)
    stories = tuple(bundle_stories(bundle))
    return BundleIndex(
        mentions_by_id=by_id,
        input_ids=input_ids,
        event_of_mention=owner,
        mentions_of_event=_group_mentions(bundle, by_id, owner),
        stories=stories,
        story_of_event={ev: s.story_id for s in stories for ev in s.event_ids},
    )


def bundle_stories(bundle: ExportBundle) -> list[Story]:
    """The bundle's stories, or (without article text) stories linked by shared events only."""
    if bundle.stories is not None:
        return sorted(bundle.stories, key=story_order)
    docs = [
        Article(d.doc_id, d.input_id, "", d.title, d.source, d.published, d.url)
        for d in bundle.documents.values()
    ]
    # A threshold above any cosine turns text links off: titles alone are too thin to compare.
    return group_stories(bundle.events, docs, StoryOptions(threshold=2.0))


def _group_mentions(
    bundle: ExportBundle, by_id: Mapping[str, Mention], owner: Mapping[str, str]
) -> dict[str, tuple[Mention, ...]]:
    """Mentions per event: the event's own ``mention_ids`` order, else the bundle order."""
    grouped: dict[str, list[Mention]] = {}
    for event in bundle.events:
        own = [by_id[mid] for mid in event.mention_ids if mid in by_id]
        if own:
            grouped[event.event_id] = own
    listed = set(grouped)
    for mention in bundle.mentions:
        event_id = owner.get(mention.mention_id)
        if event_id is not None and event_id not in listed:
            grouped.setdefault(event_id, []).append(mention)
    return {k: tuple(v) for k, v in grouped.items()}


def sorted_events(events: Sequence[Event]) -> list[Event]:
    """Deterministic order: by event date, then event id; undated events last."""
    return sorted(events, key=lambda e: (e.event_date is None, e.event_date or "", e.event_id))
