"""Sparse, windowed TF-IDF cosine: same values and same links as the dense matrix."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.evaluate.coref_link import doc_similarity
from eventscope.evaluate.coref_reader import CorefDoc
from eventscope.resolve import textsim
from eventscope.resolve.textsim import block_similarity, linked_pairs, pair_sum, tfidf_rows

WORDS = [f"word{c}{d}" for c in "abcdefgh" for d in "xyz"]


def corpus(seed: int, n: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(WORDS) for _ in range(rng.randint(0, 12))] for _ in range(n)]


def dense(bags: list[list[str]]) -> np.ndarray:
    docs = [
        CorefDoc(name=str(i), topic="", subtopic="", sentences={0: b}) for i, b in enumerate(bags)
    ]
    return doc_similarity(docs, set())


def brute_pairs(sim: np.ndarray, days: np.ndarray, window: int, threshold: float) -> set:
    n = len(days)
    return {
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if sim[i, j] >= threshold and not abs(days[i] - days[j]) > window
    }


def test_values_match_the_dense_matrix() -> None:
    bags = corpus(1, 40)
    rows = tfidf_rows(bags)
    every = np.arange(len(bags))
    assert np.allclose(block_similarity(rows, every, every), dense(bags), atol=1e-12)


def test_empty_documents_and_corpus() -> None:
    rows = tfidf_rows([[], ["alpha", "beta"], []])
    sim = block_similarity(rows, np.arange(3), np.arange(3))
    assert sim[0].tolist() == [0.0, 0.0, 0.0]
    assert abs(sim[1, 1] - 1.0) < 1e-12
    assert list(linked_pairs(tfidf_rows([]), np.zeros(0), 14, 0.3)) == []


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(1, 30),
    undated=st.floats(0, 1),
    window=st.integers(0, 10),
    threshold=st.sampled_from([0.05, 0.2, 0.3, 0.6]),
)
def test_links_match_brute_force(
    seed: int, n: int, undated: float, window: int, threshold: float
) -> None:
    """Small blocks force documents to meet across blocks, dated and undated alike."""
    rng = random.Random(seed)
    bags = corpus(seed, n)
    days = np.array([np.nan if rng.random() < undated else float(rng.randint(0, 30)) for _ in bags])
    old = textsim._BLOCK
    textsim._BLOCK = 4
    try:
        found = set(linked_pairs(tfidf_rows(bags), days, window, threshold))
    finally:
        textsim._BLOCK = old
    assert {(i, j) for i, j, _ in found} == brute_pairs(dense(bags), days, window, threshold)


def test_window_is_a_cannot_link_between_groups() -> None:
    rows = tfidf_rows([["alpha", "beta", "gamma"]] * 3 + [["delta"]])
    days = np.array([0.0, 20.0, np.nan, 5.0])
    assert pair_sum(rows, days, 14, [0], [1]) == float("-inf")
    assert pair_sum(rows, days, 14, [0, 3], [1]) == float("-inf")
    # An undated document links either way; "delta" shares nothing.
    assert abs(pair_sum(rows, days, 14, [0, 1], [2]) - 2.0) < 1e-9
    assert abs(pair_sum(rows, days, 14, [0], [2, 3]) - 1.0) < 1e-9
