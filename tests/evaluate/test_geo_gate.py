"""Evaluation gate: toponym resolution must not fall below the floors pinned in
geo_floors.json (resolve mode on the first articles of each shared set; a few seconds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventscope.evaluate import EvalOptions, run_eval
from factories import shared_path

FLOORS: dict[str, Any] = json.loads(
    (Path(__file__).with_name("geo_floors.json")).read_text(encoding="utf-8")
)["sets"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_resolution_stays_above_floors(name: str) -> None:
    spec = FLOORS[name]
    gold = shared_path(spec["path"])
    result = run_eval("geo", gold, EvalOptions(mode="resolve", limit=spec["limit"]))
    metrics = result.metrics
    assert metrics["documents"] == spec["limit"] and result.n > 100
    floors = dict(spec["floors"])
    auc_max = floors.pop("auc_max")
    for metric, floor in floors.items():
        assert metrics[metric] >= floor, f"{name} {metric} {metrics[metric]} fell below {floor}"
    # AUC of the error curve: lower is better, so its pin is a ceiling
    assert metrics["auc"] <= auc_max, f"{name} auc {metrics['auc']} rose above {auc_max}"


RECOGNITION: dict[str, Any] = json.loads(
    (Path(__file__).with_name("geo_floors.json")).read_text(encoding="utf-8")
)["recognition"]


@pytest.mark.parametrize("name", sorted(RECOGNITION))
def test_recognition_stays_above_floors(name: str) -> None:
    spec = RECOGNITION[name]
    gold = shared_path(spec["path"])
    result = run_eval("geo", gold, EvalOptions(mode="end2end", limit=spec["limit"]))
    assert result.metrics["documents"] == spec["limit"]
    for metric, floor in spec["floors"].items():
        value = result.metrics[metric]
        assert value >= floor, f"{name} recognition {metric} {value} fell below {floor}"


PROTOCOL: dict[str, Any] = json.loads(
    (Path(__file__).with_name("geo_floors.json")).read_text(encoding="utf-8")
)["mordecai3"]


@pytest.mark.parametrize("name", sorted(PROTOCOL))
def test_mordecai3_protocol_stays_above_floors(name: str) -> None:
    """Resolution on the toponyms Mordecai 3's evaluation keeps (its published numbers are
    on those), against floors of their own."""
    spec = PROTOCOL[name]
    gold = shared_path(spec["path"])
    result = run_eval("geo", gold, EvalOptions(mode="mordecai3", limit=spec["limit"]))
    metrics = result.metrics
    assert metrics["documents"] == spec["limit"] and metrics["toponyms"] > 100
    # the filter drops some toponyms of every set, and never all of them
    assert 0 < metrics["dropped_not_tagged_place"] < result.n
    for metric, floor in spec["floors"].items():
        value = metrics[metric]
        assert value >= floor, f"{name} mordecai3 {metric} {value} fell below {floor}"
