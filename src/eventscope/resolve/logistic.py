"""A small L2-regularised logistic regression in numpy, for pairwise link models.

Pair models here have a few dozen features and up to a few million training pairs, which
Newton's method (iteratively reweighted least squares) fits exactly in a handful of steps; a
dependency such as scikit-learn would bring nothing the linker needs. Features are
standardised with the training mean and spread, so the penalty treats them alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class LogisticModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # one per feature, then the intercept

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(link) for each row of ``features`` (any leading shape, last axis = features)."""
        shape = features.shape[:-1]
        flat = (features.reshape(-1, features.shape[-1]) - self.mean) / self.scale
        logits = flat @ self.weights[:-1] + self.weights[-1]
        return (1.0 / (1.0 + np.exp(-logits))).reshape(shape)


def fit_logistic(
    features: np.ndarray, labels: np.ndarray, l2: float = 1e-3, steps: int = 25
) -> LogisticModel:
    """Fit by Newton's method; stops early once the update is negligible."""
    if len(labels) == 0 or labels.min() == labels.max():
        raise ValueError("logistic regression needs both positive and negative examples")
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale = np.where(scale < 1e-9, 1.0, scale)
    design = np.c_[(features - mean) / scale, np.ones(len(features))]
    weights = np.zeros(design.shape[1])
    penalty = l2 * np.eye(len(weights))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (p - labels) + l2 * weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        update = np.linalg.solve(hessian, gradient)
        weights -= update
        if np.abs(update).max() < 1e-6:
            break
    return LogisticModel(mean, scale, weights)
