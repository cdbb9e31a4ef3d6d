"""Coreference metrics as in the CoNLL-2012 reference scorer (Pradhan et al. 2014).

Key and response are partitions of mention ids (lists of clusters). Scores are pooled over the
whole corpus, the usual cross-document setting; clusters never span topics, so CEAF-e's optimal
assignment splits into small independent problems, one per connected group of overlapping
clusters, each solved exactly by the Hungarian method below (scipy is not a dependency).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

from eventscope.resolve.unionfind import UnionFind

Cluster = frozenset[Hashable]


def _clusters(groups: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    return [frozenset(g) for g in groups if g]


def _f1(num_r: float, den_r: float, num_p: float, den_p: float) -> dict[str, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"recall": r, "precision": p, "f1": f}


def _index(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Sequence[Cluster], other: Sequence[Cluster]) -> tuple[int, int]:
    """Sum of |K| - |partitions of K by other| and of |K| - 1 (Vilain et al. 1995)."""
    where = _index(other)
    num = den = 0
    for k in key:
        # a mention missing from the other side is a partition on its own
        parts = {where.get(m, ("missing", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, float]:
    k, r = _clusters(key), _clusters(response)
    rn, rd = _muc_side(k, r)
    pn, pd = _muc_side(r, k)
    return _f1(rn, rd, pn, pd)


def _b3_side(key: Sequence[Cluster], other: Sequence[Cluster]) -> tuple[float, int]:
    where = _index(other)
    total = 0.0
    for k in key:
        overlap: dict[int, int] = defaultdict(int)
        for m in k:
            if m in where:
                overlap[where[m]] += 1
        total += sum(n * n for n in overlap.values()) / len(k)
    return total, sum(len(k) for k in key)


def b_cubed(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, float]:
    k, r = _clusters(key), _clusters(response)
    rn, rd = _b3_side(k, r)
    pn, pd = _b3_side(r, k)
    return _f1(rn, rd, pn, pd)


def hungarian_max(weights: np.ndarray) -> float:
    """Total weight of a maximum-weight assignment (rows to distinct columns), exact.

    The O(n^2 m) shortest-augmenting-path form of Kuhn-Munkres on the negated matrix; a wide
    matrix is required, so a tall one is transposed (the optimum is the same)."""
    w = np.asarray(weights, dtype=float)
    if w.size == 0:
        return 0.0
    if w.shape[0] > w.shape[1]:
        w = w.T
    n, m = w.shape
    cost = -w
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    match = np.zeros(m + 1, dtype=int)  # column -> row (1-based, 0 = free)
    for row in range(1, n + 1):
        match[0], col0 = row, 0
        best = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        prev = np.zeros(m + 1, dtype=int)
        while match[col0]:
            used[col0] = True
            r0 = match[col0]
            free = ~used[1:]
            cur = cost[r0 - 1] - u[r0] - v[1:]
            better = free & (cur < best[1:])
            best[1:][better] = cur[better]
            prev[1:][better] = col0
            cand = np.where(free, best[1:], np.inf)
            col1 = int(np.argmin(cand)) + 1
            delta = cand[col1 - 1]
            u[match[used]] += delta
            v[used] -= delta
            best[1:][free] -= delta
            col0 = col1
        while col0:
            col1 = prev[col0]
            match[col0] = match[col1]
            col0 = col1
    rows = match[1:]
    return float(sum(w[rows[c] - 1, c] for c in range(m) if rows[c]))


def _components(
    key: Sequence[Cluster], response: Sequence[Cluster]
) -> list[tuple[list[int], list[int]]]:
    """Groups of key and response clusters linked by shared mentions (union-find)."""
    sets = UnionFind(len(key) + len(response))
    where = _index(key)
    for j, r in enumerate(response):
        for mention in r:
            if mention in where:
                sets.union(len(key) + j, where[mention])
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key)):
        groups[sets.find(i)][0].append(i)
    for j in range(len(response)):
        groups[sets.find(len(key) + j)][1].append(j)
    return list(groups.values())


def ceaf_e(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, float]:
    """Entity-based CEAF with phi4(K, R) = 2|K & R| / (|K| + |R|) (Luo 2005)."""
    k, r = _clusters(key), _clusters(response)
    total = 0.0
    for ks, rs in _components(k, r):
        if not ks or not rs:
            continue
        sim = np.array([[2 * len(k[i] & r[j]) / (len(k[i]) + len(r[j])) for j in rs] for i in ks])
        total += hungarian_max(sim)
    return _f1(total, len(k), total, len(r))


def conll_scores(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e (recall, precision, F1 each) and their mean F1, rounded."""
    k, r = _clusters(key), _clusters(response)
    out: dict[str, float] = {}
    f1s = []
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceaf_e", ceaf_e)):
        scores = fn(k, r)
        f1s.append(scores["f1"])
        out.update({f"{name}_{part}": round(val, 4) for part, val in scores.items()})
    out["conll_f1"] = round(sum(f1s) / 3, 4)
    return out
