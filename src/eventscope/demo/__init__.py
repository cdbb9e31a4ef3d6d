"""The bundled demo corpus (synthetic articles written for the project)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def demo_corpus_path() -> Path:
    """Directory of the demo corpus inside the installed package."""
    return Path(str(files("eventscope.demo") / "corpus"))
