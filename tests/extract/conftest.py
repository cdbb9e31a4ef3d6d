"""Shared fixtures for the extract tests: the real spaCy model, loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract import extract_mentions, load_nlp
from eventscope.models import Article, Mention

PUBLISHED = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp("auto")


def make_article(
    text: str, published: str | None = PUBLISHED, language: str | None = "en", doc_id: str = "doc1"
) -> Article:
    return Article(
        doc_id=doc_id, input_id=f"{doc_id}.txt", text=text, published=published, language=language
    )


@pytest.fixture(scope="session")
def article_factory() -> Callable[..., Article]:
    """Build an Article (published 2025-03-12, English) from text."""
    return make_article


@pytest.fixture(scope="session")
def mentions_of(nlp: Language) -> Callable[..., list[Mention]]:
    """Mentions of one text (published 2025-03-12 unless told otherwise)."""

    def run(text: str, published: str | None = PUBLISHED) -> list[Mention]:
        return extract_mentions([make_article(text, published)], nlp)[0]

    return run


@pytest.fixture(scope="session")
def only_mention(mentions_of: Callable[..., list[Mention]]) -> Callable[..., Mention]:
    """The single mention a sentence must yield."""

    def run(text: str, published: str | None = PUBLISHED) -> Mention:
        found = mentions_of(text, published)
        assert len(found) == 1, [(m.trigger, m.sub_event_type, m.modality) for m in found]
        return found[0]

    return run
