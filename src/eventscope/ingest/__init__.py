"""Ingest stage: read INPUT arguments into :class:`RawDocument` records.

An INPUT is a file (``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.json``), a directory (recursed
in sorted order), a glob pattern, or ``-`` for JSONL on stdin. Anything unusable becomes a
:class:`Skip` with a reason code; nothing here raises for bad input.

Skip reason codes: ``missing``, ``empty``, ``too-large``, ``binary``, ``malformed-json``,
``missing-text``, ``unsupported-format``, ``unreadable``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from eventscope.ingest.files import expand_input, read_file
from eventscope.ingest.jsonl import iter_jsonl
from eventscope.ingest.metadata import InputDefaults, parse_iso_date
from eventscope.ingest.records import ReadOptions
from eventscope.models import RawDocument, Skip

__all__ = ["NO_DEFAULTS", "SKIP_REASONS", "STDIN", "InputDefaults", "iter_inputs", "parse_iso_date"]

logger = logging.getLogger(__name__)

STDIN = "-"
NO_DEFAULTS = InputDefaults()  # frozen, so one shared instance is a safe default
SKIP_REASONS = (
    "missing",
    "empty",
    "too-large",
    "binary",
    "malformed-json",
    "missing-text",
    "unsupported-format",
    "unreadable",
)


def _read_paths(item: str, options: ReadOptions, seen: set[str]) -> Iterator[RawDocument | Skip]:
    """Documents from the files one INPUT names, each real file read once per call."""
    for entry in expand_input(item):
        if isinstance(entry, Skip):
            yield entry
            continue
        key = os.path.realpath(entry)
        if key in seen:
            # The same file named twice (say, a folder and a glob inside it): read it once.
            logger.debug("%s: already read in this run", entry)
            continue
        seen.add(key)
        yield from read_file(Path(entry), options)


def iter_inputs(
    inputs: Sequence[str],
    defaults: InputDefaults = NO_DEFAULTS,
    max_bytes: int = 5_000_000,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Skip]:
    """Yield a :class:`RawDocument` for every article in ``inputs``, or a :class:`Skip`.

    ``defaults`` (from ``--source/--published/--lang``) fill metadata that neither the record
    nor its sidecar gives. ``max_bytes`` limits each document (JSONL: each line). ``stdin`` is
    the stream ``-`` reads, ``sys.stdin.buffer`` when None. Order is deterministic: inputs in
    the order given, files in a directory sorted by path, JSONL records by line.
    """
    options = ReadOptions(defaults=defaults, max_bytes=max_bytes)
    seen: set[str] = set()
    for item in inputs:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from iter_jsonl(stream, "<stdin>", {}, options)
        else:
            yield from _read_paths(item, options, seen)
