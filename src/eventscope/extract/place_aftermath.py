"""Places of what came after an event, and of the people it moved (session 15).

Applied by :func:`eventscope.extract.places.find_places` after the role rules:

* where the wounded were treated or died is not where the event happened: "died overnight in
  a hospital in Bogota from injuries sustained in an attack on a base in Tame", "taken to
  hospital in X", "died in a X hospital" (other), "airlifted to X" (destination); a hospital
  that is itself attacked or hit still locates the event ("gunmen attacked the hospital in X");
* people who left or fled a place since or after an event left where the event was: "Hundreds
  of families have left Titao since last Thursday's attack" (as "displaced from X", session
  14); "residents who left X years ago said" names no event there (other), in agreement
  with "Residents of X who fled to Y" (:func:`eventscope.extract.place_qualifiers.qualifier`);
* a place inside an appositive that describes a name of another role keeps that name's role
  ("families who fled Titao, the capital of Loroum province, to Ouahigouya"): it only says
  where the name lies, and must not become the event place in its stead.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from eventscope.extract.actor_phrases import ATTACK_NOUNS
from eventscope.extract.arguments import WEAPON_NOUNS
from eventscope.extract.place_qualifiers import DEPARTURE_VERBS, left_after_event, names_people
from eventscope.extract.scope import objects_of
from eventscope.models import PlaceMention

# Where the wounded are treated or the dead are kept.
CARE_NOUNS = frozenset({"hospital", "hospitals", "clinic", "clinics", "infirmary", "morgue",
                        "mortuary", "ward", "icu"})  # fmt: skip
# Verbs of treatment, dying of wounds, or being carried to care: "died in a hospital in X",
# "were treated at X hospital", "taken to hospital in X". Not "attacked", "hit", "bombed".
_CARE_VERBS = frozenset({"die", "treat", "take", "admit", "hospitalize", "hospitalise", "rush",
                         "airlift", "medevac", "transfer", "transport", "evacuate", "recover",
                         "succumb", "carry", "bring", "receive", "remain", "fly", "ferry",
                         "send", "move", "undergo"})  # fmt: skip
# Not "be": "the attack was at a hospital in X" happened there.
# Verbs that carry the wounded somewhere by air: "airlifted to X" is their destination.
_AIRLIFT_VERBS = frozenset({"airlift", "medevac"})


def aftermath_roles(
    sent: Span, places: list[PlaceMention], blocked: Sequence[tuple[int, int]]
) -> list[PlaceMention]:
    """``places`` with the roles of the module docstring applied; a place left by people
    since an event is added when the candidate rules missed it ("left Titao", a name the
    model calls a person, is no verb's place object)."""
    places = [*places, *_left_places(sent, places, blocked)]
    places = [_departed_role(sent, _treated_role(sent, p)) for p in places]
    places.sort(key=lambda p: p.start)
    return _appositive_roles(sent, places, blocked)


def _span(sent: Span, place: PlaceMention) -> Span | None:
    return sent.doc.char_span(place.start, place.end, alignment_mode="expand")


def _treated_role(sent: Span, place: PlaceMention) -> PlaceMention:
    """A place where the wounded were treated or died: other, or destination after an
    airlift."""
    span = _span(sent, place)
    if place.role != "event" or span is None:
        return place
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "to":
        verb = root.head.head
        if verb.lemma_.lower() in _AIRLIFT_VERBS:
            return replace(place, role="destination")  # "airlifted to Bogota"
    care = _care_noun_of(span, root)
    if care is None or not _treated_at(care) or _facility_targeted(sent):
        return place
    return replace(place, role="other")


def _care_noun_of(span: Span, root: Token) -> Token | None:
    """The care noun the place names or locates: "X Hospital", "a X hospital" (compound),
    "a hospital in X" (the noun the place's "in" phrase hangs on)."""
    if span[-1].lower_ in CARE_NOUNS:
        return span[-1]
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in CARE_NOUNS:
        return root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return None
    if prep.head.lower_ in CARE_NOUNS:
        return prep.head
    # "taken to hospital in X": the parser hangs "in X" on the verb beside "to hospital"
    cares = [o for p in prep.head.children if p.dep_ == "prep" for o in objects_of(p)]
    return next((c for c in cares if c.lower_ in CARE_NOUNS and c.i < root.i), None)


def _treated_at(care: Token) -> bool:
    """Whether the care noun is where someone was treated or died, not a target: "died in a
    hospital", "taken to hospital", "treated at the clinic"; not "attacked the hospital",
    "an air strike on a hospital"."""
    if care.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return False  # "shelled the hospital", "the hospital was hit"
    if care.dep_ != "pobj" or care.head.lower_ not in ("in", "at", "to", "into"):
        return False
    verb = care.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _CARE_VERBS:
        return False
    return not _ongoing(verb) and not _carries_weapon(verb)


def _ongoing(verb: Token) -> bool:
    """Care under way when the event struck, which happened there (review of session 15):
    "shot dead a patient receiving treatment at a hospital in X", "abducted patients who
    were being treated at a clinic in X"."""
    if verb.dep_ not in ("acl", "relcl"):
        return False  # "the wounded were being treated at X after the attack on Y"
    return verb.tag_ == "VBG" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in verb.children
    )


def _carries_weapon(verb: Token) -> bool:
    """ "A suicide bomber carried explosives into a hospital in X": a weapon brought in, not
    the wounded."""
    return any(
        c.dep_ == "dobj" and c.lemma_.lower().rstrip("s") in WEAPON_NOUNS for c in verb.children
    )


# What an attack on a care place may call it: "as troops raided the facility".
_FACILITY_NOUNS = CARE_NOUNS | {"facility", "compound", "building", "complex", "premises"}
_TARGET_VERBS = frozenset({"raid", "attack", "storm", "strike", "shell", "bomb", "hit",
                           "besiege", "surround", "target", "invade", "loot", "burn",
                           "torch"})  # fmt: skip


def _facility_targeted(sent: Span) -> bool:
    """Whether the sentence attacks a care place: "Two patients died in the X hospital as
    troops raided the facility", "an air strike on the hospital" (review of session 15)."""
    for token in sent:
        if not _care_place(token):
            continue
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _TARGET_VERBS:
            return True
        attacker = head.head.lemma_.lower() in ATTACK_NOUNS | _TARGET_VERBS
        if token.dep_ == "pobj" and head.lower_ in ("on", "against") and attacker:
            return True
    return False


def _care_place(token: Token) -> bool:
    """A care noun, or a generic one that points back at it ("the facility", "its
    compound"); not "a building" of its own (review of session 15: "treated at a hospital in
    X after a shell hit a building in Y" happened at Y)."""
    lemma = token.lemma_.lower()
    if lemma in CARE_NOUNS:
        return True
    pointing = any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_WORDS for c in token.children)
    return lemma in _FACILITY_NOUNS and pointing


_BACK_WORDS = frozenset({"the", "this", "that", "its", "their"})


def _left_places(
    sent: Span, places: list[PlaceMention], blocked: Sequence[tuple[int, int]]
) -> list[PlaceMention]:
    """Names people left since or after an event, as that event's place: "Hundreds of
    families have left Titao since last Thursday's attack"; one already found keeps the role
    rules' reading (a verb's object is an event place; "from X" by :func:`departure_role`)."""
    found = []
    for token in sent:
        if token.dep_ != "dobj" or not left_after_event(token.head):
            continue
        if not (token.pos_ == "PROPN" or token.is_title) or token.ent_type_ in ("NORP", "DATE"):
            continue
        name = sent.doc[token.left_edge.i : token.i + 1]
        name = name[next((i for i, t in enumerate(name) if t.is_title), len(name) - 1) :]
        taken = any(p.start < name.end_char and name.start_char < p.end for p in places)
        if taken or any(a < name.end_char and name.start_char < b for a, b in blocked):
            continue
        found.append(PlaceMention(text=name.text, start=name.start_char, end=name.end_char))
    return found


def _departed_role(sent: Span, place: PlaceMention) -> PlaceMention:
    """People who left X, told as who they are ("Residents who left X years ago said",
    "villagers fleeing X"), name no event place at X, as "Residents of X who fled to Y"
    (:func:`eventscope.extract.place_qualifiers.qualifier`); unless they left since or
    after an event ("families who fled X after the raid"), which happened there."""
    span = _span(sent, place)
    if place.role != "event" or span is None:
        return place
    root = span.root
    while root.dep_ == "compound":  # "left Mangobo years ago": the name parsed as a modifier
        root = root.head
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "from" else root.head
    if root.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in DEPARTURE_VERBS:
        return place
    described = verb.dep_ in ("relcl", "acl") and names_people(verb.head)
    return replace(place, role="other") if described and not left_after_event(verb) else place


def departure_role(verb: Token | None) -> bool:
    """Whether "from X" after ``verb`` is the event's place: "fled from X after the attack"
    (people leave where the event was, as "displaced from X")."""
    return verb is not None and left_after_event(verb)


def _appositive_roles(
    sent: Span, places: list[PlaceMention], blocked: Sequence[tuple[int, int]]
) -> list[PlaceMention]:
    """A place inside an appositive keeps the role of the name the appositive describes
    when that name is a place of another role, or blocked (a speaker's, an actor's)."""
    out = []
    for place in places:
        head = _appositive_head(sent, place)
        role = None if head is None else _role_at(head, places, blocked)
        out.append(replace(place, role=role) if place.role == "event" and role else place)
    return out


def _appositive_head(sent: Span, place: PlaceMention) -> Token | None:
    span = _span(sent, place)
    if span is None:
        return None
    for token in [span.root, *span.root.ancestors]:
        if token.dep_ == "appos" and not span.start <= token.head.i < span.end:
            # "Titao, the capital of Loroum province"; not "RSF shelling of X" misread as an
            # appositive of "RSF"
            return token.head if token.lemma_.lower() in _PLACE_APPOSITIVES else None
        if token.dep_ not in ("pobj", "prep", "compound", "appos") and token is not span.root:
            return None  # the appositive must be the place's own noun phrase
    return None


# Nouns of an appositive that says where a named place lies.
_PLACE_APPOSITIVES = frozenset({"capital", "town", "city", "village", "province", "district",
                                "region", "area", "county", "state", "commune", "municipality",
                                "seat", "hub", "suburb", "locality", "hamlet", "department",
                                "prefecture", "neighbourhood", "neighborhood"})  # fmt: skip


def _role_at(head: Token, places: list[PlaceMention], blocked: Sequence[tuple[int, int]]) -> str:
    """The role of the name at ``head`` when it is no event place ("" otherwise)."""
    if any(a <= head.idx < b for a, b in blocked):
        return "other"
    owner = next((p for p in places if p.start <= head.idx < p.end), None)
    return owner.role if owner is not None and owner.role != "event" else ""


def compared_place(root: Token, preps: Collection[str]) -> bool:
    """Whether the place sits in a comparison ("like the battles for X"). "since" before an
    event its own possessive date dates ("have fled since Saturday's attack on X") tells that
    event, whose place X is (session 15)."""
    return any(
        a.lower_ in preps and a.dep_ == "prep" and not _dated_since(a) for a in root.ancestors
    )


def _dated_since(prep: Token) -> bool:
    """ "since last Thursday's attack", "since the weekend's raids": "since" whose object an
    owned date dates."""
    if prep.lower_ != "since" or superlative_since(prep):
        return False
    objects = objects_of(prep)
    return any(g.dep_ == "poss" and g.ent_type_ == "DATE" for o in objects for g in o.children)


# Words that make "since" a comparison: "the heaviest fighting since", "the first ... since".
_COMPARING = frozenset({"first", "worst", "only", "most", "more", "least", "less"})


def superlative_since(prep: Token) -> bool:
    """ "In the heaviest fighting since last week's ambush near X", "the largest rally
    since last week's bombing": "since" after a superlative compares with the event it
    names, which is background, not told (review of session 15)."""
    head = prep.head
    if head.tag_ in ("JJS", "JJR", "RBS", "RBR") or head.lower_ in _COMPARING:
        return True  # "the worst since ..."
    if head.pos_ in ("VERB", "AUX"):
        return False  # "At least 3,000 people have fled since ...": the subject's "least"
    # the head's own modifiers only (review of session 15), and what modifies them ("the
    # most intense fighting since")
    modifiers = [c for c in head.children if c.i < prep.i and c.dep_ in _MODIFIER_DEPS]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ == "advmod"]
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in _COMPARING for t in modifiers)


_MODIFIER_DEPS = frozenset({"amod", "advmod", "det", "nummod", "quantmod", "npadvmod"})


# "The death toll from Saturday's strike in Khan Younis": this "from" names a cause, not an
# origin, so the place after it is still where the event happened (moved from places.py).
_RESULT_NOUNS = frozenset({"toll", "casualties", "deaths", "damage", "fallout", "aftermath",
                           "injuries", "losses"})  # fmt: skip


def without_result_from(words: list[str]) -> list[str]:
    return [
        w for i, w in enumerate(words)
        if not (w == "from" and i > 0 and words[i - 1] in _RESULT_NOUNS)
    ]  # fmt: skip
