"""The numpy logistic regression used by pair models."""

from __future__ import annotations

import numpy as np
import pytest

from eventscope.resolve.logistic import fit_logistic


def test_recovers_the_direction_of_a_planted_model() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(4000, 3))
    logits = 2.0 * x[:, 0] - 1.0 * x[:, 1] + 0.0 * x[:, 2] - 0.5
    y = (rng.random(4000) < 1 / (1 + np.exp(-logits))).astype(float)
    model = fit_logistic(x, y)
    w = model.weights[:-1] / model.scale  # back to the raw feature scale
    assert w[0] == pytest.approx(2.0, abs=0.3)
    assert w[1] == pytest.approx(-1.0, abs=0.3)
    assert abs(w[2]) < 0.2


def test_probability_keeps_the_leading_shape() -> None:
    x = np.array([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]])
    model = fit_logistic(x, np.array([0.0, 1.0, 0.0, 1.0]), l2=1.0)
    grid = np.stack([x, x[::-1]])  # (2, 4, 2): a pair matrix has two leading axes
    prob = model.probability(grid)
    assert prob.shape == (2, 4)
    assert prob[0, 1] > 0.5 > prob[0, 0]


def test_a_constant_feature_does_not_divide_by_zero() -> None:
    x = np.c_[np.linspace(-1, 1, 50), np.ones(50)]
    y = (x[:, 0] > 0).astype(float)
    model = fit_logistic(x, y, l2=1.0)
    assert np.isfinite(model.weights).all()


def test_one_class_only_is_refused() -> None:
    with pytest.raises(ValueError, match="both positive and negative"):
        fit_logistic(np.zeros((3, 2)), np.ones(3))
