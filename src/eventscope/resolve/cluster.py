"""Group compatible mentions into events: blocking, pair scoring, constrained clustering.

Two phases. First, mentions within one document are grouped into that document's reports
(a headline, the lede and a follow-up sentence about one strike). Then reports are linked
across documents through each report's lead mention, whose date and place are filled from the
rest of its report: an undated headline must not stop its article from joining the others.

Blocking keeps the work far from all-pairs: only reports of one event type in one country are
compared across documents, and within a block only those whose date windows can overlap.
Clustering merges the best-scoring pairs first and refuses any merge that would put two
incompatible items in one cluster (complete-link on the cannot-link rules). Pairs are sorted
by score and then by ids, so the result does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
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


def _lead(report: Sequence[Mention]) -> Mention:
    """The mention that speaks for a report: dated and located first, then asserted, then the
    earliest; a missing date or place is taken from the most precise member that has one."""
    lead = min(
        report,
        key=lambda m: (
            m.date_start is None,
            m.location is None,
            m.modality != "asserted",
            m.start,
            m.mention_id,
        ),
    )
    if lead.date_start is None:
        dated = [m for m in report if m.date_start]
        if dated:
            src = min(dated, key=lambda m: (m.time_precision, m.start))
            lead = replace(
                lead,
                date_start=src.date_start,
                date_end=src.date_end,
                time_precision=src.time_precision,
            )
    if lead.location is None:
        located = [m for m in report if m.location is not None]
        if located:
            src = min(located, key=lambda m: (m.location.geo_precision, m.start))  # type: ignore[union-attr]
            lead = replace(lead, location=src.location)
    return lead


def _cluster_by(
    items: Iterable[Mention], key: Callable[[Mention], tuple[str, str]], rules: LinkRules
) -> list[list[Mention]]:
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in items:
        blocks[key(m)].append(m)
    groups: list[list[Mention]] = []
    for k in sorted(blocks):
        groups.extend(cluster_block(sorted(blocks[k], key=lambda m: m.mention_id), rules))
    return groups


def cluster_mentions(mentions: Iterable[Mention], rules: LinkRules) -> list[list[Mention]]:
    """Partition eventive mentions into clusters, one per real-world event."""
    eventive = [m for m in mentions if m.is_eventive]
    # Within one article, compatible mentions of one event type are one report whatever their
    # wording: the score threshold only guards links between articles.
    reports = _cluster_by(eventive, lambda m: (m.doc_id, m.event_type), replace(rules, min_score=0))
    by_lead: dict[str, list[Mention]] = {}
    leads = []
    for report in reports:
        lead = _lead(report)
        by_lead[lead.mention_id] = report
        leads.append(lead)
    linked = _cluster_by(leads, block_key, rules)
    events = [
        sorted((m for lead in group for m in by_lead[lead.mention_id]), key=lambda m: m.mention_id)
        for group in linked
    ]
    return sorted(events, key=lambda g: g[0].mention_id)
