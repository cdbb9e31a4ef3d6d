"""Shared metric arithmetic for the evaluation tasks."""

from __future__ import annotations


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


class Tally:
    """Running tp/fp/fn per metric name."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, name: str, gold: set, system: set) -> None:  # type: ignore[type-arg]
        tp_fp_fn = self.counts.setdefault(name, [0, 0, 0])
        tp_fp_fn[0] += len(gold & system)
        tp_fp_fn[1] += len(system - gold)
        tp_fp_fn[2] += len(gold - system)

    def add_counts(self, name: str, counts: tuple[int, int, int]) -> None:
        current = self.counts.setdefault(name, [0, 0, 0])
        for i, value in enumerate(counts):
            current[i] += value

    def metrics(self) -> dict[str, dict[str, float]]:
        return {name: prf(*c) for name, c in sorted(self.counts.items())}
