"""The clean stage proper: a :class:`RawDocument` in, an :class:`Article` (or a Skip) out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from eventscope.clean.boilerplate import remove_boilerplate
from eventscope.clean.decode import decode_source
from eventscope.clean.fingerprint import simhash64
from eventscope.clean.html import extract_html
from eventscope.clean.language import detect_language
from eventscope.ingest.metadata import parse_iso_date
from eventscope.ingest.sniff import looks_binary
from eventscope.models import Article, RawDocument, RemovedSpan, Skip

STAGE = "clean"
MEDIA_TYPES = ("text", "html")
# Text that says it is HTML, whatever the input claimed (JSONL "text" fields often hold pages).
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html[\s>])", re.IGNORECASE)
# Dates with a month name or in ISO order: unambiguous, unlike 05/03/2024.
_DATE_IN_TEXT = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|"
    r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b"
)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}")


@dataclass(frozen=True, slots=True)
class _Cleaned:
    """The outcome of cleaning, before the Article is assembled."""

    text: str
    removed: tuple[RemovedSpan, ...]
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    language_hint: str | None = None


def _date_from_spans(removed: tuple[RemovedSpan, ...]) -> str | None:
    """The publication date printed in a removed "Published: ..." line, when unambiguous."""
    for span in removed:
        if span.kind != "timestamp":
            continue
        match = _DATE_IN_TEXT.search(span.text)
        if not match:
            continue
        try:
            return dateparser.parse(match.group(0)).date().isoformat()
        except (ValueError, OverflowError):
            continue
    return None


def _clean_plain(source: str) -> _Cleaned:
    """Plain text: boilerplate removal; a printed "Published: ..." date is kept as a hint."""
    text, removed = remove_boilerplate(source)
    return _Cleaned(text=text, removed=removed, published=_date_from_spans(removed))


def _clean_html(source: str) -> _Cleaned:
    """HTML: main text and metadata of the page."""
    page = extract_html(source)
    # The markup as a whole is what was dropped; its text keeps the page recoverable.
    chrome = RemovedSpan(0, len(source), "html", source)
    return _Cleaned(
        text=page.text,
        removed=(chrome,),
        title=page.title,
        source=page.site,
        published=page.published,
        url=page.url,
        language_hint=page.lang,
    )


def normalise_language(code: str | None) -> str | None:
    """The primary subtag of a language tag, lowercased: "en-GB" -> "en"."""
    match = _LANGUAGE_TAG.match(code.strip()) if code else None
    return match.group(0).lower() if match else None


def normalise_published(value: str | None) -> str | None:
    """An ISO date or datetime as ``YYYY-MM-DD``; None when missing or invalid."""
    parsed = parse_iso_date(value)
    return parsed.isoformat() if parsed else None


def _skip(raw: RawDocument, reason: str, detail: str) -> Skip:
    """A clean-stage Skip that keeps both ids, so the user can find the input."""
    return Skip(raw.input_id, reason, detail, stage=STAGE, doc_id=raw.doc_id)


def _clean(raw: RawDocument) -> _Cleaned | Skip:
    """Decode and clean the content, or say why not."""
    if raw.media_type not in MEDIA_TYPES:
        return _skip(raw, "unsupported-format", f"media type {raw.media_type!r}")
    if looks_binary(raw.raw):
        return _skip(raw, "binary", "content has NUL or control bytes; not text")
    source = decode_source(raw.raw)
    if source is None:
        return _skip(raw, "undecodable", "no text encoding fits these bytes")
    if raw.media_type == "html" or _HTML_START.match(source):
        return _clean_html(source)
    return _clean_plain(source)


def clean_document(raw: RawDocument) -> Article | Skip:
    """Clean one document into an :class:`Article`, or a :class:`Skip` saying why not.

    Metadata the input gave wins over metadata found in the page. Language: the input's, else
    detected from the text, else the page's declared one. Non-English text is not skipped here.
    """
    cleaned = _clean(raw)
    if isinstance(cleaned, Skip):
        return cleaned
    if not cleaned.text.strip():
        return _skip(raw, "no-text", "nothing left after removing markup and boilerplate")
    language = normalise_language(raw.language) or detect_language(cleaned.text)
    return Article(
        doc_id=raw.doc_id,
        input_id=raw.input_id,
        text=cleaned.text,
        title=raw.title or cleaned.title,
        source=raw.source or cleaned.source,
        published=normalise_published(raw.published) or cleaned.published,
        url=raw.url or cleaned.url,
        language=language or normalise_language(cleaned.language_hint),
        removed=cleaned.removed,
        fingerprint=simhash64(cleaned.text),
    )
