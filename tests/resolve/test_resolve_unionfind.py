"""The shared union-find: lower roots win, members are kept, repeated unions are harmless."""

from __future__ import annotations

from eventscope.resolve.unionfind import UnionFind


def test_unions_join_sets_under_the_lowest_root_and_keep_members() -> None:
    sets = UnionFind(6)
    assert sets.union(4, 2) and sets.union(5, 4) and sets.union(0, 1)
    assert not sets.union(2, 5)  # already one set: nothing changes
    assert sets.find(5) == 2 and sets.find(1) == 0
    assert sorted(sets.members[2]) == [2, 4, 5]
    assert sets.groups() == [[0, 1], [2, 4, 5], [3]]


def test_the_result_does_not_depend_on_the_order_of_unions() -> None:
    pairs = [(3, 7), (1, 3), (8, 9), (7, 0), (9, 5)]
    forward, backward = UnionFind(10), UnionFind(10)
    for a, b in pairs:
        forward.union(a, b)
    for a, b in reversed(pairs):
        backward.union(b, a)
    assert forward.groups() == backward.groups() == [[0, 1, 3, 7], [2], [4], [5, 8, 9], [6]]
    assert {forward.find(i) for i in (0, 1, 3, 7)} == {0}
