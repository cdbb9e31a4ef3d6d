"""Replay best-first clustering around new reports only: the exact result, local work.

Re-clustering whole link components is exact but, in a busy block, the components of new
reports can span most of the block: a country-level or month-long report links to almost
everything in its month, and day-to-day reports at one place chain across years. Yet a new
report rarely changes more than a few clusters. This module finds those clusters exactly.

Picture two runs of the merge loop over one block, in the same order of links: the *old* run
(without the new reports), whose outcome we know, and the *new* run. A report is *clean* at
a moment when its cluster is the same in both runs. A link between two clean reports is
decided the same way in both runs, so only links touching a *dirty* report need replaying.

The old run needs no replaying either: inside a final old cluster every pair is compatible,
so the old run accepted every link inside it that joined two parts, in link order. The old
cluster of a report at any moment is therefore its part of its final cluster built from that
cluster's own links up to that moment.

So: new reports start dirty. Links touching a dirty report are replayed in merge order with
the new run's clusters. A clean endpoint becomes dirty (with its whole current cluster) when
the two runs do different things to it: the new run merges it and the old run does not, or
the other way round. Dirty reports keep explicit clusters; clean ones keep their old events.

:func:`resolve_added` drives the replay over a store (``eventscope.store.resolution``),
loading only what the replay reads: the neighbourhood of each dirty report (its links), and
the old event of each clean report it looks at (its old cluster).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from eventscope.models import Mention
from eventscope.resolve.compat import LinkRules, compatible
from eventscope.resolve.crosstype import CROSS_MAX_SPAN, POLITICAL_VIOLENCE, crosses_types
from eventscope.resolve.incremental import Change, EdgeKey, ResolvedIndex, _Lead, link_key
from eventscope.resolve.unplaced import UNPLACED_BLOCK


class Replay:
    """The new run's clusters for the reports that a set of new reports can affect."""

    def __init__(self, index: ResolvedIndex, new_leads: Iterable[str]) -> None:
        self.index = index
        self.cluster_of: dict[str, int] = {}  # dirty lead -> explicit cluster
        self.members: dict[int, set[str]] = {}
        self.heap: list[tuple[EdgeKey, str, str]] = []
        self._internal: dict[str, list[EdgeKey]] = {}  # old event -> its links, in order
        self._verdicts: dict[tuple[str, str], bool] = {}
        self._next = 0
        self.touched: set[str] = set()  # every lead whose links or old cluster were read
        for lid in sorted(new_leads):
            self._make_dirty({lid}, None)

    def run(self) -> list[set[str]]:
        """Replay every link that touches a dirty lead; the dirty leads' final clusters."""
        done: set[EdgeKey] = set()
        while self.heap:
            key, a, b = heapq.heappop(self.heap)
            if key not in done:
                done.add(key)
                self.touched.update((a, b))
                self._replay(key, a, b)
        return [self.members[c] for c in sorted(self.members)]

    def _replay(self, key: EdgeKey, a: str, b: str) -> None:
        now_a, now_b = self._current(a, key), self._current(b, key)
        merge_new = now_a is not now_b and now_a != now_b and self._complete(now_a, now_b)
        merge_old = self._old_merges(a, b, key)
        if merge_new or merge_old:
            for lead, now in ((a, now_a), (b, now_b)):
                if lead not in self.cluster_of:  # clean, and the two runs now differ on it
                    self._make_dirty(set(now), key)
        if merge_new:
            ca, cb = sorted((self.cluster_of[a], self.cluster_of[b]))
            for lid in self.members.pop(cb):
                self.cluster_of[lid] = ca
                self.members[ca].add(lid)

    def _current(self, lead: str, key: EdgeKey) -> set[str] | frozenset[str]:
        """The new run's cluster of ``lead`` just before link ``key``."""
        if lead in self.cluster_of:
            return self.members[self.cluster_of[lead]]
        return self._old_part(lead, key)

    def _old_merges(self, a: str, b: str, key: EdgeKey) -> bool:
        """Whether the old run merged two clusters on this link."""
        ea, eb = self.index.leads[a].event_id, self.index.leads[b].event_id
        return bool(ea) and ea == eb and b not in self._old_part(a, key)

    def _old_part(self, lead: str, key: EdgeKey) -> frozenset[str]:
        """The old run's cluster of ``lead`` just before link ``key``: its final cluster's
        links earlier than ``key``, joined up (every one of them was accepted)."""
        event_id = self.index.leads[lead].event_id
        if not event_id:
            return frozenset({lead})
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for k in self._links_of_event(event_id):
            if k >= key:
                break
            ra, rb = find(k[1]), find(k[2])
            if ra != rb:
                parent[rb] = ra
        root = find(lead)
        return frozenset(x for x in self._old_members(event_id) if find(x) == root)

    def _old_members(self, event_id: str) -> set[str]:
        return {
            lid
            for lid in self.index.events.get(event_id, ())
            if self.index.leads[lid].event_id == event_id
        }

    def _links_of_event(self, event_id: str) -> list[EdgeKey]:
        if event_id not in self._internal:
            leads = sorted(self._old_members(event_id))
            rules, by_id = self.index.rules, self.index.leads
            keys = [
                link_key(by_id[x].feats, x, by_id[y].feats, y, rules)
                for i, x in enumerate(leads)
                for y in leads[i + 1 :]
            ]
            self._internal[event_id] = sorted(k for k in keys if k is not None)
        return self._internal[event_id]

    def _complete(self, xs: Iterable[str], ys: Iterable[str]) -> bool:
        """Complete link: every pair across the two clusters is compatible."""
        leads, rules = self.index.leads, self.index.rules
        ys = list(ys)
        for x in xs:
            for y in ys:
                pair = (x, y) if x < y else (y, x)
                ok = self._verdicts.get(pair)
                if ok is None:
                    ok = compatible(leads[x].feats, leads[y].feats, rules)
                    self._verdicts[pair] = ok
                if not ok:
                    return False
        return True

    def _make_dirty(self, leads: set[str], after: EdgeKey | None) -> None:
        """Give ``leads`` (one current cluster) an explicit cluster, and queue their links
        that come after ``after`` in merge order."""
        cluster = self._next
        self._next += 1
        self.members[cluster] = set(leads)
        for lid in leads:
            self.cluster_of[lid] = cluster
            for key, _ in self.index.links(lid):
                if after is None or key > after:
                    heapq.heappush(self.heap, (key, key[1], key[2]))


def replay_update(index: ResolvedIndex, new_leads: Iterable[str]) -> tuple[list[set[str]], bool]:
    """The dirty leads' new clusters, and whether they are self-contained: every old event
    that holds a dirty lead must be dirty as a whole (else the caller re-clusters whole link
    components instead, which is always exact)."""
    clusters = Replay(index, new_leads).run()
    dirty = set().union(*clusters) if clusters else set()
    events = {index.leads[lid].event_id for lid in dirty} - {""}
    whole = all(index.events.get(e, set()) <= dirty for e in events)
    return clusters, whole


# -- over a store: load the neighbourhood the replay reads, then replay ---------------------


@dataclass(frozen=True, slots=True)
class Probe:
    """Where a report's link neighbours of one event type can be: its days (with slack)
    and, unless it is placed at country level, within ``radius_km`` of its place. ``iso``
    None probes the reports with no place (the ``unplaced`` block, resolve/unplaced.py)."""

    event_type: str
    iso: str | None
    lo: int  # day ordinals, inclusive
    hi: int
    latitude: float
    longitude: float
    radius_km: float | None  # None: anywhere in the country
    # The longest window (days, end - start) a partner can have; None: any. A cross-type
    # partner is dated to the day or a night (``crosstype.crosses_types``), so the store
    # need not search the block's longer windows for it.
    max_span: int | None = None
    # The reports of any country (or none) that name an unknown place: partners by name of
    # an unplaced report (resolve/unplaced.py); ``iso`` and the place are then unused.
    named: bool = False


class ResolvedSource(Protocol):
    """A resolved store, read a neighbourhood at a time (``eventscope.store.resolution``)."""

    def new_mentions(self) -> list[Mention]: ...

    def mentions_near(
        self, probes: Sequence[Probe], skip: set[tuple[str, str]]
    ) -> list[Mention]: ...

    def assignments(self, mention_ids: Iterable[str]) -> dict[str, str]: ...

    def event_reports(
        self, event_ids: Iterable[str], skip: set[tuple[str, str]]
    ) -> list[Mention]: ...


def resolve_added(
    source: ResolvedSource, rules: LinkRules, limit: int | None = None
) -> Change | None:
    """Resolve a store's new documents into its existing events, reading only what can link
    to them. Every report the replay makes dirty (or the component walk reaches) is probed
    once: the store's mentions of its block, days and surroundings are loaded, as the replay
    reads its links. A report the replay only looks at needs its old event, whose members
    are loaded whole. This repeats until nothing new was needed, so nothing read was partial.
    None when there are more than ``limit`` new mentions (a full resolution is cheaper)."""
    new = source.new_mentions()
    if limit is not None and len(new) > limit:
        return None
    index = ResolvedIndex(rules)
    seeds, previous = index.stage(new)
    loader = _Loader(source, index, {(m.doc_id, m.event_type) for m in new})

    def replay_reach() -> tuple[set[str], set[str]]:
        replay = Replay(index, seeds)
        dirty = set(seeds).union(*replay.run())
        return dirty, replay.touched | dirty

    while loader.load(*replay_reach()):
        pass
    change = index.replay(seeds)
    if change is not None:
        return change
    while loader.probe(index.component(seeds)):
        pass
    return index.recluster(index.component(seeds), previous)


class _Loader:
    """Loads the store's neighbourhood of each lead once. The unit loaded is a report key,
    (document, event type): every report is built from one such key's mentions, so a report
    is loaded whole or not at all; the probes (``_probes``) name the types a lead can link
    to, its own and, across types, the rest of its type family (``crosstype``)."""

    def __init__(self, source: ResolvedSource, index: ResolvedIndex, new: set[tuple[str, str]]):
        self.source, self.index = source, index
        self.loaded = set(new)
        self.probed: set[str] = set()
        self.events: set[str] = set()  # old events loaded whole

    def load(self, probe: Iterable[str], whole_events: Iterable[str]) -> bool:
        """Probe around ``probe`` and load the old events of ``whole_events`` whole (the
        replay reads a clean report's old cluster, not its links); False when both were
        done before."""
        probed = self.probe(probe)
        leads = self.index.leads
        todo = sorted({leads[lid].event_id for lid in whole_events} - self.events - {""})
        if not todo:
            return probed
        self.events.update(todo)
        self._add(self.source.event_reports(todo, self.loaded))
        return True

    def probe(self, leads: Iterable[str]) -> bool:
        """Load around the leads not probed yet; False when there were none."""
        todo = sorted(set(leads) - self.probed)
        if not todo:
            return False
        self.probed.update(todo)
        rules = self.index.rules
        probes = [p for lid in todo for p in _probes(self.index.leads[lid], rules)]
        self._add(self.source.mentions_near(probes, self.loaded) if probes else [])
        return True

    def _add(self, old: list[Mention]) -> None:
        self.loaded.update((m.doc_id, m.event_type) for m in old)
        self.index.add_resolved(old, self.source.assignments(m.mention_id for m in old))


def _probes(lead: _Lead, rules: LinkRules) -> list[Probe]:
    """Where the lead's link neighbours can be: its own event type's days (with slack) and
    surroundings and, when the lead may link across types (``crosstype``), the other
    political-violence types on its own days within ``distinct_town_km`` (a cross-type link
    needs the same days, without slack, and the same town); by an unknown place's name
    (resolve/unplaced.py), the unplaced reports of its days and, for an unplaced lead, the
    reports of any country that name such a place. Empty when only its own document can
    hold them (no date, or no place and no name)."""
    f, m = lead.feats, lead.mention
    if f.start is None or f.end is None:
        return []
    slack = rules.date_slack_days
    # partners by an unknown place's name (resolve/unplaced.py): an unplaced report's, in
    # its own block and in any other; a placed report's that names one, the unplaced ones
    unplaced = Probe(m.event_type, None, f.start - slack, f.end + slack, 0.0, 0.0, None)
    if lead.block[1] == UNPLACED_BLOCK:
        return [unplaced, replace(unplaced, named=True)]
    if m.location is None or lead.block[1].startswith("doc:"):
        return []
    named = [unplaced] if f.unknown else []
    iso, lat, lon = lead.block[1], m.location.latitude, m.location.longitude
    radius = None if f.country_level else rules.max_distance_km
    out = [Probe(m.event_type, iso, f.start - slack, f.end + slack, lat, lon, radius), *named]
    if crosses_types(f):
        others = sorted(POLITICAL_VIOLENCE - {m.event_type})
        town_km = rules.distinct_town_km
        out += [Probe(t, iso, f.start, f.end, lat, lon, town_km, CROSS_MAX_SPAN) for t in others]
    return out
