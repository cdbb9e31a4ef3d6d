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

Second review of session 12: "headquarters" and "camp(s)" need an armed owner or an armed or
military modifier, and no target has an unarmed possessor ("the opposition's headquarters",
"the protesters' camp"); the veto words count in the strike's own clause only, less its
clauses of another time ("days before the election", "ahead of an expected ground
offensive") and a "with the goal of" purpose; a clause of the same time ("as fighting raged")
or one whose subject is ground forces ("after ground troops surrounded it") still vetoes.

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
    {"position", "positions", "depot", "depots", "base", "bases",
     "airbase", "airbases", "airfield", "airfields", "barracks", "bunker", "bunkers", "tunnel",
     "tunnels", "stronghold", "strongholds", "launcher", "launchers",
     "warehouse", "warehouses", "stockpile", "stockpiles", "arsenal", "arsenals", "cache",
     "caches", "outpost", "outposts", "radar", "radars", "battery",
     "batteries", "refinery", "refineries", "garrison", "emplacement",
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
# Nouns that name a military target only with an armed owner ("Boko Haram camps", "the
# Russian Black Sea Fleet headquarters") or an armed or military modifier ("a militant camp",
# "a resistance camp"); "the opposition's headquarters", "the protesters' camp" are no target
# (second review of session 12).
_OWNED_HEADS = frozenset({"headquarters", "hq", "camp", "camps"})
_ARMED_MODIFIERS = frozenset(
    {"militant", "militants", "rebel", "rebels", "insurgent", "insurgents", "terrorist",
     "terrorists", "jihadist", "jihadists", "resistance", "guerrilla", "guerrillas", "militia",
     "militias", "bandit", "bandits", "cartel", "cartels", "training", "army", "military",
     "command", "naval", "air", "fleet"}
)  # fmt: skip
_OWN = frozenset({"its", "their", "our"})
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
    {"campaign", "recruitment", "recruiting", "recruit", "election", "elections", "lawsuit",
     "lawsuits", "sanctions", "tariffs", "poll", "polls", "vote", "votes", "quota", "goal"}
)  # fmt: skip
# Drills veto a strike wherever the sentence's clause tells them, a clause of the same time
# included: "struck ... depots during a training exercise" is no attack (third review).
_DRILLS = frozenset(
    {"drill", "drills", "exercise", "exercises", "manoeuvre", "manoeuvres", "maneuver",
     "maneuvers", "wargame", "wargames", "games", "simulate", "simulated", "simulation",
     "rehearse", "rehearsed", "rehearsal", "practise", "practised", "practice", "practiced"}
)  # fmt: skip
# Possessors that own no military target: "the opposition's headquarters", "the protesters'
# camp" (a possessor outside this list, "the enemy's positions", stays a target's owner).
_UNARMED_OWNERS = frozenset(
    {"protesters", "protestors", "demonstrators", "residents", "villagers", "students",
     "workers", "company", "firm", "union", "civilians", "journalists"}
)  # fmt: skip


# The veto scope (:func:`_vetoed`): a strike noun or an infinitive takes its governing verb's
# clause ("simulated strikes on key targets during drills", "practised hitting targets").
_CLIMB = frozenset({"xcomp", "pcomp", "dobj", "pobj", "nsubj", "nsubjpass", "conj", "prep"})
# Clauses and phrases that tell another time: "days before the election", "a week after X".
_OTHER_TIME = frozenset(
    {"before", "after", "ahead", "since", "until", "following", "because", "prior"}
)  # fmt: skip
_SAME_TIME = frozenset({"as", "while", "when", "amid", "amidst", "during"})
_PURPOSES = frozenset({"goal", "aim", "intention", "purpose", "objective", "view"})


def target_strike(rule_id: str, head: Token, roles: ActorRoles) -> str | None:
    """ "Air/drone strike" for a state military's strike on a named military target (see the
    module docstring), else None."""
    if rule_id != _STRIKE_RULE:
        return None
    owner = roles.actor2 if roles.actor2 is not None and roles.actor2.inter in _ARMED else None
    if not _state_striker(head, roles.actor1, owner) or _ground_subject(head):
        return None
    if _vetoed(head):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" and not _purpose(c) for c in head.children):
        return None  # a means no weapon rule knows: "with a lawsuit", "with its new campaign"
    return AIR_STRIKE if any(_names_target(t, owner) for t in _objects(head)) else None


def _vetoed(head: Token) -> bool:
    """A veto word in the strike's own clause (second review of session 12: the whole sentence
    counted, so "days before Lebanon's parliamentary election", "as new Western sanctions took
    effect" or "ahead of an expected ground offensive" removed real strikes). The clause is the
    governing verb's subtree less its clauses and phrases of time or cause ("before/after/ahead
    of/since ..."), which tell other events, and less a "with the goal of" purpose; a clause of
    the same time ("as fighting raged", "while", "amid") still tells ground contact."""
    root = head
    while root.dep_ in _CLIMB and root.head.i != root.i:
        root = root.head
    dropped: set[int] = set()
    during: set[int] = set()
    for token in root.subtree:
        marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod", "prep")}
        clause = token.dep_ in ("advcl", "npadvmod", "prep", "advmod")
        other = clause and (token.lower_ in _OTHER_TIME or bool(marks & _OTHER_TIME))
        if (other and not _ground_subject(token)) or _purpose(token):
            dropped.update(t.i for t in token.subtree)  # not "after ground troops surrounded it"
        elif clause and (token.lower_ in _SAME_TIME or marks & _SAME_TIME):
            during.update(t.i for t in token.subtree)
    words = [t for t in root.subtree if t.i not in dropped]
    ground = [t for t in words if _listed(t, _GROUND_CONTACT)]
    if ground or any(_listed(t, _DRILLS) for t in words):
        return True
    return any(_listed(t, _NOT_COMBAT) for t in words if t.i not in during)


def _listed(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _purpose(prep: Token) -> bool:
    """ "with the goal / aim of degrading its arsenal": a purpose, not a means."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "with" and any(o.lemma_.lower() in _PURPOSES for o in objects)


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
    an armed owner ("Hezbollah infrastructure"); never one whose possessor is not armed ("the
    opposition's headquarters", "the protesters' camp")."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    armed = owner is not None and noun.left_edge.i <= owner.token_start < noun.i
    if _unarmed_possessor(noun, owner):
        return False
    if word in _OWNED_HEADS or lemma in _OWNED_HEADS:
        return armed or _modified_by(noun, _QUALIFIERS | _ARMED_MODIFIERS) or _named_owner(noun)
    if word in _TARGET_HEADS or lemma in _TARGET_HEADS:
        return True
    target = word in _TARGET_WORDS
    if not target and word not in _QUALIFIED_HEADS and lemma not in _QUALIFIED_HEADS:
        return False
    if armed or (target and _placed(noun)):
        return True
    return _modified_by(noun, _QUALIFIERS)


def _unarmed_possessor(noun: Token, owner: ActorHit | None) -> bool:
    """A possessor that owns no military target ("the opposition's", "a party's", "the
    protesters'"); "the enemy's positions" keep their owner (third review, session 12)."""
    for poss in (c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _OWN):
        span = range(poss.left_edge.i, poss.right_edge.i + 1)
        if owner is not None and owner.token_start in span:
            continue
        words = {t.lower_ for t in poss.subtree} | {t.lemma_.lower() for t in poss.subtree}
        if words & (_POLITICAL | _UNARMED_OWNERS):
            return True
    return False


def _named_owner(noun: Token) -> bool:
    """A proper-noun owner the dictionary does not know ("PKK camps", "the PKK's camps")."""
    return any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.lower_ not in _POLITICAL
        for c in noun.children
    )


def _modified_by(noun: Token, words: frozenset[str]) -> bool:
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("compound", "amod")]
    return any(m.lower_ in words or m.lemma_.lower() in words for m in modifiers)


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
