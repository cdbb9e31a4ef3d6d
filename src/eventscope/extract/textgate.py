"""The sentence gate before parsing: could this raw sentence yield a trigger hit?

It mirrors :meth:`TriggerMatcher.find` on unparsed text, erring on the side of "yes": a word
matches a term word when its form or any *candidate* lemma does (suffix rules over-generate
lemmas, and the lexicon lists irregular forms), every word of a multi-word term must follow,
and a rule's ``require_any`` context must be present (the same over-generated words, or the
phrase in the text). Exclusions are ignored, since they can only remove hits. A sentence that
fails here cannot produce a mention, so it is never parsed.
"""

from __future__ import annotations

import re

from eventscope.extract.lexicon import Lexicon, Term, TriggerRule
from eventscope.extract.segment import text_context
from eventscope.extract.triggers import SentenceContext

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Irregular plurals and forms whose spaCy lemma no suffix rule gives.
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person",
              "was": "be", "were": "be", "is": "be", "are": "be", "been": "be"}  # fmt: skip
_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("ed", "e"),
             ("d", ""), ("ing", ""), ("ing", "e"), ("ying", "ie"))  # fmt: skip
_CACHE_MAX = 200_000  # distinct words remembered per gate (bounded: a long-running process)


def lemma_candidates(word: str) -> set[str]:
    """The word and every lemma a suffix rule could give it (a superset of spaCy's lemma)."""
    out = {word}
    if word in _IRREGULAR:
        out.add(_IRREGULAR[word])
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + repl
            out.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # "shelled" -> "shell" and "stabbed" -> "stab"
    return out


class TextGate:
    """Build once per lexicon (with the trigger index) and call per sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._terms: dict[str, list[tuple[Term, TriggerRule]]] = {}
        for rule in lexicon.rules:
            for term in rule.terms:
                self._terms.setdefault(term[0], []).append((term, rule))
        self._irregular = {f: lemma for lemma, fs in lexicon.irregular_forms.items() for f in fs}
        # word -> (candidate lemmas, those that start a term); news vocabulary repeats, so
        # the suffix rules run once per distinct word (the gate's main cost before).
        self._cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def _candidates(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        cached = self._cache.get(word)
        if cached is None:
            out = lemma_candidates(word)
            if word in self._irregular:
                out.add(self._irregular[word])
            cached = (frozenset(out), frozenset(out & self._terms.keys()))
            if len(self._cache) < _CACHE_MAX:
                self._cache[word] = cached
        return cached

    def passes(self, text: str) -> bool:
        """False only when no trigger rule can match the sentence ``text``."""
        entries = [self._candidates(t) for t in _TOKEN.findall(text.lower())]
        if not any(keys for _, keys in entries):
            return False  # no word can start a term: the common case, decided cheaply
        tokens = [forms for forms, _ in entries]
        context: SentenceContext | None = None
        for i, (_, term_keys) in enumerate(entries):
            for key in term_keys:
                for term, rule in self._terms[key]:
                    if not _term_at(tokens, i, term):
                        continue
                    if not rule.require_any:
                        return True
                    context = context or _wide_context(text, tokens)
                    if context.has_any(rule.require_any):
                        return True
        return False


def _term_at(tokens: list[frozenset[str]], i: int, term: Term) -> bool:
    if i + len(term) > len(tokens):
        return False
    return all(word in tokens[i + k] for k, word in enumerate(term))


def _wide_context(text: str, tokens: list[frozenset[str]]) -> SentenceContext:
    base = text_context(text)
    return SentenceContext(base.words | frozenset().union(*tokens), base.text)
