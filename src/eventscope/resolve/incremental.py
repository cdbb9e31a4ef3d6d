"""Incremental resolution: add documents to a resolved set without re-clustering everything.

Clustering (``cluster.cluster_block``) merges pairs best first and only along *links*: pairs
that are compatible and score at least ``min_score``. A merge decision reads only the members
of the two clusters involved, and those are always connected to each other by links. So the
clustering of a block is the union of the clusterings of the connected components of its link
graph, each computed on its own: nothing outside a component can change what happens inside.

New reports therefore only touch the link components they join. :class:`ResolvedIndex` keeps
the report leads of a resolution by block and date; :meth:`ResolvedIndex.update` finds the
components around the new leads (a breadth-first walk over links, each step a date-window
lookup in one block), re-clusters just those and leaves every other event as it was. The
partition, and the event ids chosen with the old assignment as ``previous``, are the same as
a full run of :func:`eventscope.resolve.resolve_events` would give.

A replaced document (one whose mentions arrive again) removes its old leads first; the walk
then also starts from their old link neighbours, which covers whatever their removal splits.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eventscope.models import Mention
from eventscope.resolve.cluster import (
    block_key,
    build_reports,
    cluster_block,
    link_leads,
)
from eventscope.resolve.compat import Features, LinkRules, compatible, features, score
from eventscope.resolve.crosstype import CROSS_MAX_SPAN, crosses_types
from eventscope.resolve.reconcile import choose_event_id
from eventscope.resolve.unplaced import crosses_blocks

Block = tuple[str, str]
EdgeKey = tuple[float, str, str]  # (-score, lower id, higher id): cluster_block's merge order


def unique_event_id(
    cluster: Sequence[Mention], previous: Mapping[str, str], taken: set[str]
) -> str:
    """``choose_event_id``, never returning a taken id. A fresh id hashes the cluster's first
    mention id; an event that kept its id by vote after losing that mention would otherwise
    share it with the cluster the mention moved to (two events, one id)."""
    event_id = choose_event_id(cluster, previous, taken)
    anchor = min(m.mention_id for m in cluster)
    k = 0
    while event_id in taken:
        k += 1
        event_id = "ev-" + hashlib.sha1(f"{anchor}#{k}".encode()).hexdigest()[:12]
    return event_id


@dataclass(slots=True)
class _Lead:
    mention: Mention
    feats: Features
    report: list[Mention]
    block: Block
    event_id: str = ""


_Order = list[tuple[int, str, int]]


@dataclass(slots=True)
class _Block:
    # Per event type, (start day, lead id, end day) of the dated leads, sorted: the end lets
    # links() drop the leads that start inside the look-back (``span``) but end before the
    # window, unscored. A block holds a type family (``crosstype``): a lead reads its own
    # type's order over its whole reach and the other types' only on its own days.
    order: dict[str, _Order] = field(default_factory=lambda: defaultdict(list))
    by_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # longest window seen per event type (days): how far before a start a window can reach
    span: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # links() per lead, valid while the block is unchanged: the store path replays several
    # times while it loads, mostly over the same blocks.
    links: dict[str, list[tuple[EdgeKey, str]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Change:
    """What an update did: event ids to drop, and the events (mentions) that replace them.
    An id can be in both when an event kept its id but gained or lost reports."""

    removed: frozenset[str]
    added: dict[str, list[Mention]]
    component: frozenset[str]  # the lead ids that were re-clustered


def link_key(a: Features, a_id: str, b: Features, b_id: str, rules: LinkRules) -> EdgeKey | None:
    """The merge-order key of two linked leads, None when they are not linked. Scored in the
    orientation ``cluster_block`` uses: the earlier window first (the date bonus reads the
    first mention's precision)."""
    if a.start is not None and b.start is not None and (b.start, b_id) < (a.start, a_id):
        a, b = b, a
    if not compatible(a, b, rules):
        return None
    s = score(a, b, rules)
    if s < rules.min_score:
        return None
    return (-s, a_id, b_id) if a_id < b_id else (-s, b_id, a_id)


def _reach(f: Features, event_type: str, span: int, slack: int) -> tuple[int, int, int] | None:
    """Where the dated link partners of ``f`` among a block's leads of ``event_type`` lie:
    (first start day, last start day, first end day), None when there can be none. Of its
    own type, any window meeting f's days with the slack (``_dates_ok``), starting at most
    ``span`` days before them; of another type (``crosstype``), a window of at most two days
    meeting f's own days without slack."""
    if f.start is None or f.end is None:
        return None
    if event_type == f.event_type:
        return f.start - span - slack, f.end + slack, f.start - slack
    if crosses_types(f):
        return f.start - CROSS_MAX_SPAN, f.end, f.start
    return None


class ResolvedIndex:
    """The report leads of one resolution, by block and date, with each lead's event id."""

    def __init__(self, rules: LinkRules) -> None:
        self.rules = rules
        self.leads: dict[str, _Lead] = {}
        self.doc_leads: dict[str, list[str]] = defaultdict(list)
        self.blocks: dict[Block, _Block] = defaultdict(_Block)
        self.events: dict[str, set[str]] = {}  # event id -> lead ids
        # (type family, unknown place key) -> the leads naming it (resolve/unplaced.py): an
        # unplaced lead links across blocks to the leads that name its place
        self.named: dict[tuple[str, str], set[str]] = defaultdict(set)

    @classmethod
    def build(
        cls,
        mentions: Iterable[Mention],
        rules: LinkRules,
        previous: Mapping[str, str] | None = None,
    ) -> ResolvedIndex:
        """Resolve ``mentions`` from scratch (as ``resolve_events`` does) and index them."""
        index = cls(rules)
        reports = build_reports(mentions, rules)
        for lead, report in reports:
            index._insert(lead, report, keep_sorted=False)
        for blk in index.blocks.values():
            for order in blk.order.values():
                order.sort()  # one sort, not an insertion per lead
        index._assign(link_leads([lead for lead, _ in reports], rules), previous or {})
        return index

    def add_resolved(self, mentions: Iterable[Mention], assignment: Mapping[str, str]) -> None:
        """Index mentions that are already resolved (mention id -> event id), such as a slice
        of a store, without re-clustering; mentions without an event are left out (they are
        new: :meth:`update` adds those)."""
        for lead, report in build_reports(
            (m for m in mentions if m.mention_id in assignment), self.rules
        ):
            self._insert(lead, report)
            eid = assignment[lead.mention_id]
            self.leads[lead.mention_id].event_id = eid
            self.events.setdefault(eid, set()).add(lead.mention_id)

    # -- reading ------------------------------------------------------------------------------
    def partition(self) -> dict[str, list[Mention]]:
        """Event id -> its mentions, sorted by id (the order ``cluster_mentions`` gives)."""
        return {eid: self._mentions(lids) for eid, lids in self.events.items()}

    def _mentions(self, lead_ids: Iterable[str]) -> list[Mention]:
        return sorted(
            (m for lid in lead_ids for m in self.leads[lid].report), key=lambda m: m.mention_id
        )

    def links(self, lead_id: str) -> list[tuple[EdgeKey, str]]:
        """The links of ``lead_id`` in its block: (merge-order key, other lead)."""
        lead = self.leads[lead_id]
        f, blk, slack = lead.feats, self.blocks[lead.block], self.rules.date_slack_days
        if lead_id in blk.links:
            return blk.links[lead_id]
        cands = set(blk.by_doc[f.doc_id])
        for event_type, order in blk.order.items():
            reach = _reach(f, event_type, blk.span[event_type], slack)
            if reach is not None:
                lo, hi, first = reach
                window = order[bisect_left(order, (lo,)) : bisect_left(order, (hi + 1,))]
                cands.update(lid for _, lid, end in window if end >= first)
        cands.update(self._named_partners(lead))
        cands.discard(lead_id)
        out = []
        for c in cands:
            key = link_key(f, lead_id, self.leads[c].feats, c, self.rules)
            if key is not None:
                out.append((key, c))
        blk.links[lead_id] = out
        return out

    def _named_partners(self, lead: _Lead) -> set[str]:
        """Leads of other blocks that may link to ``lead`` by an unknown place's name."""
        out: set[str] = set()
        for key in lead.feats.unknown:
            for other in self.named.get((lead.block[0], key), ()):
                if crosses_blocks(lead.block, self.leads[other].block):
                    out.add(other)
        return out

    def _forget_links_by_name(self, lead: _Lead) -> None:
        """Drop the cached links of every block holding a lead that shares a name with
        ``lead``: their links may gain or lose it."""
        for key in lead.feats.unknown:
            for other in self.named.get((lead.block[0], key), ()):
                self.blocks[self.leads[other].block].links.clear()

    def neighbours(self, lead_id: str) -> set[str]:
        """Leads linked to ``lead_id`` in its block."""
        return {c for _, c in self.links(lead_id)}

    def component(self, seeds: Iterable[str]) -> set[str]:
        """All leads connected to ``seeds`` by links."""
        todo = [s for s in seeds if s in self.leads]
        seen = set(todo)
        while todo:
            for n in self.neighbours(todo.pop()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    # -- writing ------------------------------------------------------------------------------
    def update(self, mentions: Iterable[Mention]) -> Change:
        """Add documents (each document's mentions replace any it had before) and re-cluster
        the link components they touch."""
        mentions = list(mentions)
        replaced = any(self.doc_leads.get(m.doc_id) for m in mentions)
        seeds, previous = self.stage(mentions)
        if not replaced:
            change = self.replay(seeds)
            if change is not None:
                return change
        return self.recluster(self.component(seeds), previous)

    def replay(self, new_leads: Iterable[str]) -> Change | None:
        """Re-cluster only what new leads change (``replay``); None if that is not
        self-contained, and nothing was changed."""
        from eventscope.resolve.replay import replay_update

        clusters, whole = replay_update(self, new_leads)
        if not whole:
            return None
        dirty = set().union(*clusters) if clusters else set()
        previous = self._assignment(dirty)
        for eid in set(previous.values()):
            self.events.pop(eid, None)
        groups = [[self.leads[lid].mention for lid in sorted(c)] for c in clusters]
        added = self._assign(groups, previous)
        return Change(frozenset(previous.values()), added, frozenset(dirty))

    def stage(self, mentions: Iterable[Mention]) -> tuple[set[str], dict[str, str]]:
        """Swap in documents' reports without re-clustering. Returns the leads to walk from
        (the new leads, and the old link neighbours of the replaced ones) and the old event
        ids of the replaced mentions."""
        mentions = list(mentions)
        gone = [lid for d in sorted({m.doc_id for m in mentions}) for lid in self.doc_leads[d]]
        seeds = {n for lid in gone for n in self.neighbours(lid)} - set(gone)
        # A re-processed article's mentions keep their ids: they vote for their old events,
        # as they would in a full run given the old assignment.
        previous = self._assignment(gone)
        for lid in gone:
            self._remove(lid)
        for lead, report in build_reports(mentions, self.rules):
            self._insert(lead, report)  # may bring back a gone lead id
            seeds.add(lead.mention_id)
        return seeds, previous

    def recluster(self, comp: Iterable[str], previous: Mapping[str, str]) -> Change:
        """Re-cluster whole link components (``comp``) and give the clusters their ids;
        ``previous`` holds the old event ids of mentions that were replaced."""
        comp = set(comp)
        previous = {**previous, **self._assignment(comp)}
        removed = set(previous.values())
        for eid in removed:
            self.events.pop(eid, None)
        groups = [g for part in self._parts(comp) for g in cluster_block(part, self.rules)]
        added = self._assign(groups, previous)
        return Change(frozenset(removed), added, frozenset(comp))

    def _parts(self, comp: set[str]) -> list[list[Mention]]:
        """``comp`` (whole link components, as :meth:`component` gives) split into its
        link-connected parts (a part may span blocks through an unknown place's name), each
        a list of lead mentions sorted by id."""
        seen: set[str] = set()
        parts = []
        for start in sorted(comp):
            if start not in seen:
                part = self.component([start]) & comp
                seen |= part
                parts.append([self.leads[lid].mention for lid in sorted(part)])
        return parts

    def _assignment(self, lead_ids: Iterable[str]) -> dict[str, str]:
        """Mention id -> event id for the reports of these leads (those with an event)."""
        return {
            m.mention_id: self.leads[lid].event_id
            for lid in lead_ids
            if self.leads[lid].event_id
            for m in self.leads[lid].report
        }

    def _assign(
        self, lead_groups: Sequence[Sequence[Mention]], previous: Mapping[str, str]
    ) -> dict[str, list[Mention]]:
        """Event ids as ``resolve_events`` picks them: bigger clusters first, then by their
        first mention id, each keeping the id most of its mentions had."""
        clusters = [
            (self._mentions(lead.mention_id for lead in g), [lead.mention_id for lead in g])
            for g in lead_groups
        ]
        clusters.sort(key=lambda c: (-len(c[0]), c[0][0].mention_id))
        taken = set(self.events)  # ids of the events left as they were
        out: dict[str, list[Mention]] = {}
        for ms, lids in clusters:
            eid = unique_event_id(ms, previous, taken)
            taken.add(eid)
            self.events[eid] = set(lids)
            for lid in lids:
                self.leads[lid].event_id = eid
            out[eid] = ms
        return out

    def _insert(self, lead: Mention, report: list[Mention], keep_sorted: bool = True) -> None:
        f = features(lead)
        key = block_key(lead)
        self.leads[lead.mention_id] = _Lead(lead, f, report, key)
        self.doc_leads[lead.doc_id].append(lead.mention_id)
        self._forget_links_by_name(self.leads[lead.mention_id])
        for name in f.unknown:
            self.named[(key[0], name)].add(lead.mention_id)
        blk = self.blocks[key]
        blk.links.clear()
        blk.by_doc[lead.doc_id].add(lead.mention_id)
        if f.start is not None and f.end is not None:
            order = blk.order[f.event_type]
            if keep_sorted:
                insort(order, (f.start, lead.mention_id, f.end))
            else:
                order.append((f.start, lead.mention_id, f.end))
            blk.span[f.event_type] = max(blk.span[f.event_type], f.end - f.start)

    def _remove(self, lead_id: str) -> None:
        lead = self.leads.pop(lead_id)
        for name in lead.feats.unknown:
            self.named[(lead.block[0], name)].discard(lead_id)
        self._forget_links_by_name(lead)
        self.doc_leads[lead.mention.doc_id].remove(lead_id)
        blk = self.blocks[lead.block]
        blk.links.clear()
        blk.by_doc[lead.mention.doc_id].discard(lead_id)
        if lead.feats.start is not None:
            order = blk.order[lead.feats.event_type]
            order.pop(bisect_left(order, (lead.feats.start, lead_id)))
        if lead.event_id in self.events:
            self.events[lead.event_id].discard(lead_id)
