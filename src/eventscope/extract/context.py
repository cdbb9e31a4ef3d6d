"""What extraction shares beyond one sentence: per-(nlp, lexicon) matchers and per-article
facts from cheap passes over the raw text (no parsing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventscope.extract.actors import ActorFinder, ActorHit
from eventscope.extract.dates import (
    DatePhrases,
    dateline_anchor,
    find_date_phrases,
    parse_published,
)
from eventscope.extract.lexicon import Lexicon
from eventscope.extract.sentences import Paragraphs
from eventscope.extract.triggers import TriggerMatcher
from eventscope.extract.weapons import WeaponFinder
from eventscope.models import Article


@dataclass(frozen=True, eq=False)
class Resources:
    """Matchers built once per (nlp, lexicon) and shared by every document."""

    lexicon: Lexicon
    triggers: TriggerMatcher
    actors: ActorFinder
    weapons: WeaponFinder
    adjectives: frozenset[str]
    make_doc: Callable[[str], Doc]  # the tokenizer alone


@lru_cache(maxsize=8)
def resources_for(nlp: Language, lexicon: Lexicon) -> Resources:
    adjectives = frozenset(
        k for k, v in lexicon.demonyms.items() if k != v.lower().removeprefix("the ")
    )
    return Resources(
        lexicon, TriggerMatcher(lexicon), ActorFinder(nlp, lexicon), WeaponFinder(lexicon),
        adjectives, nlp.make_doc,
    )  # fmt: skip


@dataclass(eq=False)
class ArticleFacts:
    """Per-article facts from cheap passes over the raw text, shared by its sentence docs."""

    article: Article
    res: Resources
    published: date | None
    dates: DatePhrases  # with ``anchor``, the day relative dates were read against
    paragraphs: Paragraphs
    _forces: list[ActorHit] | None = None

    @classmethod
    def of(cls, article: Article, res: Resources) -> ArticleFacts:
        published = parse_published(article.published)
        # Relative dates ("yesterday", "on Friday") are read against a dateline's filing date.
        dates = find_date_phrases(article.text, dateline_anchor(article.text, article.published))
        return cls(article, res, published, dates, Paragraphs(article.text))

    def forces_before(self, offset: int) -> list[ActorHit]:
        """Named state forces ending before ``offset``: antecedents for "the army". Actor
        matching needs only tokens, so the article is tokenized (a small fraction of the cost
        of parsing), not parsed - and only when a sentence has a generic force to name."""
        if self._forces is None:
            actors = self.res.actors.find(self.res.make_doc(self.article.text))
            self._forces = [a for a in actors if a.kind and not a.generic]
        return [f for f in self._forces if f.end <= offset]
