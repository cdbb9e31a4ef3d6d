"""Document metadata: the fields an input may carry, sidecar files and precedence.

Precedence, highest first: the record's own fields (a JSONL/JSON object), the sidecar
``NAME.meta.json`` next to the input file, the command-line defaults. Bad metadata never drops a
document: unusable values are logged and left out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Metadata fields an input may carry (besides the content itself, ``text`` or ``html``).
META_FIELDS = ("id", "url", "title", "source", "published", "language")
SIDECAR_SUFFIX = ".meta.json"
# Sidecars are small by nature; a huge one is a mistake, not metadata.
_MAX_SIDECAR_BYTES = 1_000_000

Metadata = dict[str, str]


@dataclass(frozen=True, slots=True)
class InputDefaults:
    """Metadata given on the command line (``--source/--published/--lang``); lowest precedence."""

    source: str | None = None
    published: str | None = None
    language: str | None = None

    def as_metadata(self) -> Metadata:
        """The defaults as a metadata layer (unset values left out)."""
        values = {"source": self.source, "published": self.published, "language": self.language}
        return {key: value.strip() for key, value in values.items() if value and value.strip()}


def parse_iso_date(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or datetime string, or None when it is not one.

    A datetime keeps the date as written in its own offset: the local day of publication is what
    matters for dating events, not the UTC day.
    """
    if not value:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def metadata_from_mapping(data: Mapping[str, Any], where: str) -> Metadata:
    """Pick the known metadata fields of ``data`` as stripped, non-empty strings.

    Numbers are accepted for ``id`` (common in exported datasets); other non-string values are
    logged and ignored rather than guessed at.
    """
    picked: Metadata = {}
    for key in META_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
            value = str(value)
        if not isinstance(value, str):
            kind = type(value).__name__
            logger.warning("%s: ignoring %r: expected a string, got %s", where, key, kind)
            continue
        if value.strip():
            picked[key] = value.strip()
    return picked


def merge_metadata(layers: Sequence[Metadata], where: str) -> Metadata:
    """Merge metadata layers (highest precedence first) and validate ``published``."""
    merged: Metadata = {}
    for layer in reversed(layers):
        merged.update(layer)
    published = merged.get("published")
    if published is not None and parse_iso_date(published) is None:
        logger.warning("%s: ignoring published=%r: not an ISO 8601 date", where, published)
        del merged["published"]
    return merged


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of ``path`` lives: ``foo.txt`` -> ``foo.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a metadata sidecar rather than an input."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Metadata:
    """The metadata in the sidecar of ``path``; empty when there is none or it is unusable.

    A broken sidecar is a warning, not a skip: the document itself is fine and still ingested.
    """
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        if side.stat().st_size > _MAX_SIDECAR_BYTES:
            raise ValueError(f"larger than {_MAX_SIDECAR_BYTES} bytes")
        data = json.loads(side.read_bytes())
    except (OSError, ValueError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        logger.warning("%s: ignoring malformed sidecar: %s", side, exc)
        return {}
    if not isinstance(data, dict):
        logger.warning("%s: ignoring sidecar: expected a JSON object", side)
        return {}
    return metadata_from_mapping(data, str(side))
