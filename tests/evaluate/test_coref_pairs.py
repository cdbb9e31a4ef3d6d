"""Pair features of the learned ECB+ linker, on a hand-made block (no model, no shared data)."""

from __future__ import annotations

import numpy as np

from eventscope.evaluate.coref_learned import Block, choose_threshold, cluster_blocks
from eventscope.evaluate.coref_link import EventNode, cluster_documents_blended
from eventscope.evaluate.coref_pairs import (
    FEATURES,
    NodeVectors,
    block_features,
    document_vectors,
    embed_nodes,
    gold_links,
    upper_pairs,
)
from eventscope.evaluate.coref_reader import CorefDoc, Markable
from eventscope.resolve.logistic import fit_logistic


def node(
    mid: str, doc: str, lemma: str, sentence: int, cluster: str, topic: str = "1"
) -> EventNode:
    m = Markable(f"{doc}:{mid}", "ACTION_OCCURRENCE", sentence, (1,), (0,), (lemma,), cluster)
    return EventNode(m, doc, topic, f"{topic}_ecb", lemma, {"location": frozenset({"kabul"})})


def unit(*rows: list[float]) -> np.ndarray:
    a = np.array(rows, dtype=float)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_features_describe_what_where_and_story_position() -> None:
    block = [
        node("1", "d1", "attack", 0, "A"),
        node("2", "d2", "attack", 3, "A"),
        node("3", "d2", "arrest", 9, "B"),
    ]
    vec = unit([1, 0, 0], [0.9, 0.1, 0], [0, 0, 1])
    same = NodeVectors(vec, vec, vec)
    feats = block_features(block, same, np.arange(3), same)
    f = {name: feats[..., i] for i, name in enumerate(FEATURES)}
    assert feats.shape == (3, 3, len(FEATURES))
    assert f["same_lemma"][0, 1] == 1 and f["same_lemma"][0, 2] == 0
    assert f["same_document"][1, 2] == 1 and f["same_document"][0, 1] == 0
    assert f["trigger_cosine"][0, 1] > 0.9 > f["trigger_cosine"][0, 2]
    assert f["argument_overlap"][0, 1] == 1.0  # both in "kabul"
    assert f["log_first_sentence"][1, 2] == np.log1p(3) and f["log_last_sentence"][
        1, 2
    ] == np.log1p(9)
    assert f["lemma_spread_min"][0, 1] == 1.0 and f["lemma_spread_min"][0, 2] == 0.5
    assert upper_pairs(feats).shape == (3, len(FEATURES))


def test_the_large_encoder_gives_its_own_three_cosines() -> None:
    block = [node("1", "d1", "attack", 0, "A"), node("2", "d2", "raid", 1, "A"),
             node("3", "d2", "arrest", 2, "B")]  # fmt: skip
    small = unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    large = unit([1, 0, 0], [1, 0, 0], [0, 1, 0])
    feats = block_features(block, NodeVectors(small, small, small), np.arange(3),
                           NodeVectors(large, small, large))  # fmt: skip
    f = {name: feats[..., i] for i, name in enumerate(FEATURES)}
    assert f["trigger_cosine"][0, 1] == 0 and f["large_trigger_cosine"][0, 1] == 1
    assert f["large_sentence_cosine"][0, 1] == 0 and f["large_lemma_cosine"][0, 1] == 1
    assert f["large_trigger_cosine"][0, 2] == 0


def test_a_learned_model_clusters_and_the_threshold_is_chosen_out_of_fold() -> None:
    blocks = []
    for topic in ("1", "3", "4", "6"):
        block = [
            node(
                f"{i}",
                f"d{i}",
                "attack" if i < 3 else f"other{i}",
                i,
                "A" if i < 3 else f"S{i}",
                topic,
            )
            for i in range(6)
        ]
        vec = unit(*([[1, 0, 0]] * 3 + [[0, 1, 0], [0, 0, 1], [0, 1, 1]]))
        same = NodeVectors(vec, vec, vec)
        blocks.append(Block(topic, block, block_features(block, same, np.arange(6), same)))
    threshold, scores = choose_threshold(blocks)
    assert scores[f"{threshold:.3f}"] == max(scores.values())
    x = np.concatenate([upper_pairs(b.features) for b in blocks])
    y = np.concatenate([upper_pairs(gold_links(b.nodes)) for b in blocks])
    clusters = cluster_blocks(blocks[:1], fit_logistic(x, y), threshold)
    assert sorted(map(sorted, clusters)) == [["d0:0", "d1:1", "d2:2"], ["d3:3"], ["d4:4"], ["d5:5"]]


def test_document_clusters_blend_words_with_embeddings() -> None:
    # Same words everywhere (TF-IDF is blind), but the embeddings tell two stories apart.
    docs = [
        CorefDoc(f"d{i}", "1", "1_ecb", {0: ["police", "arrested", "suspect"]}) for i in range(4)
    ]
    vectors = np.array([[1.0, 0.1, 0], [0.9, 0, 0], [0, 1.0, 0.1], [0.1, 0.9, 0]])
    stop: set[str] = set()
    blended = cluster_documents_blended(docs, vectors, stop, threshold=0.04, weight=0.2)
    assert blended["d0"] == blended["d1"] != blended["d2"] == blended["d3"]
    words_only = cluster_documents_blended(docs, vectors, stop, threshold=0.04, weight=0.0)
    assert len(set(words_only.values())) == 4


def test_document_vectors_average_the_event_sentences() -> None:
    block = [node("1", "d1", "attack", 0, "A"), node("2", "d1", "raid", 1, "A")]
    sent = unit([1, 0, 0], [0, 1, 0])
    docs = [CorefDoc("d1", "1", "1_ecb"), CorefDoc("d2", "1", "1_ecb")]
    out = document_vectors(block, docs, sent)
    assert np.allclose(out, [[0.5, 0.5, 0], [0, 0, 0]])


class RecordingEncoder:
    """Vectors that name what was encoded: [length of the text or span, first position]."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def sentences(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return np.array([[len(t), 0.0] for t in texts])

    def in_context(self, items: list[tuple[list[str], list[int]]]) -> tuple[np.ndarray, ...]:
        spans = np.array([[len(words), float(positions[0])] for words, positions in items])
        return spans, np.array([[len(" ".join(words)), 0.0] for words, _ in items])


def test_node_vectors_align_with_the_nodes_and_encode_each_lemma_once() -> None:
    doc = CorefDoc("d1", "1", "1_ecb")
    doc.sentences.update({0: ["Troops", "attacked", "Kabul"], 1: ["A", "raid", "followed"]})
    nodes = [node("1", "d1", "attack", 0, "A"), node("2", "d1", "raid", 1, "A"),
             node("3", "d1", "attack", 0, "B")]  # fmt: skip
    encoder = RecordingEncoder()
    vectors = embed_nodes(nodes, [doc], encoder)
    assert sorted(encoder.texts) == ["attack", "raid"]
    assert vectors.sentence[:, 0].tolist() == [21, 15, 21]  # the node's own sentence
    assert vectors.lemma[:, 0].tolist() == [6, 4, 6]
    assert vectors.trigger.tolist() == [[3, 0], [3, 0], [3, 0]]  # words, first position
