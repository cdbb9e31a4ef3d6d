"""all-mpnet-base-v2 in numpy: a larger offline encoder for the ECB+ coreference linker.

MiniLM (:mod:`eventscope.resolve.embed`, 6 layers, int8) serves the live resolver. The ECB+
linker's strongest pair signal is the cosine of two triggers' contextual vectors, and a
bigger encoder separates them better: on the ECB+ training topics, pairs of mentions in
different articles with different head lemmas, the AUC of that cosine against the gold link is
0.895 with MPNet against 0.879 with MiniLM, and 0.740 against 0.708 for same-lemma pairs
(docs/resolution.md, round (h)). No ONNX graph of it ships on PyPI and torch is not wanted,
so the forward pass is written here in numpy (float32) over the safetensors weights
(:mod:`mpnet_files`), memory-mapped, not copied.

MPNet is BERT-shaped (12 layers, 12 heads of 64, post-layer-norm, exact GELU; the code reads
the sizes from the weights) with two
differences: absolute positions count from 2 as in RoBERTa (the padding id 1 is position 1),
and every layer adds one shared relative-position bias per head, bucketed as in T5
(:func:`relative_buckets`). The same interface as :class:`embed.Encoder`.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventscope.resolve.embed import span_mean, unit_rows

DIM = 768  # all-mpnet-base-v2; the network itself reads its sizes from the weights
PAD_ID = 1
MAX_TOKENS = 256  # news sentences rarely exceed it; longer ones are truncated
EPS = 1e-5


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Name -> read-only array view of a float32/int64 safetensors file (memory-mapped)."""
    dtypes = {"F32": np.float32, "I64": np.int64}
    with path.open("rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + length)
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = data[start:end].view(dtypes[info["dtype"]]).reshape(info["shape"])
    return out


def relative_buckets(length: int, buckets: int = 32, max_distance: int = 128) -> np.ndarray:
    """(length, length) bucket of key position j relative to query position i: half the
    buckets for each direction, exact up to 8 apart, then logarithmic up to ``max_distance``."""
    n = np.arange(length)[:, None] - np.arange(length)[None, :]  # query minus key
    half = buckets // 2
    out = (n < 0).astype(np.int64) * half
    n = np.abs(n)
    exact = half // 2
    scaled = np.log(np.maximum(n, 1) / exact) / math.log(max_distance / exact) * (half - exact)
    large = np.minimum(exact + scaled.astype(np.int64), half - 1)
    return out + np.where(n < exact, n, large)


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (error under 1.5e-7, below float32's resolution of GELU)
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t  # fmt: skip
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + EPS) * weight + bias


class MPNet:
    """The network; :meth:`hidden` maps token ids and a mask to the last layer's vectors."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.w = weights
        self.heads = weights["encoder.relative_attention_bias.weight"].shape[1]
        self.dim = weights["embeddings.word_embeddings.weight"].shape[1]
        self.layers = len({k.split(".")[2] for k in weights if k.startswith("encoder.layer.")})

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _attention(self, x: np.ndarray, prefix: str, bias: np.ndarray) -> np.ndarray:
        batch, length, _ = x.shape
        size = self.dim // self.heads

        def heads(name: str) -> np.ndarray:
            y = self._linear(x, prefix + "attention.attn." + name)
            return y.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        scores = heads("q") @ heads("k").transpose(0, 1, 3, 2) / math.sqrt(size) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        probs = scores / scores.sum(-1, keepdims=True)
        context = (probs @ heads("v")).transpose(0, 2, 1, 3).reshape(batch, length, self.dim)
        return self._linear(context, prefix + "attention.attn.o")

    def _layer(self, x: np.ndarray, index: int, bias: np.ndarray) -> np.ndarray:
        p = f"encoder.layer.{index}."
        w = self.w
        x = _layer_norm(self._attention(x, p, bias) + x, w[p + "attention.LayerNorm.weight"],
                        w[p + "attention.LayerNorm.bias"])  # fmt: skip
        h = self._linear(x, p + "intermediate.dense")
        h = 0.5 * h * (1.0 + _erf(h / math.sqrt(2.0)))
        out = self._linear(h, p + "output.dense") + x
        return _layer_norm(out, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, length, dim) last-layer vectors; ``mask`` is 1 on tokens, 0 on padding
        (padding must be on the right)."""
        w = self.w
        positions = np.cumsum(mask, axis=1) * mask + PAD_ID
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][positions]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        table = w["encoder.relative_attention_bias.weight"]  # (buckets, heads)
        bias = table[relative_buckets(ids.shape[1])].transpose(2, 0, 1)[None]
        bias = bias + np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for index in range(self.layers):
            x = self._layer(x, index, bias)
        return x.astype(np.float32, copy=False)


class MPNetEncoder:
    """Sentences and word spans in context, as :class:`eventscope.resolve.embed.Encoder`."""

    def __init__(self, folder: Path, batch_size: int = 16) -> None:
        from tokenizers import Tokenizer

        self.model = MPNet(read_safetensors(folder / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self.batch_size = batch_size

    def _encode(self, encodings: Sequence) -> list[np.ndarray]:
        """Each encoding's token vectors (its own length), batched by length to pad little."""
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        out: list[np.ndarray] = [np.zeros((0, DIM), np.float32)] * len(encodings)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.full((len(chunk), width), PAD_ID, dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(chunk):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1
            hidden = self.model.hidden(ids, mask)
            for row, i in enumerate(chunk):
                out[i] = hidden[row, : len(encodings[i].ids)]
        return out

    def sentences(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text: the mean of its token vectors, as the model was trained."""
        return unit_rows(_means(self._encode(self._tokenizer.encode_batch(list(texts)))))

    def spans(self, items: Sequence[tuple[Sequence[str], Sequence[int]]]) -> np.ndarray:
        """For each (words of a sentence, positions of a span), the mean vector of the span's
        word pieces in context; each distinct sentence is encoded once."""
        return self.in_context(items)[0]

    def in_context(
        self, items: Sequence[tuple[Sequence[str], Sequence[int]]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(span vectors, sentence vectors) of the items from one pass over their distinct
        sentences: a sentence's vector is the mean of the same token vectors its spans use."""
        sentences = list(dict.fromkeys(tuple(words) for words, _ in items))
        row = {s: i for i, s in enumerate(sentences)}
        encodings = self._tokenizer.encode_batch([list(s) for s in sentences], is_pretokenized=True)
        hidden = self._encode(encodings)
        whole = unit_rows(_means(hidden))
        spans = np.zeros((len(items), DIM), dtype=np.float32)
        for k, (words, positions) in enumerate(items):
            i = row[tuple(words)]
            spans[k] = span_mean(hidden[i], encodings[i].word_ids, positions)
        rows = [row[tuple(words)] for words, _ in items]
        return unit_rows(spans), whole[rows]


def _means(token_vectors: list[np.ndarray]) -> np.ndarray:
    """(n, DIM): each text's mean token vector, as the model was trained (an empty list too)."""
    out = np.zeros((len(token_vectors), DIM), dtype=np.float32)
    for i, tokens in enumerate(token_vectors):
        out[i] = tokens.mean(axis=0)
    return out


@lru_cache(maxsize=1)
def load_mpnet() -> MPNetEncoder:
    """The shared encoder; the first call may assemble the weights (:mod:`mpnet_files`)."""
    from eventscope.resolve.mpnet_files import ensure_model

    return MPNetEncoder(ensure_model())
