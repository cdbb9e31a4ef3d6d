"""Readers for JSON Lines streams (files and stdin) and JSON files of articles.

JSONL is streamed line by line with a bounded read per line, so a large corpus file never sits in
memory and one bad line skips only itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from eventscope.ingest.metadata import Metadata
from eventscope.ingest.records import ReadOptions, document_from_record
from eventscope.ingest.sniff import UTF8_BOM
from eventscope.models import RawDocument, Skip

_DRAIN_CHUNK = 1 << 16


def _drain_line(stream: BinaryIO) -> None:
    """Consume the rest of an over-long line without keeping it."""
    while chunk := stream.readline(_DRAIN_CHUNK):
        if chunk.endswith(b"\n"):
            return


def numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` pairs, 1-based; the line is None when it exceeds ``max_bytes``."""
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _drain_line(stream)
            yield lineno, None
        else:
            yield lineno, line


def _json_error(exc: ValueError) -> str:
    """A short, readable description of a JSON decoding failure."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return "not valid UTF-8"


def parse_line(
    line: bytes, where: str, lineno: int, sidecar: Metadata, options: ReadOptions
) -> RawDocument | Skip:
    """One JSONL line to a document or a Skip."""
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return Skip(where, "malformed-json", f"line {lineno}: {_json_error(exc)}")
    return document_from_record(record, where, sidecar, options)


def iter_jsonl(
    stream: BinaryIO, label: str, sidecar: Metadata, options: ReadOptions
) -> Iterator[RawDocument | Skip]:
    """Documents from a JSONL stream; records without ``id`` are named ``LABEL#L<lineno>``."""
    found = False
    for lineno, line in numbered_lines(stream, options.max_bytes):
        where = f"{label}#L{lineno}"
        if line is None:
            found = True
            yield Skip(where, "too-large", f"line {lineno} exceeds {options.max_bytes} bytes")
            continue
        if lineno == 1 and line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
        if not line.strip():
            continue  # blank lines (a trailing newline, spacing) are not records
        found = True
        yield parse_line(line, where, lineno, sidecar, options)
    if not found:
        yield Skip(label, "empty", "no JSON lines")


def iter_json(
    data: bytes, label: str, sidecar: Metadata, options: ReadOptions
) -> Iterator[RawDocument | Skip]:
    """Documents from a JSON file holding one article object or a list of them.

    List items without ``id`` are named ``LABEL#<n>`` (1-based); a single object is named
    ``LABEL``.
    """
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        yield Skip(label, "malformed-json", f"line {exc.lineno}: {exc.msg} (column {exc.colno})")
        return
    except ValueError:
        yield Skip(label, "malformed-json", "not valid UTF-8, UTF-16 or UTF-32 text")
        return
    if isinstance(parsed, list):
        if not parsed:
            yield Skip(label, "empty", "empty JSON list")
        for number, record in enumerate(parsed, start=1):
            yield document_from_record(record, f"{label}#{number}", sidecar, options)
    elif isinstance(parsed, dict):
        yield document_from_record(parsed, label, sidecar, options)
    else:
        detail = f"expected an article object or a list of them, got {type(parsed).__name__}"
        yield Skip(label, "malformed-json", detail)
