"""MUC-4 target fills read from the whole document, not only from the extractor's mentions.

The extractor codes one event per clause from a trigger; MUC-4 templates also name victims and
damaged property in sentences that hold no codable event of their own: "the murder of Senator
*Luis Carlos Galan*" (a nominal trigger inside a statement), "*Jairo Ortega* ... were also
killed" (a passive with no subject), "*two vehicles* were destroyed". These rules read such
victim and damage contexts around the person names and building or vehicle nouns of the text.
Checked on MUC-4 train (see docs/extraction.md, "MUC-4 targets from the whole document").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from eventscope.clean.truecase import known_names

Span = tuple[int, int, str]  # start, end, text of a person name in the document

# Words of harm done to a person; stems, so inflections match ("murdered", "kidnapping").
_HARM = (
    r"(?:kill|murder|assassinat|kidnapp|abduct|shot|shoot|wound|injur|execut|slain|slay|"
    r"attack|disappear|tortur|massacr)\w*"
)
# Nouns of harm followed by their victim ("the murder of", "an attack on").
_HARM_NOUN = (
    r"(?:murders?|assassinations?|killings?|kidnappings?|abductions?|disappearance|death|"
    r"slaying|execution|body|bodies|wounding|corpse|attacks?|attempt)"
)
# Words that may stand between the harm word and the name: titles and descriptions ("the
# murder of *retired general* Gustavo Alvarez"), at most five; a preposition or verb ends them
# ("killed in *San Miguel*", "killed to protest ...").
_TITLE_GAP = (
    r"\s+(?:(?!(?:in|at|near|from|to|by|for|with|during|after|before|while|when|that|was|were|"
    r"is|are|said|says)\b)[A-Za-z-]+\s+){0,5}"
)
# "among the injured are *X*", "the victim was identified as *X*".
_VICTIM_LIST = (
    r"\b(?:injured|wounded|dead|victims?|hostages?)\s+(?:here\s+)?(?:were|was|are|is|"
    r"include[sd]?|including)(?:\s+identified\s+as)?"
)
_BEFORE = re.compile(
    rf"(?:\b{_HARM_NOUN}\s+(?:on|against|of)(?:\s+the\s+life\s+of)?|\b{_HARM}|{_VICTIM_LIST})"
    rf"\b{_TITLE_GAP}$",
    re.IGNORECASE,
)
# "*Jairo Ortega*, the bodyguard, were also killed", "*Oqueli* (...) was kidnapped", "*X*,
# who was abducted", "*X* was the victim of", "*X* escaped unharmed".
_AFTER = re.compile(
    rf"^(?:,[^.;:!?]{{0,80}},|\s+\([^)]*\)|,(?=\s+who\b))?\s+(?:who\s+)?"
    rf"(?:(?:was|were|had|has|have|been|also|later|reported|reportedly|allegedly)\s+)*"
    rf"(?:{_HARM}|found\s+dead|died|(?:the\s+)?victims?\s+of|escaped\s+(?:unharmed|unhurt))",
    re.IGNORECASE,
)
# A name that says something is the source of a statement, not a victim ("the murder of
# Galan, *Lopez* said").
_SPEAKS = re.compile(
    r"\s*(?:(?!(?:was|were|is|are|had|has|have|been)\b)\w+\s+)?(?:said|says|stated|told|"
    r"added|reported|announced|declared|noted|explained|denied|confirmed|charged|asserted|"
    r"indicated)\b",
    re.IGNORECASE,
)
# Between two names of one list: "*A*, 53; *B*", "*A*, *B*, and Dr *C*", "*A* and *B*".
_LIST_GAP = re.compile(r"(?:,\s*\d{1,3})?\s*(?:[,;]|,?\s+and)\s+(?:[a-z][\w-]*\s+){0,2}")


def victim_names(text: str, persons: Sequence[Span]) -> list[Span]:
    """Person names that the text says were harmed: after a harm word ("killed *X*", "the
    kidnapping of *X*") or before a passive or intransitive one ("*X* was murdered", "*X*
    died"), and the names listed with one of them ("the murders of A, *B*, and *C*")."""
    ordered = sorted(set(persons))
    harmed = [_harmed(text, start, end) for start, end, _name in ordered]
    changed = True
    while changed:  # spread along a list, in both directions
        changed = False
        for i in range(len(ordered) - 1):
            gap = text[ordered[i][1] : ordered[i + 1][0]]
            if harmed[i] != harmed[i + 1] and _LIST_GAP.fullmatch(gap):
                harmed[i] = harmed[i + 1] = changed = True
    return [
        span
        for span, hit in zip(ordered, harmed, strict=True)
        if hit and not _SPEAKS.match(text, span[1])
    ]


def _harmed(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    return bool(_BEFORE.search(before) or _AFTER.search(text[end : end + 120]))


# The words that continue a name: a capitalised word, after Spanish particles if any ("Maria
# *del Carmen*"); a name grows only over single spaces.
_NEXT_NAME_WORD = re.compile(r" ((?:(?:de|del|la|las|los|y|da|dos) )*)[A-Z][\w'’-]*")
_PREVIOUS_WORD = re.compile(r"(?:^|(?<=[^\w'’.-]))[A-Z][\w'’-]* $")
# What ends a sentence before a word: that word is capitalised for the sentence, not the name.
_SENTENCE_BREAK = re.compile(r"(?:[.!?:;\"“(]|\n)\s*$")


def whole_names(text: str, persons: Sequence[Span]) -> list[Span]:
    """Person names grown over the capitalised words next to them: the recogniser often stops
    inside a long Spanish name ("*Hector Oqueli* Colindres", "Luis Carlos *Galan* Sarmiento"),
    and a template names the whole; a longer string still contains the shorter form."""
    grown = []
    for start, end, _name in persons:
        start, end = _grow_left(text, start), _grow_right(text, end)
        grown.append((start, end, text[start:end]))
    return grown


def _grow_right(text: str, end: int) -> int:
    while (match := _NEXT_NAME_WORD.match(text, end)) is not None:
        end = match.end()
    return end


def _grow_left(text: str, start: int) -> int:
    """Capitalised words before a name, except the first word of a sentence ("Yesterday")."""
    while (match := _PREVIOUS_WORD.search(text, max(0, start - 40), start)) is not None:
        before = text[max(0, match.start() - 3) : match.start()]
        if match.start() == 0 or _SENTENCE_BREAK.search(before):
            break
        start = match.start()
    return start


def physical(head: str) -> bool:
    """Whether a head noun names a physical target: a building, vehicle or installation
    (plural forms too). Places, military positions and abstractions ("positions", "areas",
    "democracy") are not: on MUC-4 train they made most of the phys_tgt_id false positives."""
    return any(head == w or head == w + "s" or head == w + "es" or (w.endswith("y") and
               head == w[:-1] + "ies") for w in _PHYSICAL)  # fmt: skip


# Buildings and premises, vehicles, and utility or transport installations.
_PHYSICAL = frozenset({
    "building", "house", "home", "residence", "mansion", "office", "headquarters", "premises",
    "embassy", "consulate", "ministry", "palace", "presidency", "bank", "branch", "store",
    "shop", "supermarket", "mall", "market", "restaurant", "hotel", "bar", "club", "cinema",
    "theater", "church", "cathedral", "school", "university", "college", "institute",
    "hospital", "clinic", "pharmacy", "drugstore", "library", "factory", "plant", "refinery",
    "warehouse", "company", "firm", "corporation", "business", "establishment", "dealership",
    "agency", "facility", "facilities", "installation", "property", "estate", "newspaper",
    "station", "substation", "ministation", "tower", "pylon", "pole", "post", "line",
    "pipeline", "pipe", "transformer", "grid", "network", "system", "dam", "bridge", "highway",
    "road", "railway", "airport", "port", "terminal", "booth", "kiosk", "shack", "cabin",
    "room", "kitchen", "bathroom", "garage", "gate", "camp", "center", "centre", "site",
    "car", "automobile", "vehicle", "bus", "truck", "dumptruck", "van", "jeep", "taxi",
    "ambulance", "train", "plane", "airplane", "aircraft", "airliner", "helicopter", "boat",
    "ship", "vessel", "motorcycle", "bicycle", "tanker",
})  # fmt: skip


# "executed by order of *X*", "shot by *X*": the name is the agent, not the victim.
_AGENT_BEFORE = re.compile(r"\bby\s+(?:(?:the\s+)?orders?\s+of\s+)?$", re.IGNORECASE)


def is_agent(text: str, start: int) -> bool:
    """Whether a person name at ``start`` is the agent of a passive ("killed *by X*")."""
    return _AGENT_BEFORE.search(text, max(0, start - 30), start) is not None


# Damage done to property, before its object ("dynamited *the bridge*", "an attack on *the
# embassy*", "a bomb exploded at *a bank*") or after it ("*two buses* were burned").
_DAMAGE = (
    r"(?:destroy|damag|burn|torch|dynamit|bomb|attack|sabotag|loot|raid|machinegunn|strafe|"
    r"blew\s+up|blow\s+up|set\s+fire\s+to|set\s+on\s+fire|fired\s+(?:on|at))\w*"
)
_PLACE_PREPOSITION = r"(?:on|against|at|in|near|outside|inside)"
# Up to four modifiers of the head ("the Ucr district", "some 20 food"), no function words.
_MODIFIERS = (
    r"(?<![\w'’-])((?:(?!(?:and|or|of|in|at|on|to|by|with|from|for|against|that|which|who|"
    r"when|was|were|is|are|has|have|had|near|after|before|during|such)\b)[\w'’-]+\s){0,4})"
)
_DAMAGE_BEFORE = re.compile(
    rf"(?:\b{_DAMAGE}|\b(?:attacks?|explosions?|exploded|went\s+off|blasts?)\s+"
    rf"{_PLACE_PREPOSITION})\s+{_MODIFIERS}$",
    re.IGNORECASE,
)
_MODIFIERS_BEFORE = re.compile(rf"{_MODIFIERS}$", re.IGNORECASE)
_DAMAGE_AFTER = re.compile(
    rf"\s+(?:(?:was|were|had|has|have|been|also|partially|completely|totally|heavily|"
    rf"seriously|badly)\s+)+{_DAMAGE}",
    re.IGNORECASE,
)
# Military property is no MUC-4 target; helicopters and armoured vehicles in these reports are
# the army's (1 of 368 train physical targets is a helicopter).
_MILITARY = re.compile(
    r"\b(?:military|army|armed forces|barracks|garrison|armou?red|helicopters?)\b", re.IGNORECASE
)


def damaged_property(text: str) -> list[str]:
    """Building, vehicle and installation phrases the text says were damaged, bombed or
    attacked: the phrase after the damage word, or before a passive one."""
    found = []
    for match in re.finditer(r"\b[A-Za-z-]+\b", text):
        if not physical(match.group(0).lower()):
            continue
        window = text[max(0, match.start() - 90) : match.start()]
        before = _DAMAGE_BEFORE.search(window)
        if before is None and _DAMAGE_AFTER.match(text, match.end()):
            before = _MODIFIERS_BEFORE.search(window)
        if before is None:
            continue
        phrase = before.group(1) + match.group(0)
        if not _MILITARY.search(phrase):
            found.append(phrase)
    return found


@lru_cache(maxsize=1)
def _place_and_group_names() -> frozenset[str]:
    """Lower-cased names of armed groups, countries, demonyms and big cities (the truecaser's
    known names)."""
    return frozenset(name.lower() for name, _always in known_names())


def is_place_or_group(name: str) -> bool:
    """Whether a PERSON entity is in fact a known place or group ("Cartagena", "Shining
    Path", "The Extraditables"): the recogniser tags many of them as persons in re-cased
    MUC-4 text (all 17 such train fills were wrong)."""
    key = re.sub(r"['’]s?$", "", name.lower())
    return key in _place_and_group_names() or key.removeprefix("the ") in _place_and_group_names()
