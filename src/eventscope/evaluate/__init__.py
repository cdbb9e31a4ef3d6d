"""Gold-data readers and metrics behind ``eventscope eval``.

Each task is a function ``(gold: Path, options: EvalOptions) -> EvalResult`` registered in
:data:`TASKS` by module path, so a task's heavy imports load only when it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscope.errors import ConfigError

# task name -> "module:function"; modules are imported lazily.
TASKS: dict[str, str] = {
    "geo": "eventscope.evaluate.geo:evaluate_geo",
    "wikievents": "eventscope.evaluate.wikievents:evaluate_wikievents",
    "muc4": "eventscope.evaluate.muc4:evaluate_muc4",
    "satp": "eventscope.evaluate.satp:evaluate_satp",
    "rams": "eventscope.evaluate.rams:evaluate_rams",
    "coref": "eventscope.evaluate.coref:evaluate_coref",
    "linking": "eventscope.evaluate.linking:evaluate_linking",
}


@dataclass(frozen=True, slots=True)
class EvalOptions:
    mode: str = ""  # task-specific, e.g. geo: "resolve" | "end2end"
    limit: int | None = None  # evaluate only the first N documents (quick checks)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EvalResult:
    task: str
    n: int
    metrics: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"task": self.task, "n": self.n, "metrics": self.metrics}


def get_task(name: str) -> Callable[[Path, EvalOptions], EvalResult]:
    if name not in TASKS:
        raise ConfigError(
            "ES-EVAL-001",
            f"unknown evaluation task '{name}'",
            f"Available tasks: {', '.join(sorted(TASKS)) or '(none yet)'}.",
        )
    module_name, func = TASKS[name].split(":")
    return getattr(importlib.import_module(module_name), func)  # type: ignore[no-any-return]


def run_eval(name: str, gold: Path, options: EvalOptions | None = None) -> EvalResult:
    """Run one evaluation task on gold data at ``gold``."""
    if not gold.exists():
        raise ConfigError(
            "ES-EVAL-002",
            f"gold data not found: {gold}",
            "Point --gold at the evaluation file or folder (see ../shared/data).",
        )
    return get_task(name)(gold, options or EvalOptions())
