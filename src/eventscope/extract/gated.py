"""Batch extraction that parses only the sentences that can hold an event.

Most sentences of a news article (background, quotes, boilerplate) contain no trigger word, yet
running spaCy over them was about three quarters of the extract stage. So each article is split
by the rule splitter (:mod:`segment`), each sentence is gated by :mod:`textgate`,
and only the survivors go through the full pipeline, batched across articles.

Exact offsets: a survivor is parsed as its own Doc, preceded by whitespace padding tokens as
long as the text before it, so every ``token.idx`` / ``span.start_char`` already is an offset
into ``article.text`` and no downstream code has to translate offsets. The padding is split into
at most three tokens of bounded sizes (the vocabulary keeps every distinct token string, so one
token per possible offset would grow it without limit), and the first real token is marked as a
sentence start, so the parser never attaches the padding to the sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.extract.context import ArticleFacts, resources_for
from eventscope.extract.doc_dates import inherit_dates
from eventscope.extract.lexicon import Lexicon
from eventscope.extract.mentions import extract_from_doc
from eventscope.extract.nlp import is_supported_language
from eventscope.extract.plain_quotes import has_typographic_quotes, plain_doc, with_words
from eventscope.extract.segment import rule_sentences
from eventscope.extract.textgate import TextGate
from eventscope.models import Article, Mention

log = logging.getLogger(__name__)

_PAD_UNITS = (4096, 64)  # padding token sizes: multiples of these, then the remainder (< 64)


def extract_batch(
    articles: Sequence[Article],
    nlp: Language,
    batch_size: int,
    lexicon: Lexicon,
    *,
    prefilter: bool = True,
) -> list[list[Mention]]:
    """Mentions per article, in text order. ``prefilter=False`` parses every sentence (the
    reference the gate is benchmarked against); the mentions are the same either way."""
    res = resources_for(nlp, lexicon)
    results: list[list[Mention]] = [[] for _ in articles]
    facts: dict[int, ArticleFacts] = {}
    gate = (res.triggers.might_match, _text_gate(lexicon).passes) if prefilter else None
    todo = _sentence_docs(articles, nlp, gate)
    for parsed, (index, words) in nlp.pipe(todo, as_tuples=True, batch_size=batch_size):
        doc = parsed if words is None else with_words(parsed, words)
        if index not in facts:
            facts[index] = ArticleFacts.of(articles[index], res)
        results[index].extend(extract_from_doc(articles[index], doc, res, facts[index]))
    return [inherit_dates(found) for found in results]


@lru_cache(maxsize=8)
def _text_gate(lexicon: Lexicon) -> TextGate:
    return TextGate(lexicon)


_Gate = tuple[Callable[[str], bool], Callable[[str], bool]]  # (article test, sentence test)


def _sentence_docs(
    articles: Sequence[Article], nlp: Language, gate: _Gate | None
) -> Iterator[tuple[Doc, tuple[int, list[str] | None]]]:
    """(padded sentence doc, (article index, original words)) for every sentence that passes
    ``gate``. The doc is parsed with plain quotes (:mod:`plain_quotes`); the original words,
    None when no quote was changed, go back onto the parse afterwards."""
    for index, article in enumerate(articles):
        text = article.text
        if not is_supported_language(article) or (gate and not gate[0](text)):
            continue  # one regex over the article first: most non-event articles stop here
        for start, end in rule_sentences(text):
            if gate and not gate[1](text[start:end]):
                continue
            if end > nlp.max_length:
                log.warning("article longer than %d characters; the rest is skipped", end)
                break
            doc = padded_doc(nlp, text, start, end)
            if not has_typographic_quotes(text, start, end):
                yield doc, (index, None)
            else:
                yield plain_doc(doc), (index, [t.text for t in doc])


def padded_doc(nlp: Language, text: str, start: int, end: int) -> Doc:
    """An unparsed Doc of ``text[start:end]`` whose character offsets are those of ``text``."""
    sentence = nlp.make_doc(text[start:end])
    pads = pad_tokens(start)
    # Token texts and trailing spaces from one array: cheaper than a Token object per word.
    orth, space = sentence.to_array([ORTH, SPACY]).T.tolist()
    strings = nlp.vocab.strings
    words = pads + [strings[o] for o in orth]
    spaces = [False] * len(pads) + [bool(s) for s in space]
    # Padding is one sentence, the real text another: the parser keeps them apart.
    sent_starts: list[bool | None] = [True] + [False] * (len(pads) - 1) if pads else []
    sent_starts += [True] + [None] * (len(sentence) - 1)
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def pad_tokens(length: int) -> list[str]:
    """Whitespace tokens totalling ``length`` characters, from a small set of distinct strings."""
    pads: list[str] = []
    for unit in _PAD_UNITS:
        size = length // unit * unit
        if size:
            pads.append(" " * size)
        length -= size
    if length:
        pads.append(" " * length)
    return pads
