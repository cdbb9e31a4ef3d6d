"""Syntactic scope helpers shared by actors, dates and modality: clauses and comparisons."""

from __future__ import annotations

from collections.abc import Collection, Sequence

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


def own_clause_dates(roots: Sequence[Token], anchor: Token) -> list[Token]:
    """Of the date roots of the anchor's sentence, those of the anchor's own embedded clause
    when it has any, else all. In "residents laid flowers on Friday, a year after a missile
    strike killed 17 people on 14 November last year", Friday dates the flowers, not the
    strike: a trigger inside a clause of its own takes that clause's date first."""
    clause = _embedded_clause(anchor)
    if clause is None:
        return list(roots)
    inside = [r for r in roots if _within(r, clause)]
    return inside or list(roots)


def _embedded_clause(anchor: Token) -> Token | None:
    """The head of the finite clause that holds ``anchor``, when that clause is embedded."""
    current = anchor
    while current.head.i != current.i:
        if is_clause_edge(current):
            return current
        current = current.head
    return None


def _within(token: Token, clause: Token) -> bool:
    current = token
    while current.i != clause.i:
        if is_clause_edge(current) or current.head.i == current.i:
            return False
        current = current.head
    return True


_CLAUSE_PENALTY = 3


def tree_distance(a: Token, b: Token) -> int:
    """Steps between two tokens in the parse tree; entering another finite clause costs more,
    so a word of a neighbouring clause is never nearer than one of the token's own clause."""
    up_a = [a, *a.ancestors]
    cost_a = _path_costs(up_a)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = [b, *b.ancestors]
    cost_b = _path_costs(up_b)
    for k, token in enumerate(up_b):
        if token.i in index:
            return cost_a[index[token.i]] + cost_b[k]
    return 99


def nearest_group(token: Token, groups: list[list[Token]]) -> int:
    """Index of the group holding the token nearest to ``token``: parse distance, then text."""
    return min(
        range(len(groups)),
        key=lambda k: min((tree_distance(token, t), abs(t.i - token.i)) for t in groups[k]),
    )


def _path_costs(path: list[Token]) -> list[int]:
    """Cumulative cost of walking up ``path`` (token, head, head's head, ...)."""
    costs = [0]
    for token in path[:-1]:
        costs.append(costs[-1] + 1 + (_CLAUSE_PENALTY if is_clause_edge(token) else 0))
    return costs


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


_COMPARE_VERBS = frozenset({"compare", "liken", "equate"})


def compared_to(token: Token) -> bool:
    """The "to"/"with" of a comparing verb: what follows is the yardstick, not the news."""
    return (
        token.dep_ == "prep"
        and token.lower_ in ("to", "with")
        and token.head.lemma_.lower() in _COMPARE_VERBS
    )


def nearest_verb(token: Token, past: Collection[str] = ()) -> Token | None:
    """The nearest verb (or auxiliary) above ``token``, itself excluded, climbing past verbs
    whose dependency label is in ``past`` ("relcl": the verb of the clause, not of a relative
    clause inside it); None at the root."""
    verbs = (a for a in token.ancestors if a.pos_ in ("VERB", "AUX"))
    return next((v for v in verbs if v.dep_ not in past), None)


def objects_of(prep: Token) -> list[Token]:
    """The objects of a preposition ("pobj" children): "Tame" of "in Tame"."""
    return [c for c in prep.children if c.dep_ == "pobj"]
