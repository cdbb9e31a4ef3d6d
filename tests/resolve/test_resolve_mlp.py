"""The numpy one-hidden-layer network used by the ECB+ pair model."""

from __future__ import annotations

import numpy as np
import pytest

from eventscope.resolve.logistic import fit_logistic
from eventscope.resolve.mlp import fit_mlp


def _xor(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    return x, ((x[:, 0] > 0) != (x[:, 1] > 0)).astype(float)


def test_learns_an_interaction_a_linear_model_cannot() -> None:
    x, y = _xor(4000, 1)
    test_x, test_y = _xor(1000, 2)
    net = fit_mlp(x, y, hidden=16, epochs=20)
    linear = fit_logistic(x, y)
    net_acc = ((net.probability(test_x) > 0.5) == test_y).mean()
    linear_acc = ((linear.probability(test_x) > 0.5) == test_y).mean()
    assert net_acc > 0.9 and linear_acc < 0.65


def test_is_deterministic_and_keeps_the_leading_shape() -> None:
    x, y = _xor(500, 3)
    a, b = fit_mlp(x, y, seed=5), fit_mlp(x, y, seed=5)
    grid = np.stack([x[:4], x[4:8]])
    assert a.probability(grid).shape == (2, 4)
    assert np.array_equal(a.probability(grid), b.probability(grid))


def test_a_few_pairs_still_train() -> None:
    x = np.array([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]] * 3)
    y = np.array([0.0, 1.0, 0.0, 1.0] * 3)
    prob = fit_mlp(x, y).probability(x[:4])
    assert prob[1] > 0.5 > prob[0] and prob[3] > 0.5 > prob[2]


def test_one_class_only_is_refused() -> None:
    with pytest.raises(ValueError, match="both positive and negative"):
        fit_mlp(np.zeros((3, 2)), np.ones(3))
