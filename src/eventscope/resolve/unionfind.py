"""Disjoint sets over 0..n-1 that keep their member lists: the one union-find behind mention
clustering, story grouping and the CEAF scorer's connected groups."""

from __future__ import annotations


class UnionFind:
    """Path-halving union-find. The lower root wins a union, so results never depend on the
    order of unions; ``members`` maps each root to its members in the order they joined."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join the sets of ``a`` and ``b``; False when they already were one."""
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb:
            return False
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return True

    def groups(self) -> list[list[int]]:
        """Every set, its members ascending, the sets ordered by their lowest member."""
        return sorted(sorted(m) for m in self.members.values())
