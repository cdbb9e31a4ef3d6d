"""MUC-4 (Latin American terrorism news) role-filler extraction, document level.

Reader: ``{docid: {"doc": TEXT, "roles": {slot: [[mention, alternative, ...], ...]}}}`` with the
slots perp_individual_id, perp_organization_id, phys_tgt_id, hum_tgt_name and
incident_instrument_id (the ConfliBERT / GRIT release). Each gold entity is a list of
coreferent strings; finding any one of them finds the entity.

The texts are upper case with hard line wraps. The reader joins wrapped lines (a blank line
still ends a paragraph) and, by default ("cased" mode), restores capitals with the truecaser
(:mod:`eventscope.clean.truecase`: ordinary words lower case, names capitalised), because the
English model reads all-caps text as a run of proper nouns and lower-cased text hides names;
mode "lower" lower-cases all but sentence-initial letters (the earlier cased mode); mode "raw"
keeps the text as distributed.

System fills (per document, all mentions pooled, see docs/extraction.md):
actor1 -> perpetrator (perp_organization_id for a named group, perp_individual_id for a
description such as "gunmen"); noun-phrase agents (``attacker`` evidence) -> perp_individual_id
(a bare pronoun fills nothing); person names (PERSON entities) inside a target or victim phrase
-> hum_tgt_name; the first target phrase (the trigger's object), and further ones that name a
building or vehicle -> phys_tgt_id when its head is a building, vehicle or installation (also
when it names its owner: "the home of X" fills both slots); actor2 likewise; person
descriptions ("peasants", civilians) fill nothing, as hum_tgt_name holds names only (the gold
has no description slot); armed targets (soldiers, police, an armed actor2) are left out, as
MUC-4 templates leave out attacks on military targets; weapons -> incident_instrument_id,
bare model designators ("M-16") excepted. From the trigger's sentence: buildings and vehicles
after a bombing's trigger -> phys_tgt_id, person names after an attack's trigger (not the
source of a statement) -> hum_tgt_name. Negated mentions, armed clashes between two armed
sides, and state forces' military operations fill nothing (:func:`_is_incident`). From the
whole document (:mod:`muc4_fills`, whatever the mentions): person names in a victim context
("the murder of X", "X was kidnapped", and the names listed with one) -> hum_tgt_name, and
building or vehicle phrases in a damage context ("dynamited two pylons", "two buses were
burned") -> phys_tgt_id. Person names are first grown to their whole ("Luis Carlos Galan
Sarmiento"); agents of a passive ("by X") and PERSON entities that are known places or groups
("Cartagena", "Shining Path") fill nothing.

Matching: a system string matches a gold entity when its head noun equals the head noun of one
of the entity's strings, or contains one of them as whole words (the head-noun and contains
criteria of MUC-4 template scoring). Each gold entity is matched at most once; a system string
that matches nothing is a false positive. Per-slot scores plus the three groups the issue
tracks: perpetrator (individual + organisation), target (physical + human), instrument.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eventscope.clean.truecase import truecase
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
from eventscope.evaluate.muc4_fills import (
    damaged_property,
    is_agent,
    is_place_or_group,
    physical,
    victim_names,
    whole_names,
)
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
STATE_FORCES = 1
_MILITARY_OPERATIONS = frozenset({"Armed clash", "Air/drone strike", "Government regains territory",
                                  "Shelling/artillery/missile attack"})  # fmt: skip
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
    """Join hard-wrapped lines; in "cased" mode also undo the all-caps with the truecaser, in
    "lower" mode by lower-casing all but sentence-initial letters (same length either way, so
    the offsets of all versions agree)."""
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    if mode == "raw":
        return text
    if mode == "cased":
        return truecase(text)
    lowered = text.lower()
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)


Span = tuple[int, int, str]  # start, end, text of a person name in the document
Fills = dict[str, dict[str, str]]  # slot -> head word -> string (one string per head)


def system_fills(
    mentions: Iterable[Mention],
    generic: frozenset[str],
    persons: Sequence[Span] = (),
    text: str = "",
) -> dict[str, list[str]]:
    """Slot strings for one document (pooled over its violent mentions, de-duplicated).
    ``persons``: the person names the entity recogniser found in the document; ``text``: the
    document, for the victims it names outside the mentions (:mod:`muc4_fills`)."""
    fills: Fills = {slot: {} for slot in SLOTS}
    if text:  # whole names first: "Kent" is a city, "David Leslie Kent" a person
        persons = [p for p in whole_names(text, persons) if not is_agent(text, p[0])]
    persons = [p for p in persons if not is_place_or_group(p[2])]
    for mention in mentions:
        if mention.event_type in _VIOLENT_EVENT_TYPES and _is_incident(mention):
            _argument_fills(mention, generic, persons, fills)
            _sentence_fills(mention, persons, fills)
    for _start, _end, name in victim_names(text, persons) if text else ():
        fills["hum_tgt_name"].setdefault(head_word(name), name)
    for phrase in damaged_property(text) if text else ():
        fills["phys_tgt_id"].setdefault(head_word(phrase), phrase)
    return {slot: list(values.values()) for slot, values in fills.items()}


def _argument_fills(
    mention: Mention, generic: frozenset[str], persons: Sequence[Span], fills: Fills
) -> None:
    """Fills from the mention's arguments (actors, agents, targets, victims, weapons)."""
    # Further target phrases beyond the trigger's own object fill a slot only when they name
    # a building or vehicle: the others were mostly person descriptions (not names).
    extra = [e.start for e in mention.evidence if e.field == "target"][1:]
    named = {e.start for e in mention.evidence if e.field == "victim"}
    for arg in argument_spans(mention):
        if arg.role == "target" and arg.start in extra and not physical(head_word(arg.text)):
            continue
        names = _names_in(arg, persons) if arg.role in ("target", "victim") else []
        for name in names:  # "the murder of *Hector Oqueli* and *Gilda Flores*"
            fills["hum_tgt_name"].setdefault(head_word(name), name)
        if names and not (arg.role == "target" and physical(head_word(arg.text))):
            continue  # "the home of *X*": the house is a target too
        if arg.role == "target" and arg.start in named:  # a named victim
            arg = replace(arg, source="victim")
        slot = _slot_for(arg, mention, generic)
        if slot is not None:
            fills[slot].setdefault(head_word(arg.text), arg.text)


def _sentence_fills(mention: Mention, persons: Sequence[Span], fills: Fills) -> None:
    """Targets the parse did not attach to the trigger, read from the rest of its sentence
    (checked on MUC-4 train, where the argument fills alone found a third of the targets):
    buildings and vehicles after a bombing's trigger ("a bomb exploded *at the offices* of"),
    person names after an attack's trigger ("gunmen shot and killed *Hector Oqueli*")."""
    if mention.sub_event_type in _BOMBINGS:
        for noun in _physical_nouns(mention):
            fills["phys_tgt_id"].setdefault(noun, noun)
    if mention.sub_event_type == "Attack":
        for start, end, name in persons:
            after = mention.end <= start and end <= mention.sentence_end
            if after and not _speaker(mention, start, end):
                fills["hum_tgt_name"].setdefault(head_word(name), name)


# Speech verbs: a name that says something about an attack is its source, not its victim.
_SPEECH = re.compile(
    r"^\W*(?:\w+\W+){0,2}(?:said|says|stated|told|added|reported|announced|declared|noted|"
    r"explained|denied|confirmed|charged|asserted|indicated)\b|according to\W*$",
    re.IGNORECASE,
)


def _speaker(mention: Mention, start: int, end: int) -> bool:
    """Whether a name in the mention's sentence is the source of a statement ("..., *Colonel
    Lopez* said", "according to *Lopez*")."""
    text, offset = mention.sentence, mention.sentence_start
    after = text[end - offset : end - offset + 40]
    before = text[max(0, start - offset - 20) : start - offset]
    return bool(_SPEECH.search(after) or _SPEECH.search(before))


# Bombings (what their sentence names after the trigger was hit); for the other sub-event
# types the sentence held more places and military objects than targets on train.
_BOMBINGS = frozenset({"Remote explosive/landmine/IED"})
_NOUN = re.compile(r"[A-Za-z][a-z-]+")


def _physical_nouns(mention: Mention) -> list[str]:
    """Building and vehicle nouns after the trigger, except those inside a weapon phrase
    ("a *car* bomb" is the instrument)."""
    weapons = [(e.start, e.end) for e in mention.evidence if e.field == "weapons"]
    found = []
    for match in _NOUN.finditer(mention.sentence, max(mention.end - mention.sentence_start, 0)):
        start = match.start() + mention.sentence_start
        noun = match.group(0).lower()
        if physical(noun) and not any(a <= start < b for a, b in weapons):
            found.append(noun)
    return found


def _names_in(arg: ArgSpan, persons: Sequence[Span]) -> list[str]:
    """The person names inside a target or victim phrase ("former defense minister *Enrique
    Lopez Albujar*"): hum_tgt_name holds names, and the name alone is the better string."""
    # Overlap, not containment: a name grown to its whole (:func:`whole_names`) may run past
    # the phrase ("the murder of Senator Luis Carlos *Galan* | Sarmiento").
    return [text for start, end, text in persons if start < arg.end and arg.start < end]


def person_names(texts: Sequence[str]) -> list[list[Span]]:
    """PERSON entities of each text, from the same spaCy model the extractor uses."""
    from eventscope.extract.nlp import load_nlp  # deferred: imports spaCy

    nlp = load_nlp()
    keep = [name for name in ("tok2vec", "ner") if name in nlp.pipe_names]
    with nlp.select_pipes(enable=keep):
        docs = nlp.pipe(texts)
        return [[(e.start_char, e.end_char, e.text) for e in d.ents if e.label_ == "PERSON"]
                for d in docs]  # fmt: skip


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


_DESIGNATOR = re.compile(r"[A-Za-z]{1,4}-?\d[\w-]*")
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
    if mention.sub_event_type == "Armed clash" and armed_both:
        return False
    # State forces' military operations (clashes, air strikes, shelling, retaking ground) are
    # counter-insurgency, not terrorism: on MUC-4 train they gave 126 perpetrator strings that
    # match no template against 23 that do.
    return not (mention.inter1 == STATE_FORCES and mention.sub_event_type in _MILITARY_OPERATIONS)


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
        # A bare model designator ("M-16", "C-47") is not how the templates name a weapon
        # (4 of 206 train instrument fills have one, always beside a noun: "C-47 AIRCRAFT");
        # the noun after it ("an M-16 *rifle*") is a weapon of its own.
        return None if _DESIGNATOR.fullmatch(text) else "incident_instrument_id"
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
            # description slot, which the gold release does not have.
            return None
        return "phys_tgt_id" if physical(head) else None
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


def score(
    docs: list[MucDoc],
    mentions: list[list[Mention]],
    persons: Sequence[Sequence[Span]] | None = None,
) -> dict[str, dict[str, float]]:
    generic = generic_actor_names()
    totals: dict[str, list[int]] = {name: [0, 0, 0] for name in (*SLOTS, *GROUPS, "micro")}
    names = persons if persons is not None else [()] * len(docs)
    for doc, found, people in zip(docs, mentions, names, strict=True):
        fills = system_fills(found, generic, people, doc.text)
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
    persons = person_names([d.text for d in docs])
    return EvalResult("muc4", len(docs), score(docs, mentions, persons))
