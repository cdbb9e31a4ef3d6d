"""Place names that say whose something is, not where an event happened (split from
:mod:`eventscope.extract.places` in session 14): "*U.S.* service members", "a citizen of
*Kyrgyzstan*", "the *US*-led coalition", "despite the *Doha* ceasefire talks"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from eventscope.extract.actor_phrases import ATTACK_NOUNS
from eventscope.extract.arguments import PERSON_NOUNS, WEAPON_NOUNS
from eventscope.extract.place_names import RESIDENT_NOUNS
from eventscope.extract.roles import AGENT_NOUNS

# Nouns that a place name qualifies by saying whose they are, not where anything happened:
# "*U.S.* service members", "*Britain's* security services", "a citizen of *Kyrgyzstan*",
# "a *US* bomb" (people, groups, offices and weapons).
_AFFILIATION_HEADS = PERSON_NOUNS | AGENT_NOUNS | WEAPON_NOUNS | frozenset({
    "service", "secretary", "personnel", "national", "authority", "ministry", "department",
    "embassy", "consulate", "agency", "intelligence", "envoy", "spokesman", "spokesperson",
    "spokeswoman", "ally", "partner", "counterpart", "delegation", "administration", "security",
})  # fmt: skip
# A meeting or agreement named after where it was held (session 14): "despite the Doha
# ceasefire talks", "the Minsk agreements", "the Jeddah declaration" locate no event. Only a
# name that premodifies them: "the summit of Mount Kenya" is a place.
# Not "ceasefire" or "truce": "despite the Gaza ceasefire" names the area it covers (review).
_MEETING_HEADS = frozenset({
    "talks", "accord", "accords", "agreement", "agreements", "deal", "process", "summit",
    "conference", "negotiations", "declaration", "protocol", "pact", "framework", "initiative",
    "roadmap", "communique", "forum",
})  # fmt: skip
_ORIGIN_WORDS = frozenset({"origin", "origins", "descent", "extraction", "ethnicity",
                           "heritage", "background", "stock"})  # fmt: skip
# Residents who left: where they came from is no place of what befell them later.
_LEFT = frozenset({"flee", "displace", "relocate", "evacuate", "escape", "leave", "move"})
# A meeting's venue still locates what happens at it: "protesters outside the Nairobi summit".
_AT_VENUE = frozenset({"at", "outside", "near", "inside", "in", "around", "during"})


def qualifier(span: Span, root: Token, place_nouns: Collection[str]) -> bool:
    """A place name that qualifies a noun instead of locating the event: the affiliation of
    people, offices or weapons ("*U.S.* service members", "*Britain's* security services", "a
    citizen of *Kyrgyzstan*", "a *US* bomb"), or the possessor of a smaller place ("*Afghanistan's*
    southern Kandahar province", which is the event place; the country stays context):
    ``place_nouns`` are the nouns of places and administrative units."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    after_of = span.start > 0 and doc[span.start - 1].lower_ == "of"
    if after_of and following is not None and following.lower_ in _ORIGIN_WORDS:
        return True  # "people of Kasai origin", "six men of Hazara descent"
    if root.dep_ in ("compound", "nmod", "amod", "poss"):
        head = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        head = root.head.head
    else:
        return False
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "U.S. service members" -> members
    if head.head.lower_ in _MEETING_HEADS and head.head.i == head.i + 1:
        head = head.head  # "the Doha ceasefire talks" with "talks" parsed as a verb
    if root.dep_ == "compound" and head.lower_ in _MEETING_HEADS:
        # whatever the tagger calls "talks" (a verb, at times)
        return not (head.dep_ == "pobj" and head.head.lower_ in _AT_VENUE)
    if head.i == root.i or span.start <= head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.dep_ == "compound" and _country_code(span):
        return True  # "a US drone strike", "UK troops": whose, not where
    if head.lower_ in RESIDENT_NOUNS:
        # where they live: a reference place (``place_names.reference_roles``); not where
        # they fled from ("Residents of Khartoum who fled to Port Sudan protested")
        # (session 15: unless they left after an event, which happened where they left)
        # (review: not when they fled to a destination, nor when they act in the sentence)
        return any(
            c.dep_ in ("relcl", "acl")
            and c.lemma_.lower() in _LEFT
            and (not left_after_event(c) or _destination(c) or _acting(head))
            for c in head.children
        )
    lemma = head.lemma_.lower()
    if root.dep_ == "poss" and lemma in place_nouns:
        # "Gadchiroli's forests": unnamed land around the possessor, which is the event place
        # (review of session 15); "Afghanistan's southern Kandahar province" names its own
        return not (lemma in _TERRAIN and not _named(head))
    return lemma in _AFFILIATION_HEADS or head.lower_ in _AFFILIATION_HEADS


# The land around a place (``places._PLACE_NOUNS``, session 15), by lemma.
_TERRAIN = frozenset({"forest", "hill", "mountain", "jungle", "countryside", "village",
                      "bush", "outskirt"})  # fmt: skip


def _named(noun: Token) -> bool:
    """ "the Sambisa forest", "the Nuba Mountains": the noun has a name of its own."""
    return noun.pos_ == "PROPN" or any(
        c.dep_ in ("compound", "nmod", "appos") and c.pos_ == "PROPN" for c in noun.children
    )


def _destination(verb: Token) -> bool:
    """ "who fled to Port Sudan": the departure has a destination."""
    return any(
        p.dep_ == "prep" and p.lower_ in ("to", "into", "towards") and any(
            c.dep_ == "pobj" for c in p.children)
        for p in verb.children
    )  # fmt: skip


# What residents do that is no event of their own: telling, sheltering, living.
_TELLING = frozenset({"say", "tell", "recount", "recall", "describe", "report", "add", "be",
                      "shelter", "live", "stay", "remain", "sleep", "camp", "wait", "need",
                      "struggle", "lack", "fear", "return", "receive"})  # fmt: skip


def _acting(residents: Token) -> bool:
    """ "Residents of X who fled after the fighting protested ...": the residents are the
    subject of an event of their own, which X does not locate."""
    return residents.dep_ == "nsubj" and residents.head.lemma_.lower() not in _TELLING


_HYPHEN_HEADS = frozenset({"led", "backed", "based", "made", "supplied", "funded", "trained",
                           "allied", "aligned", "brokered"})  # fmt: skip


def hyphen_modifier(span: Span) -> bool:
    """'the US-led coalition', 'a Kyiv-based analyst': the name says whose or from where."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].lower_ in _HYPHEN_HEADS
    )


def _country_code(span: Span) -> bool:
    """'US', 'U.S.', 'UK', 'UAE': a short all-capital code, which names a country."""
    letters = span.text.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def names_people(noun: Token) -> bool:
    """A noun for a people's members or groups ("herders", "community", "militia"), not a
    place noun ("Kuriga schools", "Boulkessi camps": review)."""
    return noun.lower_ in RESIDENT_NOUNS or noun.lemma_.lower() in _MEMBER_NOUNS


_MEMBER_NOUNS = frozenset({"herder", "trader", "farmer", "fighter", "militant", "rebel",
                           "youth", "man", "woman", "villager", "resident", "family", "worker",
                           "pastoralist", "community", "militia", "militiaman", "clan",
                           "tribe"})  # fmt: skip


def place_like(token: Token) -> bool:
    """Not a body of the state ("the Interior Ministry headquarters", "the Presidential Guard
    headquarters": review). No entity label vetoes: the small model calls many towns persons,
    organisations or nationalities ("the Inates army post", "the Boulkessi army camp")."""
    return token.lower_ not in _BODY_WORDS


_BODY_WORDS = frozenset({"ministry", "guard", "guards", "forces", "army", "police", "brigade",
                         "battalion", "regiment", "command", "council", "party"})  # fmt: skip


def describes_people(verb: Token | None) -> bool:
    """ "families displaced from El Fasher" (a participle on a noun) tells who they are, not
    where the event is (second review)."""
    if verb is None or verb.lemma_.lower() not in ("displace", "uproot"):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "displaced from Zamzam camp by an RSF assault": the assault's place
    # "Clashes left 5,000 families displaced from Kalehe": the clashes' result
    result = verb.head.head.lemma_.lower() in ("leave", "force", "render")
    return verb.dep_ in ("acl", "amod") and not result


# Leaving a place: "have left X since the attack", "fled X after the raid".
DEPARTURE_VERBS = frozenset({"leave", "flee", "abandon", "desert", "escape", "evacuate"})
# Words that tie a departure to the event it follows.
_AFTER_WORDS = frozenset({"since", "after", "following", "amid"})
# Event nouns a departure may follow, beyond the attack nouns: "since the fighting".
_EVENT_NOUNS = ATTACK_NOUNS | frozenset({"fighting", "clashes", "clash", "violence", "killing",
                                         "killings", "attacks", "raids", "strike", "strikes",
                                         "explosion", "blast"})  # fmt: skip


def left_after_event(verb: Token) -> bool:
    """ "have left X since the attack", "fled X after Saturday's raid": a departure verb with
    a since/after phrase (or clause) about an event; "left X years ago" is none."""
    if verb.lemma_.lower() not in DEPARTURE_VERBS:
        return False
    for mark in verb.children:
        if mark.lower_ not in _AFTER_WORDS or mark.dep_ not in ("prep", "mark"):
            continue
        objects = [c for c in mark.children if c.dep_ in ("pobj", "pcomp")]
        events = [
            o for o in objects if o.lemma_.lower() in _EVENT_NOUNS or o.lower_ in _EVENT_NOUNS
        ]
        if events:
            # "left Niamey after the attack in Tillaberi": the attack has its own place
            # (review of session 15)
            return not any(_placed(o) for o in events)
        if not objects and _noun_after(mark) in _EVENT_NOUNS:
            return True  # "fled X after Sunday's raid by M23 rebels said": "raid" misparsed
    return False


# Prepositions that give an event noun its own place: "the attack on Sake", "in Tillaberi".
_PLACE_PREPS = frozenset({"in", "on", "near", "at", "outside", "around", "inside", "against",
                          "into"})  # fmt: skip


def _placed(event: Token) -> bool:
    """Whether the event noun names its own place: "the attack in Tillaberi", "the attack on
    a military camp near Kati", "the raid that killed 20 in X", "the shelling of Sake". A
    noun that points back at the place left ("the attack on their town") is none (review
    of session 15); after "of" only a name counts ("the killing of three soldiers")."""
    for prep in (t for t in event.subtree if t.dep_ == "prep"):
        word = prep.lower_
        if word not in _PLACE_PREPS and word != "of":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ != "DATE"):
            if word == "of" and not _place_name(obj):
                continue
            if obj.lemma_.lower() not in _BACK_NOUNS or _place_name(obj):
                return True
    return False


# Common nouns for the place itself, which a departure's event refers back to: "fled
# Kamanyola after the attack on their town".
_BACK_NOUNS = frozenset({"town", "village", "city", "community", "area", "locality",
                         "settlement", "home", "homes", "district", "neighbourhood",
                         "neighborhood"})  # fmt: skip


def _place_name(obj: Token) -> bool:
    """A proper name that is no person, group or people: "Sake", not "Ali" or "the M23"."""
    named = obj.pos_ == "PROPN" or obj.is_title  # "Sake" is tagged a common noun
    return named and obj.ent_type_ not in ("PERSON", "NORP", "ORG", "DATE")


def _noun_after(mark: Token) -> str:
    """The first common noun within four words after ``mark`` (past a date and adjectives),
    for a parse that gave the preposition no object."""
    for token in mark.doc[mark.i + 1 : mark.i + 5]:
        if token.pos_ == "NOUN" and token.ent_type_ != "DATE":
            return token.lemma_.lower()
    return ""
