"""Pair features and a learned link model for ECB+ event coreference with gold mentions.

Inside one (predicted) document cluster, every pair of event mentions gets features that a
news reader would use to decide "same event?":

* what happened: same head lemma; cosine of the lemmas' embeddings (synonyms: quake /
  earthquake); cosine of the triggers' contextual embeddings (the trigger's word pieces
  inside its sentence, so "fired" a shell and "fired" a minister differ); cosine of the whole
  sentences; each of these three cosines under two encoders, MiniLM and the larger MPNet;
* who, where, when: argument overlap (:func:`coref_link.arg_similarity`);
* where in the story: same document; how far into their articles the two mentions are (the
  headline and lede report the story's main event, later sentences background and other
  events); how many of the cluster's documents use each lemma, and how close each trigger is
  to the cluster's average trigger (the events a story is about recur across its articles;
  passing mentions do not).

A small neural network (:mod:`eventscope.resolve.mlp`) is fitted on pairs from the
training topics only; the clustering threshold is chosen on out-of-fold predictions over the
training topics, so development topics never influence any parameter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from eventscope.evaluate.coref_link import EventNode, arg_similarity
from eventscope.evaluate.coref_reader import CorefDoc

FEATURES = (
    "same_lemma",
    "lemma_cosine",
    "trigger_cosine",
    "sentence_cosine",
    "argument_overlap",
    "same_document",
    "same_lemma_x_trigger",
    "trigger_cosine_squared",
    "argument_x_trigger",
    "sentence_cosine_same_document",
    "log_first_sentence",
    "log_last_sentence",
    "lemma_spread_min",
    "lemma_spread_max",
    "same_lemma_x_spread",
    "salience_min",
    "trigger_x_spread",
    # the same three cosines under the larger encoder (MPNet; round (h), docs/resolution.md)
    "large_trigger_cosine",
    "large_sentence_cosine",
    "large_lemma_cosine",
)


@dataclass(frozen=True, slots=True)
class NodeVectors:
    """Unit vectors aligned with the nodes: trigger in context, sentence, lemma alone."""

    trigger: np.ndarray
    sentence: np.ndarray
    lemma: np.ndarray


class Encoder(Protocol):
    """What the pair features need of an encoder (:mod:`eventscope.resolve.embed`, MiniLM;
    :mod:`eventscope.resolve.mpnet`, MPNet): unit vectors of texts, and of spans in context
    with their sentences."""

    def sentences(self, texts: Sequence[str]) -> np.ndarray: ...

    def in_context(
        self, items: Sequence[tuple[Sequence[str], Sequence[int]]]
    ) -> tuple[np.ndarray, np.ndarray]: ...


def embed_nodes(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], encoder: Encoder
) -> NodeVectors:
    """Each node's trigger in context, its sentence and its lemma alone (each distinct lemma
    encoded once)."""
    words = {d.name: d.sentences for d in docs}
    items = [(words[n.doc].get(n.mention.sentence) or ["."], n.mention.positions) for n in nodes]
    trigger, sentence = encoder.in_context(items)
    lemmas = sorted({n.lemma for n in nodes})
    lemma_vecs = encoder.sentences(lemmas)
    lemma_row = {w: i for i, w in enumerate(lemmas)}
    return NodeVectors(trigger, sentence, lemma_vecs[[lemma_row[n.lemma] for n in nodes]])


def document_vectors(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], sentences: np.ndarray
) -> np.ndarray:
    """One row per document: the mean sentence vector of its event mentions (``sentences``
    aligned with the nodes; a sentence counts once per mention in it, so event-dense
    sentences weigh more); zeros without mentions."""
    row = {d.name: i for i, d in enumerate(docs)}
    sums = np.zeros((len(docs), sentences.shape[1]))
    counts = np.zeros(len(docs))
    for i, n in enumerate(nodes):
        sums[row[n.doc]] += sentences[i]
        counts[row[n.doc]] += 1
    return sums / np.maximum(counts, 1)[:, None]


def _pairwise(values: np.ndarray, op: np.ufunc) -> np.ndarray:
    return op(values[:, None], values[None, :])


def _lemma_spread(block: Sequence[EventNode]) -> np.ndarray:
    """Share of the block's documents that use each node's lemma."""
    docs_by_lemma: dict[str, set[str]] = defaultdict(set)
    for n in block:
        docs_by_lemma[n.lemma].add(n.doc)
    total = len({n.doc for n in block})
    return np.array([len(docs_by_lemma[n.lemma]) / total for n in block])


def _argument_matrix(block: Sequence[EventNode]) -> np.ndarray:
    k = len(block)
    out = np.zeros((k, k))
    for i in range(k):
        for j in range(i + 1, k):
            out[i, j] = out[j, i] = arg_similarity(block[i], block[j])
    return out


def _cosines(vectors: NodeVectors, rows: np.ndarray) -> list[np.ndarray]:
    """Trigger, sentence and lemma cosines of every pair of ``rows``."""
    return [v[rows] @ v[rows].T for v in (vectors.trigger, vectors.sentence, vectors.lemma)]


def block_features(
    block: Sequence[EventNode], vectors: NodeVectors, rows: np.ndarray, large: NodeVectors
) -> np.ndarray:
    """(k, k, len(FEATURES)) features for the k nodes of one block; ``rows`` index
    ``vectors`` (the small encoder's, MiniLM) and ``large`` (MPNet's)."""
    lemmas = np.array([n.lemma for n in block])
    same = (lemmas[:, None] == lemmas[None, :]).astype(float)
    trig_cos, sent_cos, lemma_cos = _cosines(vectors, rows)
    trig = vectors.trigger[rows]
    docs = np.array([n.doc for n in block])
    same_doc = (docs[:, None] == docs[None, :]).astype(float)
    args = _argument_matrix(block)
    position = np.log1p(np.array([n.mention.sentence for n in block], dtype=float))
    spread = _lemma_spread(block)
    spread_min = _pairwise(spread, np.minimum)
    centre = trig.mean(axis=0)
    salience = trig @ (centre / max(float(np.linalg.norm(centre)), 1e-9))
    return np.stack(
        [
            same,
            lemma_cos,
            trig_cos,
            sent_cos,
            args,
            same_doc,
            same * trig_cos,
            trig_cos * trig_cos,
            args * trig_cos,
            sent_cos * same_doc,
            _pairwise(position, np.minimum),
            _pairwise(position, np.maximum),
            spread_min,
            _pairwise(spread, np.maximum),
            same * spread_min,
            _pairwise(salience, np.minimum),
            trig_cos * spread_min,
            *_cosines(large, rows),
        ],
        axis=-1,
    )


def upper_pairs(matrix: np.ndarray) -> np.ndarray:
    """The strict upper triangle of a (k, k, ...) array as rows: each pair once."""
    i, j = np.triu_indices(matrix.shape[0], 1)
    return matrix[i, j]


def gold_links(block: Sequence[EventNode]) -> np.ndarray:
    clusters = np.array([n.mention.cluster for n in block])
    return (clusters[:, None] == clusters[None, :]).astype(float)
