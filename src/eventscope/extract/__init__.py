"""extract stage: event mentions (ACLED-coded, with evidence spans) from cleaned articles.

Public API::

    load_nlp(model="auto") -> spacy.Language
    extract_mentions(articles, nlp=None, batch_size=32, *, lexicon=None, prefilter=True)
        -> list[list[Mention]]
    is_supported_language(article) -> bool
    load_lexicon(extra_files=()) -> Lexicon   # bundled data files plus user extensions
    generic_actor_names(lexicon=None) -> frozenset[str]   # names that identify nobody

spaCy is imported only when a function needs it, so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventscope.extract.lexicon import Lexicon, default_lexicon, load_lexicon
from eventscope.extract.nlp import is_supported_language, load_nlp
from eventscope.models import Article, Mention

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "Lexicon",
    "extract_mentions",
    "generic_actor_names",
    "is_supported_language",
    "load_lexicon",
    "load_nlp",
]


def extract_mentions(
    articles: Sequence[Article],
    nlp: Language | None = None,
    batch_size: int = 32,
    *,
    lexicon: Lexicon | None = None,
    prefilter: bool = True,
) -> list[list[Mention]]:
    """Event mentions per article, in input order (an empty list where there are none).

    Articles in unsupported languages are never parsed; of the others only the sentences that
    can hold a trigger word are (``prefilter=False`` parses every sentence, for benchmarks).
    ``nlp`` defaults to :func:`load_nlp` ("auto"); ``lexicon`` to the bundled one.
    """
    from eventscope.extract.gated import extract_batch  # deferred: imports spaCy

    return extract_batch(
        articles,
        nlp or load_nlp(),
        batch_size=batch_size,
        lexicon=lexicon or default_lexicon(),
        prefilter=prefilter,
    )


def generic_actor_names(lexicon: Lexicon | None = None) -> frozenset[str]:
    """Actor names that describe a class, not an identity ("Civilians", "Military Forces",
    "Unidentified Armed Group", ...): later stages should never refuse a merge over them."""
    entries = (lexicon or default_lexicon()).actors
    return frozenset({""} | {a.name for a in entries if a.generic})
