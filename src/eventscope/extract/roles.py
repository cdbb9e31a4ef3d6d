"""Who attacked and who was killed, beyond the actor dictionary: noun-phrase agents and named
victims of an event, read from the parse of the trigger's sentence.

The actor lexicon (:mod:`actors`) names known groups and forces; many attackers and victims in
news about armed conflict are not in it ("a suicide bomber blew himself up", "the Parachute
Regiment killed 13 protesters", "Major General Vyacheslav Gladkikh died"). This module finds
them as evidence spans (fields ``attacker`` and ``victim``) without naming an ACLED actor:

Agents (``attacker``), for each trigger of the event:

* verb trigger, active voice: its subject, or the subject it shares with the verb it is
  coordinated with or hangs from ("stormed the base and *killed*", "attacked, *killing* 7");
* verb trigger, passive voice: the "by" agent ("was shot dead *by police*");
* noun trigger: its possessor ("*the IRA's* bombing"), its "by" phrase ("an attack *by
  gunmen*"), or the subject / "by" agent of a support verb ("*ETA* carried out the attack",
  "the attack was carried out *by ETA*", "the attack is believed to have been carried out *by
  ETA*"), and the subject of a claim of responsibility ("*the Provisional IRA* accepted
  responsibility for the bombings", "*the organisation* had to admit responsibility");
* conjuncts of any of these ("Taliban *gunmen* and suicide *bombers* attacked").

A candidate must look like an agent: a person, organisation or nationality entity, a proper
noun, a personal pronoun (the evidence is the pronoun the sentence uses), or a head noun from
:data:`AGENT_NOUNS`. Weapons ("the device detonated") and events are never agents.

Victims (``victim``): the subject of a dying verb ("*the commander* died"), and person names
(PERSON entities, or proper nouns after "the assassination of") in the object positions that
:mod:`arguments` reads for targets ("*Tamerlan* was killed", "the murder of *Hector Oqueli*"),
also those of a weak trigger beside the event's strong one ("*Tamerlan* was killed in a gun
battle"). Person nouns in those positions are already target phrases; a name is new
information.

Actor corrections (:func:`settle_agents`, :func:`attacked_actor1`): an agent phrase decides
who acted, and an actor1 that is the "on/against" object of one of the event's own trigger
words ("attacks *on security forces* and assassinations") was attacked: it becomes actor2.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from eventscope.extract.actors import ActorHit
from eventscope.extract.arguments import (
    PATIENT_NOUNS,
    WEAPON_NOUNS,
    Spans,
    concrete,
    noun_phrase,
    object_candidates,
    patient_name,
)
from eventscope.extract.attribution import TextSpan
from eventscope.extract.coding import CodedActor, target_of
from eventscope.extract.triggers import TriggerHit
from eventscope.models import Evidence

AGENT_NOUNS = frozenset({
    "gunman", "gunmen", "attacker", "assailant", "bomber", "militant", "terrorist", "guerrilla",
    "rebel", "insurgent", "fighter", "commando", "jihadist", "extremist", "separatist",
    "soldier", "troop", "army", "police", "policeman", "officer", "agent", "regiment",
    "brigade", "battalion", "unit", "squad", "force", "militia", "militiaman", "group",
    "organisation", "organization", "faction", "cell", "cartel", "gang", "band", "mob", "crowd",
    "man", "woman", "men", "person", "people", "individual", "suspect", "member", "youth",
    "killer", "sniper", "shooter", "kidnapper", "hitman", "perpetrator", "government",
    "regime", "military", "navy", "warplane", "jet", "aircraft", "helicopter", "drone",
    "state", "colectivo", "paramilitary", "student", "protester",
    "demonstrator", "rioter", "villager", "settler", "chief", "leader", "commander",
    # Criminal and clandestine descriptions that news of political violence uses for unnamed
    # perpetrators ("the murderers", "subversives", "a guerrilla column").
    "murderer", "assassin", "subversive", "bandit", "criminal", "raider", "hijacker", "abductor",
    "trafficker", "column", "detachment",
})  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "who"})
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs whose object is the event their subject did, by word form (the model's lemmas are
# unreliable here: "staged" -> "stag").
_SUPPORT_VERBS = re.compile(
    r"(?:carr(?:y|ied|ies|ying)|launch|stag(?:e|ed|es|ing)|conduct|mount|commit|perpetrat"
    r"|execut|orchestrat|mastermind|claim|unleash|lead|led|plan|order|ma(?:de|ke|kes|king))\w*$"
)
_CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "assume"})
_DYING_VERBS = frozenset({"die", "perish", "succumb"})
_MAX_PER_ROLE = 3
_PASSIVE_INTERS = frozenset({6, 7})  # protesters and civilians are not coded as attackers


def code_roles(
    hits: Sequence[TriggerHit],
    doc: Doc,
    known: Sequence[Evidence],
    coded: tuple[Spans, Spans],
    spare: Sequence[TriggerHit] = (),
) -> list[Evidence]:
    """``attacker`` and ``victim`` evidence for the triggers of one event. ``known``: the
    target and weapon evidence of :func:`arguments.code_arguments`; ``coded``: the actor1 and
    the actor2 spans (an agent phrase may cover actor2: :func:`settle_agents` then corrects
    the roles); ``spare``: weak triggers beside the event's strong one."""
    taken = [*coded[0], *((e.start, e.end) for e in known)]
    patients = list(coded[1])
    evidence = _spare_targets(spare, doc, taken)
    # A target that is a person's name is the victim: "*Hector Oqueli* was murdered", also the
    # object of a weak trigger beside the strong one ("*Tamerlan* was killed in a gun battle").
    evidence += [
        Evidence("victim", e.start, e.end, e.text)
        for e in (*known, *evidence)
        if e.field == "target" and _is_name(doc, e)
    ]
    hits = [*hits, *spare]
    for field, finder in (("attacker", _agent_tokens), ("victim", _victim_tokens)):
        found = 0
        blocked = taken if field == "attacker" else taken + patients
        for hit in hits:
            for token in finder(hit):
                span = noun_phrase(token, doc, hit, blocked, allow=_allowed)
                if span is None or found >= _MAX_PER_ROLE:
                    continue
                evidence.append(Evidence(field, span.start, span.end, span.text))
                blocked.append((span.start, span.end))
                found += 1
    return evidence


def _spare_targets(
    spare: Sequence[TriggerHit], doc: Doc, taken: list[tuple[int, int]]
) -> list[Evidence]:
    """The object of a weak trigger beside the event's strong one names what was hit ("heavy
    fighting raged when rebels *attacked* an electric power substation")."""
    evidence: list[Evidence] = []
    for hit in spare:
        target = target_of(hit, doc, taken, taken)
        if target is not None and concrete(target, doc):
            evidence.append(Evidence("target", target.start, target.end, target.text))
            taken.append((target.start, target.end))
    return evidence


def _is_name(doc: Doc, e: Evidence) -> bool:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span is not None and (span.root.ent_type_ == "PERSON" or patient_name(span.root))


def _allowed(token: Token) -> bool:
    """Pronouns are fine as evidence of an agent ("They killed 23 soldiers")."""
    return token.pos_ == "PRON" and token.lower_ in _PRONOUNS


def _agent_tokens(hit: TriggerHit) -> Iterator[Token]:
    for token in _raw_agents(hit.head):
        token = _antecedent(token)
        # Whoever claims an attack is its agent, whatever the noun ("the Extraditables").
        claims = _claims(token) and token.pos_ in ("NOUN", "PROPN") and not _negated(token)
        if _agentive(token) or claims:
            yield token
            yield from (c for c in _conjuncts(token) if _agentive(c))
            # "the chief of the gang, *Pablo Escobar*, ordered ...": the name is the agent too
            yield from (c for c in token.children if c.dep_ == "appos" and _agentive(c))


def _negated(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _claims(token: Token) -> bool:
    """The subject of "claimed responsibility"."""
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and verb.lemma_ in _CLAIM_VERBS
        and any(c.lemma_ == "responsibility" for c in verb.children)
    )


def _raw_agents(head: Token) -> Iterator[Token]:
    if head.pos_ in ("VERB", "AUX"):
        yield from _verb_agents(head)
        return
    if head.lemma_.lower() not in PATIENT_NOUNS:
        yield from (c for c in head.children if c.dep_ == "poss")
    yield from _by_agents(head)
    verb = head.head
    if head.dep_ == "dobj" and _SUPPORT_VERBS.match(verb.lower_):
        yield from _verb_agents(verb)  # "ETA carried out the attack"
    elif head.dep_ == "nsubjpass" and _SUPPORT_VERBS.match(verb.lower_):
        yield from _by_agents(verb)  # "the attack was carried out by ETA"
    elif head.dep_ == "nsubjpass":  # "the attack is believed to have been carried out by ETA"
        for xcomp in verb.children:
            if xcomp.dep_ == "xcomp" and _SUPPORT_VERBS.match(xcomp.lower_):
                yield from _by_agents(xcomp)
    elif head.dep_ == "pobj" and head.head.lower_ == "for":
        yield from _claimant(head.head.head)
    for verb in head.children:  # "the killing, carried out by uniformed men"
        if verb.dep_ == "acl" and _SUPPORT_VERBS.match(verb.lower_):
            yield from _by_agents(verb)


def _verb_agents(verb: Token) -> Iterator[Token]:
    """Active subject, else the "by" agent of a passive; a subjectless coordinated or
    participle verb shares the subject of the verb it hangs from."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _bare_participle(verb):
        yield from _by_agents(verb)  # "left one student *injured*": the subject was hurt
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        yield subject
    elif verb.head.i != verb.i and (
        verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG")
    ):
        yield from _verb_agents(verb.head)


def _subject(verb: Token) -> Token | None:
    """The active subject of a verb, also through control: "*the organisation* had to admit
    responsibility" (the subject of the verb whose to-infinitive it is, unless that verb has
    an object, which controls it instead: "asked residents to admit"), "*the group's* decision
    to claim responsibility" (the possessor of the noun the infinitive completes). Used for
    claims only: for the act itself the controlling verb is mostly an attempt, plan or threat
    ("a commando might attempt to kidnap him"), which is no event."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ == "NOUN":
            return next((c for c in head.children if c.dep_ == "poss"), None)
        if verb.dep_ != "xcomp" or any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
            return None
        verb = head
    return None


def _bare_participle(verb: Token) -> bool:
    """A past participle without "have" is passive in meaning."""
    return verb.tag_ == "VBN" and not any(c.lemma_ == "have" for c in verb.children)


def _by_agents(head: Token) -> Iterator[Token]:
    for child in head.children:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _claimant(word: Token) -> Iterator[Token]:
    """The trigger is the "for" object of ``word``: "X claimed responsibility for the attack"
    (the object of a claiming verb), "X was responsible for the attack", "police blamed X
    for the attack"."""
    verb = word.head
    claimed = word.lemma_ == "responsibility" and verb.lemma_ in _CLAIM_VERBS
    if claimed or (word.lower_ == "responsible" and word.dep_ == "acomp"):
        subject = _subject(verb)
        yield from [subject] if subject is not None else []
    elif word.lemma_ == "blame" and word.pos_ == "VERB":
        passive = any(c.dep_ == "auxpass" for c in word.children)
        yield from (c for c in word.children if c.dep_ == ("nsubjpass" if passive else "dobj"))


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the man who shot ...")."""
    if token.lower_ in ("who", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _agentive(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in WEAPON_NOUNS or token.lower_ in WEAPON_NOUNS:
        return False
    if _negated(token):
        return False  # "no group has claimed responsibility"
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS
    if lemma in AGENT_NOUNS or token.lower_ in AGENT_NOUNS:
        return True
    return token.ent_type_ in _AGENT_ENTS or (token.pos_ == "PROPN" and not token.ent_type_)


def _victim_tokens(hit: TriggerHit) -> Iterator[Token]:
    head = hit.head
    dying = _dying_verb(head)
    if dying is not None:
        for child in dying.children:
            if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
                yield child
                yield from _conjuncts(child)
    if head.lemma_.lower() in PATIENT_NOUNS:
        yield from (c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN")
    for token in object_candidates(hit):
        if token.ent_type_ == "PERSON" or patient_name(token):
            yield token


def _dying_verb(head: Token) -> Token | None:
    """The trigger itself or a verb it hangs from within three steps, when that verb is one of
    dying: "Tamerlan *died* after a gunfight", "X died after a roadside IED detonated"."""
    token = head
    for _ in range(4):
        if token.lemma_.lower() in _DYING_VERBS:
            return token
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            yield child
            yield from _conjuncts(child)


def settle_agents(
    evidence: Sequence[Evidence],
    actor1: CodedActor | None,
    actor2: CodedActor | None,
    actors: Sequence[ActorHit],
    claimant: TextSpan | None = None,
) -> tuple[CodedActor | None, CodedActor | None]:
    """actor1/actor2 corrected by the agent phrases: an actor2 inside an agent phrase did the
    act ("murdered *by men wearing uniforms*", "kidnapped *by a cell of the ELN*") and becomes
    actor1 (unless it is a civilian description, which names no attacker); a dictionary actor
    that claims responsibility for the event (the attribution's ``claimant`` and an agent) is
    actor1 whatever the role parser chose; an event without actor1 takes the dictionary actor
    inside its agent phrase ("*members of the FMLN*")."""
    agents = [e for e in evidence if e.field == "attacker"]
    if actor2 is not None and any(_overlap(e, actor2.span) for e in agents):
        if actor1 is None and actor2.inter not in _PASSIVE_INTERS:
            actor1 = actor2
        actor2 = None
    if claimant is not None:  # "the Extraditables claimed responsibility for the kidnapping"
        claimed = [e for e in agents if _overlap(e, claimant)]
        actor1 = agent_actor(claimed, actors) or actor1
    return actor1 or agent_actor(evidence, actors), actor2


_PATIENT_PREPS = frozenset({"on", "against", "upon"})


def attacked_actor1(
    actor1: CodedActor | None,
    actor2: CodedActor | None,
    hits: Sequence[TriggerHit],
    doc: Doc,
) -> tuple[CodedActor | None, CodedActor | None]:
    """An actor1 that is the "on/against" object of one of the event's own trigger words was
    attacked, not attacking ("Dagestan sees frequent attacks *on security forces* and
    assassinations": the role parser, reading from the strong trigger "assassinations", took
    the phrase before it for the agent). It is no longer actor1, and becomes actor2 when that
    is still free."""
    if actor1 is None:
        return actor1, actor2
    span = doc.char_span(actor1.span.start, actor1.span.end, alignment_mode="expand")
    if span is None:
        return actor1, actor2
    root = span.root
    while root.dep_ in ("compound", "conj") and root.head.i != root.i:
        root = root.head  # "attacks on police and *soldiers*"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _PATIENT_PREPS:
        return actor1, actor2
    if not any(h.token_start <= prep.head.i < h.token_end for h in hits):
        return actor1, actor2
    return None, actor2 or actor1


def _overlap(e: Evidence, span: TextSpan) -> bool:
    return e.start < span.end and span.start < e.end


def agent_actor(evidence: Sequence[Evidence], actors: Sequence[ActorHit]) -> CodedActor | None:
    """The dictionary actor inside an agent phrase ("*members of the FMLN* attacked"), as
    actor1 for an event whose trigger the role parser did not link to it."""
    for e in evidence:
        if e.field != "attacker":
            continue
        for hit in actors:
            if e.start <= hit.start and hit.end <= e.end and not hit.victim_only:
                return CodedActor(hit.name, hit.inter, TextSpan(hit.start, hit.end, hit.text))
    return None
