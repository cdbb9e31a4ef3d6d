"""Second-stage (stacked) pair features for the learned ECB+ linker: what the first pair
model thinks of the *other* mentions around a pair.

A pair scorer judges two mentions alone, but coreference is transitive: "quake" in one article
and "earthquake" in another are one event when both link strongly to the same mentions, and a
mention usually reports a story's event once per article, so its best match in the other
article is the likely partner. These features read the first-stage link probabilities of a
whole block:

* ``stage1_probability``: the first model's probability for the pair;
* ``neighbourhood_cosine``: cosine of the two mentions' rows of probabilities (linking to the
  same mentions);
* ``mutual_best_in_document``: how close the pair is to each mention's best match in the
  other's document (1 when each is the other's best match there), the smaller of the two;
* ``mutual_best_overall``: the same against each mention's best match anywhere in the block.

The first-stage probabilities of the training topics must be **out of fold** (from a model
that never saw the topic), or the second model would learn to trust over-confident in-sample
scores; see :func:`coref_learned.learned_link`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eventscope.evaluate.coref_link import EventNode

STACK_FEATURES = (
    "stage1_probability",
    "neighbourhood_cosine",
    "mutual_best_in_document",
    "mutual_best_overall",
)


def _mutual(relative: np.ndarray) -> np.ndarray:
    """The smaller of (i's view of j, j's view of i)."""
    return np.minimum(relative, relative.T)


def best_in_document(prob: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """(k, k): for each i, its best probability among the mentions of j's document."""
    names, column_doc = np.unique(docs, return_inverse=True)
    best = np.zeros((prob.shape[0], len(names)))
    for d in range(len(names)):
        best[:, d] = prob[:, column_doc == d].max(axis=1)
    return best[:, column_doc]


def stack_features(prob: np.ndarray, block: Sequence[EventNode]) -> np.ndarray:
    """(k, k, len(STACK_FEATURES)) from the first-stage probabilities ``prob`` of a block."""
    q = prob.astype(float).copy()
    np.fill_diagonal(q, 0.0)  # a mention's link to itself says nothing about its partners
    norms = np.linalg.norm(q, axis=1)
    cosine = (q @ q.T) / np.maximum(np.outer(norms, norms), 1e-9)
    docs = np.array([n.doc for n in block])
    in_doc = q / np.maximum(best_in_document(q, docs), 1e-9)
    overall = q / np.maximum(q.max(axis=1, keepdims=True), 1e-9)
    return np.stack([prob, cosine, _mutual(in_doc), _mutual(overall)], axis=-1)
