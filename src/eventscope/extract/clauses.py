"""Which triggers of a sentence make events of their own, clause by clause.

A weak trigger ("killed", "attack") usually tells what a strong trigger's event did or caused
("attacked a police station, killing 7 officers"), so it joins that event. But a weak trigger
that heads a finite clause of its own, with its own agent, is a second event: "Rebels clashed
with troops near Goma, while gunmen killed 5 civilians in a village" reports a clash and a
killing of civilians. The candidates are duck-typed (``mentions._Candidate``) to avoid an
import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Token

from eventscope.extract import scope
from eventscope.extract.triggers import TriggerHit


def _has_agent(head: Token) -> bool:
    """An active subject: "gunmen killed". A passive one ("5 civilians were killed") reports
    the outcome of an event told elsewhere, so it does not make a new event."""
    return not _elided_passive(head) and any(c.dep_ == "nsubj" for c in head.children)


def _elided_passive(head: Token) -> bool:
    """A participle joined to a passive verb without an auxiliary of its own is passive too:
    in "5 soldiers were killed and seven others wounded" the parser makes "others" the
    subject of "wounded", but they are its victims."""
    if head.dep_ != "conj" or head.tag_ != "VBN":
        return False
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in head.children)
    return not own_aux and any(c.dep_ == "auxpass" for c in head.head.children)


def independent_weak_hits(hits: Sequence[TriggerHit], strong: Sequence[Any]) -> list[TriggerHit]:
    """Weak triggers with their own agent in a finite clause apart from every strong event."""
    heads = [c.hit.head for c in strong]

    def apart(a: Token, b: Token) -> bool:
        return scope.in_other_clause(a, b) or scope.in_other_clause(b, a)

    return [
        h
        for h in hits
        if h.rule.weak and _has_agent(h.head) and all(apart(h.head, s) for s in heads)
    ]


def absorb_participles(candidates: list[Any]) -> list[Any]:
    """A weak trigger in a subjectless phrase under another trigger of its clause ("attacked a
    police station, killing 7 officers"; "stormed the base and killed 4") tells what that event
    did: it takes the governing event's coding, so the clause yields one event, not a second
    one built from the victims alone."""
    for cand in sorted(candidates, key=lambda c: len(list(c.hit.head.ancestors))):
        if not cand.hit.rule.weak:
            continue
        governor = _governor(cand, candidates)
        if governor is not None and governor.modality == cand.modality:
            cand.sub_event_type, cand.event_type = governor.sub_event_type, governor.event_type
            cand.roles = governor.roles
    return candidates


def _governor(cand: Any, candidates: list[Any]) -> Any | None:
    """The nearest other trigger that governs ``cand`` within the same finite clause."""
    head = cand.hit.head
    for ancestor in head.ancestors:
        if scope.in_other_clause(head, ancestor):
            return None
        found = next((c for c in candidates if c is not cand and c.hit.head.i == ancestor.i), None)
        if found is not None:
            return found
    return None
