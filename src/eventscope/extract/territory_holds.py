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
  town" only kept it (no event), and civilians or protesters hold no territory;
* the place is not held "under siege", "under blockade", "under fire": pressure on a place
  the group stays outside of, not a hold.
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
    objects = [o for o in head.children if o.dep_ == "dobj"]
    return any(_ground(o) for o in objects) and not _held_under_pressure(head, objects)


# "held the town under siege / under blockade / under fire": pressure on a place the group
# does not hold (second review of session 14); "under their control" is a hold.
_PRESSURE = frozenset(
    {"siege", "blockade", "attack", "attacks", "fire", "pressure", "threat", "threats",
     "bombardment", "shelling", "encirclement", "surveillance", "watch", "observation",
     "lockdown", "curfew", "assault", "strain", "duress"}
)  # fmt: skip


def _held_under_pressure(verb: Token, objects: list[Token]) -> bool:
    """An "under" phrase of pressure on the verb or its object ("held the town of Djibo under
    siege"): the group besieges or attacks the place, it does not hold it."""
    preps = [c for t in (verb, *objects) for c in t.subtree if c.dep_ == "prep"]

    # also "despite / against repeated counter-attacks" (second review): ground held against
    # attacks is a battle, not a takeover
    def objects(words: tuple[str, ...]) -> list[Token]:
        return [c for p in preps if p.lower_ in words for c in p.children if c.dep_ == "pobj"]

    under, despite = objects(("under",)), objects(("despite", "against"))
    return any(_words(o) & _PRESSURE for o in under) or any(_words(o) & _ASSAULTS for o in despite)


# Under "despite" or "against" only military pressure counts ("despite international
# pressure", "despite a curfew" is still a hold: review).
# Not "blockade" or "strike": "despite a fuel blockade by traders", "despite a general strike"
# (review).
_ASSAULTS = frozenset({"attack", "assault", "offensive", "counteroffensive", "shelling",
                       "bombardment", "airstrike", "fire", "siege", "raid", "bombing", "attacks",
                       "assaults", "airstrikes", "raids", "bombings"})  # fmt: skip


def _words(noun: Token) -> set[str]:
    return {noun.lemma_.lower(), noun.lower_, noun.lower_.rsplit("-", 1)[-1]}


def _ground(noun: Token) -> bool:
    """A piece of territory: a ground noun, or a named place ("held Debark")."""
    return noun.lower_ in _GROUND or noun.ent_type_ in ("GPE", "LOC", "FAC")
