"""The per-document stages: clean, extract, geocode.

Each stage is pure: it takes a batch of :class:`Work` items and returns new ones, never opening
the store. That is what lets the same stage run in-process or on remote workers. Models load
lazily, once per process, the first time a stage needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import Any, Protocol

from eventscope.config import Settings
from eventscope.models import Article, Mention, RawDocument, Skip

_LEXICON_FILES = ("triggers.json", "actors.json", "weapons.json", "cues.json")


@dataclass(frozen=True, slots=True)
class Work:
    """One document on its way through the stages."""

    raw: RawDocument
    article: Article | None = None
    mentions: tuple[Mention, ...] = ()
    skip: Skip | None = None
    done: tuple[str, ...] = field(default_factory=tuple)  # stages this item went through


class Stage(Protocol):
    name: str
    version: str

    def process_batch(self, batch: Sequence[Work]) -> list[Work]: ...


@cache
def code_version(package: str, data_files: tuple[str, ...] = ()) -> str:
    """A short hash of a stage's code and data files: when rules or lexicons change, stored
    documents count as pending again, so results always reflect the current code."""
    root = files("eventscope")
    digest = hashlib.sha1()
    sources = sorted(p for p in (root / package).iterdir() if p.name.endswith(".py"))
    for item in [*sources, *(root / "data" / name for name in data_files)]:
        digest.update(item.name.encode())
        digest.update(item.read_bytes())
    return digest.hexdigest()[:12]


def _skip(work: Work, stage: str, reason: str, detail: str = "") -> Work:
    return replace(
        work,
        skip=Skip(work.raw.input_id, reason, detail, stage=stage, doc_id=work.raw.doc_id),
    )


class CleanStage:
    name = "clean"

    @property
    def version(self) -> str:
        return code_version("clean")

    def process_batch(self, batch: Sequence[Work]) -> list[Work]:
        from eventscope.clean import clean_document

        out = []
        for work in batch:
            result = clean_document(work.raw)
            if isinstance(result, Skip):
                out.append(replace(work, skip=replace(result, doc_id=work.raw.doc_id)))
            else:
                out.append(replace(work, article=result, done=(*work.done, self.name)))
        return out


class ExtractStage:
    name = "extract"

    @property
    def version(self) -> str:
        return code_version("extract", _LEXICON_FILES)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def process_batch(self, batch: Sequence[Work]) -> list[Work]:
        from eventscope.extract import extract_mentions, is_supported_language, load_nlp

        ready = [w for w in batch if w.skip is None and w.article is not None]
        english = [w for w in ready if is_supported_language(w.article)]  # type: ignore[arg-type]
        found: dict[str, list[Mention]] = {}
        if english:
            nlp = load_nlp(self.settings.extract.spacy_model)
            articles = [w.article for w in english]
            per_doc = extract_mentions(articles, nlp, self.settings.extract.batch_size)  # type: ignore[arg-type]
            found = {w.raw.doc_id: ms for w, ms in zip(english, per_doc, strict=True)}
        out = []
        for work in batch:
            if work.raw.doc_id in found:
                mentions = tuple(found[work.raw.doc_id])
                out.append(replace(work, mentions=mentions, done=(*work.done, self.name)))
            elif work in ready:
                lang = work.article.language if work.article else None
                out.append(_skip(work, self.name, "unsupported-language", f"language={lang}"))
            else:
                out.append(work)
        return out


class GeocodeStage:
    name = "geocode"

    @property
    def version(self) -> str:
        # actors.json: the home countries that decide inter code 8 (geocode/forces.py).
        return code_version("geocode", ("gazetteer_supplement.csv", "actors.json"))

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._geocoder: Any = None
        self._home: Any = None
        self._iso: Any = None
        self._namer: Any = None
        self._group_iso: Any = None

    def _get_geocoder(self) -> Any:
        if self._geocoder is None:
            from eventscope.geocode import Geocoder

            self._geocoder = Geocoder.from_settings(self.settings.geocode)
        return self._geocoder

    def _locate(self, article: Any, mentions: Sequence[Mention]) -> list[Mention]:
        """Event places, then state forces abroad re-coded as External/Other Forces."""
        from eventscope.extract.lexicon import default_lexicon
        from eventscope.geocode import forces, geocode_mentions
        from eventscope.geocode.normalize import strict_key

        geocoder = self._get_geocoder()
        if self._home is None:
            lexicon = default_lexicon()
            kinds = {a.name: (a.country, a.kind) for a in lexicon.actors if a.country}
            self._home = forces.home_country_finder(kinds.get, tuple(lexicon.templates.values()))
            self._iso = forces.iso_finder(geocoder.gazetteer.country_names(), strict_key)
            labels = {a.name for a in lexicon.actors if a.generic and not a.country and not a.kind}
            self._namer = forces.generic_namer(frozenset(labels))
            groups = [(a.name, a.country, a.inter) for a in lexicon.actors if not a.kind]
            self._group_iso = forces.group_country_finder(groups, self._iso)
        located = geocode_mentions(article, mentions, geocoder, self._group_iso)
        named = forces.localise_generic_actors(located, self._namer)
        return forces.code_foreign_forces(named, self._home, self._iso)

    def process_batch(self, batch: Sequence[Work]) -> list[Work]:
        out = []
        for work in batch:
            if work.skip is None and work.article is not None and work.mentions:
                located = self._locate(work.article, work.mentions)
                out.append(replace(work, mentions=tuple(located), done=(*work.done, self.name)))
            elif work.skip is None:
                out.append(replace(work, done=(*work.done, self.name)))
            else:
                out.append(work)
        return out


def default_stages(settings: Settings) -> list[Stage]:
    return [CleanStage(), ExtractStage(settings), GeocodeStage(settings)]
