"""A state military's strike on a named military target, with no weapon word.

"The Israeli military said it struck a Hamas command centre in Gaza City", "Ukraine's forces hit
a Russian fuel depot in Novorossiysk", "the coalition struck Houthi positions in Hodeidah": the
"strike/hit/target" rule of data/triggers.json yields an event only when the sentence names the
means (an aircraft, a drone, a shell, a missile), so these were no event at all.

Rule (session 12): a strike verb ("struck", "hit", "targeted"; or the noun in "strikes on X")
whose striker is a state's military (actor1 of ACLED inter 1, not police and not named as
ground forces such as "troops", "soldiers" or "security forces"; or the subject "the
coalition") and whose object is a military target noun ("position", "depot", "headquarters",
"base", "command centre", "launch site", "weapons storage", "Hezbollah infrastructure", ...)
is an Explosions/Remote violence event of sub-event type "Air/drone strike". ACLED codes a
state's strike without ground contact by its means; with none named, an air force's strike is
the usual reading: the states that strike named targets far behind a front (Israel, Russia,
Ukraine, the US, the Saudi-led coalition, Sudan, Myanmar, Nigeria, ...) all fly aircraft or
drones, and a sentence that says artillery, shells or missiles is refined to shelling before
this rule is asked.

Narrowed after the session-12 review: "target(s)" counts only with an armed owner ("a Hamas
target"), a military modifier or a named place ("150 targets across Gaza"), never one's own
("hit its recruitment target"); "the coalition" strikes only when it is a military one ("the
Saudi-led coalition") or hits an armed actor's target, never "the ruling coalition"; drills,
exercises, simulations, campaigns, recruitment, elections and lawsuits veto the rule, and so
does a "with" instrument no weapon rule knows ("with a lawsuit").

Left out: a sentence that tells ground contact (an operation, a raid, a search, an encounter, a
clash: "security forces targeted a hideout in a search operation" is no air strike); a
non-state striker ("Hezbollah said it struck an Israeli position") and police, whose means are
too varied to guess. Figurative uses never reach the rule: "the storm hit the coast", "the
decision hit markets", "hit the headlines" have no state striker and no target noun, and
"struck a deal/chord" are vetoed as idioms before.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.actors import ActorHit, ActorRoles

AIR_STRIKE = "Air/drone strike"
_STRIKE_RULE = "strike-contextual"
_STRIKE_VERBS = frozenset({"strike", "hit", "target"})
_STRIKE_NOUNS = frozenset({"strike", "strikes"})
# Target nouns that name a military target by themselves.
_TARGET_HEADS = frozenset(
    {"position", "positions", "depot", "depots", "headquarters", "hq", "base", "bases",
     "airbase", "airbases", "airfield", "airfields", "barracks", "bunker", "bunkers", "tunnel",
     "tunnels", "stronghold", "strongholds", "launcher", "launchers",
     "warehouse", "warehouses", "stockpile", "stockpiles", "arsenal", "arsenals", "cache",
     "caches", "outpost", "outposts", "radar", "radars", "battery",
     "batteries", "refinery", "refineries", "camp", "camps", "garrison", "emplacement",
     "emplacements", "installation", "installations", "convoy", "convoys", "storage"}
)  # fmt: skip
# Nouns that name a target only with a military modifier: "a command centre", "a launch site",
# "a weapons production facility", "a military post" (not "a shopping centre", "a post").
_QUALIFIED_HEADS = frozenset(
    {"centre", "centres", "center", "centers", "site", "sites", "facility", "facilities",
     "post", "posts", "complex", "hub", "hubs", "node", "nodes", "system", "systems", "plant",
     "compound", "compounds", "infrastructure", "point", "points", "room", "station"}
)  # fmt: skip
_QUALIFIERS = frozenset(
    {"command", "control", "operations", "operational", "training", "launch", "launching",
     "storage", "weapons", "weapon", "missile", "missiles", "rocket", "rockets", "drone",
     "drones", "military", "ammunition", "arms", "fuel", "oil", "production", "manufacturing",
     "logistics", "logistical", "radar", "communications", "intelligence", "defence",
     "defense", "firing", "observation", "border", "army", "naval", "air", "energy"}
)  # fmt: skip
_POLICE = "police"
# Ground forces and ground contact: "troops hit Boko Haram camps", "security forces targeted a
# hideout in a search operation" tell a ground attack (an armed clash), not a strike from afar.
_GROUND_FORCES = frozenset(
    {"troops", "troop", "soldiers", "soldier", "infantry", "marines", "commandos", "police",
     "policemen", "paratroopers", "gendarmes", "personnel"}
)  # fmt: skip
_GROUND_CONTACT = frozenset(
    {"operation", "operations", "raid", "raids", "encounter", "cordon", "search", "gunfight",
     "firefight", "clash", "clashes", "ambush", "ground", "storm", "stormed", "patrol",
     "exchange", "fighting", "battle", "offensive", "assault", "incursion", "advance"}
)  # fmt: skip
_ARMED = frozenset({1, 2, 3, 4, 8})  # ACLED inter codes of armed actors
# "target(s)" names a military target only with an armed owner ("a Hamas target"), a military
# modifier, or a place ("150 targets across Gaza"); "hit its recruitment target" is a goal.
_TARGET_WORDS = frozenset({"target", "targets"})
_PLACE_PREPS = frozenset({"in", "across", "near", "inside", "throughout", "around"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# A subject that names a state's forces without a dictionary actor: a coalition, only when it
# is a military one ("the Saudi-led coalition") or strikes an armed actor's target ("the
# coalition struck Houthi positions"); never "the ruling / governing coalition".
_COALITION = "coalition"
_POLITICAL = frozenset(
    {"ruling", "governing", "opposition", "electoral", "political", "government", "party",
     "parliamentary", "centrist", "conservative", "liberal", "left", "right", "grand"}
)  # fmt: skip
# Words that make a strike verb no attack: drills and exercises ("simulated strikes on key
# targets during drills"), campaigns and lawsuits ("targeted universities in its recruitment
# campaign", "hit the headquarters of the party with a lawsuit"), goals ("hit its target").
_NOT_COMBAT = frozenset(
    {"drill", "drills", "exercise", "exercises", "manoeuvre", "manoeuvres", "maneuver",
     "maneuvers", "wargame", "wargames", "games", "simulate", "simulated", "simulation",
     "rehearse", "rehearsed", "rehearsal", "practise", "practised", "practice", "practiced",
     "campaign", "recruitment", "recruiting", "recruit", "election", "elections", "lawsuit",
     "lawsuits", "sanctions", "tariffs", "poll", "polls", "vote", "votes", "quota", "goal"}
)  # fmt: skip


def target_strike(rule_id: str, head: Token, roles: ActorRoles) -> str | None:
    """ "Air/drone strike" for a state military's strike on a named military target (see the
    module docstring), else None."""
    if rule_id != _STRIKE_RULE:
        return None
    owner = roles.actor2 if roles.actor2 is not None and roles.actor2.inter in _ARMED else None
    if not _state_striker(head, roles.actor1, owner) or _ground_subject(head):
        return None
    vetoes = _GROUND_CONTACT | _NOT_COMBAT
    if any(t.lower_ in vetoes or t.lemma_.lower() in vetoes for t in head.sent):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
        return None  # a means no weapon rule knows: "with a lawsuit", "with its new campaign"
    return AIR_STRIKE if any(_names_target(t, owner) for t in _objects(head)) else None


def _state_striker(head: Token, actor1: ActorHit | None, owner: ActorHit | None) -> bool:
    if actor1 is not None:
        words = actor1.text.lower().split()
        ground = words[-1] in _GROUND_FORCES or "security" in words  # "security forces"
        return (
            actor1.inter == 1
            and actor1.kind != _POLICE
            and "Police" not in actor1.name
            and not ground
        )
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() == _COALITION]
    return any(_military_coalition(s, owner) for s in subjects)


def _military_coalition(subject: Token, owner: ActorHit | None) -> bool:
    """ "the Saudi-led coalition", "the coalition struck Houthi positions": a military one;
    "the ruling coalition" or a coalition that strikes no armed actor's target is none."""
    words = [t.lower_ for t in subject.subtree]
    if any(w in _POLITICAL for w in words):
        return False
    return owner is not None or "led" in words or "military" in words


def _ground_subject(head: Token) -> bool:
    """ "its troops hit a command post": the striker's own words name ground forces."""
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return any(s.lower_ in _GROUND_FORCES for s in subjects)


def _objects(head: Token) -> list[Token]:
    """What was struck: the verb's object or passive subject ("a depot was hit by ..."), the
    noun's "on/against" object ("strikes on Houthi positions"), with the nouns listed beside it."""
    lemma = head.lemma_.lower()
    found: list[Token] = []
    if head.pos_ == "VERB" and lemma in _STRIKE_VERBS:
        found = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    elif head.pos_ == "NOUN" and head.lower_ in _STRIKE_NOUNS:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
        found = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return [n for t in found for n in (t, *t.conjuncts)]


def _names_target(noun: Token, owner: ActorHit | None) -> bool:
    """A target noun; a qualified one ("site", "infrastructure") with a military modifier or
    an armed owner ("Hezbollah infrastructure")."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    if word in _TARGET_HEADS or lemma in _TARGET_HEADS:
        return True
    target = word in _TARGET_WORDS
    if not target and word not in _QUALIFIED_HEADS and lemma not in _QUALIFIED_HEADS:
        return False
    if owner is not None and noun.left_edge.i <= owner.token_start < noun.i:
        return True
    if target and _placed(noun):
        return True
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("compound", "amod")]
    return any(m.lower_ in _QUALIFIERS or m.lemma_.lower() in _QUALIFIERS for m in modifiers)


def _placed(noun: Token) -> bool:
    """ "hit 150 targets across Gaza", "targets in Yemen": a target placed in a named place;
    never one's own targets ("hit its targets in Kenya" is a goal met)."""
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in noun.children):
        return False
    verb = noun.head if noun.dep_ == "dobj" else noun
    preps = [c for t in {noun, verb} for c in t.children]
    preps = [c for c in preps if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
    objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return any(o.ent_type_ in _PLACE_ENTS for o in objects)
