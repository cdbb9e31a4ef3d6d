"""Average-link agglomerative clustering over a sparse graph of candidate links.

The dense version (:func:`eventscope.evaluate.coref_link.agglomerate`) keeps an n x n matrix
and scans it for the best pair at every merge: O(n²) memory and O(n³) time, which a long chain
of similar articles (one story a week for a year, each near its neighbours) makes unusable. Two
clusters can only reach an average similarity of ``threshold`` if some pair of their members
does, so the only cluster pairs worth scoring are those joined by such a pair (an *edge*). This
keeps the exact average (the sum over all member pairs, computed on demand by ``pair_sum``),
only for neighbouring clusters, in a heap ordered like the dense version (best average first,
ties to the lowest cluster indices).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

PairSum = Callable[[Sequence[int], Sequence[int]], float]


class _Clusters:
    """Clusters named by their lowest member, the sums between neighbours, and the heap."""

    def __init__(self, n: int, pair_sum: PairSum, threshold: float) -> None:
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.neighbours: dict[int, set[int]] = {}
        self.sums: dict[tuple[int, int], float] = {}
        self.heap: list[tuple[float, int, int, int, int]] = []
        self.pair_sum = pair_sum
        self.threshold = threshold

    def link(self, a: int, b: int) -> None:
        self.neighbours.setdefault(a, set()).add(b)
        self.neighbours.setdefault(b, set()).add(a)

    def sum_between(self, a: int, b: int) -> float:
        key = (min(a, b), max(a, b))
        if key not in self.sums:
            self.sums[key] = self.pair_sum(self.members[key[0]], self.members[key[1]])
        return self.sums[key]

    def push(self, a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        size_a, size_b = len(self.members[a]), len(self.members[b])
        average = self.sum_between(a, b) / (size_a * size_b)
        if average >= self.threshold:  # sizes tell a stale entry: clusters only grow
            heapq.heappush(self.heap, (-average, a, b, size_a, size_b))

    def merge(self, a: int, b: int) -> None:
        """Cluster ``b`` joins ``a`` (a < b); sums to the neighbours of either are added up."""
        around = (self.neighbours.pop(a, set()) | self.neighbours.pop(b, set())) - {a, b}
        merged = {k: self.sum_between(a, k) + self.sum_between(b, k) for k in around}
        for k in around:
            self.neighbours[k] -= {a, b}
            self.sums.pop((min(a, k), max(a, k)), None)
            self.sums.pop((min(b, k), max(b, k)), None)
        self.sums.pop((a, b), None)
        self.members[a].extend(self.members.pop(b))
        for k, total in merged.items():
            self.sums[(min(a, k), max(a, k))] = total
            self.link(a, k)
            self.push(a, k)


def average_link(
    n: int, edges: Iterable[tuple[int, int, float]], pair_sum: PairSum, threshold: float
) -> list[list[int]]:
    """Clusters of ``0..n-1``: best average similarity first while it reaches ``threshold``.

    ``edges`` (i, j, similarity) must include every pair of items whose similarity reaches
    ``threshold`` (extra pairs are harmless; a repeated pair keeps its first value).
    ``pair_sum(A, B)`` is the sum of the similarities between the members of A and of B,
    ``-inf`` when any pair may never link (a cannot-link)."""
    state = _Clusters(n, pair_sum, threshold)
    for a, b, value in edges:
        if a != b:
            state.link(a, b)
            state.sums.setdefault((min(a, b), max(a, b)), value)
    for a in sorted(state.neighbours):
        for b in sorted(state.neighbours[a]):
            if a < b:
                state.push(a, b)
    while state.heap:
        _, a, b, size_a, size_b = heapq.heappop(state.heap)
        members = state.members
        if a in members and b in members and (len(members[a]), len(members[b])) == (size_a, size_b):
            state.merge(a, b)
    return [sorted(m) for m in state.members.values()]
