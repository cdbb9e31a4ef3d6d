"""Who fired a weapon that only a demonym names: "a Russian air strike hit Sumy", "Russian
glide bombs hit Kupiansk", "killed in an Israeli drone strike".

Such reports name no actor, so they could not show who struck, and linking's perpetrator rules
had nothing to compare. The demonym fills actor1 only when nothing else does: a subject or a
"by" agent always wins ("Iranian rockets fired by Hezbollah", "Russian forces fired North
Korean shells"), a supplied, captured or foreign-made weapon names its maker or its source,
not its firer, and a country noun ("a Yemen drone strike") is a place, never an actor. Some
demonyms name a country whose strikes are mostly fired by armed groups or by foreign forces
from its soil ("Lebanese rockets", "Palestinian rockets", "Yemeni drones"): those name nobody.
(Session 12; an earlier version put these weapons among actors.json's force heads, which made
them override a named firer and become actor2: second review, session 12.)
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventscope.extract.attribution import TextSpan
from eventscope.extract.coding import CodedActor
from eventscope.extract.context import Resources
from eventscope.extract.triggers import TriggerHit

_WEAPONS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "missile", "missiles",
                      "rocket", "rockets", "shell", "shells", "bomb", "bombs", "drone",
                      "drones", "shelling", "bombardment", "barrage"})  # fmt: skip
# Participles that make the adjective the weapon's maker or source ("Russian-made", "Iranian
# drones supplied to Russia", "captured Russian shells").
_NOT_FIRED = frozenset({"made", "supplied", "captured", "provided", "donated", "delivered",
                        "sold", "seized", "bought", "built", "designed"})  # fmt: skip
# Demonyms whose rockets, drones and strikes are usually an armed group's or a foreign force's.
_NO_STATE_FIRER = frozenset({"lebanese", "palestinian", "yemeni", "gazan", "syrian", "iraqi",
                             "libyan", "afghan", "somali"})  # fmt: skip


# Events whose weapon is the other side's: "Two Russian missiles were shot down over Kyiv".
_NOT_THE_FIRERS = frozenset({"Disrupted weapons use"})


def weapon_owner(
    hit: TriggerHit, res: Resources, actor2: CodedActor | None = None
) -> CodedActor | None:
    """actor1 read from a demonym on the trigger's weapon, or None (see the module docstring):
    never for an interception, never the event's own target."""
    if hit.rule.sub_event_type in _NOT_THE_FIRERS:
        return None
    found = _owner(hit.head, res)
    if found is None or (actor2 is not None and found.name == actor2.name):
        return None
    return found


def _owner(head: Token, res: Resources) -> CodedActor | None:
    for noun in _weapon_nouns(head):
        if _fired_by_another(noun):
            return None
        adjective = next((c for c in noun.children if _is_demonym(c, res)), None)
        if adjective is not None:
            return _forces_of(adjective, res)
    return None


def _weapon_nouns(head: Token) -> Iterator[Token]:
    """The trigger's own noun ("air strike"), its subject ("bombs hit") and the object of an
    "in" or "by" phrase on it ("killed in a missile strike")."""
    candidates = [head, *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        candidates += [c for c in prep.children if c.dep_ == "pobj"]
    return (t for t in candidates if t.pos_ in ("NOUN", "PROPN") and t.lower_ in _WEAPONS)


def _fired_by_another(noun: Token) -> bool:
    """A "by" agent, or a maker's or source's participle, on the weapon."""
    for child in noun.subtree:
        if child.lower_ in _NOT_FIRED or child.lower_.endswith("-made"):
            return True
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return True
    return False


def _is_demonym(token: Token, res: Resources) -> bool:
    return (
        token.dep_ == "amod"
        and token.lower_ in res.adjectives
        and token.lower_ not in _NO_STATE_FIRER
    )


def _forces_of(adjective: Token, res: Resources) -> CodedActor | None:
    """The country's forces as actors.json names them ("<demonym> forces")."""
    hits = res.actors.find(res.make_doc(f"{adjective.text.title()} forces"))
    if not hits:
        return None
    span = TextSpan(adjective.idx, adjective.idx + len(adjective.text), adjective.text)
    return CodedActor(hits[0].name, hits[0].inter, span)
