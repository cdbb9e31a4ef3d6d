"""Group compatible mentions into events: blocking, pair scoring, constrained clustering.

Blocking keeps the work far from all-pairs: only mentions of one event type in one country (or
one document when the place is unknown) are compared, and within a block only those whose date
windows can overlap. Clustering merges the best-scoring pairs first and refuses any merge that
would put two incompatible mentions in one cluster (complete-link on the cannot-link rules).
Pairs are sorted by score and then by ids, so the result does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from eventscope.models import Mention
from eventscope.resolve.compat import LinkRules, can_link, link_score


def block_key(m: Mention) -> tuple[str, str]:
    where = m.location.iso if m.location is not None and m.location.iso else f"doc:{m.doc_id}"
    return (m.event_type, where)


def _date_ordinal(m: Mention) -> int | None:
    return date.fromisoformat(m.date_start[:10]).toordinal() if m.date_start else None


def candidate_pairs(block: Sequence[Mention], rules: LinkRules) -> Iterable[tuple[int, int]]:
    """Index pairs within a block whose date windows may overlap (sorted sweep)."""
    dated = sorted(
        (i for i, m in enumerate(block) if m.date_start),
        key=lambda i: (_date_ordinal(block[i]), block[i].mention_id),
    )
    slack = timedelta(days=rules.date_slack_days)
    for pos, i in enumerate(dated):
        end = date.fromisoformat((block[i].date_end or block[i].date_start or "")[:10]) + slack
        for j in dated[pos + 1 :]:
            if date.fromisoformat((block[j].date_start or "")[:10]) > end:
                break
            yield i, j
    undated = [i for i, m in enumerate(block) if not m.date_start]
    for pos, i in enumerate(undated):
        for j in undated[pos + 1 :]:
            yield i, j


class _Clusters:
    """Union-find that keeps member lists, so complete-link checks are cheap to run."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster_block(block: Sequence[Mention], rules: LinkRules) -> list[list[Mention]]:
    scored = []
    for i, j in candidate_pairs(block, rules):
        a, b = block[i], block[j]
        if can_link(a, b, rules):
            score = link_score(a, b)
            if score >= rules.min_score:
                key = tuple(sorted((a.mention_id, b.mention_id)))
                scored.append((-score, key, i, j))
    scored.sort()
    clusters = _Clusters(len(block))
    for _, _, i, j in scored:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        if all(
            can_link(block[x], block[y], rules)
            for x in clusters.members[ri]
            for y in clusters.members[rj]
        ):
            clusters.union(ri, rj)
    groups = [
        sorted((block[i] for i in idx), key=lambda m: m.mention_id)
        for idx in clusters.members.values()
    ]
    return sorted(groups, key=lambda g: g[0].mention_id)


def cluster_mentions(mentions: Iterable[Mention], rules: LinkRules) -> list[list[Mention]]:
    """Partition eventive mentions into clusters, one per real-world event."""
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.is_eventive:
            blocks[block_key(m)].append(m)
    groups: list[list[Mention]] = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda m: m.mention_id)
        groups.extend(cluster_block(block, rules))
    return sorted(groups, key=lambda g: g[0].mention_id)
