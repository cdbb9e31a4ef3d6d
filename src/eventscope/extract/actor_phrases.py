"""Phrases around an actor's name that decide whether it took part in an event (session 13).

* An actor that modifies an attack noun is that attack's author wherever the noun stands:
  "41 people were killed in an RSF attack", "wounded in a Hamas rocket attack", "the army's
  offensive". The role parser lifted such a compound up to the noun and coded it by the noun's
  place in the clause, so "injured in an RSF attack" made the RSF the victim (and the event an
  armed clash). A target noun between them makes the actor the target's owner instead ("a
  police station attack").
* An actor named only as the owner of a statement is a voice, not a party: "disputing *the
  army's* figure of 18", "contradicting *the army's* account". As the nearest armed actor it
  became the victim of "Tuesday's massacre" and turned the massacre into an armed clash.
* A generic armed noun with an "of" phrase naming the group ("Rebels of the Allied Democratic
  Forces", "guerrillas of the ELN") is that group: the generic noun, nearer the trigger, took
  actor1 as "Unidentified Armed Group", and the group itself became the victim.
* A comma-set relative clause of identity or allegiance on a named group, with no date of its
  own, describes the group ("The ADF, which pledged allegiance to the Islamic State, has
  stepped up attacks this year"): background, not news (it took the main clause's "this year"
  as its date). A clause telling what the group did ("militants who attacked a police
  station") is news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token


class _Hit(Protocol):
    """What this module reads of an ``actors.ActorHit`` (no import cycle)."""

    @property
    def token_start(self) -> int: ...
    @property
    def token_end(self) -> int: ...
    @property
    def generic(self) -> bool: ...
    @property
    def inter(self) -> int: ...
    @property
    def cased(self) -> bool: ...


ActorHitLike = TypeVar("ActorHitLike", bound=_Hit)
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})


ATTACK_NOUNS = frozenset({"attack", "assault", "raid", "ambush", "offensive", "bombing",
                          "bombardment", "shelling", "airstrike", "incursion", "onslaught",
                          "massacre", "counteroffensive", "counterattack"})  # fmt: skip
# Nouns of a target: "a police station attack" names the station's owner, not the attacker.
TARGET_NOUNS = frozenset({"station", "base", "post", "camp", "checkpoint", "convoy", "patrol",
                          "position", "headquarters", "outpost", "barracks", "depot", "office",
                          "compound", "vehicle", "truck", "bus", "home", "house"})  # fmt: skip
# Nouns of someone's telling of events: "the army's account of a repelled attack" is its
# version (``attribution.in_told_version``, where the "of" phrase is the event told).
VERSION_NOUNS = frozenset({"account", "version", "statement", "claim", "report", "narrative",
                           "description", "denial", "assessment", "story"})  # fmt: skip
# Nouns of what someone said or counted: their possessor speaks, it does not act. Things, not
# people: "killed the army's spokesman" kills one of the army's men (review, session 13).
STATEMENT_NOUNS = VERSION_NOUNS | {"figure", "tally", "toll", "count", "estimate"}
# A noun trigger that is the object of a relative clause's verb belongs to that clause ("which
# carried out attacks").
_CLAUSE_PARTS = frozenset({"dobj", "prt", "pobj"})


def modifies_attack(span: Span, trigger: Token) -> bool:
    """Whether the actor's words are a compound or possessor of the trigger or of an attack
    noun, directly or through weapon words ("a Hamas rocket attack"), not through a target
    noun ("a police station attack") nor a conjunction ("murder and terrorist association")."""
    own = span.root
    if own.dep_ not in ("compound", "poss"):
        return False
    head = own.head
    for _ in range(3):  # up through at most two weapon words
        lemma = head.lemma_.lower()
        if head.i == trigger.i or lemma in ATTACK_NOUNS or lemma in TARGET_NOUNS:
            break
        if head.dep_ != "compound":
            break
        head = head.head
    attack = head.i == trigger.i or head.lemma_.lower() in ATTACK_NOUNS
    return attack and not span.start <= head.i < span.end


def owns_statement(root: Token) -> bool:
    """Whether the actor (its syntactic root) only owns a statement noun: "the army's figure",
    "the army's account of a repelled attack"."""
    return root.dep_ == "poss" and root.head.lemma_.lower() in STATEMENT_NOUNS


def named_by_of(doc: Doc, hits: list[ActorHitLike]) -> list[ActorHitLike]:
    """A generic armed noun and the group its "of" phrase names right after it ("Rebels of
    the Allied Democratic Forces", "fighters of the Islamic State") become one hit, the group,
    whose tokens span both: the phrase keeps the generic noun's place in the parse (the
    subject), which the group's own words, deeper in the tree, may be too far from the trigger
    to take. Tokens only: the actor finder also runs on unparsed documents."""
    by_start = {h.token_start: h for h in hits if not h.generic}
    out: list[ActorHitLike] = []
    absorbed: set[int] = set()
    for hit in hits:
        named = _named_after(doc, hit, by_start) if hit.generic else None
        if named is None or hit.inter not in _ARMED_INTERS:
            out.append(hit)
            continue
        # The tokens span the phrase, for its place in the parse; the evidence (characters,
        # text) stays the group's name, which is what names it ("the ELN", not "guerrillas
        # of the ELN").
        out.append(replace(named, token_start=hit.token_start))
        absorbed.add(id(named))
    return [h for h in out if id(h) not in absorbed]


def _named_after(doc: Doc, hit: _Hit, by_start: dict[int, ActorHitLike]) -> ActorHitLike | None:
    i = hit.token_end
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    i += 1  # the name may begin with its article ("the Islamic State") or after it
    if i not in by_start and i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    named = by_start.get(i)
    # A bare acronym ("fighters of the ADF") may be another group's (the Ambazonia Defence
    # Forces): it names the generic noun only when spelt out (review, session 13).
    return None if named is None or named.cased else named


def describes_actor(trigger: Token, hits: Sequence[_Hit], dated: tuple[int, int] | None) -> bool:
    """Whether the trigger heads a relative clause that says who a named group is ("The ADF,
    which pledged allegiance to the Islamic State, has stepped up attacks this year"), with no
    date of its own: background to the sentence's news; the main clause's date ("this year")
    dated it before. Only a clause set off by a comma (non-restrictive) whose verb is one of
    identity or allegiance (pledge, join, form, split, be, ...): "militants who attacked a
    police station killed three officers", "The ADF, which killed 40 villagers, also burned
    houses on Monday" tell news (review, session 13). ``dated``: the character span of the date
    phrase the trigger took, if any (a date inside the clause makes it news)."""
    clause = trigger if trigger.dep_ == "relcl" else trigger.head
    if clause.dep_ != "relcl" or (clause is not trigger and trigger.dep_ not in _CLAUSE_PARTS):
        return False
    if clause.lemma_.lower() not in IDENTITY_VERBS or not _set_off(clause):
        return False
    owner = clause.head.i
    if not any(h.token_start <= owner < h.token_end and not h.generic for h in hits):
        return False
    sub = clause.doc[clause.left_edge.i : clause.right_edge.i + 1]
    return dated is None or not (sub.start_char <= dated[0] and dated[1] <= sub.end_char)


# Verbs of what a group is or whom it sides with, not of what it did to anyone.
IDENTITY_VERBS = frozenset({"pledge", "swear", "join", "form", "found", "establish", "create",
                            "operate", "be", "belong", "split", "break", "merge", "emerge",
                            "originate", "align", "ally", "affiliate", "declare", "rename",
                            "rebrand", "base"})  # fmt: skip


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is non-restrictive: a comma, bracket or dash before it."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text in (",", "(", "-", "–", "—")


class _Entry(Protocol):
    name: str
    aliases: tuple[str, ...]
    cased_aliases: tuple[str, ...]


_LINK_WORDS = frozenset({"of", "the", "and", "for", "in", "de", "du", "la", "al", "el", "wal"})


def _initials(name: str) -> str:
    """The initials of a spelt-out proper name ("Ambazonia Defence Forces": ADF; "People's
    Defence Force": PDF); "" for a description ("Israeli soldiers") or a name holding an
    acronym ("IS Sahel"). A bracketed qualifier ("Military Forces of Sudan (2019-)") is no
    part of the name; a link word is skipped only in lower case ("Al Qaeda in the Arabian
    Peninsula": AQAP, "Al-Shabaab": AS)."""
    spelt = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", name.split(":")[-1]).strip()
    parts = re.split(r"[\s-]+", spelt)
    words = [re.sub(r"['’].*$", "", w) for w in parts]
    words = [w for w in words if w and w not in _LINK_WORDS]
    if not words or any(not w[0].isupper() or (len(w) > 1 and w.isupper()) for w in words):
        return ""
    return "".join(w[0] for w in words)


def _stated_acronym(name: str) -> str:
    """The acronym an entry's name states before its colon ("ADF: Allied Democratic Forces")."""
    head, colon, _ = name.partition(":")
    return head.strip() if colon and head.strip().isupper() else ""


def shared_acronyms(entries: Sequence[_Entry]) -> frozenset[str]:
    """Cased-only aliases of one entry that another entry's spelt-out name abbreviates: "ADF"
    is the Allied Democratic Forces' acronym and the Ambazonia Defence Forces' initials. Only
    these are too ambiguous to name a generic noun ("fighters of the ADF"); "the RSF", "the
    SDF" or "the Tatmadaw" still do."""
    owners: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        for key in (_stated_acronym(entry.name), *map(_initials, (entry.name, *entry.aliases))):
            owners.setdefault(key, set()).add(i)
    return frozenset(
        alias
        for i, entry in enumerate(entries)
        for alias in entry.cased_aliases
        if owners.get(alias.upper(), set()) - {i}
    )
