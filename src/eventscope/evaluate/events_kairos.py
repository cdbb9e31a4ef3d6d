"""The mapping from eventscope's ACLED-coded mentions to KAIROS event classes (WikiEvents).

ACLED codes one event per sentence and type; KAIROS annotates every trigger word. The mapping
therefore gives each mention a set of coarse KAIROS classes:

* ``attack`` (Conflict.Attack.*): the mention's ACLED sub-event type is violent
  (:data:`ATTACK_SUB_EVENTS`: armed clashes, all explosions/remote violence, attacks on
  civilians, excessive force against protesters, mob violence), unless its trigger only names
  the death or injury ("*killed* 23 soldiers", "were *wounded*": Life.Die and Life.Injure
  triggers in KAIROS, :data:`CASUALTY_TRIGGER`);
* ``die`` (Life.Die.*): the mention reports fatalities (any of low/best/high > 0), or its
  sentence has a killing or dying word (:data:`KILLING`: the casualties of the event the
  sentence codes, "a general was killed by an IED") outside an attempt ("attempted murder");
* ``injure`` (Life.Injure.*): the mention reports injuries, or its sentence has a wounding word.

A mention can be all three ("a car bomb killed 5 and wounded 12"). Mentions whose modality says
the event did not (yet) happen (negated, possible, planned) map to nothing; reported, claimed
and historical ones count, as KAIROS annotates past events too. Which roles each class takes
from a mention is :func:`class_arguments`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventscope.evaluate.events_common import ArgSpan, argument_spans
from eventscope.models import Evidence, Mention

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
# A trigger that only names the death or injury ("*killed* 23 soldiers", "were *wounded*")
# is a Life.Die / Life.Injure trigger in KAIROS, not a Conflict.Attack one.
CASUALTY_TRIGGER = re.compile(
    r"(?:kill(?:s|ed|ing)?|slay(?:s|ing)?|slain|slew|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)"
    r"|maim(?:s|ed|ing)?|hurt)",
    re.IGNORECASE,
)

# KAIROS argument roles -> the roles scored here (Killer and Injurer are the attacker of the
# death or injury; ExplosiveDevice is an instrument).
ROLE_MAP = {
    "Attacker": "attacker", "Killer": "attacker", "Injurer": "attacker", "Target": "target",
    "Victim": "victim", "Place": "place", "Instrument": "instrument",
    "ExplosiveDevice": "instrument",
}  # fmt: skip
# The roles each class takes from a mention, as the KAIROS ontology gives them: Conflict.Attack
# has Attacker, Target, Instrument, Place; Life.Die has Victim, Place, Killer, MedicalIssue (no
# Instrument); Life.Injure has Victim, Injurer, Instrument, BodyPart, MedicalCondition, Place.
# Every class of the mention gets its place (the variant that gives place, attacker and
# instrument to the attack only scored lower on dev).
CLASS_ROLES = {
    ATTACK: frozenset({"attacker", "target", "place", "instrument"}),
    DIE: frozenset({"attacker", "victim", "place"}),
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
    if mention.sub_event_type in ATTACK_SUB_EVENTS and not CASUALTY_TRIGGER.fullmatch(
        mention.trigger.strip()
    ):
        classes.add(ATTACK)
    fatal = (mention.fatalities_low, mention.fatalities_best, mention.fatalities_high)
    if any(v for v in fatal) or reports_death(mention.sentence):
        classes.add(DIE)
    if mention.injuries or WOUNDING.search(mention.sentence):
        classes.add(INJURE)
    return classes


_COUNT_CLASS = {"fatalities": DIE, "injuries": INJURE}
PROTESTERS = 6  # ACLED inter code


def class_arguments(mention: Mention, classes: set[str]) -> Iterator[tuple[str, ArgSpan]]:
    """The arguments of a mention for each of its KAIROS classes (:data:`CLASS_ROLES`):

    * a phrase inside a casualty count ("killing *130 people*") is a victim of that count's
      class only (the dead of Life.Die, the wounded of Life.Injure), never the attack's Target;
    * peaceful protesters (actor1 of a protest, ACLED inter 6) are no Attacker: a death in a
      protest sentence ("the slaying of seven more *demonstrators*") was not their doing;
    * a victim inside a casualty phrase is named by the count's own noun ("three other Russian
      military *personnel*"), not by the actor alias within it ("*Russian military*");
    * actor2 is a Victim only where the sentence says it died or was hurt: inside a casualty
      count, or as the patient of a killing or wounding trigger ("*23 Afghan soldiers*",
      "they killed *civilians*"); otherwise it is the side that was attacked ("a gunfight with
      *police*"), which KAIROS makes the attack's Target, not a Victim of the deaths.
    """
    actor1 = next((e for e in mention.evidence if e.field == "actor1"), None)
    actor2 = next((e for e in mention.evidence if e.field == "actor2"), None)
    casualty_trigger = CASUALTY_TRIGGER.fullmatch(mention.trigger.strip()) is not None
    found = list(argument_spans(mention))
    counted = [a for a in found if a.role == "victim" and a.kind and not a.source]
    for arg in found:
        if arg.role == "target" and arg.kind:
            continue
        if _is(arg, actor2) and any(
            c.start <= arg.start and arg.end <= c.end and c != arg for c in counted
        ):
            continue  # "three other *Russian military* personnel": the count's noun says who
        if arg.role == "attacker" and _is(arg, actor1) and mention.inter1 == PROTESTERS:
            continue
        if arg.role == "victim" and _is(arg, actor2) and not arg.kind and not casualty_trigger:
            continue
        for cls in classes:
            if arg.kind and _COUNT_CLASS[arg.kind] != cls:
                continue  # the noun of a death toll is no victim of the injuries
            if arg.role in CLASS_ROLES[cls]:
                yield cls, arg


def _is(arg: ArgSpan, actor: Evidence | None) -> bool:
    """Whether an argument is the actor1/actor2 evidence itself (not a phrase of its own)."""
    return actor is not None and not arg.source and (arg.start, arg.end) == (actor.start, actor.end)
