"""The numpy MPNet: relative-position buckets, the forward pass against a plain one-token-at-a-
time reference on tiny random weights, padding that changes nothing, and (when the weights are
installed) sentence and span vectors that behave like the published model's."""

from __future__ import annotations

import importlib.metadata as md
import math

import numpy as np
import pytest

from eventscope.resolve import mpnet
from eventscope.resolve.mpnet_files import PARTS


def test_relative_buckets_follow_the_t5_scheme() -> None:
    b = mpnet.relative_buckets(300)
    # query minus key: 0..7 exact, the other direction from 16 on
    assert b[0, 0] == 0 and b[5, 0] == 5 and b[0, 5] == 16 + 5
    # 8 apart starts the logarithmic range; 127 apart is one short of max_distance (log2 16)
    assert b[8, 0] == 8 and b[127, 0] == 8 + int(math.log(127 / 8) / math.log(16) * 8)
    assert b[299, 0] == 15 and b[0, 299] == 31  # beyond max_distance: the last bucket
    assert b.min() == 0 and b.max() == 31


def _tiny_weights(seed: int = 0, vocab: int = 40, dim: int = 8, heads: int = 2, layers: int = 2):
    rng = np.random.default_rng(seed)

    def r(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.5, shape).astype(np.float32)

    w = {
        "embeddings.word_embeddings.weight": r(vocab, dim),
        "embeddings.position_embeddings.weight": r(64, dim),
        "embeddings.LayerNorm.weight": 1 + r(dim),
        "embeddings.LayerNorm.bias": r(dim),
        "encoder.relative_attention_bias.weight": r(32, heads),
    }
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name in ("q", "k", "v", "o"):
            w[f"{p}attention.attn.{name}.weight"] = r(dim, dim)
            w[f"{p}attention.attn.{name}.bias"] = r(dim)
        w[p + "intermediate.dense.weight"] = r(4 * dim, dim)
        w[p + "intermediate.dense.bias"] = r(4 * dim)
        w[p + "output.dense.weight"], w[p + "output.dense.bias"] = r(dim, 4 * dim), r(dim)
        for ln in ("attention.LayerNorm", "output.LayerNorm"):
            w[f"{p}{ln}.weight"], w[f"{p}{ln}.bias"] = 1 + r(dim), r(dim)
    return w


def _reference(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """One unpadded sequence, token by token, written from the model's definition."""
    heads = w["encoder.relative_attention_bias.weight"].shape[1]
    dim = w["embeddings.word_embeddings.weight"].shape[1]
    size = dim // heads
    n = len(ids)

    def norm(v: np.ndarray, name: str) -> np.ndarray:
        return (v - v.mean()) / math.sqrt(v.var() + 1e-5) * w[name + ".weight"] + w[name + ".bias"]

    def lin(v: np.ndarray, name: str) -> np.ndarray:
        return w[name + ".weight"] @ v + w[name + ".bias"]

    words = w["embeddings.word_embeddings.weight"]
    places = w["embeddings.position_embeddings.weight"]
    # positions count from 2: the padding id 1 holds position 1
    x = [norm(words[t] + places[i + 2], "embeddings.LayerNorm") for i, t in enumerate(ids)]
    buckets = mpnet.relative_buckets(n)
    gelu = np.vectorize(lambda z: 0.5 * z * (1 + math.erf(z / math.sqrt(2))))
    for layer in range(len({k.split(".")[2] for k in w if k.startswith("encoder.layer.")})):
        p = f"encoder.layer.{layer}.attention."
        q = [lin(v, p + "attn.q") for v in x]
        k = [lin(v, p + "attn.k") for v in x]
        val = [lin(v, p + "attn.v") for v in x]
        out = []
        for i in range(n):
            ctx = np.zeros(dim)
            for h in range(heads):
                s = slice(h * size, (h + 1) * size)
                sc = np.array([q[i][s] @ k[j][s] / math.sqrt(size)
                               + w["encoder.relative_attention_bias.weight"][buckets[i, j], h]
                               for j in range(n)])  # fmt: skip
                a = np.exp(sc - sc.max()) / np.exp(sc - sc.max()).sum()
                ctx[s] = sum(a[j] * val[j][s] for j in range(n))
            att = norm(lin(ctx, p + "attn.o") + x[i], p + "LayerNorm")
            f = f"encoder.layer.{layer}."
            hidden = gelu(lin(att, f + "intermediate.dense"))
            out.append(norm(lin(hidden, f + "output.dense") + att, f + "output.LayerNorm"))
        x = out
    return np.array(x)


def test_forward_pass_matches_a_token_by_token_reference() -> None:
    w = _tiny_weights()
    model = mpnet.MPNet(w)
    ids = [0, 7, 12, 5, 33, 2]
    got = model.hidden(np.array([ids]), np.ones((1, len(ids)), dtype=np.int64))[0]
    np.testing.assert_allclose(got, _reference(w, ids), atol=2e-4)


def test_padding_on_the_right_changes_no_token_vector() -> None:
    model = mpnet.MPNet(_tiny_weights(seed=3))
    short, long = [0, 9, 4, 2], [0, 11, 3, 8, 21, 6, 2]
    ids = np.full((2, len(long)), mpnet.PAD_ID)
    ids[0, : len(short)], ids[1] = short, long
    mask = (np.arange(len(long))[None, :] < np.array([[len(short)], [len(long)]])).astype(np.int64)
    batched = model.hidden(ids, mask)
    alone = model.hidden(np.array([short]), np.ones((1, len(short)), dtype=np.int64))[0]
    np.testing.assert_allclose(batched[0, : len(short)], alone, atol=1e-5)


def _weights_installed() -> bool:
    try:
        for name in PARTS:
            md.distribution(name)
    except md.PackageNotFoundError:
        return False
    return True


@pytest.fixture(scope="module")
def encoder() -> mpnet.MPNetEncoder:
    if not _weights_installed():
        pytest.skip("the all-mpnet-base-v2 packages are not installed (requirements-coref.txt)")
    return mpnet.load_mpnet()


def test_sentences_rank_paraphrases_first(encoder: mpnet.MPNetEncoder) -> None:
    vecs = encoder.sentences(
        [
            "An earthquake struck northern California on Sunday.",
            "A quake hit the north of California.",
            "Police arrested a suspect in the murder case.",
        ]
    )
    assert vecs.shape == (3, mpnet.DIM)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > 0.6 and vecs[0] @ vecs[2] < 0.3


def test_spans_depend_on_context_and_share_one_pass_per_sentence(
    encoder: mpnet.MPNetEncoder,
) -> None:
    fired = ["Troops", "fired", "shells", "at", "the", "village"]
    items = [
        (fired, [1]),
        (["Gunners", "fired", "rockets", "at", "the", "town"], [1]),
        (["The", "president", "fired", "his", "defence", "minister"], [2]),
        (fired, [2]),  # the same sentence again, another word
    ]
    vecs = encoder.spans(items)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    (alone,) = encoder.spans([(fired, [2])])
    np.testing.assert_allclose(vecs[3], alone, atol=1e-5)
    (cut,) = encoder.spans([(["word"] * 400 + ["explosion"], [400])])
    assert np.isfinite(cut).all()  # truncated away: the sentence stands in


def test_in_context_sentence_vectors_match_whole_sentences(encoder: mpnet.MPNetEncoder) -> None:
    words = ["Russian", "jets", "struck", "Deir", "ez-Zor", "on", "Tuesday", "."]
    spans, sentences = encoder.in_context([(words, [2]), (words, [0, 1])])
    assert spans.shape == sentences.shape == (2, mpnet.DIM)
    np.testing.assert_allclose(sentences[0], sentences[1])
    (whole,) = encoder.sentences([" ".join(words)])
    assert float(sentences[0] @ whole) > 0.999  # the same text, tokenised from words


def test_empty_input_gives_empty_matrices(encoder: mpnet.MPNetEncoder) -> None:
    assert encoder.sentences([]).shape == (0, mpnet.DIM)
    spans, sentences = encoder.in_context([])
    assert spans.shape == sentences.shape == (0, mpnet.DIM)
