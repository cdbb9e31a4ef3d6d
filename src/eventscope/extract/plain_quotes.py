"""Parse typographic quotes as their plain forms, keep the article's own characters.

The small English model was trained on text with plain ASCII quotes. Given a typographic
apostrophe it misreads the possessive: "The army’s shelling of Bentiu killed three" comes out
with "’s" as a verb (aux) and "army" as the subject, so the army no longer owns the shelling
and every rule that reads possessors ("the RSF’s attack", "the group’s spokesman") fails.
Most scraped news uses typographic quotes.

So a sentence is parsed with its quotes made plain, and the parse is copied back onto a Doc of
the original words. Each replacement is one character for one, so token boundaries and
character offsets are the same in both, and every span's text stays a slice of the article.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

# One character each way: offsets must not move. U+2018/2019 single quotes (the right one is
# the usual apostrophe), U+02BC modifier apostrophe, U+201C/201D double quotes.
_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
# What the parse and the tagger leave on a token. HEAD and DEP also carry the sentence
# boundaries (spaCy refuses SENT_START beside HEAD).
_ANNOTATIONS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]


_TYPOGRAPHIC = re.compile("[\u2018\u2019\u02bc\u201c\u201d]")


def has_typographic_quotes(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a quote that :func:`plain_doc` would change."""
    return _TYPOGRAPHIC.search(text, start, len(text) if end is None else end) is not None


def plain_doc(doc: Doc) -> Doc:
    """An unparsed copy of ``doc`` (words, spaces, preset sentence starts) with plain quotes."""
    words = [t.text.translate(_PLAIN) for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    starts = [t.is_sent_start for t in doc]
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def with_words(parsed: Doc, words: list[str]) -> Doc:
    """A Doc of ``words`` (as many as ``parsed`` has tokens, each as long as its token) that
    carries ``parsed``'s tags, lemmas, parse and entities."""
    spaces = [bool(t.whitespace_) for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=spaces)
    doc.from_array(_ANNOTATIONS, parsed.to_array(_ANNOTATIONS))
    return doc
