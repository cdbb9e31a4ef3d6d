"""ACLED actor conventions per event type, and the target of an event.

* Protests: actor1 is the protesters, actor2 whoever intervenes; for "Excessive force against
  protesters" the force is actor1 and the protesters actor2.
* Riots: the crowd is coded "Rioters" (ACLED codes violent demonstrators as rioters) as actor1.
* Violence against civilians: civilians are actor2 (never actor1).
Defaults with no actor word in the sentence ("a demonstration was held") point their evidence at
the trigger, which is what names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventscope.extract.actors import ActorHit, ActorRoles
from eventscope.extract.attribution import TextSpan
from eventscope.extract.span_utils import overlaps
from eventscope.extract.triggers import TriggerHit

PROTESTERS = ("Protesters", 6)
RIOTERS = ("Rioters", 5)
CIVILIANS = 7
_CROWD = frozenset({5, 6})
_MAX_TARGET_TOKENS = 12
# What was hit: "fired *at a patrol*", "an attack *on a market*". "At" after an act noun says
# where it happened ("the explosion *at the bus station*"), not what was hit.
_TARGET_PREPS = ("on", "against", "at", "towards")
_NOUN_TARGET_PREPS = ("on", "against", "towards")


@dataclass(frozen=True, slots=True)
class CodedActor:
    name: str
    inter: int
    span: TextSpan  # evidence: the actor's words, or the trigger for a default actor


@dataclass(frozen=True, slots=True)
class CodedActors:
    actor1: CodedActor | None
    actor2: CodedActor | None


def code_actors(
    event_type: str,
    sub_event_type: str,
    roles: ActorRoles,
    sentence_actors: Sequence[ActorHit],
    hit: TriggerHit,
) -> CodedActors:
    """actor1/actor2 for one trigger, following the conventions in the module docstring."""
    if event_type in ("Protests", "Riots"):
        return _crowd_event(event_type, sub_event_type, roles, sentence_actors, hit)
    actor1, actor2 = _coded(roles.actor1), _coded(roles.actor2)
    if event_type == "Violence against civilians" and actor2 is None:
        victims = [a for a in sentence_actors if a.inter == CIVILIANS]
        actor2 = _coded(victims[0]) if victims else None
    return _distinct(actor1, actor2)


def merge_actors(coded: Sequence[CodedActors]) -> tuple[CodedActor | None, CodedActor | None]:
    """Several triggers of one event: the first actor1 and actor2 that any of them found."""
    actor1 = next((c.actor1 for c in coded if c.actor1 is not None), None)
    actor2 = next(
        (c.actor2 for c in coded if c.actor2 is not None and c.actor2.name != _name(actor1)),
        None,
    )
    return actor1, actor2


Spans = Sequence[tuple[int, int]]


def target_of(hit: TriggerHit, doc: Doc, blocked: Spans, weapons: Spans) -> TextSpan | None:
    """What was hit: the trigger verb's object ("struck the town of X"), its "at/on" object when
    the object is the weapon ("fired missiles at X"), a noun's "on/against" object ("an attack on
    a market"), else the governing verb's ("carried out strikes on X"); never an actor
    (``blocked``), a pronoun or the trigger itself."""
    heads = [hit.head]
    if hit.head.pos_ != "VERB" and hit.head.head.pos_ == "VERB":
        heads.append(hit.head.head)  # "fired mortar shells at a market"
    for head in heads:
        obj = _object_of(head, hit, weapons)
        if obj is not None:
            return _target_span(obj, doc, blocked)
    return None


def _object_of(head: Token, hit: TriggerHit, weapons: Spans) -> Token | None:
    obj = None
    if head.pos_ == "VERB":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    inside = obj is not None and hit.token_start <= obj.i < hit.token_end
    if obj is None or inside or overlaps(obj.doc[obj.left_edge.i : obj.i + 1], weapons):
        obj = _prep_object(head, _TARGET_PREPS if head.pos_ == "VERB" else _NOUN_TARGET_PREPS)
    if obj is None or obj.pos_ in ("PRON", "NUM") or hit.token_start <= obj.i < hit.token_end:
        return None
    return obj


def _target_span(obj: Token, doc: Doc, blocked: Spans) -> TextSpan | None:
    end = obj.i + 1
    of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        end = of.right_edge.i + 1
    span = doc[obj.left_edge.i : min(end, obj.left_edge.i + _MAX_TARGET_TOKENS)]
    return None if overlaps(span, blocked) else TextSpan.of(span)


def _prep_object(head: Token, preps: tuple[str, ...]) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _crowd_event(
    event_type: str,
    sub_event_type: str,
    roles: ActorRoles,
    sentence_actors: Sequence[ActorHit],
    hit: TriggerHit,
) -> CodedActors:
    crowd_hits = sorted(
        (a for a in sentence_actors if a.inter in _CROWD),
        key=lambda a: abs(a.token_start - hit.token_start),
    )
    name, inter = RIOTERS if event_type == "Riots" else PROTESTERS
    span = (
        TextSpan(crowd_hits[0].start, crowd_hits[0].end, crowd_hits[0].text)
        if crowd_hits
        else (TextSpan(hit.start, hit.end, hit.text))
    )
    crowd = CodedActor(name, inter, span)
    # The party facing the crowd: a role-assigned actor first, else any other armed actor nearby.
    candidates = [a for a in (roles.actor1, roles.actor2) if a is not None]
    candidates += sorted(sentence_actors, key=lambda a: abs(a.token_start - hit.token_start))
    others = [a for a in candidates if a.inter not in _CROWD and a.inter != CIVILIANS]
    other = _coded(others[0]) if others else None
    if sub_event_type == "Excessive force against protesters":
        return _distinct(other, crowd)
    return _distinct(crowd, other)


def _coded(hit: ActorHit | None) -> CodedActor | None:
    if hit is None:
        return None
    return CodedActor(hit.name, hit.inter, TextSpan(hit.start, hit.end, hit.text))


def _distinct(actor1: CodedActor | None, actor2: CodedActor | None) -> CodedActors:
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    return CodedActors(actor1, actor2)


def _name(actor: CodedActor | None) -> str:
    return actor.name if actor else ""
