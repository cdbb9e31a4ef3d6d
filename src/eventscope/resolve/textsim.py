"""Sparse TF-IDF cosine between documents, computed only where a date window allows a link.

Story grouping needs the TF-IDF cosine of every pair of articles that may link, but a dense
documents x vocabulary matrix and a dense documents x documents matrix grow as N x V and N²:
about 400 MB at 1,000 articles and far beyond the machine at 100,000. Here each document is a
sparse row (term ids and weights), and similarities are computed a block at a time: articles
sorted by publication date, a block of them against the articles within ``window_days`` after
the block's first, so memory is bounded by the block size and the window, not the corpus.
Undated articles can link with anything and are compared with every article (a corpus of
mostly undated articles is therefore quadratic in time, but still bounded in memory).

The weights are those of :func:`eventscope.evaluate.coref_link.doc_similarity`: log-scaled
counts times log((1 + N) / (1 + df)), rows scaled to unit length; the values agree with it to
rounding (checked in the tests).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

_BLOCK = 256  # documents per block: block x block-vocabulary float64 stays near 30 MB


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Unit-length TF-IDF rows in CSR form: row i is ``indices[indptr[i]:indptr[i + 1]]``."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.indptr[i], self.indptr[i + 1]
        return self.indices[lo:hi], self.data[lo:hi]


def content_words(words: Sequence[str], stop: set[str]) -> list[str]:
    """Lower-cased alphabetic words of three letters or more that are not stop words."""
    lowered = (w if w.islower() else w.lower() for w in words)
    return [w for w in lowered if len(w) > 2 and w not in stop and w.isalpha()]


def tfidf_rows(bags: Sequence[Sequence[str]]) -> SparseRows:
    """One sparse unit row per bag of words (already filtered to content words)."""
    vocab: dict[str, int] = {}
    ids: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    for bag in bags:  # term ids per document as small arrays, never a dict per document
        tally = Counter(bag)
        terms = np.fromiter((vocab.setdefault(w, len(vocab)) for w in tally), np.int64, len(tally))
        order = np.argsort(terms)
        ids.append(terms[order])
        counts.append(np.fromiter(tally.values(), np.int64, len(tally))[order])
    df = np.bincount(np.concatenate(ids), minlength=len(vocab)) if ids else np.zeros(0)
    idf = np.log((1 + len(bags)) / (1 + df))
    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(u) for u in ids])
    data: list[np.ndarray] = []
    for uniq, cnt in zip(ids, counts, strict=True):
        weights = (1 + np.log(cnt)) * idf[uniq]
        norm = float(np.linalg.norm(weights))
        data.append(weights / norm if norm else weights)
    empty = np.zeros(0)
    return SparseRows(
        indptr=indptr,
        indices=np.concatenate(ids) if ids else empty.astype(np.int64),
        data=np.concatenate(data) if data else empty,
    )


def block_similarity(rows: SparseRows, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosines of rows ``left`` x rows ``right`` (dense, len(left) x len(right)).

    Only the terms of the left rows matter, so both sides are laid out over that vocabulary."""
    terms = np.unique(np.concatenate([rows.row(i)[0] for i in left])) if len(left) else []
    out = np.zeros((len(left), len(right)))
    if not len(terms):
        return out
    lhs = _dense(rows, left, terms)
    for start in range(0, len(right), _BLOCK):
        part = right[start : start + _BLOCK]
        out[:, start : start + len(part)] = lhs @ _dense(rows, part, terms).T
    return out


def _dense(rows: SparseRows, which: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """Rows ``which`` as a dense matrix over ``terms`` (sorted); other terms are dropped."""
    mat = np.zeros((len(which), len(terms)))
    for k, i in enumerate(which):
        idx, val = rows.row(int(i))
        pos = np.searchsorted(terms, idx)
        pos[pos == len(terms)] = 0
        keep = terms[pos] == idx
        mat[k, pos[keep]] = val[keep]
    return mat


def linked_pairs(
    rows: SparseRows, days: np.ndarray, window_days: int, threshold: float
) -> Iterator[tuple[int, int, float]]:
    """Pairs (i < j, cosine) whose cosine reaches ``threshold`` and whose dates, where both are
    known (``days`` holds day ordinals, NaN when unknown), are at most ``window_days`` apart. A
    pair of documents in one block comes twice."""
    dated = np.flatnonzero(~np.isnan(days))
    dated = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[dated]
    for start in range(0, len(dated), _BLOCK):
        block = dated[start : start + _BLOCK]
        # Pairs with an earlier document were found when that document's block ran.
        stop = np.searchsorted(
            sorted_days, sorted_days[start + len(block) - 1] + window_days, "right"
        )
        yield from _pairs_above(rows, days, block, dated[start:stop], window_days, threshold)
    undated = np.flatnonzero(np.isnan(days))
    everyone = np.arange(len(days))
    for start in range(0, len(undated), _BLOCK):
        yield from _pairs_above(
            rows, days, undated[start : start + _BLOCK], everyone, window_days, threshold
        )


def _pairs_above(
    rows: SparseRows,
    days: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    window_days: int,
    threshold: float,
) -> Iterator[tuple[int, int, float]]:
    sim = block_similarity(rows, left, right)
    gap = np.abs(days[left][:, None] - days[right][None, :])
    ok = (sim >= threshold) & ~(gap > window_days)  # NaN gaps (undated) never cut a link
    for a, b in zip(*ok.nonzero(), strict=True):
        i, j = int(left[a]), int(right[b])
        if i != j:
            yield (min(i, j), max(i, j), float(sim[a, b]))


def pair_sum(
    rows: SparseRows,
    days: np.ndarray,
    window_days: int,
    left: Sequence[int],
    right: Sequence[int],
) -> float:
    """Sum of the cosines between two groups of documents; -inf when any two of them are
    dated more than ``window_days`` apart (a cannot-link: they may never share a story)."""
    lhs, rhs = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    if np.any(np.abs(days[lhs][:, None] - days[rhs][None, :]) > window_days):
        return float("-inf")
    if len(lhs) * len(rhs) <= 16:  # small groups (most calls): row by row, no dense layout
        return sum(_dot(rows, int(i), int(j)) for i in lhs for j in rhs)
    return float(block_similarity(rows, lhs, rhs).sum())


def _dot(rows: SparseRows, i: int, j: int) -> float:
    idx_i, val_i = rows.row(i)
    idx_j, val_j = rows.row(j)
    _, at_i, at_j = np.intersect1d(idx_i, idx_j, assume_unique=True, return_indices=True)
    return float(val_i[at_i] @ val_j[at_j])
