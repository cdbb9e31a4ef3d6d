"""Which rule reads a trigger, with which roles (moved out of :mod:`eventscope.extract.mentions`
in the session-12 review, with the two checks that tie the protest action rule of
:mod:`eventscope.extract.protest_actions` to the other rules):

* the word "strike" is a labour strike only where the air strike rule (data/triggers.json)
  found no event (no means), and only under a labour verb (see
  :mod:`eventscope.extract.protest_actions`): "workers were killed in an Israeli strike
  against a convoy" stays the strike's (or the killing's), "doctors began a strike over pay"
  is a protest;
* an arrest is dropped beside a protest action only when it lies inside the action's own
  clause, as the arrests rule is vetoed by the word "protest" ("blocked the road to demand the
  release of detained activists", "blocked a highway ..., and police arrested 20 of them": a
  protest, with intervention); "police arrested five suspects, and workers blocked a highway"
  and "soldiers arrested 12 men as residents blocked the road" keep their arrest events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Span, Token

from eventscope.extract.actors import ActorHit, ActorRoles, assign_roles
from eventscope.extract.causes import effect_context
from eventscope.extract.claimants import with_claimant_agent
from eventscope.extract.code_rules import PROTEST_ACTION
from eventscope.extract.lexicon import TriggerRule
from eventscope.extract.protest_actions import (
    action_asides,
    action_scene,
    as_labour_strike,
    in_action,
    is_protest_action,
)
from eventscope.extract.target_strikes import target_strike
from eventscope.extract.territory_holds import holds_territory
from eventscope.extract.triggers import SentenceContext, TriggerHit, sub_event_for

# The sentence, its words, the paragraph's words, and the sentence's words outside its
# speakers' phrases: "Ukraine's air force said the city was struck by a missile" is no air
# strike, so the sub-event type reads no speaker's words (session 14).
Where = tuple[Span, SentenceContext, SentenceContext | None, SentenceContext]
Parties = tuple[list[ActorHit], list[ActorHit]]  # participants; actors inside claimant phrases


class Reading(NamedTuple):
    hit: TriggerHit
    roles: ActorRoles
    sub_event_type: str
    actors: list[ActorHit]  # the participants the roles were read from


def rule_reading(
    rules: Sequence[TriggerRule], where: Where, hit: TriggerHit, parties: Parties
) -> Reading | None:
    """The trigger's rule, roles, sub-event type and participants; None when it yields no
    event (see the module docstring for the word "strike")."""
    sent, whole, paragraph, sctx = where
    actors, claiming = parties
    scene = action_scene(hit.rule.rule_id, sent, hit.head)  # a protest action's own clause
    asides = action_asides(hit.rule.rule_id, hit.head)  # ... less its demand and cause
    actors = [a for a in actors if _within(a, scene, asides)]
    roles = with_claimant_agent(assign_roles(actors, hit.head), hit.head, claiming)
    effect = effect_context(hit.rule, scene, hit.head, asides)
    sub_event = (
        sub_event_for(hit.rule, sctx, roles.victim_class, roles.agent_class, paragraph, effect)
        # only the speaker's words tell the means: "X was struck, the air force said"
        or sub_event_for(hit.rule, whole, roles.victim_class, roles.agent_class, None, effect)
        or target_strike(hit.rule.rule_id, hit.head, roles)
    )
    if sub_event is not None:
        ok = is_protest_action(hit.rule.rule_id, hit.head)
        ok = ok and holds_territory(hit.rule.rule_id, hit.head, roles)
        return Reading(hit, roles, sub_event, actors) if ok else None
    labour = as_labour_strike(rules, hit)
    if labour is hit:
        return None
    return rule_reading(rules, where, labour, parties)


def _within(actor: ActorHit, scene: Span, asides: frozenset[int]) -> bool:
    inside = scene.start <= actor.token_start and actor.token_end <= scene.end
    return inside and not any(i in asides for i in range(actor.token_start, actor.token_end))


def demanded_arrest(sub_event_type: str, head: Token, readings: Sequence[TriggerHit]) -> bool:
    """An arrest inside the clause of one of the sentence's protest actions (``readings``:
    the triggers of the sentence's events)."""
    if sub_event_type != "Arrests":
        return False
    actions = [h.head for h in readings if h.rule.rule_id == PROTEST_ACTION]
    return any(in_action(a, head) for a in actions)
