"""The mapping from eventscope's ACLED-coded mentions to KAIROS event classes (WikiEvents).

ACLED codes one event per sentence and type; KAIROS annotates every trigger word. The mapping
therefore gives each mention a set of coarse KAIROS classes:

* ``attack`` (Conflict.Attack.*): the mention's ACLED sub-event type is violent
  (:data:`ATTACK_SUB_EVENTS`: armed clashes, all explosions/remote violence, attacks on
  civilians, excessive force against protesters, mob violence);
* ``die`` (Life.Die.*): the mention reports fatalities (any of low/best/high > 0), or its
  sentence has a killing or dying word (:data:`KILLING`: the casualties of the event the
  sentence codes, "a general was killed by an IED") outside an attempt ("attempted murder");
* ``injure`` (Life.Injure.*): the mention reports injuries, or its sentence has a wounding word.

A mention can be all three ("a car bomb killed 5 and wounded 12"). Mentions whose modality says
the event did not (yet) happen (negated, possible, planned) map to nothing; reported, claimed
and historical ones count, as KAIROS annotates past events too.
"""

from __future__ import annotations

import re

from eventscope.models import Mention

ATTACK = "attack"
DIE = "die"
INJURE = "injure"
CLASSES = (ATTACK, DIE, INJURE)

# KAIROS type prefix -> class.
KAIROS_PREFIXES = {"Conflict.Attack.": ATTACK, "Life.Die.": DIE, "Life.Injure.": INJURE}

ATTACK_SUB_EVENTS = frozenset({
    "Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon", "Attack",
    "Excessive force against protesters", "Mob violence",
})  # fmt: skip
KILLING = re.compile(
    r"\b(?:kill|murder|assassinat|execut|behead|massacr|slay|slain|slew|shot dead|gunned down"
    r"|to death|lynch|died|dies|dead\b|deaths?\b|lives\b|fatal)",
    re.IGNORECASE,
)
# A killing word inside an attempt reports no death ("attempted murder", "an assassination
# attempt", "tried to assassinate"): without this the die class was given to failed attacks.
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:attempt(?:ed|s|ing)?|tr(?:y|ied|ies|ying)|fail(?:ed|s)?|foil(?:ed|s)?|thwart(?:ed|s)?"
    r"|surviv(?:e|ed|es|ing)|plot(?:ted|s)?|plan(?:ned|s)?)\s+(?:(?:an?|the|to|on|at)\s+)*"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_ATTEMPT_AFTER = re.compile(r"^\w*\s+(?:attempt|plot|bid)", re.IGNORECASE)
WOUNDING = re.compile(r"\b(?:wound|injur|maim|hurt)", re.IGNORECASE)

# KAIROS argument roles -> the roles scored here (Killer and Injurer are the attacker of the
# death or injury; ExplosiveDevice is an instrument).
ROLE_MAP = {
    "Attacker": "attacker", "Killer": "attacker", "Injurer": "attacker", "Target": "target",
    "Victim": "victim", "Place": "place", "Instrument": "instrument",
    "ExplosiveDevice": "instrument",
}  # fmt: skip
# The roles each class takes from a mention (every class of the mention gets its place: the
# variant that gives place, attacker and instrument to the attack only scored lower on dev).
CLASS_ROLES = {
    ATTACK: frozenset({"attacker", "target", "place", "instrument"}),
    DIE: frozenset({"attacker", "victim", "place", "instrument"}),
    INJURE: frozenset({"attacker", "victim", "place", "instrument"}),
}


_UNREAL = frozenset({"negated", "possible", "planned"})
HEADLINE_ROLES = frozenset({"attacker", "target", "victim", "place"})


def reports_death(sentence: str) -> bool:
    """Whether the sentence has a killing or dying word that is not part of an attempt."""
    return any(
        not _ATTEMPT_BEFORE.search(sentence[: m.start()])
        and not _ATTEMPT_AFTER.match(sentence[m.start() :])
        for m in KILLING.finditer(sentence)
    )


def kairos_class(event_type: str) -> str | None:
    """ "Life.Die.Unspecified" -> "die"; None for types outside the three classes."""
    return next((c for p, c in KAIROS_PREFIXES.items() if event_type.startswith(p)), None)


def mention_classes(mention: Mention) -> set[str]:
    """The KAIROS classes one mention stands for (see the module docstring)."""
    classes: set[str] = set()
    if mention.modality in _UNREAL:
        return classes
    if mention.sub_event_type in ATTACK_SUB_EVENTS:
        classes.add(ATTACK)
    fatal = (mention.fatalities_low, mention.fatalities_best, mention.fatalities_high)
    if any(v for v in fatal) or reports_death(mention.sentence):
        classes.add(DIE)
    if mention.injuries or WOUNDING.search(mention.sentence):
        classes.add(INJURE)
    return classes
