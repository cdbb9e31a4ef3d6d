"""The learned ECB+ linker: fit the pair model on training topics, choose the clustering
threshold out of fold, then cluster every block of mentions.

Blocks are the predicted document clusters (:func:`coref_link.cluster_documents_blended`:
TF-IDF of the words blended with the embeddings of the event sentences), so the model sees at
training time the same kind of candidate pairs it scores at test time. A pair model is the
mean of small neural networks fitted with a few seeds (:mod:`eventscope.resolve.mlp`).

Two stages (stacking): a first model scores every pair from its pair features; a second model
sees those features plus what the first model says about the pair's neighbourhood
(:mod:`coref_stack`). The first stage's probabilities for the training topics are out of fold
(each topic scored by a model fitted on the other folds), so the second model learns how far
to trust scores like those it will get on unseen topics. Threshold selection: the training
topics are split into folds by topic; each fold is clustered with a second-stage model fitted
on the other folds, and the threshold with the best pooled CoNLL F1 over those out-of-fold
clusters wins. That estimate is nested (:func:`first_stage`): the second-stage model of a
held-out fold is trained on first-stage scores from models that never saw that fold either.
The final models are then fitted on all training topics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

import numpy as np

from eventscope.errors import ConfigError
from eventscope.evaluate.coref_link import (
    EventNode,
    agglomerate,
    cluster_documents_blended,
    gold_clusters,
)
from eventscope.evaluate.coref_metrics import conll_scores
from eventscope.evaluate.coref_pairs import (
    FEATURES,
    NodeVectors,
    block_features,
    document_vectors,
    embed_nodes,
    gold_links,
    upper_pairs,
)
from eventscope.evaluate.coref_reader import CorefDoc
from eventscope.evaluate.coref_stack import STACK_FEATURES, stack_features
from eventscope.resolve.mlp import MLPEnsemble, fit_mlp_ensemble

# Clustering thresholds tried out of fold: 0.30-0.60 in steps of 0.025. The nested
# out-of-fold curve tied at 0.35 and 0.40 (0.7730 / 0.7732) on the 0.05 grid, so its top lay
# between them; the finer grid finds it (docs/resolution.md, round (c)).
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(13))
FOLDS = 4
# Document clustering: blend weight of the embeddings and average-link threshold, chosen on
# the training topics (agreement of document pairs with the gold sub-topics, then the linker's
# out-of-fold CoNLL F1); see docs/resolution.md.
DOC_THRESHOLD = 0.03
DOC_EMBEDDING_WEIGHT = 0.2
HIDDEN = 16  # hidden units of the pair network (16 and 32 scored alike out of fold)
# Each pair model is the mean of networks fitted with these seeds: the out-of-fold threshold
# choice and the clusters then depend far less on one network's random start.
SEEDS = (0, 1, 2)


@dataclass(frozen=True, slots=True)
class Block:
    topic: str
    nodes: list[EventNode]
    features: np.ndarray  # (k, k, features)


Clusters = list[list[str]]


def build_blocks(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], stop: set[str]
) -> list[Block]:
    """Predicted document clusters as blocks of mentions, with their pair features.

    Two encoders: MiniLM's vectors cluster the documents and give the pair features chosen
    with them; MPNet's three cosines are added (round (h) of docs/resolution.md: +0.6 points
    out of fold over three seed sets, +1 on topics left out of the whole fit)."""
    from eventscope.resolve.embed import load_encoder  # deferred: loads ONNX Runtime
    from eventscope.resolve.mpnet import load_mpnet  # deferred: maps 440 MB of weights

    mpnet = load_mpnet()  # first: a missing weights package is said before minutes of work
    vectors: NodeVectors = embed_nodes(nodes, docs, load_encoder())
    large = embed_nodes(nodes, docs, mpnet)
    doc_vectors = document_vectors(nodes, docs, vectors.sentence)
    doc_cluster = cluster_documents_blended(
        docs, doc_vectors, stop, DOC_THRESHOLD, DOC_EMBEDDING_WEIGHT
    )
    members: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        members[doc_cluster[n.doc]].append(i)
    blocks = []
    for key in sorted(members):
        rows = np.array(members[key])
        block = [nodes[i] for i in rows]
        blocks.append(Block(block[0].topic, block, block_features(block, vectors, rows, large)))
    return blocks


def _fit(blocks: Sequence[Block]) -> MLPEnsemble:
    pairs = [(upper_pairs(b.features), upper_pairs(gold_links(b.nodes))) for b in blocks]
    pairs = [(x, y) for x, y in pairs if len(y)]
    if not pairs:
        raise ConfigError(
            "ES-EVAL-042",
            "no training pairs: the learned linker needs ECB+ training topics",
            "Read more topics (drop --limit or raise it), or use --mode rules.",
        )
    return fit_mlp_ensemble(
        np.concatenate([x for x, _ in pairs]), np.concatenate([y for _, y in pairs]), HIDDEN, SEEDS
    )


class PairModel(Protocol):
    def probability(self, features: np.ndarray) -> np.ndarray: ...


def _mention_clusters(
    block: Block, prob: np.ndarray, threshold: float, linkage: str = "average"
) -> Clusters:
    return [
        [block.nodes[i].mention.mention_id for i in idx]
        for idx in agglomerate(prob, threshold, linkage)
    ]


def cluster_blocks(
    blocks: Sequence[Block], model: PairModel, threshold: float, linkage: str = "average"
) -> Clusters:
    out: Clusters = []
    for b in blocks:
        out.extend(_mention_clusters(b, model.probability(b.features), threshold, linkage))
    return out


def fold_of(topics: Iterable[str]) -> dict[str, int]:
    """Topic -> fold: topics in numeric order, dealt round-robin into ``FOLDS`` folds."""
    ordered = sorted(set(topics), key=lambda t: t.zfill(6))
    return {t: i % FOLDS for i, t in enumerate(ordered)}


def _split(blocks: Sequence[Block], fold: int, folds: dict[str, int]) -> tuple[list, list]:
    """Indices of (the held-out blocks of ``fold``, the others); a single training topic is
    its own rest."""
    held = [i for i, b in enumerate(blocks) if folds[b.topic] == fold]
    rest = [i for i, b in enumerate(blocks) if folds[b.topic] != fold]
    return held, rest or held


def stacked(blocks: Sequence[Block], probs: Sequence[np.ndarray]) -> list[Block]:
    """The blocks with the second-stage features (:mod:`coref_stack`) of ``probs`` appended."""
    return [
        Block(b.topic, b.nodes, np.concatenate([b.features, stack_features(p, b.nodes)], -1))
        for b, p in zip(blocks, probs, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class FirstStage:
    """First-stage probabilities of the training blocks, keyed by (block index, the folds the
    model that scored it never saw). Every key holds the block's own fold; the nested ones
    hold one more, the outer held-out fold of the second stage's out-of-fold estimate."""

    folds: dict[str, int]
    probs: dict[tuple[int, frozenset[int]], np.ndarray]

    def of(self, index: int, block: Block, outer: int | None = None) -> np.ndarray:
        own = self.folds[block.topic]
        plain = self.probs[(index, frozenset({own}))]
        if outer is None:
            return plain
        # fewer than three folds leave no topic for the nested fit: the plain scores stand in
        return self.probs.get((index, frozenset({own, outer})), plain)

    def stacked(
        self, blocks: Sequence[Block], indices: Sequence[int], outer: int | None = None
    ) -> list[Block]:
        """``blocks[indices]`` with second-stage features of scores that never saw their own
        fold, nor ``outer`` when given."""
        return stacked(
            [blocks[i] for i in indices], [self.of(i, blocks[i], outer) for i in indices]
        )


def first_stage(
    blocks: Sequence[Block], fit: Callable[[Sequence[Block]], PairModel] | None = None
) -> FirstStage:
    """Fit a first-stage model without each fold and without each pair of folds, and score the
    blocks of the folds it left out.

    Without fold g: the scores the second stage is trained on (and, for the held-out fold of
    the estimate, the scores it is tested on), as for unseen topics. Without folds {f, g}: the
    training scores of fold g's blocks for the second stage of outer fold f, so that no
    feature it learns from was fitted on f's labels (nested). A model without {f, g} serves
    both outer f and outer g: F + F(F-1)/2 fits instead of F + F(F-1)."""
    fit = fit or _fit
    folds = fold_of(b.topic for b in blocks)
    names = sorted(set(folds.values()))
    probs: dict[tuple[int, frozenset[int]], np.ndarray] = {}
    for excluded in [frozenset(c) for size in (1, 2) for c in combinations(names, size)]:
        rest = [b for b in blocks if folds[b.topic] not in excluded]
        if not rest and len(excluded) > 1:
            continue
        model = fit(rest or list(blocks))  # a single training topic scores itself in sample
        for i, b in enumerate(blocks):
            if folds[b.topic] in excluded:
                probs[(i, excluded)] = model.probability(b.features)
    return FirstStage(folds, probs)


def _fold_data(
    blocks: Sequence[Block], fold: int, folds: dict[str, int], first: FirstStage | None
) -> tuple[list[Block], list[Block]]:
    """(blocks to fit on, held-out blocks to score) for one fold of the estimate: one stage as
    they are; two stages with first-stage features out of fold (nested for the fit)."""
    held, rest = _split(blocks, fold, folds)
    if first is None:
        return [blocks[i] for i in rest], [blocks[i] for i in held]
    return first.stacked(blocks, rest, outer=fold), first.stacked(blocks, held)


def choose_threshold(
    blocks: Sequence[Block],
    first: FirstStage | None = None,
    fit: Callable[[Sequence[Block]], PairModel] | None = None,
) -> tuple[float, dict[str, float]]:
    """The threshold with the best out-of-fold CoNLL F1 over the training blocks: each fold is
    clustered by a model fitted on the other folds only (with ``first``, a second-stage model
    whose features never saw the held-out fold either)."""
    fit = fit or _fit
    folds = fold_of(b.topic for b in blocks)
    response: dict[float, Clusters] = {t: [] for t in THRESHOLDS}
    for fold in sorted(set(folds.values())):
        fit_on, held = _fold_data(blocks, fold, folds, first)
        model = fit(fit_on)
        del fit_on  # the stacked copies are large; one fold's at a time
        for b in held:
            prob = model.probability(b.features)
            for t in THRESHOLDS:
                response[t].extend(_mention_clusters(b, prob, t))
    key = gold_clusters(n for b in blocks for n in b.nodes)
    scores = {t: conll_scores(key, response[t])["conll_f1"] for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (scores[t], -t))
    return best, {f"{t:.3f}": round(s, 4) for t, s in scores.items()}


def learned_link(
    blocks: Sequence[Block], is_training: Callable[[str], bool]
) -> tuple[Clusters, dict[str, object]]:
    """Fit on the training topics' blocks, cluster all blocks; returns clusters and a summary
    of the fitted model (threshold, out-of-fold scores, weights) for the report.

    Two stages: a first pair model on the pair features, then a second one on the pair
    features plus what the first says about each pair's neighbourhood (:mod:`coref_stack`);
    the threshold is chosen out of fold for the second."""
    train = [b for b in blocks if is_training(b.topic)]
    other = [b for b in blocks if not is_training(b.topic)]
    final_first = _fit(train)  # first: says clearly when there are no training pairs
    first = first_stage(train)
    threshold, oof = choose_threshold(train, first)
    other = stacked(other, [final_first.probability(b.features) for b in other])
    train = first.stacked(train, range(len(train)))
    model = _fit(train)
    info: dict[str, object] = {
        "threshold": threshold,
        "out_of_fold_conll_f1": oof,
        "training_pairs": int(sum(len(b.nodes) * (len(b.nodes) - 1) // 2 for b in train)),
        "model": {
            "type": "stacked mlp",
            "hidden": HIDDEN,
            "seeds": list(SEEDS),
            "features": list(FEATURES),
            "stage2_features": list(STACK_FEATURES),
        },
        "document_clusters": {
            "threshold": DOC_THRESHOLD,
            "embedding_weight": DOC_EMBEDDING_WEIGHT,
            "blocks": len(blocks),
        },
    }
    return cluster_blocks(train + other, model, threshold), info
