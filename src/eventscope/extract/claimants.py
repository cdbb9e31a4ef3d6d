"""A claimant's own forces: "The Russian Defence Ministry said *its forces* struck a Ukrainian
army depot", "JNIM said *its fighters* killed 20 Malian soldiers in an ambush", "the army said
*it* killed 30 militants". The event clause's subject stands for the actor who makes the claim,
so that actor is actor1, whatever the role parser read from position: the owner of the target
("a Ukrainian army depot") or the dead named before a noun trigger ("20 Malian soldiers in an
ambush") are the side that was hit (actor2), never the attacker.

Moved out of :mod:`eventscope.extract.actors` and widened in session 12: before, the claimant
replaced only a missing or generic actor1, and any possessed subject counted ("its base came
under attack" made the army the attacker).

Narrowed after the session-12 review: a named actor1 gives way only where it was read from
position (see :func:`_displaceable`: "it intercepted a Russian missile strike", "it blamed
ISWAP for the attack", "withdrew after a Russian offensive" keep their attacker); a possessed
subject counts unless it is a place or a thing ("its HIMARS", "its air defence systems", "its
gunships" act for the claimant; "its base", "its convoy" do not); an unnamed platform subject
("Tu-22M3 bombers destroyed Islamic State command posts") is the claimant's when the side hit
is a named other actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventscope.extract.actors import ActorHit, ActorRoles, clause_verb
from eventscope.extract.attribution import TextSpan

_PRONOUNS = frozenset({"it", "they", "we"})
_POSSESSIVES = frozenset({"its", "their", "our"})
# Possessed subjects that are places or things, which undergo an event but never act: "its
# base came under attack", "its convoy was hit". Any other possessed subject acts for the
# claimant ("its forces", "its F-16s", "its HIMARS", "its air defence systems", "its gunships"):
# an allow-list of agents missed every weapon system it did not name (review of session 12).
_THING_NOUNS = frozenset(
    {"base", "bases", "position", "positions", "convoy", "convoys", "headquarters", "hq",
     "camp", "camps", "post", "posts", "outpost", "outposts", "checkpoint", "checkpoints",
     "barracks", "depot", "depots", "facility", "facilities", "office", "offices", "compound",
     "compounds", "vehicle", "vehicles", "home", "homes", "house", "houses", "village",
     "villages", "town", "towns", "territory", "border", "borders", "embassy", "installation",
     "installations", "infrastructure", "property", "building", "buildings", "station",
     "stations", "airport", "airfield", "lines", "line", "front", "trenches", "hospital",
     "school", "premises", "supplies", "warehouse", "warehouses", "region", "city", "area",
     "areas", "members", "family", "families", "supporters", "residents", "citizens",
     "people", "civilians", "population", "nationals"}
)  # fmt: skip
# Unnamed platforms a military claimant flies or sails: "bombers", "fighter jets", "drones".
_PLATFORMS = frozenset(
    {"jets", "warplanes", "planes", "aircraft", "bombers", "helicopters", "drones",
     "gunships", "warships", "fighter-bombers", "jet", "warplane", "bomber", "drone"}
)  # fmt: skip
# Verbs that take an event noun as what the subject did: "carried out an attack", "launched
# an offensive". Only then, or when the clause verb is the trigger or a verb of harm that the
# noun trigger's phrase modifies ("killed 20 Malian soldiers in an ambush"), was a named
# actor1 read from position (the victim or target) and gives way to the claimant.
_AGENTIVE = frozenset(
    {"carry", "launch", "conduct", "stage", "mount", "execute", "perform", "undertake",
     "unleash", "initiate"}
)  # fmt: skip
_HARM = frozenset(
    {"kill", "wound", "injure", "destroy", "shoot", "hit", "strike", "attack", "target",
     "bomb", "shell", "eliminate", "neutralise", "neutralize", "capture", "seize", "down"}
)  # fmt: skip
# Verbs whose subject underwent or stopped the event named under them: "its base came under
# attack", "its troops repelled an assault", "it suffered losses in the attack".
_UNDERGOING = frozenset(
    {"be", "come", "suffer", "face", "survive", "sustain", "endure", "repel", "repulse", "foil",
     "thwart", "withstand", "lose", "witness", "report", "record", "fend", "see"}
)  # fmt: skip
# ACLED inter codes of those who fight: state forces, rebels, militias, external forces. A
# civilian claimant ("residents said they ...") is no attacker.
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
# "a series of air strikes", "a wave of attacks": the count noun stands for the trigger
_SERIES = frozenset({"series", "wave", "number", "dozens", "spate", "string", "round", "barrage"})


def spoken_by(claiming: Sequence[ActorHit], spoken: TextSpan | None) -> list[ActorHit]:
    """The actors inside ``spoken``, the claim phrase of the speech verb that governs the event
    (:func:`eventscope.extract.attribution.speaker`): "the Malian army said the area was calm,
    but JNIM said it killed 20 soldiers" makes JNIM, not the army, the one who says "it".
    Second review of session 12: every claimant in the sentence counted, and the first armed
    one was taken."""
    if spoken is None:
        return []
    if spoken.text.lower() in _PRONOUNS:  # "the army said ..., and it said its forces ..."
        before = [a for a in claiming if a.end <= spoken.start]
        return before[-1:]
    return [a for a in claiming if spoken.start <= a.start and a.end <= spoken.end]


def with_claimant_agent(
    roles: ActorRoles, trigger: Token, claimants: Sequence[ActorHit]
) -> ActorRoles:
    """actor1 is the claimant (an actor inside the claim phrase, ``claimants``) when the event
    clause's subject is a pronoun ("it", "they") or the claimant's own forces ("its forces");
    a named actor1 the parser took from elsewhere becomes actor2 when that is free."""
    armed = [c for c in claimants if c.inter in _ARMED_INTERS]
    subject = _claimant_subject(trigger)
    if armed and subject is None and _platform_subject(roles, trigger, armed):
        return ActorRoles(min(armed, key=_rank), roles.actor2)
    if not armed or subject is None:
        return roles
    current = roles.actor1
    named = current is not None and not current.generic
    if current is not None and named and not _displaceable(current, subject, trigger):
        return roles
    agent = min(armed, key=_rank)
    displaced = current if named and current is not None and current.name != agent.name else None
    actor2 = roles.actor2 if roles.actor2 is not None and roles.actor2.name != agent.name else None
    return ActorRoles(agent, actor2 or displaced)


def _platform_subject(roles: ActorRoles, trigger: Token, armed: Sequence[ActorHit]) -> bool:
    """ "Russia's Defence Ministry said Tu-22M3 bombers destroyed Islamic State command posts":
    an unnamed aircraft, drone or warship subject is the claimant's own when no attacker is
    named and the side hit is a named other actor (the claimant's enemy). Without a named
    target ("Ukraine's air force said drones struck Kyiv") the drones may be the enemy's.

    Second review of session 12: a victim that reports the strike is never its author, so the
    claimant must be a state's military (the forces that fly bombers and drones), the target a
    named (not generic) actor, the platform nobody else's ("the army's aircraft bombed its
    positions") and the object not the claimant's own ("drones struck its base")."""
    target = roles.actor2
    if roles.actor1 is not None or target is None:
        return False
    if any(a.name == target.name for a in armed) or min(armed, key=_rank).inter != 1:
        return False
    clause = clause_verb(trigger)
    if not _hangs_from(trigger, clause):
        return False
    shares = clause.dep_ == "conj" or (clause.dep_ == "advcl" and clause.tag_ == "VBG")
    owner = clause.head if shares else clause
    subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _PLATFORMS or _foreign_owner(subject):
        return False
    objects = [c for c in (*owner.children, *clause.children) if c.dep_ == "dobj"]
    named = not target.generic or any(_named_owner(o) for o in objects)
    return named and not any(_owned(o) for o in objects)


def _rank(hit: ActorHit) -> bool:
    return hit.generic


def _foreign_owner(noun: Token) -> bool:
    """ "the army's aircraft": a possessor other than the claimant's "its/their/our"."""
    return any(c.dep_ == "poss" and c.lower_ not in _POSSESSIVES for c in noun.children)


def _named_owner(noun: Token) -> bool:
    """ "Hezbollah weapons depots", "Islamic State command posts": the object names its owner
    (the victims may be generic: "killing five militants")."""
    before = [t for t in noun.subtree if t.i < noun.i]
    return any(t.pos_ == "PROPN" and t.dep_ in ("compound", "amod", "nmod", "poss") for t in before)


def _owned(noun: Token) -> bool:
    """ "its positions", "their base": the claimant's own, so the claimant was hit."""
    return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in noun.children)


def _claimant_subject(trigger: Token) -> Token | None:
    """The event clause's subject when it stands for the claimant: a pronoun, or a possessed
    agent noun ("its forces"); None for a clause whose subject underwent the event."""
    clause = clause_verb(trigger)
    if clause.i != trigger.i and clause.lemma_.lower() in _UNDERGOING:
        return None
    if not _hangs_from(trigger, clause):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    # "its forces advanced and struck ...", "its jets struck ..., killing 30"
    shares = clause.dep_ == "conj" or (clause.dep_ == "advcl" and clause.tag_ == "VBG")
    if subject is None and shares:
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in _PRONOUNS:
        return subject
    owned = any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in subject.children)
    thing = subject.lower_ in _THING_NOUNS or subject.lemma_.lower() in _THING_NOUNS
    return subject if owned and not thing else None


def _hangs_from(trigger: Token, clause: Token) -> bool:
    """A noun trigger is the clause verb's own argument ("carried out an attack", "killed 20
    soldiers in an ambush"), not a word deep inside one ("continued the investigations to get
    details of the two killings" tells no killing by the investigators)."""
    node = trigger
    if node.head.lower_ == "of" and node.head.head.lemma_.lower() in _SERIES:
        node = node.head.head  # "a series of air strikes"
    head = node.head
    if node.i == clause.i or head.i == clause.i:
        return True
    if head.dep_ not in ("prep", "agent"):
        return False
    # "neutralised 40 terrorists in a strike": the parser often hangs the phrase on the object
    owner = head.head
    return owner.i == clause.i or (owner.dep_ == "dobj" and owner.head.i == clause.i)


def _displaceable(current: ActorHit, subject: Token, trigger: Token) -> bool:
    """Whether a named actor1 was read from position (the victim or the target's owner), not
    told as the attacker: the clause verb is the trigger ("it struck a Ukrainian army depot"),
    the noun trigger is what an agentive verb's subject did ("it carried out an attack"), or
    it hangs from a verb of harm ("its fighters killed 20 Malian soldiers in an ambush").
    Never an actor inside the subject ("its Wagner fighters"), a "by" agent ("an attack by
    ISWAP") or a modifier of the noun trigger ("a Russian offensive", "an ISWAP attack"), and
    never under another verb ("it intercepted / warned of / blamed ISWAP for an attack")."""
    doc = trigger.doc
    if subject.left_edge.i <= current.token_start and current.token_end <= subject.right_edge.i + 1:
        return False
    root = doc[current.token_start : current.token_end].root
    while root.dep_ in ("compound", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return False
    if trigger.left_edge.i <= current.token_start < trigger.i:  # "a Russian missile strike"
        return False
    clause = clause_verb(trigger)
    lemma = clause.lemma_.lower()
    if clause.i == trigger.i:
        return True
    if trigger.dep_ == "dobj" and trigger.head.i == clause.i:
        return lemma in _AGENTIVE
    return lemma in _HARM


def cut_off_parts(
    speakers: Sequence[TextSpan], claimants: Sequence[TextSpan]
) -> list[tuple[int, int]]:
    """The parts of speaker phrases that :func:`not_the_event` cut off, as character spans:
    "Relatives *of those killed in Boulkessi* said" (their places only locate the speakers'
    subject, session 14)."""
    return [
        (c.end, s.end) for s in speakers for c in claimants if c.start == s.start < c.end < s.end
    ]
