"""An armed group that holds ground it has just entered (session 14, round 11): "Fano fighters
entered Debark on Wednesday and held several neighbourhoods for hours before withdrawing".

ACLED codes a non-state group's control of a place, even for hours, as "Non-state actor
overtakes territory"; the lexicon rule for it wants "seized", "captured", "took control", so
"held several neighbourhoods" was no event. "hold" is one of the commonest verbs ("held talks",
"held a meeting in the town", "held hostage"), so the rule ``territory-hold``
(:mod:`eventscope.extract.code_rules`) yields an event only when the parse says so:

* the verb is a past tense "held" (not "has held since 2023", "still holds": a standing state,
  and not a participle: "the hostages held in the town");
* its direct object is a piece of territory (a town, neighbourhoods, districts, villages,
  parts of a town), not "talks", "a meeting", "a rally";
* actor1 is an armed non-state group (ACLED inter 2, 3 or 4). A state force that "held the
  town" only kept it (no event), and civilians or protesters hold no territory.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.actors import ActorRoles
from eventscope.extract.code_rules import TERRITORY_HOLD

_ARMED_NONSTATE = frozenset({2, 3, 4})
_GROUND = frozenset(
    {"town", "towns", "city", "cities", "village", "villages", "neighbourhood",
     "neighbourhoods", "neighborhood", "neighborhoods", "district", "districts", "quarter",
     "quarters", "area", "areas", "part", "parts", "locality", "localities", "settlement",
     "settlements", "suburb", "suburbs", "outskirts", "centre", "center", "territory",
     "base", "bases", "barracks", "checkpoint", "checkpoints", "hill", "hills", "bridge",
     "airport", "junction", "crossroads", "market", "square"}
)  # fmt: skip


def holds_territory(rule_id: str, head: Token, roles: ActorRoles) -> bool:
    """False for a ``territory-hold`` hit that is no armed group's hold on ground (see the
    module docstring); True for every other rule."""
    if rule_id != TERRITORY_HOLD:
        return True
    if head.tag_ != "VBD" or any(c.dep_ == "neg" for c in head.children):
        return False
    actor = roles.actor1
    if actor is None or actor.inter not in _ARMED_NONSTATE:
        return False
    return any(_ground(o) for o in head.children if o.dep_ == "dobj")


def _ground(noun: Token) -> bool:
    """A piece of territory: a ground noun, or a named place ("held Debark")."""
    return noun.lower_ in _GROUND or noun.ent_type_ in ("GPE", "LOC", "FAC")
