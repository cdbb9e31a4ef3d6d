"""Evaluation gate: cross-document event coreference on the first ECB+ topics (gold mentions)
must not fall below the CoNLL F1 floors pinned in coref_floors.json (a few seconds a mode)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventscope.evaluate import EvalOptions, run_eval
from factories import shared_path

SPEC: dict[str, Any] = json.loads(
    Path(__file__).with_name("coref_floors.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("mode", sorted(SPEC["floors"]))
def test_coref_stays_above_floors(mode: str) -> None:
    ecbplus = shared_path("ecbplus/ECB+")
    result = run_eval("coref", ecbplus, EvalOptions(mode=mode, limit=SPEC["limit"]))
    metrics = result.metrics
    assert metrics["topics"] == SPEC["limit"] and result.n > 500
    floor = SPEC["floors"][mode]
    assert metrics["conll_f1"] >= floor, f"{mode} CoNLL F1 {metrics['conll_f1']} fell below {floor}"
