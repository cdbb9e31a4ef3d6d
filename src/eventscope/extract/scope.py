"""Syntactic scope helpers shared by actors, dates and modality: clauses and comparisons."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "parataxis"})


def is_clause_edge(token: Token) -> bool:
    """Whether the arc from ``token`` to its head enters another finite clause.

    Relative and complement clauses always do; an adverbial or coordinated verb does when it has
    its own subject ("... as rebels clash", but not "..., killing 12 civilians").
    """
    if token.dep_ in _CLAUSE_DEPS:
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return token.dep_ in ("advcl", "conj") and token.pos_ in ("VERB", "AUX") and has_subject


def in_other_clause(token: Token, anchor: Token) -> bool:
    """Whether ``token`` sits in a finite clause that does not contain ``anchor``."""
    anchor_line = {anchor.i} | {a.i for a in anchor.ancestors}
    current = token
    while current.i not in anchor_line and current.head.i != current.i:
        if is_clause_edge(current):
            return True
        current = current.head
    return False


def comparison_scopes(tokens: Collection[Token], preps: Collection[str]) -> list[tuple[int, int]]:
    """Character ranges of comparison phrases ("like the battles for Aleppo in 2016")."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
        for t in tokens
        if t.lower_ in preps and t.dep_ in ("prep", "mark")
    ]


def root_at(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic root of the tokens covering characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
