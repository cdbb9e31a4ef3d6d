"""Event triggers: lexicon terms found in a sentence, and the ACLED sub-event type they give.

Matching is per token on the lower-case form or the lemma, so the lexicon lists base forms.
Three levels of cost, cheapest first:

1. :meth:`TriggerMatcher.might_match` - one regular expression over the raw article text,
   used to skip the spaCy pipeline for articles that cannot contain a trigger;
2. :meth:`TriggerMatcher.gate` - a set lookup per token of a parsed sentence;
3. :meth:`TriggerMatcher.find` - term matching with context conditions, for gated sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from eventscope.extract.lexicon import Lexicon, Term, TriggerRule

# A trigger word inside a date ("March 11") or a number is never an event.
_SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """The words of a sentence (forms and lemmas) and its lower-cased text, for conditions."""

    words: frozenset[str]
    text: str

    @classmethod
    def of(cls, sent: Span, skip: Sequence[tuple[int, int]] = ()) -> SentenceContext:
        """The sentence's words; ``skip``: character spans left out (blanked in the text)."""
        people = [(sent.start_char + a, sent.start_char + b) for a, b in person_words(sent.text)]
        tokens = [t for t in sent if not any(a <= t.idx < b for a, b in (*skip, *people))]
        words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
        text = sent.text
        for a, b in skip:
            lo, hi = max(a, sent.start_char), min(b, sent.end_char)
            if lo < hi:
                text = text[: lo - sent.start_char] + " " * (hi - lo) + text[hi - sent.start_char :]
        return cls(frozenset(words), text.lower())

    def has(self, item: str) -> bool:
        """Single words match a form or lemma; phrases match the text on word boundaries."""
        if item in self.words:
            return True
        pattern = _phrase_regex(item)
        return pattern is not None and pattern.search(self.text) is not None

    def has_any(self, items: Iterable[str]) -> bool:
        if isinstance(items, tuple):  # lexicon lists: split once, then one set test
            words, pattern = _split_items(items)
            if not words.isdisjoint(self.words):
                return True
            return pattern is not None and pattern.search(self.text) is not None
        return any(self.has(item) for item in items)


# "a suicide bomber" is a person, no bomber aircraft (session 15): the word that names a
# weapon platform tells no means where it names the attacker ("A suicide bomber killed nine
# ... Around 20 people were wounded" was coded an air strike from the paragraph's words). Its
# text stays, so phrases ("suicide bomber") still match; only the single word is left out.
_PERSON_NOT_MEANS = re.compile(r"\bsuicide[\s-]+(bombers?)\b", re.IGNORECASE)


def person_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that name attackers, not their means."""
    return [m.span(1) for m in _PERSON_NOT_MEANS.finditer(text)]


def blank_person_words(text: str) -> str:
    """``text`` with those words blanked (same length, so offsets hold)."""
    return _PERSON_NOT_MEANS.sub(lambda m: m[0][: m.start(1) - m.start()] + " " * len(m[1]), text)


@lru_cache(maxsize=4096)
def _split_items(items: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The single words of ``items`` and one boundary regex for all its phrases: the same test
    as :meth:`SentenceContext.has` per item (an alternation matches where any phrase does), but
    one regex search instead of one per phrase; cached, since it runs per rule and sentence."""
    phrases = [i for i in items if _phrase_regex(i) is not None]
    words = frozenset(i for i in items if _phrase_regex(i) is None)
    if not phrases:
        return words, None
    return words, re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)")


@lru_cache(maxsize=8192)
def _phrase_regex(item: str) -> re.Pattern[str] | None:
    """None for a single word (matched against the word set only), else a boundary regex."""
    if _SINGLE_WORD.fullmatch(item):
        return None
    return re.compile(rf"(?<!\w){re.escape(item)}(?!\w)")


_SINGLE_WORD = re.compile(r"[\w.]+")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One matched term: the rule it belongs to and where it is (token and character spans)."""

    rule: TriggerRule
    token_start: int  # doc token indices
    token_end: int
    start: int  # character offsets into the document text
    end: int
    text: str
    head: Token  # syntactic head of the matched words


class TriggerMatcher:
    """Finds lexicon triggers; build once per lexicon and reuse."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._index: dict[str, list[tuple[Term, TriggerRule, frozenset[str]]]] = {}
        for rule in lexicon.rules:
            term_pos = rule.term_pos or (frozenset(),) * len(rule.terms)
            for term, pos in zip(rule.terms, term_pos, strict=True):
                self._index.setdefault(term[0], []).append((term, rule, pos or rule.pos))
        self._prefilter = _prefilter_regex(self._index, lexicon.irregular_forms)

    def might_match(self, text: str) -> bool:
        """Cheap pre-filter over raw text: False means no sentence can hold a trigger."""
        return self._prefilter.search(text) is not None

    def gate(self, sent: Span) -> bool:
        """Whether any token of the sentence starts a lexicon term (form or lemma)."""
        return any(t.lower_ in self._index or t.lemma_.lower() in self._index for t in sent)

    def find(self, sent: Span, ctx: SentenceContext) -> list[TriggerHit]:
        """Non-overlapping trigger hits in a sentence: longest match, then highest priority."""
        candidates: list[tuple[int, TriggerRule, int]] = []
        for i, token in enumerate(sent):
            if token.ent_type_ in _SKIP_ENTS:
                continue
            for key in {token.lower_, token.lemma_.lower()}:
                for term, rule, pos in self._index.get(key, ()):
                    if pos and (token.pos_ not in pos or _noun_use(token, pos)):
                        continue
                    size = _match_size(sent, i, term)
                    if size and _applies(rule, ctx, (sent, token)):
                        candidates.append((size, rule, i))
        return [_hit(sent, i, size, rule) for size, rule, i in _non_overlapping(candidates)]


def sub_event_for(
    rule: TriggerRule,
    ctx: SentenceContext,
    victim: str,
    agent: str,
    paragraph: SentenceContext | None = None,
    effect: SentenceContext | None = None,
) -> str | None:
    """The rule's sub-event type after refinements (first refinement that holds wins).

    When no refinement holds in the sentence, word-only refinements are tried once more
    against the paragraph so far: "the bombing" after "Warplanes struck ..." is an air strike.
    Refinements marked ``effect_only`` read ``effect`` (the sentence without the phrases that
    state the trigger's cause, :mod:`eventscope.extract.causes`) and never the paragraph: an
    earlier killing is what a later march is about, not what happened at it.
    """
    for refinement in rule.refine:
        words = effect if refinement.effect_only and effect is not None else ctx
        if refinement.if_any and not words.has_any(refinement.if_any):
            continue
        if refinement.victim and refinement.victim != victim:
            continue
        if refinement.agent and refinement.agent != agent:
            continue
        return refinement.sub_event_type
    if paragraph is None:
        return rule.sub_event_type
    for refinement in rule.refine:
        words_only = refinement.if_any and not (refinement.victim or refinement.agent)
        if words_only and not refinement.effect_only and paragraph.has_any(refinement.if_any):
            return refinement.sub_event_type
    return rule.sub_event_type


def _noun_use(token: Token, pos: frozenset[str]) -> bool:
    """A verb-only term used as a noun that the tagger still calls a verb: "*the wounded* were
    evacuated" names people, not a wounding."""
    return "NOUN" not in pos and any(c.dep_ == "det" for c in token.children)


def _match_size(sent: Span, i: int, term: Term) -> int:
    if i + len(term) > len(sent):
        return 0
    for offset, word in enumerate(term):
        token = sent[i + offset]
        if word != token.lower_ and word != token.lemma_.lower():
            return 0
    return len(term)


def _applies(rule: TriggerRule, ctx: SentenceContext, at: tuple[Span, Token]) -> bool:
    if rule.require_any and not ctx.has_any(rule.require_any):
        return False
    if rule.exclude_any and ctx.has_any(rule.exclude_any):
        return False
    return not _idiom_veto(rule, ctx, at)


def _idiom_veto(rule: TriggerRule, ctx: SentenceContext, at: tuple[Span, Token]) -> bool:
    """An idiom ("hit the market") vetoes the rule, unless the trigger's own phrase names the
    weapon (its subject, "a drone hit the market of Kafranbel", or its instrument, "with a
    drone") and the sentence tells harm ("four people died"): a weapon elsewhere ("struck a
    deal to sell drones") or a product launch ("the new drone hit the market") is no strike.
    A trigger inside a fixed idiom ("struck a deal") is never lifted."""
    if not (rule.exclude_idioms and ctx.has_any(rule.exclude_idioms)):
        return False
    sent, token = at
    if _inside_idiom(sent, token, rule.fixed_idioms):
        return True
    if not (rule.idiom_harm and ctx.has_any(rule.idiom_harm)):
        return True
    return not any(_names_weapon(w, rule.idiom_overrides) for w in _own_phrase(token))


def _inside_idiom(sent: Span, token: Token, idioms: tuple[str, ...]) -> bool:
    text, offset = sent.text.lower(), token.idx - sent.start_char
    patterns = [p for i in idioms if (p := _phrase_regex(i)) is not None]
    return any(m.start() <= offset < m.end() for p in patterns for m in p.finditer(text))


def _own_phrase(token: Token) -> list[Token]:
    """The trigger itself ("a lightning attack"), its subject and its instrument or agent
    ("with a drone", "by a drone")."""
    heads = [token] + [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    for prep in (c for c in token.children if c.dep_ in ("prep", "agent")):
        if prep.lower_ in ("with", "by"):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.children if c.dep_ in ("compound", "conj")]


def _names_weapon(word: Token, weapons: tuple[str, ...]) -> bool:
    return word.lower_ in weapons or word.lemma_.lower() in weapons


def _non_overlapping(
    candidates: list[tuple[int, TriggerRule, int]],
) -> list[tuple[int, TriggerRule, int]]:
    kept: list[tuple[int, TriggerRule, int]] = []
    for size, rule, i in sorted(candidates, key=lambda c: (-c[0], -c[1].priority, c[2])):
        if all(i + size <= k_i or i >= k_i + k_size for k_size, _, k_i in kept):
            kept.append((size, rule, i))
    return sorted(kept, key=lambda c: c[2])


def _hit(sent: Span, i: int, size: int, rule: TriggerRule) -> TriggerHit:
    span = sent[i : i + size]
    return TriggerHit(
        rule=rule,
        token_start=span.start,
        token_end=span.end,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        head=span.root,
    )


def _prefilter_regex(
    index: Mapping[str, object], irregular: Mapping[str, tuple[str, ...]]
) -> re.Pattern[str]:
    """A regex that matches wherever a token could start a term.

    Each first word becomes a prefix (its stem: a final 'e' or 'y' dropped, so 'seize' also
    finds 'seized' and 'rally' finds 'rallied'); irregular forms (struck, fought) are listed in
    the lexicon because their lemma is not a prefix of them.
    """
    forms: set[str] = set()
    for word in index:
        stem = word[:-1] if len(word) > 3 and word[-1] in "ey" else word
        forms.add(re.escape(stem) + r"\w*")
    for lemma, extra in irregular.items():
        forms.update(re.escape(form) + r"\w*" for form in extra)
        forms.add(re.escape(lemma) + r"\w*")
    alternation = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)
