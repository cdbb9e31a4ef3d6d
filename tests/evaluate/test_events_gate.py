"""Evaluation gate: event extraction must not fall below the floors pinned in
events_floors.json (fixed subsets of the shared dev data; about 25 s in all)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventscope.evaluate import EvalOptions, run_eval
from factories import shared_path

FLOORS: dict[str, Any] = json.loads(
    (Path(__file__).with_name("events_floors.json")).read_text(encoding="utf-8")
)["tasks"]


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_metrics_stay_above_floors(task: str) -> None:
    spec = FLOORS[task]
    gold = shared_path(spec["path"])
    result = run_eval(task, gold, EvalOptions(limit=spec["limit"]))
    assert result.n == spec["limit"]
    for metric, floor in spec["floors"].items():
        measured = result.metrics[metric]["f1"]
        assert measured >= floor, f"{task} {metric} F1 {measured} fell below the floor {floor}"
