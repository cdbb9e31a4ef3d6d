"""Group compatible mentions into events: blocking, pair scoring, constrained clustering.

Blocking keeps the work far from all-pairs: only mentions of one event type in one country (or
one document when the place is unknown) are compared, and within a block only those whose date
windows can overlap. Clustering merges the best-scoring pairs first and refuses any merge that
would put two incompatible mentions in one cluster (complete-link on the cannot-link rules).
Pairs are sorted by score and then by ids, so the result does not depend on input order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from eventscope.models import Mention
from eventscope.resolve.compat import LinkRules, can_link, link_score


def block_key(m: Mention, doc_country: dict[tuple[str, str], str]) -> tuple[str, str]:
    """Event type and country. An unlocated mention goes to the country its own document
    reports for that event type, so it can still meet the located mentions of its report."""
    if m.location is not None and m.location.iso:
        return (m.event_type, m.location.iso)
    return (m.event_type, doc_country.get((m.doc_id, m.event_type), f"doc:{m.doc_id}"))


def _document_countries(mentions: Sequence[Mention]) -> dict[tuple[str, str], str]:
    """(doc, event type) -> the most frequent country among that document's mentions."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.location is not None and m.location.iso:
            counts[(m.doc_id, m.event_type)][m.location.iso] += 1
    return {k: min(c, key=lambda iso: (-c[iso], iso)) for k, c in counts.items()}


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
    # An undated mention can only link within its own document, so pair it with those alone.
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(block):
        by_doc[m.doc_id].append(i)
    for i, m in enumerate(block):
        if not m.date_start:
            for j in by_doc[m.doc_id]:
                if j != i and (block[j].date_start or j > i):
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
    eventive = [m for m in mentions if m.is_eventive]
    doc_country = _document_countries(eventive)
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in eventive:
        blocks[block_key(m, doc_country)].append(m)
    groups: list[list[Mention]] = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda m: m.mention_id)
        groups.extend(cluster_block(block, rules))
    return sorted(groups, key=lambda g: g[0].mention_id)
