"""Noun-phrase arguments of an event trigger: what or who was hit, and with what.

Targets/victims come from the parse of the trigger's sentence:

* the trigger verb's direct object or passive subject ("gunmen killed *two peasants*",
  "*a bus* was attacked");
* its "on/at/against/towards" object ("an attack *on a market*", "fired *at a patrol*"; "at"
  only after a verb: "the explosion *at the bus station*" says where, not what was hit), and
  for a noun trigger the "of" object ("the killing *of a judge*"; a proper noun after a noun
  of what befell someone is that person whatever the entity recogniser says: "the
  assassination *of Luis Carrero Blanco*");
* for a noun trigger, the same relations of the verb that governs it ("carried out an attack
  *on the embassy*");
* coordinated phrases of any of these ("*a church* and *a school*").

A phrase is kept only when its head is a noun (not a pronoun, number or time) and it does not
overlap an actor or weapon; :func:`code_arguments` also requires a head that denotes a person,
building, vehicle or piece of infrastructure (:data:`TARGET_NOUNS`), as "of" objects always do.

Instruments: a "with X" / "using X" phrase of the trigger (or its governing verb) whose head is
weapon-like (:data:`WEAPON_NOUNS`), e.g. "attacked the post *with dynamite*".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventscope.extract import coding
from eventscope.extract.attribution import TextSpan
from eventscope.extract.triggers import TriggerHit
from eventscope.extract.weapons import WeaponHit
from eventscope.models import Evidence

Spans = Sequence[tuple[int, int]]

_MAX_TOKENS = 12
_MAX_TARGETS = 4
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_TARGET_PREPS = frozenset({"on", "at", "against", "towards", "upon"})
# "At" after an act noun is where it happened ("the explosion *at the station*").
_NOUN_TARGET_PREPS = _TARGET_PREPS - {"at"}
_INSTRUMENT_PREPS = frozenset({"with", "using"})
# Entity types and head words that are times or amounts, never what was hit ("on Monday").
_NON_TARGET_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY",
                              "QUANTITY"})  # fmt: skip
_NON_TARGET_WORDS = frozenset({"night", "dawn", "dusk", "morning", "evening", "afternoon", "day",
                               "week", "month", "year", "time", "hour", "moment", "weekend",
                               "least", "point", "range", "way", "order", "behalf", "charge",
                               "responsibility", "basis", "side", "part", "life", "damage",
                               "chaos", "monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday", "january", "february", "march", "april",
                               "may", "june", "july", "august", "september", "october",
                               "november", "december"})  # fmt: skip

PERSON_NOUNS = frozenset({
    "people", "person", "civilian", "man", "woman", "child", "boy", "girl", "student", "teacher",
    "villager", "resident", "peasant", "farmer", "worker", "passenger", "driver", "journalist",
    "reporter", "priest", "judge", "mayor", "official", "leader", "politician", "candidate",
    "minister", "president", "governor", "councilman", "deputy", "senator", "diplomat",
    "ambassador", "businessman", "member", "family", "relative", "guard", "soldier", "officer",
    "policeman", "police", "trooper", "agent", "commander", "general", "colonel", "captain",
    "activist", "protester", "demonstrator", "worshipper", "pilgrim", "tourist", "refugee",
    "hostage", "victim", "citizen", "doctor", "nurse", "patient", "employee", "manager",
    "director", "chief", "inhabitant", "youth", "prisoner", "detainee",
})  # fmt: skip
TARGET_NOUNS = PERSON_NOUNS | frozenset({
    # buildings and places people gather
    "building", "house", "home", "headquarters", "office", "embassy", "consulate", "school",
    "church", "mosque", "temple", "synagogue", "hospital", "clinic", "market", "bank", "hotel",
    "restaurant", "shop", "store", "station", "post", "base", "barracks", "checkpoint", "camp",
    "compound", "residence", "apartment", "facility", "factory", "plant", "warehouse",
    "university", "college", "court", "courthouse", "prison", "jail", "village", "town",
    "neighborhood", "neighbourhood", "city", "farm", "hall", "ministry", "club", "center",
    "centre", "theater", "stadium", "airport", "port", "installation", "garrison", "outpost",
    # vehicles
    "vehicle", "car", "bus", "truck", "train", "convoy", "jeep", "plane", "aircraft",
    "helicopter", "ship", "boat", "vessel", "tanker", "ambulance", "van", "motorcycle", "patrol",
    # infrastructure
    "bridge", "road", "highway", "tower", "pylon", "line", "pipeline", "substation", "grid",
    "power", "dam", "railway", "railroad", "track", "network", "well",
    "refinery", "depot", "infrastructure", "antenna", "transformer", "generator", "target",
})  # fmt: skip
# Nouns whose possessor is the one it happened to ("Romero's assassination"), unlike "the
# IRA's bombing".
PATIENT_NOUNS = frozenset({"assassination", "murder", "killing", "death", "kidnapping",
                            "abduction", "execution", "injury", "wounding", "arrest"})  # fmt: skip
WEAPON_NOUNS = frozenset({
    "gun", "rifle", "pistol", "revolver", "firearm", "weapon", "machinegun", "submachinegun",
    "shotgun", "bomb", "explosive", "dynamite", "grenade", "mortar", "rocket", "missile", "knife",
    "machete", "bullet", "ammunition", "device", "mine", "charge", "launcher", "bazooka",
    "artillery", "drone", "tank", "stone", "rock", "axe", "sword", "club", "stick", "acid",
    "gas", "munition", "shell", "projectile", "cannon", "carbine", "m-16", "ak-47", "uzi",
})  # fmt: skip


def find_targets(
    hit: TriggerHit, doc: Doc, blocked: Spans, heads: frozenset[str] | None = None
) -> list[TextSpan]:
    """Target/victim noun phrases of one trigger (see the module docstring), left to right;
    with ``heads``, only phrases whose head lemma is one of them."""
    found: dict[int, TextSpan] = {}
    for token in object_candidates(hit):
        if len(found) >= _MAX_TARGETS:
            break
        if heads is not None and _lemma(token) not in heads and not patient_name(token):
            continue
        span = noun_phrase(token, doc, hit, blocked)
        if span is not None and not any(_clash(span, s) for s in found.values()):
            found[span.start] = span
    return [found[k] for k in sorted(found)]


def find_instruments(hit: TriggerHit, doc: Doc, blocked: Spans) -> list[TextSpan]:
    """Weapon-like "with X" / "using X" phrases of the trigger or its governing verb."""
    spans: list[TextSpan] = []
    for head in _heads(hit):
        for child in head.children:
            obj = _instrument_object(child)
            if obj is None or _lemma(obj) not in WEAPON_NOUNS:
                continue
            for token in (obj, *_conjuncts(obj)):
                span = noun_phrase(token, doc, hit, blocked)
                if span is not None:
                    spans.append(span)
    return spans + _weapon_words(hit, doc, blocked)


# Verbs whose subject is the weapon: "a bomb *exploded*", "the device *detonated*".
_WEAPON_SUBJECT_VERBS = frozenset({"explode", "detonate", "go", "blow", "hit", "land", "strike"})


def _weapon_words(hit: TriggerHit, doc: Doc, blocked: Spans) -> list[TextSpan]:
    """The weapon that the trigger itself names ("a *car bomb* went off"), a weapon modifying
    the trigger ("*dynamite* attacks", "*machinegun* fire"), or the weapon subject of an
    explosion verb ("*a bomb* exploded"); None of these overlaps a lexicon weapon."""
    head = hit.head
    tokens = [c for c in head.children if c.dep_ == "compound" and _lemma(c) in WEAPON_NOUNS]
    if head.pos_ == "NOUN" and _lemma(head) in WEAPON_NOUNS:
        tokens.append(head)
    if _lemma(head) in _WEAPON_SUBJECT_VERBS:
        subjects = (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
        tokens += [c for c in subjects if _lemma(c) in WEAPON_NOUNS]
    spans = []
    for token in tokens:
        left = min((c.left_edge.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
        span = TextSpan.of(doc[left : token.i + 1])
        if not any(span.start < e and s < span.end for s, e in blocked):
            spans.append(span)
    return spans


def _instrument_object(child: Token) -> Token | None:
    if child.dep_ == "prep" and child.lower_ in _INSTRUMENT_PREPS:
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    if child.dep_ in ("advcl", "xcomp") and child.lower_ == "using":
        return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _heads(hit: TriggerHit) -> list[Token]:
    heads = [hit.head]
    if hit.head.pos_ != "VERB" and hit.head.head.pos_ in ("VERB", "AUX"):
        heads.append(hit.head.head)
    return heads


def object_candidates(hit: TriggerHit) -> Iterator[Token]:
    """Tokens in the object positions of the trigger (see the module docstring)."""
    for head in _heads(hit):
        for token in _direct(head, nominal=head.pos_ != "VERB"):
            yield token
            yield from _conjuncts(token)


def _direct(head: Token, nominal: bool) -> Iterator[Token]:
    """Objects of one head: dobj/nsubjpass, then on/at/against objects, then "of" objects of a
    nominal trigger (filtered to target nouns)."""
    for child in head.children:
        if child.dep_ in _OBJECT_DEPS:
            yield child
    preps = _NOUN_TARGET_PREPS if nominal else _TARGET_PREPS
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (c for c in child.children if c.dep_ == "pobj")
    if nominal:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = (c for c in child.children if c.dep_ == "pobj")
                # Names too: "the murder of Hector Oqueli" (victims, see roles.py).
                yield from (
                    c for c in objs
                    if _lemma(c) in TARGET_NOUNS or c.ent_type_ == "PERSON" or patient_name(c)
                )  # fmt: skip


def patient_name(token: Token) -> bool:
    """A proper noun in the "of" phrase of a noun for what befell someone is that person, whatever
    the entity recogniser says ("the assassination of *Luis Carrero Blanco*", tagged ORG)."""
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and _lemma(token.head.head) in PATIENT_NOUNS
    )


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            yield child
            yield from _conjuncts(child)


def noun_phrase(
    token: Token,
    doc: Doc,
    hit: TriggerHit,
    blocked: Spans,
    allow: Callable[[Token], bool] | None = None,
) -> TextSpan | None:
    """The noun phrase headed by ``token``: its left modifiers up to the head, plus an "of"
    complement ("the town of Ariha"); None for pronouns and numbers (unless ``allow`` accepts
    the token), the trigger itself and blocked spans."""
    nounish = _nounish(token) or (allow is not None and allow(token))
    if not nounish or hit.token_start <= token.i < hit.token_end:
        return None
    left = min((c.left_edge.i for c in token.lefts if c.dep_ != "cc"), default=token.i)
    end = token.i + 1
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        end = of.right_edge.i + 1
    end = min(end, left + _MAX_TOKENS)
    while left < token.i and doc[left].is_punct:
        left += 1
    span = doc[left:end]
    if any(span.start_char < e and s < span.end_char for s, e in blocked):
        return None
    return TextSpan.of(span)


def _nounish(token: Token) -> bool:
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.ent_type_ not in _NON_TARGET_ENTS
        and _lemma(token) not in _NON_TARGET_WORDS
    )


def _clash(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


# Objects of light verbs and reporting phrases, never what was hit: "the attack took *place*",
# "caused *damage*", "sounded the *alarm*", "condemned the *crime*".
_ABSTRACT_OBJECTS = frozenset({"place", "damage", "alarm", "success", "word", "tone", "crime",
                               "attack", "activity", "sorrow", "fear", "panic", "concern",
                               "chaos", "toll", "casualty", "loss", "havoc", "destruction",
                               "operation", "offensive", "action", "incident", "blow",
                               "effect", "impact", "result", "situation", "terror"})  # fmt: skip


def concrete(target: TextSpan, doc: Doc) -> bool:
    """Whether the verb-object target can be something that was hit (not a light verb's
    object, a time, or the weapon)."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    lemma = _lemma(head)
    if head.ent_type_ in _NON_TARGET_ENTS:
        return False
    return not any(lemma in words for words in (_NON_TARGET_WORDS, WEAPON_NOUNS, _ABSTRACT_OBJECTS))


@dataclass(frozen=True, slots=True)
class Arguments:
    """What a mention records from its arguments: ``target`` (phrases joined by "; "), the
    weapon names (lexicon weapons first, then "with X" instruments) and one Evidence each."""

    target: str
    weapons: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def code_arguments(
    hit: TriggerHit, doc: Doc, actor_spans: Spans, weapons: Sequence[WeaponHit]
) -> Arguments:
    """Targets (the verb-object target of :func:`coding.target_of` first, then the phrases of
    :func:`find_targets`) and instruments of one trigger."""
    weapon_spans = [(w.start, w.end) for w in weapons]
    first = coding.target_of(hit, doc, actor_spans, weapon_spans)
    targets = [first] if first is not None and concrete(first, doc) else []
    for span in find_targets(hit, doc, [*actor_spans, *weapon_spans], TARGET_NOUNS):
        if not any(_clash(span, t) for t in targets):
            targets.append(span)
    instruments = find_instruments(hit, doc, [*actor_spans, *weapon_spans])
    evidence = [Evidence("target", t.start, t.end, t.text) for t in targets]
    evidence += [Evidence("weapons", w.start, w.end, w.text) for w in weapons]
    evidence += [Evidence("weapons", i.start, i.end, i.text) for i in instruments]
    names = [w.name for w in weapons] + [i.text for i in instruments]
    return Arguments(
        target="; ".join(t.text for t in targets),
        weapons=tuple(dict.fromkeys(names)),
        evidence=tuple(evidence),
    )
