"""MUC-4 (Latin American terrorism news) role-filler extraction, document level.

Reader: ``{docid: {"doc": TEXT, "roles": {slot: [[mention, alternative, ...], ...]}}}`` with the
slots perp_individual_id, perp_organization_id, phys_tgt_id, hum_tgt_name and
incident_instrument_id (the ConfliBERT / GRIT release). Each gold entity is a list of
coreferent strings; finding any one of them finds the entity.

The texts are upper case with hard line wraps. The reader joins wrapped lines (a blank line
still ends a paragraph) and, by default, lower-cases the text with sentence-initial capitals
("cased" mode), because the English model reads all-caps text as a run of proper nouns; mode
"raw" keeps the text as distributed.

System fills (per document, all mentions pooled, see docs/extraction.md):
actor1 -> perpetrator (perp_organization_id for a named group, perp_individual_id for a
description such as "gunmen"); noun-phrase agents (``attacker`` evidence) -> perp_individual_id
(a bare pronoun fills nothing); the first target phrase (the trigger's object) -> phys_tgt_id,
or hum_tgt_name when the extractor marks it as a named victim (further target phrases are not
used); actor2 -> phys_tgt_id unless it is civilians; person descriptions ("peasants", civilians)
fill nothing, as hum_tgt_name holds names only (the description slot is not in this release);
armed targets (soldiers, police, an armed actor2) are left out, as MUC-4 templates leave out
attacks on military targets; weapons -> incident_instrument_id. Negated mentions and armed
clashes between two armed sides fill nothing (:func:`_is_incident`).

Matching: a system string matches a gold entity when its head noun equals the head noun of one
of the entity's strings, or contains one of them as whole words (the head-noun and contains
criteria of MUC-4 template scoring). Each gold entity is matched at most once; a system string
that matches nothing is a false positive. Per-slot scores plus the three groups the issue
tracks: perpetrator (individual + organisation), target (physical + human), instrument.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.events_common import (
    ArgSpan,
    argument_spans,
    head_word,
    is_person,
    make_article,
)
from eventscope.evaluate.events_common import run_extractor as _run
from eventscope.evaluate.metrics import prf
from eventscope.extract import generic_actor_names
from eventscope.models import Mention

SLOTS = ("perp_individual_id", "perp_organization_id", "phys_tgt_id", "hum_tgt_name",
         "incident_instrument_id")  # fmt: skip
GROUPS = {
    "perpetrator": ("perp_individual_id", "perp_organization_id"),
    "target": ("phys_tgt_id", "hum_tgt_name"),
    "instrument": ("incident_instrument_id",),
}
# Event types whose participants fill a terrorism template.
_VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                                  "Violence against civilians", "Riots"})  # fmt: skip
CIVILIANS = 7
Entity = tuple[str, ...]  # coreferent strings of one gold entity


@dataclass(frozen=True, slots=True)
class MucDoc:
    doc_id: str
    text: str
    roles: dict[str, list[Entity]]


def read_muc4(path: Path, limit: int | None = None, mode: str = "cased") -> list[MucDoc]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for doc_id, item in list(raw.items())[:limit]:
        roles = {slot: [tuple(e) for e in item["roles"].get(slot, [])] for slot in SLOTS}
        docs.append(MucDoc(doc_id, prepare_text(item["doc"], mode), roles))
    return docs


def prepare_text(text: str, mode: str = "cased") -> str:
    """Join hard-wrapped lines; in "cased" mode also undo the all-caps (same length, so the
    offsets of both versions agree)."""
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    if mode == "raw":
        return text
    lowered = text.lower()
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)


def system_fills(mentions: Iterable[Mention], generic: frozenset[str]) -> dict[str, list[str]]:
    """Slot strings for one document (pooled over its violent mentions, de-duplicated)."""
    fills: dict[str, dict[str, str]] = {slot: {} for slot in SLOTS}
    for mention in mentions:
        if mention.event_type not in _VIOLENT_EVENT_TYPES or not _is_incident(mention):
            continue
        # Only the first target phrase (the trigger's own object) fills a slot: the further
        # phrases added precision-losing fills on dev (person descriptions are not names).
        extra = [e.start for e in mention.evidence if e.field == "target"][1:]
        named = {e.start for e in mention.evidence if e.field == "victim"}
        for arg in argument_spans(mention):
            if arg.role == "target" and arg.start in extra:
                continue
            if arg.role == "target" and arg.start in named:  # a named victim
                arg = replace(arg, source="victim")
            slot = _slot_for(arg, mention, generic)
            if slot is not None:
                fills[slot].setdefault(head_word(arg.text), arg.text)
    return {slot: list(values.values()) for slot, values in fills.items()}


_PERSON_HEADS = frozenset({
    "people", "person", "civilians", "civilian", "peasants", "peasant", "man", "men", "woman",
    "women", "children", "child", "students", "leader", "leaders", "mayor", "judge", "priest",
    "priests", "president", "official", "officials", "candidate", "journalist", "journalists",
    "members", "member", "residents", "villagers",
})  # fmt: skip


# ACLED inter codes of armed actors, and head nouns of armed targets.
_ARMED_INTERS = frozenset({1, 2, 3})
_ARMED_HEADS = frozenset({"police", "policemen", "army", "soldiers", "soldier", "troops", "forces",
                          "military", "guerrillas", "rebels", "patrol", "battalion", "brigade",
                          "militants", "fighters", "insurgents", "terrorists"})  # fmt: skip


_PRONOUNS = frozenset({"he", "she", "they", "who", "it", "we"})
# Mentions that state no event ("no one was killed", "could attack", "plans to bomb"); the
# WikiEvents and SATP mappings already ignore them, this one filled slots from them (bug).
_UNREAL = frozenset({"negated"})


def _is_incident(mention: Mention) -> bool:
    """Whether a mention can be a MUC-4 incident. Besides unreal mentions, a clash between two
    armed sides is not one: MUC-4 templates leave out military targets, which the target slots
    already applied while the same clash still filled the perpetrator slots (bug)."""
    if mention.modality in _UNREAL:
        return False
    armed_both = mention.inter1 in _ARMED_INTERS and mention.inter2 in _ARMED_INTERS
    return not (mention.sub_event_type == "Armed clash" and armed_both)


def _slot_for(arg: ArgSpan, mention: Mention, generic: frozenset[str]) -> str | None:
    role, text = arg.role, arg.text
    if role == "attacker" and text.lower() in _PRONOUNS:
        return None  # a bare pronoun names nobody
    if role == "attacker" and arg.source == "attacker":
        # A noun-phrase agent outside the dictionary: a description ("a group of 10 paid
        # assassins") fills perp_individual_id.
        return "perp_individual_id"
    if role == "attacker":
        return "perp_individual_id" if mention.actor1 in generic else "perp_organization_id"
    if role == "instrument":
        return "incident_instrument_id"
    if role == "target":
        if head_word(text) in _ARMED_HEADS or mention.inter2 in _ARMED_INTERS:
            return None  # MUC-4 templates leave out military targets (clashes, ambushes)
        if arg.source == "victim":
            return "hum_tgt_name"  # a named victim ("Hector Oqueli")
        head = head_word(text)
        described = head in _PERSON_HEADS or is_person(head)
        if described or (not arg.source and mention.inter2 == CIVILIANS):
            # hum_tgt_name holds names only (checked on train: "LUIS CARLOS GALAN"); person
            # descriptions ("peasants", civilians as actor2) belong to the human-target
            # description slot, which this release does not have.
            return None
        return "phys_tgt_id"
    return None


def fill_matches(system: str, entity: Entity) -> bool:
    """Head-noun match with any coreferent string, or the system string contains one whole."""
    head = head_word(system)
    padded = f" {_norm(system)} "
    return any(head == head_word(alt) or f" {_norm(alt)} " in padded for alt in entity)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def slot_counts(system: list[str], gold: list[Entity]) -> tuple[int, int, int]:
    """tp/fp/fn for one slot of one document; each gold entity matched at most once."""
    matched: set[int] = set()
    fp = 0
    for fill in system:
        hit = next((i for i, e in enumerate(gold) if i not in matched and fill_matches(fill, e)),
                   None)  # fmt: skip
        if hit is None:
            # A second string for an entity already found is a paraphrase, not an error.
            if not any(fill_matches(fill, gold[i]) for i in matched):
                fp += 1
        else:
            matched.add(hit)
    return len(matched), fp, len(gold) - len(matched)


def score(docs: list[MucDoc], mentions: list[list[Mention]]) -> dict[str, dict[str, float]]:
    generic = generic_actor_names()
    totals: dict[str, list[int]] = {name: [0, 0, 0] for name in (*SLOTS, *GROUPS, "micro")}
    for doc, found in zip(docs, mentions, strict=True):
        fills = system_fills(found, generic)
        for slot in SLOTS:
            _add(totals[slot], slot_counts(fills[slot], doc.roles[slot]))
        for group, slots in GROUPS.items():
            system = [f for s in slots for f in fills[s]]
            gold = [e for s in slots for e in doc.roles[s]]
            counts = slot_counts(system, gold)
            _add(totals[group], counts)
            _add(totals["micro"], counts)
    return {name: prf(*counts) for name, counts in totals.items()}


def _add(total: list[int], counts: tuple[int, int, int]) -> None:
    for i, value in enumerate(counts):
        total[i] += value


def evaluate_muc4(gold: Path, options: EvalOptions) -> EvalResult:
    """``eventscope eval muc4 --gold dev.json [--mode cased|raw]``."""
    docs = read_muc4(gold, options.limit, options.mode or "cased")
    mentions = _run([make_article(d.doc_id, d.text) for d in docs])
    return EvalResult("muc4", len(docs), score(docs, mentions))
