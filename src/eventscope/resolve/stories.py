"""Stories: documents about the same developing story, so a report can say "3 outlets covered
this; 1 disputes the casualty figure".

Two documents belong to one story when they report a common event (they share an event id), or
when their texts are alike (TF-IDF cosine of content words, the document clustering that
:mod:`eventscope.evaluate.coref_link` uses for ECB+) and their publication dates, where both are
known, lie within a window. Text links go through average-link clustering rather than single
links, so one generic article cannot chain unrelated stories together; shared events then join
whole text clusters. Everything is sorted by document id first, so the input order never changes
the stories or their ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventscope.models import Article, Event
from eventscope.resolve.unionfind import UnionFind

# How a disputed field reads in a summary sentence ("1 disputes the casualty figure").
FIELD_PHRASES = {
    "fatalities": "the casualty figure",
    "date": "the date",
    "actor1": "who carried it out",
    "actor2": "who was targeted",
    "event_type": "what happened",
    "location": "where it happened",
}
_WORD = re.compile(r"[^\W\d_]+")
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.S)


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How close two documents must be to share a story without sharing an event."""

    threshold: float = 0.3  # average-link TF-IDF cosine needed to merge two text clusters
    window_days: int = 14  # dated documents further apart than this never link by text


@dataclass(frozen=True, slots=True)
class StoryDispute:
    """One field some outlets of a story disagree on, across the story's events."""

    field: str
    sources: tuple[str, ...]  # outlets that differ from the most widely reported value
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """A group of documents about one developing story."""

    story_id: str
    title: str
    date_start: str | None
    date_end: str | None
    doc_ids: tuple[str, ...]
    sources: tuple[str, ...]
    event_ids: tuple[str, ...]
    disputes: tuple[StoryDispute, ...] = ()

    @property
    def summary(self) -> str:
        """ "3 outlets covered this; 1 disputes the casualty figure." """
        return summary_sentence(len(self.sources), self.disputes)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_sentence(outlets: int, disputes: Sequence[StoryDispute]) -> str:
    """The one-line verdict on a story, generated from its contradictions."""
    head = f"{_plural(outlets, 'outlet', 'outlets')} covered this"
    phrases = [FIELD_PHRASES.get(d.field, "the " + d.field.replace("_", " ")) for d in disputes]
    if outlets <= 1:  # one outlet can only disagree with itself: its quoted sources conflict
        parts = [f"its sources disagree on {p}" for p in phrases]
    else:
        parts = [
            f"{len(d.sources)} {'disputes' if len(d.sources) == 1 else 'dispute'} {p}"
            for d, p in zip(disputes, phrases, strict=True)
        ]
    if not parts:
        return head + "."
    return head + "; " + "; ".join(parts) + "."


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _tokens(article: Article, lower: bool = False) -> list[str]:
    text = f"{article.title or ''}\n{article.text}"
    return _WORD.findall(text.lower() if lower else text)


def _stop_words() -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # deferred: a plain word list, but in spaCy

    return set(STOP_WORDS)


def text_clusters(docs: Sequence[Article], options: StoryOptions) -> list[list[int]]:
    """Average-link clusters of document indices by TF-IDF cosine, never across the window.

    Only pairs at or above the threshold can start a merge under average linkage, so those
    pairs (found block by block, :mod:`eventscope.resolve.textsim`) are the graph that
    :func:`eventscope.resolve.avglink.average_link` works on, and the full average between two
    clusters is computed only when they are joined by such a pair: the same clusters as a
    matrix over all documents, without its N² memory."""
    import numpy as np

    from eventscope.resolve.avglink import average_link
    from eventscope.resolve.textsim import content_words, linked_pairs, pair_sum, tfidf_rows

    stop = _stop_words()
    # Lower-cased before splitting: one pass over the text instead of one call per word.
    rows = tfidf_rows([content_words(_tokens(d, lower=True), stop) for d in docs])
    days = np.array([d.toordinal() if (d := _day(a.published)) else np.nan for a in docs])
    edges = linked_pairs(rows, days, options.window_days, options.threshold)
    return average_link(
        len(docs),
        edges,
        lambda left, right: pair_sum(rows, days, options.window_days, left, right),
        options.threshold,
    )


def event_docs(event: Event) -> set[str]:
    """Documents an event rests on: its claims, and the documents of its mention ids."""
    docs = {c.doc_id for c in event.claims}
    # Mention ids are f"{doc_id}:{start}-{end}" (models.Mention).
    docs |= {mid.rpartition(":")[0] for mid in event.mention_ids if ":" in mid}
    return docs


def group_stories(
    events: Sequence[Event], articles: Iterable[Article], options: StoryOptions | None = None
) -> list[Story]:
    """Every article in exactly one story; stories ordered by first date, then id."""
    options = options or StoryOptions()
    docs = sorted({a.doc_id: a for a in articles}.values(), key=lambda a: a.doc_id)
    position = {a.doc_id: i for i, a in enumerate(docs)}
    sets = UnionFind(len(docs))
    if options.threshold <= 1.0 and any(_tokens(a) for a in docs):  # cosine is at most 1
        for cluster in text_clusters(docs, options):
            for k in cluster[1:]:
                sets.union(cluster[0], k)
    for event in events:
        linked = sorted(position[d] for d in event_docs(event) if d in position)
        for k in linked[1:]:
            sets.union(linked[0], k)
    groups: dict[int, tuple[list[Article], list[Event]]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(sets.find(i), ([], []))[0].append(doc)
    for event in events:  # an event's documents all share one root by now
        roots = {sets.find(position[d]) for d in event_docs(event) if d in position}
        for root in roots:
            groups[root][1].append(event)
    stories = [_story(members, own) for members, own in groups.values()]
    return sorted(stories, key=story_order)


def story_order(story: Story) -> tuple[bool, str, str]:
    """By first date, then id; undated stories last."""
    return (story.date_start is None, story.date_start or "", story.story_id)


def _story(members: Sequence[Article], events: Sequence[Event]) -> Story:
    ids = {a.doc_id for a in members}
    own = sorted(events, key=lambda e: e.event_id)
    dates = sorted(d.isoformat() for a in members if (d := _day(a.published)))
    if not dates:  # no publication date known: the events' own dates are the next best
        dates = sorted(d for e in own for d in (e.date_start, e.date_end) if d)
    sources = {a.source for a in members if a.source}
    sources |= {c.source for e in own for c in e.claims if c.doc_id in ids and c.source}
    return Story(
        story_id="story-" + hashlib.sha1(min(ids).encode("utf-8")).hexdigest()[:12],
        title=story_title(members),
        date_start=dates[0] if dates else None,
        date_end=dates[-1] if dates else None,
        doc_ids=tuple(sorted(ids)),
        sources=tuple(sorted(sources)),
        event_ids=tuple(e.event_id for e in own),
        disputes=story_disputes(own),
    )


def story_title(members: Sequence[Article]) -> str:
    """The earliest article's title, else its first sentence (undated articles come last)."""
    lead = min(members, key=lambda a: (_day(a.published) is None, a.published or "", a.doc_id))
    if lead.title and lead.title.strip():
        return lead.title.strip()
    text = " ".join(lead.text.split())
    match = _FIRST_SENTENCE.match(text)
    first = match.group(1) if match else text
    return (first[:157] + "...") if len(first) > 160 else (first or "Untitled story")


# Fields whose event value is one of the stated values, chosen by a rule of its own
# (reconcile: the event type by claims with TYPE_PRECEDENCE on ties, the perpetrator by
# mentions): an outlet that gave it is not a dissenter even where the count ties. Fatalities
# stay on the majority: the event's figure is the lowest stated, not an outlet's claim.
_CHOSEN_FIELDS = ("event_type", "actor1")


def dissenters(contradiction: Mapping[str, Any], chosen: Any = None) -> set[str]:
    """Outlets whose value differs from the one most outlets give (ties: the lowest number, as
    ACLED codes the conservative figure), so "3, 3, 5" has one dissenter and "3, 5, 12" two.
    ``chosen``, the value the event itself took when it is among those stated, replaces the
    majority: the outlet whose type the event took never "disputes what happened".
    An outlet that also carries the majority value is not a dissenter; when the only conflict
    is inside outlets (a ministry's toll against a monitor's, quoted by one paper), those
    outlets are returned."""
    backers: dict[str, set[str]] = {}
    order: dict[str, tuple[int, float, str]] = {}
    for item in contradiction.get("values") or ():
        if isinstance(item, Mapping):
            who = str(item.get("source") or item.get("doc_id") or "unknown source")
            value = item.get("value")
            backers.setdefault(repr(value), set()).add(who)
            order[repr(value)] = _value_order(value)
    if len(backers) < 2:
        return set()
    majority = min(backers, key=lambda v: (-len(backers[v]), order[v]))
    if repr(chosen) in backers:
        majority = repr(chosen)
    others = {s for v, who in backers.items() if v != majority for s in who}
    return (others - backers[majority]) or others


def _value_order(value: Any) -> tuple[int, float, str]:
    """Numbers by size (12 after 3, not before it as text), then everything else as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, repr(value))


def story_disputes(events: Sequence[Event]) -> tuple[StoryDispute, ...]:
    """Per disputed field, the outlets that dissent in any of the story's events."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for event in events:
        for item in event.contradictions:
            field = str(item.get("field", ""))
            chosen = getattr(event, field) if field in _CHOSEN_FIELDS else None
            who = dissenters(item, chosen)
            if who:
                sources, ids = found.setdefault(field, (set(), set()))
                sources |= who
                ids.add(event.event_id)
    order = list(FIELD_PHRASES)
    return tuple(
        StoryDispute(f, tuple(sorted(s)), tuple(sorted(ids)))
        for f, (s, ids) in sorted(
            found.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0])
        )
    )
