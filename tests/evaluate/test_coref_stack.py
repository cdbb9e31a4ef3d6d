"""The stacked (two-stage) ECB+ linker: neighbourhood features of first-stage probabilities,
first-stage probabilities that are out of fold for the training topics, and a nested
out-of-fold estimate for the second stage (no shared data)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from eventscope.errors import ConfigError
from eventscope.evaluate.coref_learned import (
    Block,
    PairModel,
    choose_threshold,
    first_stage,
    fold_of,
    learned_link,
)
from eventscope.evaluate.coref_link import EventNode
from eventscope.evaluate.coref_pairs import FEATURES, NodeVectors, block_features
from eventscope.evaluate.coref_reader import Markable
from eventscope.evaluate.coref_stack import STACK_FEATURES, stack_features
from eventscope.resolve.mlp import fit_mlp, fit_mlp_ensemble


def node(
    mid: str, doc: str, lemma: str = "attack", cluster: str = "A", topic: str = "1"
) -> EventNode:
    m = Markable(f"{doc}:{mid}", "ACTION_OCCURRENCE", 0, (1,), (0,), (lemma,), cluster)
    return EventNode(m, doc, topic, f"{topic}_ecb", lemma, {})


def test_stack_features_read_the_pair_neighbourhood() -> None:
    # a, b in d1; c, d in d2. a's best match in d2 is c, and c's best in d1 is a.
    block = [node("a", "d1"), node("b", "d1"), node("c", "d2"), node("d", "d2")]
    prob = np.array(
        [
            [1.0, 0.1, 0.6, 0.3],
            [0.1, 1.0, 0.2, 0.5],
            [0.6, 0.2, 1.0, 0.1],
            [0.3, 0.5, 0.1, 1.0],
        ]
    )
    f = stack_features(prob, block)
    assert f.shape == (4, 4, len(STACK_FEATURES))
    col = {name: f[..., i] for i, name in enumerate(STACK_FEATURES)}
    assert np.array_equal(col["stage1_probability"], prob)
    assert col["mutual_best_in_document"][0, 2] == 1.0  # each the other's best in its article
    # a sees d at half its best in d2 (0.3 / 0.6); d sees a at 0.3 / 0.5 of its best in d1
    assert np.isclose(col["mutual_best_in_document"][0, 3], 0.5)
    assert np.isclose(col["mutual_best_overall"][1, 3], 1.0)


def test_mentions_linking_to_the_same_others_have_close_neighbourhoods() -> None:
    # x and y never score together but both link strongly to z; w links to nothing.
    block = [node("x", "d1"), node("y", "d2"), node("z", "d3"), node("w", "d4")]
    prob = np.array(
        [
            [1.0, 0.0, 0.9, 0.1],
            [0.0, 1.0, 0.9, 0.0],
            [0.9, 0.9, 1.0, 0.0],
            [0.1, 0.0, 0.0, 1.0],
        ]
    )
    cosine = stack_features(prob, block)[..., STACK_FEATURES.index("neighbourhood_cosine")]
    assert cosine[0, 1] > 0.9
    assert cosine[0, 3] == 0.0 and cosine[1, 3] == 0.0


class _Recorder:
    """A fake pair model fit: remembers the topics it saw; its probability is the index of the
    fit that made it, so a stacked feature tells which fit scored the block."""

    def __init__(self) -> None:
        self.seen: list[set[str]] = []
        self.scored: list[tuple[int, float]] = []  # (fit index, stage-1 feature it scored)

    def __call__(self, blocks: Sequence[Block]) -> PairModel:
        self.seen.append({b.topic for b in blocks})
        index = len(self.seen) - 1
        outer = self

        class Model:
            def probability(self, features: np.ndarray) -> np.ndarray:
                if features.shape[-1] > 2:  # a second-stage input: remember its stage-1 score
                    outer.scored.append((index, float(features[0, 0, 2])))
                return np.full(features.shape[:-1], float(index))

        return Model()


TOPICS = ["1", "3", "4", "6", "7", "8"]  # four folds: {1, 7}, {3, 8}, {4}, {6}


def _tiny_blocks(topics: Sequence[str]) -> list[Block]:
    return [Block(t, [node("x", f"d{t}", topic=t)], np.zeros((1, 1, 2))) for t in topics]


def test_first_stage_probabilities_are_out_of_fold() -> None:
    blocks = _tiny_blocks(TOPICS)
    fit = _Recorder()
    first = first_stage(blocks, fit)
    folds = fold_of(TOPICS)
    assert len(fit.seen) == 4 + 6  # without each fold, then without each pair of folds
    for i, block in enumerate(blocks):
        trained_on = fit.seen[int(first.of(i, block)[0, 0])]
        assert trained_on == {t for t in TOPICS if folds[t] != folds[block.topic]}


def test_the_second_stage_estimate_is_nested() -> None:
    # The second stage of each held-out fold learns from first-stage scores that saw neither
    # that fold nor the scored block's own fold, and scores the held-out fold with first-stage
    # scores from a model that saw every other fold (as the final model scores new topics).
    blocks = _tiny_blocks(TOPICS)
    folds = fold_of(TOPICS)
    stage1, stage2 = _Recorder(), _Recorder()
    first = first_stage(blocks, stage1)
    fits_seen: list[list[tuple[str, set[str]]]] = []

    def fit(fit_on: Sequence[Block]) -> PairModel:
        fits_seen.append([(b.topic, stage1.seen[int(b.features[0, 0, 2])]) for b in fit_on])
        return stage2(fit_on)

    choose_threshold(blocks, first, fit)
    assert len(fits_seen) == 4
    for rows, fold_topics in zip(fits_seen, stage2.seen, strict=True):
        held_out = set(TOPICS) - fold_topics
        assert held_out and all(folds[t] == folds[next(iter(held_out))] for t in held_out)
        for topic, seen_by_stage1 in rows:
            assert not seen_by_stage1 & (held_out | {topic})
            assert seen_by_stage1 == {t for t in fold_topics if folds[t] != folds[topic]}
    for fit_index, feature in stage2.scored:
        held_out = set(TOPICS) - stage2.seen[fit_index]
        assert stage1.seen[int(feature)] == set(TOPICS) - held_out


def test_with_two_folds_the_nested_scores_fall_back_to_plain_out_of_fold() -> None:
    blocks = _tiny_blocks(["1", "3"])
    fit = _Recorder()
    first = first_stage(blocks, fit)
    assert len(fit.seen) == 2  # no topic is left without both folds
    assert np.array_equal(first.of(0, blocks[0], outer=1), first.of(0, blocks[0]))
    assert fit.seen[int(first.of(0, blocks[0])[0, 0])] == {"3"}


def _synthetic_blocks() -> list[Block]:
    blocks = []
    for topic in ("1", "3", "4", "6", "2"):
        block = [
            node(
                f"{i}",
                f"t{topic}d{i}",
                "attack" if i < 3 else f"other{i}",
                f"{topic}A" if i < 3 else f"{topic}S{i}",
                topic,
            )
            for i in range(6)
        ]
        a = np.array([[1, 0, 0]] * 3 + [[0, 1, 0], [0, 0, 1], [0, 1, 1]], dtype=float)
        vec = a / np.linalg.norm(a, axis=1, keepdims=True)
        same = NodeVectors(vec, vec, vec)
        blocks.append(Block(topic, block, block_features(block, same, np.arange(6), same)))
    return blocks


def test_the_linker_stacks_a_second_model_on_the_first() -> None:
    blocks = _synthetic_blocks()
    train = [b for b in blocks if b.topic != "2"]
    first = first_stage(train)
    width = len(FEATURES) + len(STACK_FEATURES)
    for outer in (None, 0):
        stacked = first.stacked(train, range(len(train)), outer)
        assert all(b.features.shape == (6, 6, width) for b in stacked)
    clusters, info = learned_link(blocks, lambda t: t != "2")
    assert info["model"]["stage2_features"] == list(STACK_FEATURES)  # type: ignore[index]
    dev = sorted(sorted(c) for c in clusters if c[0].startswith("t2d"))
    assert dev == [["t2d0:0", "t2d1:1", "t2d2:2"], ["t2d3:3"], ["t2d4:4"], ["t2d5:5"]]


def test_the_pair_model_is_the_mean_of_networks_with_different_seeds() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(float)
    ensemble = fit_mlp_ensemble(x, y, hidden=4, seeds=(0, 1))
    singles = [fit_mlp(x, y, hidden=4, seed=s) for s in (0, 1)]
    assert len(ensemble.members) == 2
    expected = (singles[0].probability(x) + singles[1].probability(x)) / 2
    assert np.allclose(ensemble.probability(x), expected)
    assert not np.allclose(singles[0].probability(x), singles[1].probability(x))


def test_without_training_topics_the_linker_says_so() -> None:
    with pytest.raises(ConfigError, match="no training pairs"):
        learned_link(_tiny_blocks(["2"]), lambda t: t != "2")
