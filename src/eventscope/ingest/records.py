"""Turning content plus metadata into a :class:`RawDocument`, and JSON objects into documents."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from eventscope.ingest.metadata import (
    InputDefaults,
    Metadata,
    merge_metadata,
    metadata_from_mapping,
)
from eventscope.ingest.sniff import is_blank, looks_binary
from eventscope.models import RawDocument, Skip

logger = logging.getLogger(__name__)

# Content fields of a JSON article, in order of preference: ``text`` is already extracted, so it
# wins when a record carries both.
_CONTENT_FIELDS = (("text", "text"), ("html", "html"))


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What every reader needs besides its input: the CLI defaults and the size limit."""

    defaults: InputDefaults = field(default_factory=InputDefaults)
    max_bytes: int = 5_000_000


def make_document(
    content: bytes, media_type: str, fallback_id: str, metadata: Metadata
) -> RawDocument | Skip:
    """A document for ``content``, or the Skip that says why the content is unusable.

    ``doc_id`` hashes the content bytes only, so the same article arriving twice, from any input,
    is the same document.
    """
    input_id = metadata.get("id") or fallback_id
    if is_blank(content):
        return Skip(input_id, "empty", "no content besides whitespace")
    if looks_binary(content):
        return Skip(input_id, "binary", "content has NUL or control bytes; not text")
    return RawDocument(
        doc_id=hashlib.sha256(content).hexdigest(),
        input_id=input_id,
        raw=content,
        media_type=media_type,
        source=metadata.get("source"),
        published=metadata.get("published"),
        url=metadata.get("url"),
        title=metadata.get("title"),
        language=metadata.get("language"),
    )


def _content_of(record: Mapping[str, Any]) -> tuple[str, str] | str:
    """``(content, media_type)`` of a JSON article, or a message saying what is wrong."""
    for key, media_type in _CONTENT_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"{key!r} must be a string, got {type(value).__name__}"
        return value, media_type
    return "record has neither 'text' nor 'html'"


def document_from_record(
    record: Any, fallback_id: str, sidecar: Metadata, options: ReadOptions
) -> RawDocument | Skip:
    """A document from one decoded JSON article object (record > sidecar > CLI defaults)."""
    if not isinstance(record, dict):
        detail = f"expected a JSON object, got {type(record).__name__}"
        return Skip(fallback_id, "malformed-json", detail)
    own = metadata_from_mapping(record, fallback_id)
    metadata = merge_metadata([own, sidecar, options.defaults.as_metadata()], fallback_id)
    input_id = metadata.get("id") or fallback_id
    content = _content_of(record)
    if isinstance(content, str):
        return Skip(input_id, "missing-text", content)
    text, media_type = content
    # Unpaired surrogates (legal in JSON, not in UTF-8) become "?" rather than dropping the record.
    data = text.encode("utf-8", errors="replace")
    if len(data) > options.max_bytes:
        detail = f"{len(data)} bytes of {media_type} exceed the limit of {options.max_bytes}"
        return Skip(input_id, "too-large", detail)
    return make_document(data, media_type, fallback_id, metadata)
