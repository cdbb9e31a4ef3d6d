"""Sentences and paragraphs of a parsed article.

spaCy's parser may run a headline into the next paragraph when there is no full stop, so each
parser sentence is cut again at line breaks: a sentence never crosses a paragraph. The other
way round, the parser may only start a sentence where punctuation, a dateline or a line break
allows it (:mod:`break_guard`, session 16), never in the middle of a name.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span


def split_sentences(doc: Doc) -> list[Span]:
    """Parser sentences cut at newline tokens, without leading/trailing whitespace tokens."""
    spans: list[Span] = []
    for sent in doc.sents:
        start = None
        for token in sent:
            if token.is_space and "\n" in token.text:
                if start is not None:
                    spans.append(doc[start : token.i])
                start = None
            elif start is None and not token.is_space:
                start = token.i
        if start is not None:
            spans.append(doc[start : sent.end])
    return [_strip(span) for span in spans if span.text.strip()]


def _strip(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


class Paragraphs:
    """Paragraph boundaries of a text (a paragraph is a run of text between line breaks)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]

    def start_of(self, offset: int) -> int:
        """Character offset where the paragraph containing ``offset`` starts."""
        return self._starts[bisect.bisect_right(self._starts, offset) - 1]
