"""A light coreference for attackers: "They killed 23 Afghan soldiers" names no actor, but the
sentence before ("Taliban gunmen attacked Camp Shorabak") does.

When an event has no actor1 and its agent phrase (``attacker`` evidence from :mod:`roles`) is
a plural pronoun or a definite group noun ("they", "the group", "the militants"), actor1 becomes
the most recent dictionary actor that can act (not civilians, protesters or a victim-only
entry; a named one before a generic one) named before that phrase, no further back than
:data:`WINDOW` characters (about two sentences). Its evidence stays the phrase the event's own
sentence uses ("They"): that is what supports the coding in this sentence.

The article's actors come from the tokenizer and phrase matchers only (no parse), once per
article, so the gated extractor still parses only candidate sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from eventscope.extract.actors import ActorHit
from eventscope.extract.attribution import TextSpan
from eventscope.extract.coding import CodedActor
from eventscope.extract.context import Resources
from eventscope.models import Article, Evidence

WINDOW = 400
_ANAPHORS = frozenset({"they", "the group", "the militants", "the rebels", "the attackers",
                       "the gunmen", "the insurgents", "the guerrillas", "the organisation",
                       "the organization", "the assailants", "the terrorists"})  # fmt: skip
_PASSIVE_INTERS = frozenset({0, 6, 7})  # unknown, protesters, civilians: not attackers


def antecedent_actor(
    evidence: Sequence[Evidence], article: Article, res: Resources, actor2: CodedActor | None
) -> CodedActor | None:
    """actor1 for an event whose agent is an anaphor (see the module docstring), else None."""
    anaphor = next(
        (e for e in evidence if e.field == "attacker" and e.text.lower() in _ANAPHORS), None
    )
    if anaphor is None:
        return None
    before = [
        a
        for a in _article_actors(res, article.text)
        if anaphor.start - WINDOW <= a.start and a.end <= anaphor.start and _can_act(a)
    ]
    if not before:
        return None
    # A named actor beats a generic one ("the bombers") as the antecedent of "they".
    found = max(reversed(before), key=lambda a: (not a.generic, a.start))
    if actor2 is not None and actor2.name == found.name:
        return None  # the antecedent is what was hit, not who hit it
    span = TextSpan(anaphor.start, anaphor.end, anaphor.text)
    return CodedActor(found.name, found.inter, span)


def _can_act(actor: ActorHit) -> bool:
    return not actor.victim_only and actor.inter not in _PASSIVE_INTERS


@lru_cache(maxsize=16)
def _article_actors(res: Resources, text: str) -> tuple[ActorHit, ...]:
    """Every dictionary actor of the article, in text order (tokenizer and matchers only)."""
    return tuple(res.actors.find(res.make_doc(text)))
