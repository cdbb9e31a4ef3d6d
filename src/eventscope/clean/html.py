"""Main text and metadata from an HTML page.

trafilatura finds the article body and the metadata (title, date, author, site name); when it
returns nothing (tiny pages, fragments, pathological markup) the visible text of the page is
taken with lxml instead. Either way the result goes through the plain-text boilerplate remover,
because extracted bodies still carry "Read more" lines and credits. Page text is untrusted: it
is parsed, never rendered, and scripts and styles never reach the output.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from eventscope.clean.boilerplate import remove_boilerplate
from eventscope.ingest.metadata import parse_iso_date

logger = logging.getLogger(__name__)

_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Last-resort tag stripping, for markup libxml2 gives up on (e.g. nesting deeper than it allows).
_INVISIBLE_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|head)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[A-Za-z/!?][^>]*>?")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.IGNORECASE)
# Elements whose content is never article text.
_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "form", "iframe", "svg", "button", "select", "object", "embed", "canvas",
)  # fmt: skip
# Elements that end a line of visible text.
_BLOCK_TAGS = (
    "p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "article", "section", "main", "figcaption", "table", "ul", "ol", "hr",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What a page yields: cleaned text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    site: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    lang: str | None = None  # the page's declared language (<html lang>)


def _as_document(source: str) -> str:
    """``source`` as a whole page: trafilatura rejects fragments ("<p>...") as empty trees."""
    if _DOCUMENT_TAG.search(source):
        return source
    return f"<html><body>{source}</body></html>"


def _trafilatura(source: str) -> Any | None:
    """trafilatura's extraction (a ``Document``), or None when it gives nothing or fails."""
    import trafilatura  # imported lazily: heavy, and only HTML inputs need it

    page = _as_document(source)
    try:
        return trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    except Exception as exc:  # third-party parser on hostile input: any failure means "nothing"
        logger.debug("trafilatura failed: %s", exc)
        return None


def _metadata_only(source: str) -> Any | None:
    """trafilatura's metadata for a page whose body it could not extract."""
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(_as_document(source))
    except Exception as exc:  # as above: metadata is optional, never worth a crash
        logger.debug("trafilatura metadata failed: %s", exc)
        return None


def visible_text(source: str) -> str:
    """The visible text of a page, one block element per line, via lxml (the fallback)."""
    from lxml import etree, html

    # huge_tree lifts libxml2's nesting limit (256), which otherwise truncates deep pages; the
    # input is already bounded by the ingest size limit.
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", source), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return str(root.text_content())


def stripped_text(source: str) -> str:
    """Text between the tags, scripts and styles removed: the fallback of the fallback."""
    return unescape(_TAG.sub("\n", _INVISIBLE_ELEMENTS.sub("\n", source)))


def _clean_str(value: Any) -> str | None:
    """A metadata value as a whitespace-normalised string, or None when empty or not a string."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _drop_title(text: str, title: str | None) -> str:
    """Remove a first paragraph that repeats the title (trafilatura keeps the <h1>)."""
    first, _, rest = text.partition("\n\n")
    if title and first.casefold() == title.casefold():
        return rest
    return text


def extract_html(source: str) -> HtmlContent:
    """Main text and metadata of the page ``source`` (already decoded)."""
    document = _trafilatura(source)
    body = getattr(document, "text", None) or visible_text(source).strip() or stripped_text(source)
    meta = document if document is not None else _metadata_only(source)
    title = _clean_str(getattr(meta, "title", None))
    text, _ = remove_boilerplate(body)
    published = parse_iso_date(_clean_str(getattr(meta, "date", None)))
    lang = _HTML_LANG.search(source[:10_000])
    site = _clean_str(getattr(meta, "sitename", None)) or _clean_str(
        getattr(meta, "hostname", None)
    )
    return HtmlContent(
        text=_drop_title(text, title),
        title=title,
        site=site,
        published=published.isoformat() if published else None,
        url=_clean_str(getattr(meta, "url", None)),
        author=_clean_str(getattr(meta, "author", None)),
        lang=lang.group(1).lower() if lang else None,
    )
