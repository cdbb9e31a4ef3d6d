"""A one-hidden-layer neural network in numpy, for pairwise link models.

The logistic model (:mod:`eventscope.resolve.logistic`) can only add its features' evidence;
a link decision often needs interactions (a shared lemma means little when the contexts
differ; a close context means more in the same article). A small ReLU network learns such
interactions from the same features. It is fitted by minibatch Adam on the log loss with a
cosine-decayed step size and a fixed seed, so a fit is deterministic for a given input.
Features are standardised with the training mean and spread, as in the logistic model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_BETA1, _BETA2, _EPS = 0.9, 0.999, 1e-8


@dataclass(frozen=True, slots=True)
class MLPModel:
    mean: np.ndarray
    scale: np.ndarray
    hidden_weights: np.ndarray  # (features, hidden)
    hidden_bias: np.ndarray  # (hidden,)
    output_weights: np.ndarray  # (hidden,)
    output_bias: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(link) for each row of ``features`` (any leading shape, last axis = features)."""
        shape = features.shape[:-1]
        flat = (features.reshape(-1, features.shape[-1]) - self.mean) / self.scale
        hidden = np.maximum(flat @ self.hidden_weights + self.hidden_bias, 0.0)
        logits = hidden @ self.output_weights + self.output_bias
        return (1.0 / (1.0 + np.exp(-logits))).reshape(shape)


def _init(n_in: int, hidden: int, prior: float, rng: np.random.Generator) -> list[np.ndarray]:
    """He-initialised hidden layer; the output bias starts at the base rate's log-odds."""
    return [
        rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)).astype(np.float32),
        np.zeros(hidden, np.float32),
        rng.normal(0.0, np.sqrt(1.0 / hidden), hidden).astype(np.float32),
        np.array([np.log(prior / (1.0 - prior))], np.float32),
    ]


def _gradients(
    params: list[np.ndarray], x: np.ndarray, y: np.ndarray, l2: float
) -> list[np.ndarray]:
    """Gradients of the mean log loss (plus an L2 penalty on the weights) for one batch."""
    w1, b1, w2, b2 = params
    pre = x @ w1 + b1
    hidden = np.maximum(pre, 0.0)
    p = 1.0 / (1.0 + np.exp(-(hidden @ w2 + b2[0])))
    g = (p - y) / len(y)
    g_hidden = np.outer(g, w2) * (pre > 0)
    return [
        x.T @ g_hidden + l2 * w1,
        g_hidden.sum(axis=0),
        hidden.T @ g + l2 * w2,
        np.array([g.sum()], np.float32),
    ]


def _adam_step(
    params: list[np.ndarray],
    grads: Sequence[np.ndarray],
    state: tuple[list[np.ndarray], list[np.ndarray]],
    step: int,
    size: float,
) -> None:
    """One Adam update of ``params`` in place (first and second moments in ``state``)."""
    moments, squares = state
    for i, grad in enumerate(grads):
        moments[i] = _BETA1 * moments[i] + (1 - _BETA1) * grad
        squares[i] = _BETA2 * squares[i] + (1 - _BETA2) * grad * grad
        m_hat = moments[i] / (1 - _BETA1**step)
        v_hat = squares[i] / (1 - _BETA2**step)
        params[i] -= (size * m_hat / (np.sqrt(v_hat) + _EPS)).astype(np.float32)


def fit_mlp(
    features: np.ndarray,
    labels: np.ndarray,
    hidden: int = 16,
    epochs: int = 4,
    batch: int = 4096,
    rate: float = 3e-3,
    l2: float = 1e-4,
    seed: int = 0,
    min_steps: int = 500,
) -> MLPModel:
    """Fit by minibatch Adam; the step size decays to zero over the run (cosine schedule).

    On small inputs the batch shrinks (at least 128 batches an epoch) and the epochs grow (at
    least ``min_steps`` updates), so a few hundred pairs still get a trained model."""
    if len(labels) == 0 or labels.min() == labels.max():
        raise ValueError("the network needs both positive and negative examples")
    rng = np.random.default_rng(seed)
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale = np.where(scale < 1e-9, 1.0, scale)
    x = ((features - mean) / scale).astype(np.float32)
    y = labels.astype(np.float32)
    params = _init(x.shape[1], hidden, float(y.mean()), rng)
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    batch = min(batch, max(32, len(y) // 128))
    per_epoch = -(-len(y) // batch)
    epochs = max(epochs, -(-min_steps // per_epoch))
    total = epochs * per_epoch
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            idx = order[start : start + batch]
            step += 1
            size = rate * 0.5 * (1.0 + np.cos(np.pi * step / total))
            grads = _gradients(params, x[idx], y[idx], l2)
            _adam_step(params, grads, (moments, squares), step, size)
    w1, b1, w2, b2 = params
    return MLPModel(mean, scale, w1, b1, w2, float(b2[0]))


@dataclass(frozen=True, slots=True)
class MLPEnsemble:
    """The mean probability of networks fitted with different seeds: one network's result
    moves by a few tenths of a point of CoNLL F1 with its seed, the mean much less."""

    members: tuple[MLPModel, ...]

    def probability(self, features: np.ndarray) -> np.ndarray:
        return sum(m.probability(features) for m in self.members) / len(self.members)


def fit_mlp_ensemble(
    features: np.ndarray, labels: np.ndarray, hidden: int = 16, seeds: Sequence[int] = (0, 1, 2)
) -> MLPEnsemble:
    """One :func:`fit_mlp` per seed (same data, same settings otherwise)."""
    return MLPEnsemble(tuple(fit_mlp(features, labels, hidden, seed=s) for s in seeds))
