"""Group compatible mentions into events: blocking, pair scoring, constrained clustering.

Two phases. First, mentions within one document are grouped into that document's reports
(a headline, the lede and a follow-up sentence about one strike). Then reports are linked
across documents through each report's lead mention, whose date and place are filled from the
rest of its report: an undated headline must not stop its article from joining the others.

Blocking keeps the work far from all-pairs: only reports of one type family in one country are
compared across documents (Battles, Violence against civilians and Explosions/Remote violence
are one family: see ``crosstype``), and within a block only those whose date windows can overlap.
Clustering merges the best-scoring pairs first and refuses any merge that would put two
incompatible items in one cluster (complete-link on the cannot-link rules). Pairs are sorted
by score and then by ids, so the result does not depend on input order.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from eventscope.models import Mention
from eventscope.resolve.compat import (
    Features,
    LinkRules,
    compatible,
    features,
    needs_wording,
    score,
)
from eventscope.resolve.crosstype import type_family
from eventscope.resolve.means import MEANS_TYPES, is_emplaced, means_families
from eventscope.resolve.separate import with_separate_cue
from eventscope.resolve.summaries import statement_dated
from eventscope.resolve.unionfind import UnionFind
from eventscope.resolve.unplaced import (
    block_groups,
    block_place,
    lead_keys,
    with_headline,
    with_unknown_places,
)


def block_key(m: Mention) -> tuple[str, str]:
    """(type family, country): the three political-violence types share a block, since one
    event can be reported under any of them (``crosstype``); other types keep their own.
    Reports with no location share the block of those naming unknown places when they name
    one (``unplaced``), else have one of their own document."""
    where = m.location.iso if m.location is not None and m.location.iso else f"doc:{m.doc_id}"
    # a report placed only by a name the gazetteer lacks meets the others naming one
    return (type_family(m.event_type), block_place(m) or where)


def candidate_pairs(block: Sequence[Mention], rules: LinkRules) -> Iterable[tuple[int, int]]:
    """Index pairs within a block whose date windows may overlap (sorted sweep)."""
    return _candidate_pairs(block, [features(m) for m in block], rules)


def _candidate_pairs(
    block: Sequence[Mention], feats: Sequence[Features], rules: LinkRules
) -> Iterator[tuple[int, int]]:
    """Each pair that may link, once; a dated pair as (earlier, later) in (start, mention id)
    order, the orientation the score is read in."""
    dated = sorted(
        (i for i, f in enumerate(feats) if f.start is not None),
        key=lambda i: (feats[i].start, block[i].mention_id),
    )
    yield from _dated_pairs(dated, feats, rules)
    # An undated mention can only link within its own document, so pair it with those alone.
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(block):
        by_doc[m.doc_id].append(i)
    for i, f in enumerate(feats):
        if f.start is None:
            for j in by_doc[f.doc_id]:
                if j != i and (feats[j].start is not None or j > i):
                    yield i, j


# A run of dated items in date order, with their ranks and starts for bisecting.
_Run = tuple[list[int], list[int], list[int]]


def _run(items: Sequence[int], rank: dict[int, int], feats: Sequence[Features]) -> _Run:
    return [rank[j] for j in items], [feats[j].start or 0 for j in items], list(items)


def _later(i: int, run: _Run, rank: dict[int, int], end: int) -> Iterator[tuple[int, int]]:
    """(i, j) for the j of ``run`` after i whose windows can overlap i's: sorted by start, j
    overlaps i exactly while j starts before i ends (with slack)."""
    ranks, starts, items = run
    first = bisect_right(ranks, rank[i])
    for j in items[first : bisect_right(starts, end, lo=first)]:
        yield i, j


def _dated_pairs(
    dated: Sequence[int], feats: Sequence[Features], rules: LinkRules
) -> Iterator[tuple[int, int]]:
    """Date-window sweep; in big blocks also a spatial grid, so that a busy country's strikes
    are only compared with those within reach (cells as wide as ``max_distance_km``) and
    with the country-level reports, which may match anything in the country."""
    rank = {i: r for r, i in enumerate(dated)}
    slack = rules.date_slack_days
    everything = _run(dated, rank, feats)
    if len(dated) <= _GRID_MIN:
        for i in dated:
            yield from _later(i, everything, rank, (feats[i].end or 0) + slack)
        return
    wide = {i for i in dated if feats[i].iso is None or feats[i].country_level}
    wide_run = _run([i for i in dated if i in wide], rank, feats)
    cell_of, nx = _cells([i for i in dated if i not in wide], feats, rules.max_distance_km)
    members: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in dated:
        if i in cell_of:
            members[cell_of[i]].append(i)
    runs = {c: _run(items, rank, feats) for c, items in members.items()}
    for i in dated:
        end = (feats[i].end or 0) + slack
        if i not in cell_of:
            yield from _later(i, everything, rank, end)
            continue
        cy, cx = cell_of[i]
        near = {(cy + dy, (cx + dx) % nx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)}
        for c in near:
            if c in runs:
                yield from _later(i, runs[c], rank, end)
        yield from _later(i, wide_run, rank, end)


_GRID_MIN = 200  # below this many dated items a plain sweep is cheaper than a grid
_EARTH_KM = 6371.0


def _cells(
    items: Sequence[int], feats: Sequence[Features], max_km: float
) -> tuple[dict[int, tuple[int, int]], int]:
    """Grid cell (lat row, lon column) of each item. Two places within ``max_km`` differ by
    at most one cell each way: latitude by at most max_km / R, longitude (from the haversine
    formula) by at most 2 asin(sin(max_km / 2R) / cos(lat)) at the block's highest |lat|."""
    if not items:
        return {}, 1
    half = max_km / (2 * _EARTH_KM)
    row = 2 * half * (1 + 1e-9)
    cos_min = min(feats[i].cos_lat for i in items)
    ratio = math.sin(half) / cos_min if cos_min > 0 else 2.0
    col = 2 * math.asin(ratio) * (1 + 1e-9) if ratio < 1 else 2 * math.pi
    nx = max(1, int(2 * math.pi // col))  # columns at least ``col`` wide, wrapping at 180°
    width = 2 * math.pi / nx
    cells = {
        i: (math.floor(feats[i].lat / row), int((feats[i].lon + math.pi) // width) % nx)
        for i in items
    }
    return cells, nx


def scored_pairs(
    block: Sequence[Mention], feats: Sequence[Features], rules: LinkRules
) -> list[tuple[float, int, int]]:
    """Linkable pairs as (-score, i, j) with i < j, best first. The block is sorted by
    mention id, so index order is id order and ties break on ids as before."""
    pairs = [
        (i, j)
        for i, j in _candidate_pairs(block, feats, rules)
        if compatible(feats[i], feats[j], rules)
    ]
    if rules.semantic_text:  # encode the sentences the wording must decide, in batches
        from eventscope.resolve.semantic import prepare

        prepare(
            s
            for i, j in pairs
            if needs_wording(feats[i], feats[j], rules)
            for s in (feats[i].sentence, feats[j].sentence)
        )
    scored = []
    for i, j in pairs:
        s = score(feats[i], feats[j], rules)
        if s >= rules.min_score:
            scored.append((-s, i, j) if i < j else (-s, j, i))
    scored.sort()
    return scored


def cluster_block(block: Sequence[Mention], rules: LinkRules) -> list[list[Mention]]:
    if len(block) == 1:  # most reports are one sentence: nothing to compare
        return [[block[0]]]
    block = sorted(block, key=lambda m: m.mention_id)
    feats = [features(m) for m in block]
    clusters = UnionFind(len(block))
    # Pair verdicts are cached: the complete-link check asks about the same pairs repeatedly.
    verdicts: dict[tuple[int, int], bool] = {}
    for _, i, j in scored_pairs(block, feats, rules):
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        if _all_compatible(clusters.members[ri], clusters.members[rj], feats, rules, verdicts):
            clusters.union(ri, rj)
    groups = [[block[i] for i in sorted(idx)] for idx in clusters.members.values()]
    return sorted(groups, key=lambda g: g[0].mention_id)


def _all_compatible(
    xs: Sequence[int],
    ys: Sequence[int],
    feats: Sequence[Features],
    rules: LinkRules,
    verdicts: dict[tuple[int, int], bool],
) -> bool:
    for x in xs:
        for y in ys:
            key = (x, y) if x < y else (y, x)
            ok = verdicts.get(key)
            if ok is None:
                ok = verdicts[key] = compatible(feats[x], feats[y], rules)
            if not ok:
                return False
    return True


def _lead(report: Sequence[Mention]) -> Mention:
    """The mention that speaks for a report: dated and located first, then asserted, then the
    earliest; a missing place is taken from the most precise member that has one (a missing
    date cannot be: a dated member would have been chosen)."""
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
    if lead.location is None:
        located = [m for m in report if m.location is not None]
        if located:
            src = min(located, key=lambda m: (m.location.geo_precision, m.start))  # type: ignore[union-attr]
            lead = replace(lead, location=src.location)
    lead = with_headline(lead, report)
    lead = with_separate_cue(with_unknown_places(lead, report), report)
    return _with_named_means(_with_means(_with_narrowest_date(lead, report), report), report)


_TOLD_AS_FACT = frozenset({"asserted", "reported", "claimed"})


def _with_narrowest_date(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead with the narrowest date window a member gives inside its own (revision 15):
    "It was the second strike on the town this week" leads a report whose other sentence
    says Wednesday; the week must not reach the Monday strike of another article."""
    if lead.date_start is None or lead.date_end is None:
        return lead
    inside = [
        m for m in report
        if m.date_start is not None and m.date_end is not None
        and lead.date_start <= m.date_start and m.date_end <= lead.date_end
        and m.modality in _TOLD_AS_FACT  # a denied or alleged day dates nothing (review)
        and not statement_dated(m)  # nor does a statement's day (session 17)
    ]  # fmt: skip
    best = min(inside, key=lambda m: (_days(m), m.start, m.mention_id), default=lead)
    if _days(best) >= _days(lead):
        return lead
    return replace(
        lead, date_start=best.date_start, date_end=best.date_end,
        time_precision=min(lead.time_precision, best.time_precision),
    )  # fmt: skip


def _days(m: Mention) -> int:
    """The width of a dated mention's window in days (ISO dates compare as days do)."""
    return (date.fromisoformat(m.date_end) - date.fromisoformat(m.date_start)).days  # type: ignore[arg-type]


def _with_means(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead with the report's specific means ("an explosion ... a suicide bomber"): a
    report told with a generic type speaks for the suicide bombing another member names, so
    the cannot-link rule on means (:data:`means.MEANS_TYPES`) sees it."""
    if lead.sub_event_type in MEANS_TYPES:
        return lead
    for m in report:
        if m.sub_event_type in MEANS_TYPES and m.event_type == lead.event_type:
            return replace(lead, sub_event_type=m.sub_event_type)
    return _with_emplaced(lead, report)


def _with_emplaced(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead of an "explosion" report with the weapons of a member that names a roadside
    bomb, IED or mine: the rule that such a bomb is never an air strike then sees it."""
    weapons = frozenset(lead.weapons)
    if is_emplaced(lead.sub_event_type, weapons):
        return lead
    for m in report:
        if m.sub_event_type == lead.sub_event_type and is_emplaced(
            m.sub_event_type, frozenset(m.weapons)
        ):
            return replace(lead, weapons=tuple(sorted(weapons | frozenset(m.weapons))))
    return lead


def _with_named_means(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead of a report told with a bare "missile strike" or "attack" with the weapons
    of its members that name the means: "Shahed drones hit a substation ... hours after the
    deadly missile strike" is a drone report whichever sentence leads it, so the rule that a
    drone is not a ballistic missile (``means.means_differ``) sees it (round 9, session 13)."""
    if means_families(lead.weapons, lead.trigger):
        return lead
    # A report holds one event type (``report_key``), so every member speaks for the lead.
    named = {w for m in report for w in m.weapons if means_families((w,))}
    if not named:
        return lead
    return replace(lead, weapons=tuple(sorted(set(lead.weapons) | named)))


def _cluster_by(
    items: Iterable[Mention], key: Callable[[Mention], tuple[str, str]], rules: LinkRules
) -> list[list[Mention]]:
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in items:
        blocks[key(m)].append(m)
    groups: list[list[Mention]] = []
    # One block at a time: peak memory follows the largest block, never all pairs.
    for k in sorted(blocks):
        groups.extend(cluster_block(blocks.pop(k), rules))
    return groups


def report_key(m: Mention) -> tuple[str, str]:
    return (m.doc_id, m.event_type)


def build_reports(
    mentions: Iterable[Mention], rules: LinkRules
) -> list[tuple[Mention, list[Mention]]]:
    """Each document's reports with their lead mentions (phase 1)."""
    eventive = [m for m in mentions if m.is_eventive]
    # Within one article, compatible mentions of one event type are one report whatever their
    # wording: the score threshold only guards links between articles.
    reports = _cluster_by(eventive, report_key, replace(rules, min_score=0))
    return [(_lead(report), report) for report in reports]


def link_reports(
    reports: Sequence[tuple[Mention, list[Mention]]], rules: LinkRules
) -> list[list[Mention]]:
    """Link reports across documents through their leads (phase 2); mentions per event."""
    by_lead = {lead.mention_id: report for lead, report in reports}
    linked = link_leads([lead for lead, _ in reports], rules)
    events = [
        sorted((m for lead in group for m in by_lead[lead.mention_id]), key=lambda m: m.mention_id)
        for group in linked
    ]
    return sorted(events, key=lambda g: g[0].mention_id)


def link_leads(leads: Iterable[Mention], rules: LinkRules) -> list[list[Mention]]:
    """Clusters of report leads, block by block (type family, country: ``block_key``); the
    blocks that unplaced leads join by an unknown place's name are clustered together
    (``unplaced.block_groups``)."""
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in leads:
        blocks[block_key(m)].append(m)
    keys = {m.mention_id: k for b in blocks.values() for m in b if (k := lead_keys(m))}
    groups: list[list[Mention]] = []
    for group in block_groups(blocks, keys):
        groups.extend(cluster_block(group, rules))
    return groups


def cluster_mentions(mentions: Iterable[Mention], rules: LinkRules) -> list[list[Mention]]:
    """Partition eventive mentions into clusters, one per real-world event."""
    return link_reports(build_reports(mentions, rules), rules)
