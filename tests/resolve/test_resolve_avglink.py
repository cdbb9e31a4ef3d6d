"""Sparse average linkage gives the clusters of the dense matrix version."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.evaluate.coref_link import agglomerate
from eventscope.resolve.avglink import average_link


def sparse_clusters(sim: np.ndarray, threshold: float) -> list[list[int]]:
    n = sim.shape[0]
    edges = [(i, j, sim[i, j]) for i in range(n) for j in range(i + 1, n) if sim[i, j] >= threshold]
    return average_link(n, edges, lambda a, b: float(sim[np.ix_(a, b)].sum()), threshold)


def test_chain_does_not_collapse() -> None:
    """a-b and b-c are close, a-c far: average linkage joins one pair, not all three."""
    sim = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.8], [0.0, 0.8, 1.0]])
    assert sorted(sparse_clusters(sim, 0.5)) == [[0, 1], [2]]


def test_cannot_link_keeps_clusters_apart() -> None:
    sim = np.array([[1.0, 0.9, 0.9], [0.9, 1.0, -np.inf], [0.9, -np.inf, 1.0]])
    assert sorted(sparse_clusters(sim, 0.5)) == [[0, 1], [2]]


def test_no_edges_gives_singletons() -> None:
    assert average_link(3, [], lambda a, b: 0.0, 0.3) == [[0], [1], [2]]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 14),
    seed=st.integers(0, 10_000),
    threshold=st.sampled_from([0.2, 0.4, 0.6]),
    cut=st.floats(0, 0.3),
)
def test_same_clusters_as_dense(n: int, seed: int, threshold: float, cut: float) -> None:
    rng = np.random.default_rng(seed)
    sim = rng.random((n, n)).round(3)  # rounded: no float near-ties between the two orders
    sim = (sim + sim.T) / 2
    forbid = rng.random((n, n)) < cut
    sim[forbid | forbid.T] = -np.inf
    np.fill_diagonal(sim, 1.0)
    assert sorted(sparse_clusters(sim, threshold)) == sorted(agglomerate(sim, threshold))
