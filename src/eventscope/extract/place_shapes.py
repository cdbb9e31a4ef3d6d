"""Sentence shapes that say where an event happened, or that a name is not the place.

Kept apart from :mod:`eventscope.extract.places`, which applies them: a place that is the
subject ("Kherson city came under fire", "Kharkiv was shelled"), a name introduced by "of"
after an act on a place ("the shelling of Kherson"), a unit named with an article ("in the
Sumy region"), the larger area named before a smaller place ("the Red Sea port of
Hodeidah", "the West Darfur capital El Geneina") and the town a road leads to ("on the
Ansongo road"), and the town of a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Span, Token

from eventscope.extract.dates import DATELINE
from eventscope.extract.lexicon import default_lexicon
from eventscope.models import PlaceMention

# Nouns of an act done to a place: "the shelling of Kherson", "the siege of El Fasher".
# Not "capture" or "liberation": people are captured and freed too ("the capture of Juan
# Manuel").
ACT_ON_PLACE_NOUNS = frozenset({"shelling", "bombing", "bombardment", "siege", "storming",
                                "encirclement", "blockade"})  # fmt: skip
# What a strike hits in a place, named before it with "of": "the port infrastructure of
# Odesa", "the energy facilities of Kharkiv". Plural or mass nouns only: "the facility of"
# reads as an owner ("the facility of the company") more often than as a town. A market is
# a town's, whatever its number: "a drone hit the market of Kafranbel" (round 6).
FACILITY_NOUNS = frozenset({"infrastructure", "facilities", "installations", "market",
                            "markets", "marketplace", "souk", "bazaar"})  # fmt: skip
# A military post named by its town with "of", as French communiques put it in translation:
# "the post of Tessit", "the camp of Boulkessi", "the garrison of Djibo" (session 11).
MILITARY_POSTS = frozenset({"post", "outpost", "garrison", "barracks", "base", "posts", "bases"})
# Words of an office, which "the post of" also introduces: "took the post of Chief of Staff",
# "the post of Defence Minister". Not "General": "General Santos" is a town.
OFFICE_WORDS = frozenset({"chief", "commander", "minister", "governor", "director", "head",
                          "president", "secretary", "deputy", "vice", "prime", "premier",
                          "mayor", "ambassador", "envoy", "spokesman", "spokesperson",
                          "spokeswoman", "chairman", "chairperson", "chair", "speaker",
                          "prefect", "inspector", "adviser", "advisor", "coordinator",
                          "leader", "officer", "administrator", "attorney", "judge",
                          "commissioner", "superintendent", "chancellor", "colonel",
                          "captain", "lieutenant", "major", "brigadier", "marshal",
                          "acting", "interim"})  # fmt: skip
# A place noun that a smaller place's name follows: "the West Darfur capital El Geneina",
# "the Red Sea port of Hodeidah". The name before the noun is the larger area around it.
NAMED_BY_WHAT_FOLLOWS = frozenset({"capital", "city", "town", "village", "port",
                                   "hamlet"})  # fmt: skip
# "on the Ansongo road": a name on a road says where it leads, not where the event was.
ROAD_NOUNS = frozenset({"road", "highway", "motorway", "route", "railway"})
# The two ends of a road's name, written apart: "the Addis Ababa - Mekelle highway", "the
# Kajo-Keji – Yei road". Each end is where the road leads, not where the event was.
_END_AFTER = re.compile(
    r"\s*[-–—]\s*(?:[A-Z][\w'’-]*\s+){1,3}(?:road|highway|motorway|route|railway|corridor)\b"
)
_END_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*[-–—]\s*$")
_ROAD_AFTER = re.compile(r"\s+(?:road|highway|motorway|route|railway|corridor)\b")


def names_road_end(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is one end of a road's name written with a spaced
    dash (session 20, round 21: "the Kobo-Alamata section of the Addis Ababa - Mekelle
    highway" placed a Fano ambush in Addis Ababa)."""
    if _END_AFTER.match(text, end):
        return True
    return bool(_END_BEFORE.search(text[max(0, start - 40) : start])) and bool(
        _ROAD_AFTER.match(text, end)
    )


def struck_subject(token: Token, place_verbs: Collection[str]) -> bool:
    """The subject of "came under (fire, attack)" or of a passive place verb ("was shelled"),
    when it is a name ("Kharkiv", "Kherson city"): "Villages were shelled" names no place."""
    if "PROPN" not in (token.pos_, token.left_edge.pos_):
        return False
    head = token.head
    if token.dep_ == "nsubjpass":
        return head.lemma_.lower() in place_verbs
    return token.dep_ == "nsubj" and comes_under(head)


def comes_under(verb: Token) -> bool:
    return verb.lemma_.lower() == "come" and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in verb.children
    )


# Administrative units named with an article: "in the Sumy region", "in the Idlib province".
UNITS = frozenset({"region", "province", "oblast", "governorate", "state", "district",
                   "county", "prefecture", "territory", "municipality",
                   "countryside", "department", "township", "commune"})  # fmt: skip


# A front line named after its town (session 18): "in the Chaman sector", "on the Kupiansk
# axis", "in the Pokrovsk direction".
FRONT_WORDS = frozenset({"sector", "axis", "direction"})
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "central", "northeastern", "northwestern", "southeastern",
                      "southwestern", "northeast", "northwest", "southeast", "southwest",
                      "upper", "lower", "middle", "-"})  # fmt: skip


def unit_name_at(sent: Span, i: int, particles: Collection[str]) -> bool:
    """Whether a title-case name followed by an administrative unit starts at ``i``, or
    (session 13b) by a military post: "the N'Gouboua garrison", "the Djibo base", or (session
    18) by a front line's word ("the Chaman sector")."""
    j = i
    while j < sent.end and (sent.doc[j].is_title or sent.doc[j].lower_ in particles):
        j += 1
    if not (j > i and j < sent.end):
        return False
    word = sent.doc[j].lower_
    if word in FRONT_WORDS:  # "the Western sector", "the Southern axis": no town (review)
        return not all(t.lower_ in _COMPASS for t in sent.doc[i:j])
    return word in UNITS | MILITARY_POSTS


def larger_area(root: Token) -> bool:
    """'the *Red Sea port* of Hodeidah', 'the *West Darfur* capital El Geneina': a name on a
    place noun that another name then specifies is the area around the event place."""
    noun = root
    while noun.dep_ == "compound" and noun.head.i > noun.i:  # "Black Sea port city of Odesa"
        noun = noun.head
    if noun.lower_ not in NAMED_BY_WHAT_FOLLOWS or not noun.is_lower:
        return False  # "Gaza City", "Benin City": the noun is part of the name
    for child in noun.children:
        if child.dep_ == "appos" and child.i > noun.i and child.pos_ == "PROPN":
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and _names_a_place(child):
            return True
    return False


def military_post_of(of: Token) -> bool:
    """Whether "of" after a military post names the post's town ("the post of Tessit", "the
    garrison of Djibo"): not when an office follows, for soldiers' news also tells who "took
    the post of Chief of Staff" (review of session 11). The whole capitalised run is read, so
    "the post of General Secretary" is an office too."""
    doc = of.doc
    if of.i == 0 or doc[of.i - 1].lower_ not in MILITARY_POSTS:
        return False
    for token in doc[of.i + 1 : min(len(doc), of.i + 5)]:
        if token.lower_ in OFFICE_WORDS:
            return False
        if not (token.is_title or token.lower_ in {"of", "al", "el"}):
            break  # the run of the name ended
    return True


def _names_a_place(of: Token) -> bool:
    return any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in of.children)


# Capitals that open a paragraph but are no dateline: "UPDATE - ...", "BREAKING - ...",
# "BACKGROUND: ...", "EDITOR'S NOTE: ...", "WHAT WE KNOW: ..." (any word of the name).
_PRESS_LABELS = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "LIVE",
                           "ANALYSIS", "OPINION", "EDITORIAL", "FACTBOX", "EXPLAINER",
                           "CORRECTION", "URGENT", "FLASH", "VIDEO", "PHOTOS",
                           "WARNING", "NOTE", "READ", "PHOTO", "AUDIO", "QUOTE",
                           "UPDATES", "TIMELINE", "BACKGROUND", "EDITOR", "EDITORS",
                           "FILE", "KEY", "POINTS", "WHAT", "KNOW", "SUMMARY", "RELATED",
                           "JUST", "ALERT", "DEVELOPING", "SOURCE", "SOURCES", "RECAP",
                           "HIGHLIGHTS", "CONTEXT", "INTERVIEW", "STATEMENT", "LATEST",
                           "GRAPHIC", "FEATURE", "PROFILE", "BRIEF", "BRIEFING",
                           "INSIGHT", "COMMENT", "REPORT", "TRANSCRIPT", "Q&A"})  # fmt: skip
# Who speaks before a colon, never where: news agencies, press offices and organisations
# ("ISPR: Five terrorists were killed", "NATO: Russian missiles ..."). Two-letter ones ("UN",
# "AP") are too short for a dateline anyway. Named actors are added from actors.json.
_AGENCIES = frozenset({"AFP", "REUTERS", "ISPR", "XINHUA", "TASS", "RIA", "IRNA", "SANA",
                       "ANI", "PTI", "IANS", "APP", "DPA", "UPI", "NATO", "UNICEF", "UNHCR",
                       "OCHA", "ICRC", "WHO", "IOM", "WFP", "MSF", "HRW", "AMNESTY", "ACLED",
                       "IAEA", "ECOWAS", "OSCE", "UNAMA", "MONUSCO", "MINUSMA", "UNMISS",
                       "PENTAGON", "KREMLIN", "ANADOLU", "BERNAMA", "WAFA", "AMISOM",
                       "ATMIS", "IGAD", "OHCHR", "UNOCHA", "UNRWA"})  # fmt: skip


def _town_like(name: str, colon: bool = False) -> bool:
    """A dateline names a town: no word of it a press label, not a two-letter acronym ("UN
    -"), and before a colon not an agency or a known actor ("ISPR:", "TALIBAN:"), for the
    colon also opens what someone said. (The tagger's ORG label is no test: it gives it to
    capitalised towns, "MOGADISHU".)"""
    words = [re.sub(r"['’]S$", "", w.strip(".")) for w in name.split()]
    if any(w in _PRESS_LABELS for w in words) or len(name.replace(".", "")) < 3:
        return False
    return not (colon and _speaker_name(name.replace("’", "'")))


def _speaker_name(name: str) -> bool:
    return name in _AGENCIES or name in _actor_names()


@lru_cache(maxsize=1)
def _actor_names() -> frozenset[str]:
    """Names and aliases of actors.json, upper-cased as a dateline writes them."""
    names: set[str] = set()
    for actor in default_lexicon().actors:
        names |= {actor.name, *actor.aliases, *actor.cased_aliases}
    return frozenset(n.upper() for n in names)


def names_an_actor(token: Token) -> bool:
    """Whether the word opens the name of an actor of actors.json ("Wagner" of "Wagner
    Group", "Wagner forces"): "the Wagner military camp" is the group's, not a town's."""
    return token.text.upper() in _actor_first_words()


@lru_cache(maxsize=1)
def _actor_first_words() -> frozenset[str]:
    return frozenset(n.split()[0] for n in _actor_names() if n.split())


_NOT_PLACES = frozenset({"DATE", "NORP", "TIME"})


def conjoined_starts(spans: list[Span], sent: Span) -> list[int]:
    """Where names conjoined after a found place start ("struck Kharkiv and Sumy", "in Dolo,
    Kafou and Mirebalais"): the tagger often calls the later ones persons, and no locative
    comes before them, so they were lost (session 16). Their role is the first one's."""
    out = []
    for span in spans:
        for conj in span.root.conjuncts:
            named = (conj.pos_ == "PROPN" or conj.is_title) and conj.ent_type_ not in _NOT_PLACES
            # "in Rutshuru and Human Rights Watch said": the subject of a clause of its own
            after = conj.doc[conj.i + 1] if conj.i + 1 < sent.end else None
            # (a verb right after it with no subject of its own: the parser missed that
            # the name is that subject; "Fighters from Idlib and Hama attacked" has one)
            subject = conj.dep_ in ("nsubj", "nsubjpass") or bool(
                after is not None
                and after.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children)
            )
            if conj.i >= span.end and sent.start <= conj.i < sent.end and named and not subject:
                out.append(max(conj.left_edge.i, span.end))
    return out


def dateline_places(sent: Span) -> list[PlaceMention]:
    """The town of a dateline that opens a paragraph, as the event place: for a sentence
    that names no place of its own ("PESHAWAR - Five people were killed ... in the city").
    A sentence that names its place keeps it: a story filed in Kyiv may report Lviv."""
    m = _dateline(sent)
    if m is None:
        return []
    start = m.start("name")
    return [PlaceMention(text=m["name"], start=start, end=start + len(m["name"]), role="event")]


_ABBREVIATION = re.compile(r"(?:[A-Z][A-Za-z]{0,4}\.\s?){1,3}|[A-Z]{2,4}")


def dateline_qualifier_to_town(sent: Span, places: list[PlaceMention]) -> list[PlaceMention]:
    """An abbreviation read as a name inside a dateline's qualifier ("BUENAVISTA, Mich. -")
    only says where the dateline's town lies: the town stands in its place, and the
    geocoder reads the qualifier after it (session 20: the model tagged "Mich." and not the
    capitals before it, and the story went to Michigan)."""
    m = _dateline(sent)
    if m is None:
        return places
    inside = [p for p in places if m.end("name") <= p.start < m.start("sep")]
    # Only an abbreviation ("Mich.", "N.L.", "SC"): a country there ("PESHAWAR, Pakistan -")
    # stays the sentence's place, as the filing town is often not where the event was
    # (round 22: a bomb "in the Bajaur tribal district" filed from Peshawar).
    if not inside or not all(_ABBREVIATION.fullmatch(p.text) for p in inside):
        return places
    kept = [p for p in places if p not in inside]
    if any(p.start == m.start("name") for p in kept):
        return kept
    start = m.start("name")
    town = PlaceMention(text=m["name"], start=start, end=start + len(m["name"]), role="event")
    return [town, *kept]


# An area named by its kind word, then the larger place it lies in: "a displacement site in
# Sirwah district in Marib", "Kalehe territory, South Kivu" (session 20, round 22).
_AREA_END = re.compile(
    r"\b(?:district|province|county|sub-county|governorate|oblast|raion|region|territory|"
    r"department|municipality|prefecture|township|tehsil|woreda|LGA)$",
    re.I,
)
_IN_AREA = re.compile(r"\s*(?:,\s*)?(?:in\s+(?:the\s+)?)?")


def area_locators(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with each event place that only says where the area before it lies made
    "other": "in Sirwah district in Marib" is Sirwah district, Marib the governorate around
    it (read as the town of Ma'rib, the more precise place won)."""
    out = list(places)
    ordered = sorted(range(len(out)), key=lambda i: out[i].start)
    for i, j in pairwise(ordered):
        area, after = out[i], out[j]
        between = text[area.end : after.start]
        if (
            area.role == "event"
            and after.role == "event"
            and _AREA_END.search(area.text)
            and between.strip()
            and _IN_AREA.fullmatch(between)
        ):
            out[j] = replace(after, role="other")
    return out


def dateline_start(sent: Span) -> int | None:
    """Where the town of the dateline that opens ``sent`` starts (a character offset)."""
    m = _dateline(sent)
    return m.start("name") if m is not None else None


def _dateline(sent: Span) -> re.Match[str] | None:
    text = sent.doc.text
    opening = text.rfind("\n", 0, sent.start_char) + 1  # the paragraph's first character
    m = DATELINE.match(text, opening)
    # The dateline opens this sentence, or is all that precedes it in the paragraph: the
    # parser makes "ARIHA, Syria (Levant Wire) -" a sentence of its own.
    if m is None or not _town_like(m["name"], m["sep"] == ":"):
        return None
    if opening != sent.start_char and text[m.end() : sent.start_char].strip():
        return None
    return m


# "in this town", "on the outskirts of this city": the writer places the event at the
# dateline's town. Not any "this town": "the first attack on this city since March" and "a
# town 100 km south of this city" only mention it (review of session 11).
_HERE = re.compile(
    r"\b(?:in|at|near|inside|outside|around|(?:outskirts|centre|center|heart|edge|suburbs?"
    r"|streets|district|neighbou?rhood)\s+of)\s+this\s+(?:town|city|village|capital|port)\b",
    re.I,
)


def dateline_here(sent: Span, places: list[PlaceMention]) -> list[PlaceMention]:
    """A datelined lede that places its event "in this town" names the dateline's town as the
    event place: in "ARIHA, Syria - ... struck a market in this town south of Idlib", Idlib
    only says where Ariha lies. The sentence's other event places are then context ("other").
    An event place the lede names before "this town" keeps it ("KYIV - Russian missiles struck
    Lviv ..."), as does a lede without "this town" (see :func:`dateline_places`). Returns
    ``places`` unchanged when the rule does not apply."""
    here = _HERE.search(sent.doc.text, sent.start_char, sent.end_char)
    dateline = _dateline(sent) if here else None
    if here is None or dateline is None:
        return places
    if any(
        p.role == "event" and dateline.end() <= p.start < here.start() and _town_level(p)
        for p in places
    ):
        return places  # the lede named its own event town first
    town = dateline_places(sent)
    others = [p if p.role != "event" else replace(p, role="other") for p in places]
    return town + [p for p in others if p.start >= town[0].end]


# Words that make a name an area, which a town in it may be: "struck the Idlib countryside,
# hitting a market in this town" places the strike in the dateline's town (review 2).
_AREA_WORDS = UNITS | {"area", "areas", "regions", "provinces", "districts", "countrysides"}


def _town_level(place: PlaceMention) -> bool:
    """Whether an event place names a town rather than an area or a country ("KYIV - ...
    struck Lviv" keeps Lviv; "struck Idlib province" and "Syria" do not block "this town")."""
    words = place.text.lower().split()
    if not words or words[-1] in _AREA_WORDS or words[0] in _AREA_WORDS:
        return False
    return place.text.lower() not in _countries()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c.lower() for c in default_lexicon().demonyms.values())


# "the state capital", "the regional capital", "the political capital": not a country's
_CAPITAL_NOUN = "capital"


def capital_spans(sent: Span, adjectives: Collection[str]) -> list[Span]:
    """A country's capital named by its role: "the Ukrainian capital", "Sudan's capital", "the
    capital" (the geocoder reads it as that country's, or the story's, capital city:
    :mod:`eventscope.geocode.capitals`). Not when a name follows, which is then the place ("the
    capital, Kyiv", "the capital Kyiv"), nor "capital punishment", "the state capital" or "the
    capital of Ukraine" (the country is named as the place there)."""
    out = []
    for token in sent:
        if token.lower_ != _CAPITAL_NOUN or token.pos_ != "NOUN":
            continue
        # "capital punishment"; "Goma, the capital," (the named town is the place); "lacks
        # the capital to rebuild" (money)
        if token.dep_ in ("compound", "appos") or _money(token):
            continue
        start = _capital_start(token, adjectives)
        if start is not None:
            out.append(sent.doc[start : token.i + 1])
    return out


def _capital_start(capital: Token, adjectives: Collection[str]) -> int | None:
    """Where "the <Demonym> capital" or "<Country>'s capital" starts (after "the"), or None
    when ``capital`` is not a country's capital named by its role."""
    start, determined = capital.i, False
    for child in capital.children:
        dep = child.dep_
        if dep == "det" and child.lower_ == "the":
            determined = True
        elif dep == "amod" and child.lower_ in adjectives:
            start = min(start, child.i)
        elif dep == "poss" and child.pos_ == "PROPN":
            start, determined = min(start, child.left_edge.i), True
        elif dep in ("amod", "compound", "appos", "poss", "nmod") or _of_what(child):
            return None  # "the state capital", "the capital Kyiv", "the capital of Ukraine"
    return start if determined else None


# "lacks / needs / raised the capital (to rebuild)": money, not a city
_MONEY_VERBS = frozenset({"lack", "need", "raise", "have", "invest", "inject", "provide",
                          "attract", "borrow", "spend", "secure"})  # fmt: skip


def _money(noun: Token) -> bool:
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _MONEY_VERBS:
        return True
    return any(  # "the capital to rebuild"
        c.dep_ in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in noun.children
    )


def _of_what(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ == "of"
