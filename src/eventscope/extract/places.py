"""Toponyms in an event sentence and the role each plays (event, origin, route, ...).

Candidates are spaCy GPE/LOC/FAC entities plus capitalised word runs after a locative word
("in", "near", "the town of", ...), because the small English model often labels Middle Eastern
and African towns PERSON or NORP. A trailing lower-case designator ("Idlib province",
"Hmeimim airbase") is kept in the place text: it tells the geocoder what kind of feature it is.

Roles are read from the words between the place and the nearest verb before it:
"took off from X" / "launched from X" -> origin; "flew over X" / "via X" -> route;
"heading to X" -> destination; after "from", the event place when the verb takes people or
goods away ("abducted 40 people from a village in X"), else other; inside a comparison
("like the battles for X") -> other; a name that qualifies a noun instead of locating the event
("*U.S.* service members", "a citizen of *Kyrgyzstan*", "*Afghanistan's* southern Kandahar
province") -> other; anything else -> event.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract.actor_phrases import ATTACK_NOUNS
from eventscope.extract.place_aftermath import (
    aftermath_roles,
    compared_place,
    departure_role,
    without_result_from,
)
from eventscope.extract.place_names import (
    RESIDENT_NOUNS,
    after_trip,
    elided_name,
    fallback_places,
    glued_connector,
    hyphen_name_start,
    leading_article,
    reference_roles,
    verb_of_from,
)
from eventscope.extract.place_qualifiers import (
    describes_people,
    hyphen_modifier,
    names_people,
    place_like,
    qualifier,
)
from eventscope.extract.place_shapes import (
    ACT_ON_PLACE_NOUNS,
    FACILITY_NOUNS,
    NAMED_BY_WHAT_FOLLOWS,
    ROAD_NOUNS,
    area_locators,
    capital_spans,
    comes_under,
    conjoined_starts,
    dateline_qualifier_to_town,
    larger_area,
    military_post_of,
    names_an_actor,
    names_road_end,
    struck_subject,
    unit_name_at,
)
from eventscope.extract.span_utils import non_overlapping, overlaps
from eventscope.models import PlaceMention

__all__ = ["PlaceOptions", "fallback_places", "find_places"]  # fallback_places: mentions.py

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model often labels towns ORG or PERSON, so only these labels veto a capitalised run.
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})
LOCATIVE = frozenset({"in", "near", "at", "around", "outside", "from", "over", "towards", "toward",
                      "via", "through", "across", "into", "inside", "nearby", "between",
                      "outskirts", "of", "against", "on"})  # fmt: skip
# A proper-noun object of these verbs is a place: "shelled Kharkiv", "captured Bakhmut".
_PLACE_OBJECT_VERBS = frozenset({"strike", "hit", "shell", "bomb", "pound", "target", "attack",
                                 "capture", "seize", "recapture", "retake", "enter", "storm",
                                 "besiege", "encircle", "liberate", "raid", "overrun", "bombard",
                                 "reach", "surround", "shoot", "invade"})  # fmt: skip
# "of" only introduces a place after one of these ("the town of Saraqib").
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "area",
                          "suburb", "governorate", "outskirts", "county", "state", "neighbourhood",
                          "neighborhood", "municipality", "camp", "port", "island",
                          "hamlet", "township", "commune",
                          "capital",  # "the capital of Soum province"
                          # parts of a place: "the centre of Kramatorsk", "the north of Gaza"
                          "centre", "center", "heart", "edge", "north", "south", "east", "west",
                          "part", "suburbs", "streets", "outskirt",
                          # the land around a place: "the forests of Sukma" (session 15)
                          "forest", "forests", "hills", "mountains", "jungle", "jungles",
                          "countryside", "villages",
                          # session 20 (round 22): "in the sierra of Tecpan de Galeana"
                          "sierra", "mountain", "desert", "hinterland"})  # fmt: skip
DESIGNATORS = frozenset({"province", "governorate", "district", "region", "county", "oblast",
                         "state", "city", "town", "village", "airbase", "airfield", "airport",
                         "base", "camp", "neighbourhood", "neighborhood", "suburb", "valley",
                         "port", "area", "countryside", "subdistrict", "municipality",
                         "township", "territory", "commune", "prefecture"})  # fmt: skip
# Lower-case particles inside Arabic, Spanish, French ... place names ("Maarat al-Numan").
_NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "es", "an",
                             "bin", "ibn", "de", "del", "la", "le", "du", "des", "abu", "umm",
                             "um", "bani", "beni", "-"})  # fmt: skip
_NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december", "the", "a", "an",
                        "reuters", "afp", "ap", "president", "mr", "ms", "mrs", "dr", "minister",
                        "general", "gen", "colonel", "he", "she", "they", "it", "we", "i", "his",
                        "her", "their", "its"})  # fmt: skip
ORIGIN_VERBS = frozenset({"take", "launch", "depart", "fly", "fire", "scramble", "base", "station",
                          "shoot", "lift", "originate", "come", "leave"})  # fmt: skip
# Taking people or goods away "from" a place happens there: "abducted 40 people from a
# village in Katsina state", "looted shops from the market".
# Also people driven out: "displaced from the commune of Cabaret following a gang attack".
REMOVAL_VERBS = frozenset({"abduct", "kidnap", "seize", "snatch", "loot", "steal", "rob",
                           "grab", "expel", "evict", "carry", "drag", "displace",
                           "uproot"})  # fmt: skip
# "leave" (session 17): "families left by boat to X" went to X, from where it happened.
MOTION_VERBS = frozenset({"fly", "pass", "travel", "transit", "cross", "move", "overfly", "route",
                          "head", "return", "deploy", "send", "dispatch", "redeploy", "retreat",
                          "relocate", "transfer", "withdraw", "go", "drive", "sail", "bind",
                          "divert", "make", "proceed", "evacuate", "flee", "escape",
                          "run", "leave"})  # fmt: skip
_UNIT_NOUNS = _PLACE_NOUNS | DESIGNATORS
# Lower-case words that locate a part of the place that follows ("in western Omdurman",
# "into central Kramatorsk"): the name starts after them.
_PART_WORDS = frozenset({"central", "northern", "southern", "eastern", "western", "north",
                         "south", "east", "west", "northeastern", "northwestern",
                         "southeastern", "southwestern", "north-eastern", "north-western",
                         "south-eastern", "south-western", "downtown", "greater",
                         "rural"})  # fmt: skip
# "Sana'a", "Ma'arrat": str.istitle reads the letter after the apostrophe as a new word.
_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]+(?:['’][a-z]+)+")
_ROUTE_PREPS = frozenset({"over", "through", "across", "via", "along"})
_DEST_PREPS = frozenset({"to", "towards", "toward", "for", "into"})


@dataclass(frozen=True, slots=True)
class PlaceOptions:
    """What the role rules need beyond the sentence itself."""

    adjectives: Collection[str]  # lower-case country adjectives ("russian"): never a place
    comparison_preps: Collection[str]
    military_context: bool = False  # "based at X" is an origin only for forces and aircraft
    asides: tuple[tuple[int, int], ...] = ()  # character spans whose places are references


def find_places(
    sent: Span, blocked: Sequence[tuple[int, int]], options: PlaceOptions
) -> list[PlaceMention]:
    """Places in the sentence (outside ``blocked`` character spans), each with its role."""
    spans = _candidates(sent, options)
    spans = [s for s in spans if not overlaps(s, blocked)]
    found = [
        PlaceMention(text=s.text, start=s.start_char, end=s.end_char, role=_role(s, sent, options))
        for s in spans
    ]
    found = dateline_qualifier_to_town(sent, found)  # "BUENAVISTA, Mich. -"
    found = area_locators(sent.doc.text, found)  # "in Sirwah district in Marib"
    found = reference_roles(sent, found, options.asides)  # datelines, bearings, borders, ...
    return aftermath_roles(sent, found, blocked)  # hospitals, "left X since the attack"


def _candidates(sent: Span, options: PlaceOptions) -> list[Span]:
    doc = sent.doc
    # A name has a capital: "the east bank (of the Nile)", tagged LOC, is a description.
    ents = [e for e in sent.ents if e.label_ in PLACE_LABELS and any(c.isupper() for c in e.text)]
    spans = [_with_designator(doc[e.start : e.end]) for e in ents]
    for start in _run_starts(sent, options.military_context):
        run = _capitalised_run(sent, start, options)
        if run is not None:
            spans.append(_with_designator(run))
    spans.extend(capital_spans(sent, options.adjectives))  # "the Ukrainian capital"
    runs = (_capitalised_run(sent, i, options) for i in conjoined_starts(spans, sent))
    return non_overlapping([*spans, *(_with_designator(r) for r in runs if r is not None)])


def _run_starts(sent: Span, military: bool = False) -> list[int]:
    """Token indices where a capitalised place name may begin."""
    starts = [_past_part_words(sent, t.i + 1) for t in sent
              if t.lower_ in LOCATIVE and _introduces_place(t, military)]  # fmt: skip
    # "Sagaing region's Kani township": the possessed name is the smaller, event place.
    starts += [t.i + 1 for t in sent if t.tag_ == "POS" and _after_designator(t)]
    # "Mali's Kayes region", "Khyber Pakhtunkhwa's Lakki Marwat district" (session 14): after
    # any possessor, a name that an administrative unit follows; the model tags few of them.
    starts += [
        after
        for t in sent
        if t.tag_ == "POS"
        and unit_name_at(sent, after := _skip_part_words(sent, t.i + 1), _NAME_PARTICLES)
    ]
    starts += [
        _past_part_words(sent, t.left_edge.i)  # "struck central Kramatorsk"
        for t in sent
        if t.dep_ == "dobj"
        # "shelled Marhanets", tagged a common noun; "l’Artibonite" (’) is tagged ADJ
        and (t.pos_ == "PROPN" or t.is_title or elided_name(t))
        and t.head.lemma_.lower() in _PLACE_OBJECT_VERBS
    ]
    # "Kherson city came under fire", "Kherson was shelled": the place is the subject.
    starts += [
        _past_part_words(sent, t.left_edge.i)
        for t in sent
        if struck_subject(t, _PLACE_OBJECT_VERBS)
    ]
    # "the West Darfur capital El Geneina": the name after the place noun.
    starts += [
        t.i + 1
        for t in sent
        if t.lower_ in NAMED_BY_WHAT_FOLLOWS and t.is_lower and _title_at(sent, t.i + 1)
    ]
    # "hit the Odesa port area": a name that premodifies a struck place noun locates it; so
    # does one premodifying a post or base attacked ("an assault on the Suarez police post",
    # session 14).
    starts += [
        c.i
        for t in sent
        if _struck_place_noun(t)
        for c in t.children
        # nmod (session 16): "the Dalbo military post", but not "the Wagner military camp"
        if (c.dep_ == "compound" or (c.dep_ == "nmod" and not names_an_actor(c)))
        and c.is_title
        and c.i < t.i
        and (t.dep_ == "dobj" or place_like(c))  # the post path only (review)
    ]
    return starts


def _struck_place_noun(t: Token) -> bool:
    place = t.lower_ in _PLACE_NOUNS or t.lower_ in DESIGNATORS
    if t.dep_ == "dobj" and t.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return place
    on_post = t.dep_ == "pobj" and t.head.lower_ in ("on", "at") and t.lower_ in _POST_NOUNS
    return on_post and t.head.head.lemma_.lower() in _PLACE_OBJECT_VERBS | ATTACK_NOUNS


_POST_NOUNS = frozenset({"post", "station", "base", "camp", "checkpoint", "barracks",
                         "outpost", "garrison", "headquarters", "market", "prison"})  # fmt: skip


def _title_at(sent: Span, i: int) -> bool:
    return i < sent.end and sent.doc[i].is_title and sent.doc[i].lower_ not in _NOT_NAMES


def _past_part_words(sent: Span, i: int) -> int:
    """The first token after lower-case part words ("western", "central") from ``i``; also
    after an article before an administrative unit's name ("in the Sumy region", "in the
    northern Hama countryside")."""
    if i < sent.end and sent.doc[i].lower_ == "the":
        after = _skip_part_words(sent, i + 1)
        return after if unit_name_at(sent, after, _NAME_PARTICLES) else i
    return _skip_part_words(sent, i)


def _skip_part_words(sent: Span, i: int) -> int:
    while i < sent.end and sent.doc[i].lower_ in _PART_WORDS and sent.doc[i].is_lower:
        i += 1
    return i


def _after_designator(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in DESIGNATORS


def _introduces_place(token: Token, military: bool = False) -> bool:
    if token.lower_ != "of":
        return True
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # "neighbourhoods of Al Junaynah" (plural), "the shelling of Kherson" (an act on a place)
    return (
        before.lower_ in _PLACE_NOUNS
        or before.lemma_.lower() in _PLACE_NOUNS
        or before.lower_ in RESIDENT_NOUNS  # "residents of Sweida took to the streets"
        # "rural communities of Frontera Comalapa"; not the singular: "the community of
        # Sant'Egidio" is a group as often as a village (review)
        or before.lower_ in ("communities", "localities")
        or before.lower_ in ACT_ON_PLACE_NOUNS
        or before.lower_ in FACILITY_NOUNS  # "the port infrastructure of Odesa"
        # "the post of Tessit", "the garrison of Boulkessi" (translated French communiques),
        # among soldiers only: elsewhere "the post of Prime Minister" is an office.
        or (military and military_post_of(token))
    )


def _capitalised_run(sent: Span, start: int, options: PlaceOptions) -> Span | None:
    """'Maarat al-Numan', 'Deir ez-Zor', 'Hmeimim': title-case words joined by particles."""
    start = hyphen_name_start(sent, start, _NAME_PARTICLES)  # "Petite-Rivière-de-l'Artibonite"
    doc, end = sent.doc, start
    while end < sent.end:
        token = doc[end]
        capitalised = (
            token.is_title
            or (token.is_upper and len(token) > 1)
            or _APOSTROPHE_NAME.fullmatch(token.text) is not None
            or elided_name(token)
        )
        particle = token.lower_ in _NAME_PARTICLES and end + 1 < sent.end and end > start
        particle = particle or (end == start and leading_article(sent, end))  # "al-Bab"
        particle = particle or glued_connector(sent, end)  # "Pol-i-Khumri"
        if not (capitalised or particle):
            break
        end += 1
    while end > start and doc[end - 1].lower_ in _NAME_PARTICLES:
        end -= 1
    if end == start:
        return None
    span = doc[start:end]
    if span[0].lower_ in _NOT_NAMES or span.text.lower() in options.adjectives:
        return None
    if all(t.ent_type_ == "NORP" for t in span) and end < sent.end and names_people(doc[end]):
        return None  # a people's name before its members: "of Fulani herders" (review)
    if any(t.ent_type_ in _NOT_PLACE_LABELS for t in span):
        return None
    return span


def _with_designator(span: Span) -> Span:
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DESIGNATORS and doc[span.end].is_lower:
        return doc[span.start : span.end + 1]
    if span.end + 1 < len(doc) and doc[span.end : span.end + 2].text.lower() == "air base":
        return doc[span.start : span.end + 2]
    return span


def _role(span: Span, sent: Span, options: PlaceOptions) -> str:
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:  # "over Iran and Iraq": Iraq as Iran
        root = root.head
    if compared_place(root, options.comparison_preps):
        return "other"
    if root.dep_ == "nsubj" and not comes_under(root.head):
        return "other"  # "Russia plans an offensive": a state acting, not a location
    if (
        qualifier(span, root, _PLACE_NOUNS | DESIGNATORS)
        or hyphen_modifier(span)
        or larger_area(root)
    ):
        return "other"  # "U.S. service members", "Afghanistan's Kandahar province"
    if root.dep_ == "compound" and root.head.lemma_.lower() in ROAD_NOUNS:
        return "route"  # "on the Ansongo road": the road leads there, from somewhere else
    if names_road_end(sent.doc.text, span.start_char, span.end_char):
        return "route"  # "the Addis Ababa - Mekelle highway"
    first = min(root.left_edge.i, span.start) if root.i != span.root.i else span.start
    words, verb = _words_back_to_verb(sent, first)
    if verb is None and "from" in words:  # a parenthesis cut the words short of the verb
        verb = verb_of_from(first, sent)
    return _role_from(words, verb, options)


def _words_back_to_verb(sent: Span, first: int) -> tuple[list[str], Token | None]:
    """Lower-case words between the nearest verb (or clause break) and the place, in order."""
    words: list[str] = []
    for i in range(first - 1, sent.start - 1, -1):
        token = sent.doc[i]
        if token.pos_ in ("VERB", "AUX"):
            return words, token
        if token.is_punct and token.text not in ("-", "'", "’"):
            break
        words.insert(0, token.lower_)
    return words, None


def _role_from(words: list[str], verb: Token | None, options: PlaceOptions) -> str:
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma == "leave" and _LEFT_HARMED.intersection(words):
        lemma = ""  # "shelling left three civilians dead across X" is no departure (review)
    words = after_trip(without_result_from(words), lemma in MOTION_VERBS)
    preps = [w for w in words if w in LOCATIVE or w in _DEST_PREPS or w == "off"]
    first = preps[0] if preps else ""
    if lemma == "base" or lemma == "station":
        return "origin" if options.military_context else "other"
    if "from" in preps:
        if (lemma in REMOVAL_VERBS and not describes_people(verb)) or departure_role(verb):
            return "event"  # "abducted 40 people from X", "fled from X after the attack"
        return "origin" if lemma in ORIGIN_VERBS else "other"
    if (
        "via" in preps[-1:]
        or first == "via"
        or (first in _ROUTE_PREPS and lemma in MOTION_VERBS)
        or lemma == "overfly"
    ):
        return "route"
    # A phrase of its own after the destination ("fled towards Lwibo after explosions in
    # Nyabiondo") places its event; "drove to Geary Lake in Kansas" stays the destination.
    if (
        first in _DEST_PREPS
        and lemma in MOTION_VERBS
        and not _PHRASE_BREAKS.intersection(words[words.index(first) :])
    ):
        return "destination"
    own = next((w for w in reversed(preps) if w != "of"), "")
    if own in _TOWARDS and lemma in MOTION_VERBS | _CARRY_VERBS | _ADVANCE_VERBS:
        # "a truck carrying troops along the road east of Afgooye towards the capital"
        # (session 14); "attacked positions towards Pokrovsk" fought near Pokrovsk (review)
        return "destination"
    return "event"


_PHRASE_BREAKS = frozenset({"after", "before", "following", "amid", "during", "as", "when",
                            "while", "since", "despite"})  # fmt: skip
_TOWARDS = frozenset({"towards", "toward"})
_LEFT_HARMED = frozenset({"dead", "injured", "wounded", "homeless", "without", "hurt"})
_CARRY_VERBS = frozenset({"carry", "transport", "ferry", "escort", "tow", "haul"})
# "as the rebels press toward the capital X" (session 16): where they head, not where it was
_ADVANCE_VERBS = frozenset({"press", "push", "advance", "march", "close", "edge", "inch"})
