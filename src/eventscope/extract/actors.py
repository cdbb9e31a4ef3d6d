"""Actors: dictionary aliases and '<demonym> forces' phrases, and who did what to whom.

Aliases are matched with spaCy PhraseMatchers (LOWER for ordinary aliases, ORTH for acronyms
such as "IS" that are common words in lower case). A demonym or country followed by a force noun
("Syrian government forces", "Russia's military", "Israeli strikes") names that state's forces,
even when the dictionary has no alias for it.

Roles come from the dependency parse around the trigger: the subject or the "by" agent is
actor1, the object or passive subject actor2; words glued to the trigger ("Russian airstrikes",
"ISIS attack") are the agent; otherwise position decides (before the trigger: agent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from eventscope.extract.actor_phrases import (
    modifies_attack,
    named_by_of,
    owns_statement,
    shared_acronyms,
)
from eventscope.extract.lexicon import ActorEntry, Lexicon, Term, split_term
from eventscope.extract.scope import tree_distance

_QUALIFIER_AFTER = frozenset({"backed", "led", "allied", "aligned", "sponsored", "supported",
                              "trained", "affiliated", "linked", "funded", "run", "controlled",
                              "held", "occupied", "administered", "appointed"})  # fmt: skip
_QUALIFIER_BEFORE = frozenset({"pro", "anti", "ex", "former"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_GLUED_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "appos"})
STATE = 1
# Nouns for acts, which a generic description can only classify ("terrorist attack").
_ACT_NOUNS = frozenset({"attack", "act", "action", "bombing", "offensive", "violence", "wave",
                        "campaign", "activity", "incident", "operation", "threat", "aggression",
                        "assault", "crime", "ambush", "raid", "sabotage", "outrage", "weapon",
                        "method", "escalation"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor named in the text, normalised."""

    name: str
    inter: int
    start: int  # character offsets into the document text
    end: int
    text: str
    token_start: int
    token_end: int
    generic: bool = False
    victim_only: bool = False
    kind: str = ""  # "military" | "police" for state forces
    # Matched by a cased-only acronym that another entry's name also abbreviates ("ADF": the
    # Allied Democratic Forces and the Ambazonia Defence Forces): it may be either group.
    cased: bool = False


@dataclass(frozen=True, slots=True)
class ActorRoles:
    actor1: ActorHit | None
    actor2: ActorHit | None

    @property
    def victim_class(self) -> str:
        """ "civilian", "protester", "armed" or "" from actor2's ACLED inter code."""
        return _victim_class(self.actor2.inter) if self.actor2 else ""

    @property
    def agent_class(self) -> str:
        """ "state" or "nonstate" from actor1's inter code, "" when unknown."""
        if self.actor1 is None:
            return ""
        return "state" if self.actor1.inter == STATE else "nonstate"


def _victim_class(inter: int) -> str:
    return {7: "civilian", 6: "protester"}.get(inter, "armed" if inter in (1, 2, 3, 4, 8) else "")


class ActorFinder:
    """Finds actor mentions in a parsed document; build once per (nlp, lexicon)."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self._entries = lexicon.actors
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, entry in enumerate(self._entries):
            if entry.aliases:
                self._lower.add(str(index), [nlp.make_doc(a) for a in entry.aliases])
            if entry.cased_aliases:
                self._orth.add(str(index), [nlp.make_doc(a) for a in entry.cased_aliases])
        # Demonyms indexed by their first word: one dict lookup per capitalised token.
        self._demonyms: dict[str, list[tuple[Term, str]]] = {}
        for key, country in lexicon.demonyms.items():
            words = split_term(key)
            self._demonyms.setdefault(words[0], []).append((words, country))
        self._demonym_ids = frozenset(get_string_id(w) for w in self._demonyms)
        heads = [(h, "police") for h in lexicon.police_heads]
        heads += [(h, "military") for h in lexicon.force_heads]
        self._heads = sorted(heads, key=lambda h: -len(h[0]))
        self._templates = lexicon.templates
        self._states = {(e.country, e.kind): e for e in self._entries if e.kind and not e.generic}
        self._shared = shared_acronyms(self._entries)

    def find(self, doc: Doc, prior: Sequence[ActorHit] = ()) -> list[ActorHit]:
        """All actor mentions in the document, non-overlapping, in text order. ``prior``: actors
        named earlier in the article (outside ``doc``), antecedents for generic forces.

        Needs only tokens (matching uses forms; lemmas are an optional extra), so it also runs
        on an unparsed ``nlp.make_doc`` of a whole article."""
        hits = [self._alias_hit(doc, m) for m in self._lower(doc)]
        for match in self._orth(doc):
            hit = self._alias_hit(doc, match)
            hits.append(replace(hit, cased=True) if hit.text in self._shared else hit)
        hits = [h for h in hits if not _qualified(doc, h.token_start, h.token_end)]
        hits = [h for h in hits if not _describes_act(doc, h)]
        hits += self._state_force_hits(doc)
        hits = named_by_of(doc, _drop_glued_generics(doc, _non_overlapping(hits)))
        return _name_generic_forces(hits, prior)

    def _alias_hit(self, doc: Doc, match: tuple[int, int, int]) -> ActorHit:
        label, start, end = match
        entry = self._entries[int(doc.vocab.strings[label])]
        return _make_hit(doc[start:end], entry.name, entry.inter, entry)

    def _state_force_hits(self, doc: Doc) -> list[ActorHit]:
        hits: list[ActorHit] = []
        # Only tokens whose lower form starts a demonym can start a hit; finding them in the
        # LOWER array avoids building a Token for every word of a whole article.
        ids = self._demonym_ids
        for i in [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in ids]:
            token = doc[i]
            if not (token.is_title or token.is_upper):
                continue
            for words, country in self._demonyms.get(token.lower_, ()):
                if _words_at(doc, i, words) and not _qualified(doc, i, i + len(words)):
                    hit = self._force_after(doc, i, i + len(words), country)
                    if hit is not None:
                        hits.append(hit)
        return hits

    def _force_after(self, doc: Doc, start: int, end: int, country: str) -> ActorHit | None:
        """'<demonym> [ 's ] <force head>' -> that country's military or police forces."""
        j = end + 1 if end < len(doc) and doc[end].text in _POSSESSIVE else end
        for head, kind in self._heads:
            if _words_at(doc, j, head):
                entry = self._states.get((country, kind))
                span = doc[start : j + len(head)]
                if entry is not None:
                    return _make_hit(span, entry.name, entry.inter, entry)
                name = self._templates[kind].format(country=country)
                return replace(_make_hit(span, name, STATE, None), kind=kind)
        return None


def assign_roles(hits: Sequence[ActorHit], trigger: Token) -> ActorRoles:
    """actor1 (agent) and actor2 (target) for the trigger whose head word is ``trigger``.

    Only actors within :data:`MAX_DISTANCE` of the trigger in the parse tree count, where a
    step into another finite clause ("... as rebels clash with ...") costs extra: an actor of a
    neighbouring clause is not a party to this event.
    """
    doc = trigger.doc
    clause = clause_verb(trigger)
    ranked: list[tuple[int, ActorHit, str]] = []
    for hit in hits:
        root = _syntactic_root(doc[hit.token_start : hit.token_end])
        if owns_statement(root):
            continue  # "disputing the army's figure of 18": a voice, not a party
        inside = hit.token_start <= trigger.i < hit.token_end
        distance = 0 if inside else min(tree_distance(root, trigger), tree_distance(root, clause))
        if distance <= MAX_DISTANCE:
            ranked.append((distance, hit, _role(hit, root, trigger)))
    agents = [(d, h) for d, h, role in ranked if role == "agent"]
    patients = [(d, h) for d, h, role in ranked if role in ("patient", "target")]
    if not agents:
        # "clashes between X and Y": two non-victim parties after the trigger, in text order;
        # never the target of the verb the trigger continues (see _shares_verb).
        sides = [(d, h) for d, h, role in ranked if role == "patient" and not h.victim_only]
        armed = sorted(sides, key=lambda p: p[1].start)
        # Two mentions of one actor are no two sides: "struck a Ukrainian army depot, killing
        # 30 Ukrainian servicemen" names the target twice, and its owner is no attacker.
        if len({p[1].name for p in armed}) >= 2:
            agents, patients = [armed[0]], [p for p in patients if p is not armed[0]]
    actor1 = _closest(agents, trigger.i)
    others = [p for p in patients if actor1 is None or p[1].name != actor1.name]
    return ActorRoles(actor1, _closest(others, trigger.i))


MAX_DISTANCE = 4


def clause_verb(trigger: Token) -> Token:
    """The verb a noun trigger hangs from ("carried out dozens of air strikes" -> carried)."""
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else trigger


def _syntactic_root(span: Span) -> Token:
    """The span's head word, lifted out of compounds and conjunctions ("X and Y forces")."""
    root = span.root
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    return _first_conjunct(root)


def _role(hit: ActorHit, root: Token, trigger: Token) -> str:
    if hit.victim_only:
        return "patient"
    if hit.token_start <= trigger.i < hit.token_end:
        return "agent"  # the alias contains the trigger: "Russian airstrikes"
    if modifies_attack(trigger.doc[hit.token_start : hit.token_end], trigger):
        # The alias modifies the trigger or another attack noun: "an RSF attack", "injured in
        # a Rapid Support Forces attack" name the attacker (session 13: a compound lifted up
        # to the trigger fell through to "patient", being neither before nor after it).
        return "agent"
    if root.dep_ in _GLUED_DEPS and root.head.i == trigger.i:
        return "agent"  # "ISIS attack", "Israeli strikes"
    if root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        root = root.head  # "Russian military personnel were wounded": the phrase's role counts
    root = _past_quantity(root)  # "dozens of attackers were killed": the quantity's role
    if root.dep_ == "pobj" and root.head.lower_ == "by" and _by_governs(root.head, trigger):
        return "agent"  # "attacked by gunmen", "strikes by Russian jets"
    if root.dep_ == "nsubjpass":
        return "patient"
    if root.dep_ == "nsubj":
        return "agent"
    if root.dep_ in _OBJECT_DEPS and root.i > trigger.i:
        return "patient"
    if root.dep_ == "dobj" and _shares_verb(root, trigger):
        return "target"  # "destroyed Islamic State command posts ..., killing 40 fighters"
    return "agent" if root.i < trigger.i else "patient"


def _shares_verb(obj: Token, trigger: Token) -> bool:
    """Whether ``obj`` is the object of the verb a verb trigger continues ("bombers destroyed
    IS command posts, killing 40", "troops repelled an ISWAP attack and killed 20"): what that
    verb hit, or whose thing it hit, is the target side of the same action, not its agent."""
    verb = trigger.head
    continues = trigger.dep_ in ("advcl", "conj") and trigger.pos_ == "VERB"
    return continues and obj.head.i == verb.i and verb.i != trigger.i


_QUANTITY_HEADS = frozenset({"dozens", "hundreds", "thousands", "scores", "number", "some",
                             "many", "several", "most", "all", "none", "one", "two", "three",
                             "four", "five", "six", "seven", "eight", "nine", "ten"})  # fmt: skip


def _past_quantity(root: Token) -> Token:
    """From "attackers" in "dozens of attackers" up to "dozens", whose place in the clause
    (subject of "were killed") gives the group its role."""
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i:
        quantity = of.head
        if quantity.lower_ in _QUANTITY_HEADS or quantity.like_num:
            return quantity
    return root


def _by_governs(by: Token, trigger: Token) -> bool:
    """Whether a "by" phrase belongs to the trigger (not to "a checkpoint held by X")."""
    return by.head.i in (trigger.i, clause_verb(trigger).i)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _closest(hits: Sequence[tuple[int, ActorHit]], position: int) -> ActorHit | None:
    """Nearest in the parse tree; then named before generic; then nearest in the text."""
    if not hits:
        return None
    best = min(hits, key=lambda p: (p[0], p[1].generic, abs(p[1].token_start - position)))
    return best[1]


def _describes_act(doc: Doc, hit: ActorHit) -> bool:
    """A one-word generic description modifying an act noun ("a *terrorist* attack", "*terrorist*
    actions", "*criminal* violence") says what kind of act it was, not who took part: no one is
    named, and taking the adjective as actor1 gave a perpetrator to every such mention."""
    words = [t for t in doc[hit.token_start : hit.token_end] if t.pos_ != "DET"]  # "a terrorist"
    if not hit.generic or len(words) != 1:
        return False
    token = words[0]
    head = token.head
    return (
        token.dep_ in ("amod", "compound")
        and head.i > token.i
        and head.lemma_.lower() in _ACT_NOUNS
    )


def _make_hit(span: Span, name: str, inter: int, entry: ActorEntry | None) -> ActorHit:
    return ActorHit(
        name=name,
        inter=inter,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        token_start=span.start,
        token_end=span.end,
        generic=bool(entry and entry.generic),
        victim_only=bool(entry and entry.victim_only),
        kind=entry.kind if entry else "",
    )


def _words_at(doc: Doc, i: int, words: Term) -> bool:
    if i + len(words) > len(doc):
        return False
    return all(
        w == doc[i + k].lower_ or w == doc[i + k].lemma_.lower() for k, w in enumerate(words)
    )


def _qualified(doc: Doc, start: int, end: int) -> bool:
    """'pro-Russian', 'Russian-backed': not the state's own forces."""
    before = start >= 2 and doc[start - 1].text == "-"
    before = before and doc[start - 2].lower_ in _QUALIFIER_BEFORE
    after = end + 1 < len(doc) and doc[end].text == "-"
    after = after and doc[end + 1].lower_ in _QUALIFIER_AFTER
    return before or after


def _non_overlapping(hits: list[ActorHit]) -> list[ActorHit]:
    kept: list[ActorHit] = []
    ranked = sorted(hits, key=lambda h: (h.token_start - h.token_end, h.generic, h.token_start))
    for hit in ranked:
        if all(hit.token_end <= k.token_start or hit.token_start >= k.token_end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.token_start)


def _name_generic_forces(hits: list[ActorHit], prior: Sequence[ActorHit] = ()) -> list[ActorHit]:
    """'the army', 'jets': a generic state force takes the name of the latest named forces of
    the same kind earlier in the article (a cheap stand-in for coreference)."""
    latest: dict[str, ActorHit] = {h.kind: h for h in prior if h.kind and not h.generic}
    named: list[ActorHit] = []
    for hit in hits:
        if not hit.kind:
            named.append(hit)
        elif not hit.generic:
            latest[hit.kind] = hit
            named.append(hit)
        elif hit.kind in latest:
            antecedent = latest[hit.kind]
            named.append(replace(hit, name=antecedent.name, inter=antecedent.inter, generic=False))
        else:
            named.append(hit)
    return named


def _drop_glued_generics(doc: Doc, hits: list[ActorHit]) -> list[ActorHit]:
    """'Hamas gunmen', 'FMLN urban guerrillas': a generic noun right after a named actor, or
    after it and up to two modifiers, is the same actor (it was coded as a second, unnamed one
    that took actor1 from the group that did it)."""
    named_ends = {h.token_end for h in hits if not h.generic}

    def glued(hit: ActorHit) -> bool:
        for gap in range(3):
            start = hit.token_start - gap
            words = doc[max(start, 0) : hit.token_start]
            if start in named_ends and all(t.is_alpha and not t.is_stop for t in words):
                return True
        return False

    return [h for h in hits if not (h.generic and glued(h))]
