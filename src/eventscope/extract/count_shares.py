"""Which of a sentence's events a casualty count belongs to, and what a count says about the
actors: each count goes to one event only, and an actor inside a casualty phrase is a victim.

Moved out of :mod:`eventscope.extract.mentions` (which assembles mentions) to keep that module
small; behaviour unchanged.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventscope.extract import coding, scope
from eventscope.extract.quantities import Count


def split_counts(doc: Doc, heads: list[list[Token]], counts: list[Count]) -> list[list[Count]]:
    """Each casualty count goes to one event only (``heads``: each event's trigger heads): the
    one whose trigger is nearest to the count in the parse (then in the text), so two events
    of one sentence never share a death toll."""
    if len(heads) < 2:
        return [counts for _ in heads]
    shares: list[list[Count]] = [[] for _ in heads]
    for count in counts:
        root = scope.root_at(doc, count.start, count.end)
        # No token under the phrase cannot happen for a parsed sentence; keep the count anyway.
        shares[scope.nearest_group(root, heads) if root is not None else 0].append(count)
    return shares


def casualties_not_agents(
    actor1: coding.CodedActor | None, actor2: coding.CodedActor | None, counts: list[Count]
) -> tuple[coding.CodedActor | None, coding.CodedActor | None]:
    """An actor named inside the event's own casualty phrase died or was hurt in it ("*7
    militants killed* in blasts"): it is actor2 (the side hit), never actor1. The role parser
    took it for the agent because it comes before the trigger."""
    if actor1 is None or not any(
        c.start <= actor1.span.start and actor1.span.end <= c.end for c in counts
    ):
        return actor1, actor2
    return None, actor2 or actor1
