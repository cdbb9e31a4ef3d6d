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
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from eventscope.resolve.compat import compatible
from eventscope.resolve.incremental import EdgeKey, ResolvedIndex, link_key


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
