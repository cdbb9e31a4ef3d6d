"""The reference docs are generated from the code; these tests fail when they drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.cli.docgen import cli_reference, config_reference

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(
    ("name", "render"), [("cli.md", cli_reference), ("config.md", config_reference)]
)
def test_reference_docs_match_the_code(name: str, render: object) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == render(), (  # type: ignore[operator]
        f"docs/{name} is stale: run `python -m eventscope.cli.docgen docs`"
    )
