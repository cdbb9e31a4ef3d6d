"""The learned ECB+ linker: fit the pair model on training topics, choose the clustering
threshold out of fold, then cluster every block of mentions.

Blocks are the predicted document clusters (:func:`coref_link.cluster_documents`), so the
model sees at training time the same kind of candidate pairs it scores at test time. Threshold
selection: the training topics are split into folds by topic; each fold is clustered with a
model fitted on the other folds, and the threshold with the best pooled CoNLL F1 over those
out-of-fold clusters wins. The final model is then fitted on all training topics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from eventscope.errors import ConfigError
from eventscope.evaluate.coref_link import (
    EventNode,
    agglomerate,
    cluster_documents,
    gold_clusters,
)
from eventscope.evaluate.coref_metrics import conll_scores
from eventscope.evaluate.coref_pairs import (
    FEATURES,
    NodeVectors,
    block_features,
    embed_nodes,
    gold_links,
    upper_pairs,
)
from eventscope.evaluate.coref_reader import CorefDoc
from eventscope.resolve.logistic import LogisticModel, fit_logistic

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
FOLDS = 4


@dataclass(frozen=True, slots=True)
class Block:
    topic: str
    nodes: list[EventNode]
    features: np.ndarray  # (k, k, features)


Clusters = list[list[str]]


def build_blocks(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], doc_threshold: float, stop: set[str]
) -> list[Block]:
    """Predicted document clusters as blocks of mentions, with their pair features."""
    doc_cluster = cluster_documents(docs, doc_threshold, stop)
    vectors: NodeVectors = embed_nodes(nodes, docs)
    members: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        members[doc_cluster[n.doc]].append(i)
    blocks = []
    for key in sorted(members):
        rows = np.array(members[key])
        block = [nodes[i] for i in rows]
        blocks.append(Block(block[0].topic, block, block_features(block, vectors, rows)))
    return blocks


def _fit(blocks: Sequence[Block]) -> LogisticModel:
    pairs = [(upper_pairs(b.features), upper_pairs(gold_links(b.nodes))) for b in blocks]
    pairs = [(x, y) for x, y in pairs if len(y)]
    if not pairs:
        raise ConfigError(
            "ES-EVAL-042",
            "no training pairs: the learned linker needs ECB+ training topics",
            "Read more topics (drop --limit or raise it), or use --mode rules.",
        )
    return fit_logistic(
        np.concatenate([x for x, _ in pairs]), np.concatenate([y for _, y in pairs])
    )


def cluster_blocks(
    blocks: Sequence[Block], model: LogisticModel, threshold: float, linkage: str = "average"
) -> Clusters:
    out: Clusters = []
    for b in blocks:
        prob = model.probability(b.features)
        for idx in agglomerate(prob, threshold, linkage):
            out.append([b.nodes[i].mention.mention_id for i in idx])
    return out


def choose_threshold(blocks: Sequence[Block]) -> tuple[float, dict[str, float]]:
    """The threshold with the best out-of-fold CoNLL F1 over the training blocks."""
    topics = sorted({b.topic for b in blocks}, key=lambda t: t.zfill(6))
    fold_of = {t: i % FOLDS for i, t in enumerate(topics)}
    response: dict[float, Clusters] = {t: [] for t in THRESHOLDS}
    for fold in sorted(set(fold_of.values())):
        held = [b for b in blocks if fold_of[b.topic] == fold]
        rest = [b for b in blocks if fold_of[b.topic] != fold]
        if not rest:  # a single training topic: fall back to in-sample selection
            rest = held
        model = _fit(rest)
        for t in THRESHOLDS:
            response[t].extend(cluster_blocks(held, model, t))
    key = gold_clusters(n for b in blocks for n in b.nodes)
    scores = {t: conll_scores(key, response[t])["conll_f1"] for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (scores[t], -t))
    return best, {f"{t:.2f}": round(s, 4) for t, s in scores.items()}


def learned_link(
    blocks: Sequence[Block], is_training: Callable[[str], bool]
) -> tuple[Clusters, dict[str, object]]:
    """Fit on the training topics' blocks, cluster all blocks; returns clusters and a summary
    of the fitted model (threshold, out-of-fold scores, weights) for the report."""
    train = [b for b in blocks if is_training(b.topic)]
    threshold, oof = choose_threshold(train) if train else (0.0, {})
    model = _fit(train)
    info: dict[str, object] = {
        "threshold": threshold,
        "out_of_fold_conll_f1": oof,
        "training_pairs": int(sum(len(b.nodes) * (len(b.nodes) - 1) // 2 for b in train)),
        # Standardised weights: comparable across features.
        "weights": {
            name: round(float(w), 3) for name, w in zip(FEATURES, model.weights, strict=False)
        },
    }
    return cluster_blocks(blocks, model, threshold), info
