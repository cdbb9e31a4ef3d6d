"""Who the dead were, and what else a sentence counts.

* **Civilians and children among the fatalities**: a fatality count whose own noun names
  civilians or children ("killing at least 12 *civilians*", "five *children* died"), and a
  subset after it ("at least 63 people, *including nine children*", "among them four women").
  Children are civilians too. Only stated figures count: "people" alone says nothing of who.
* **Other counts, typed**: aircraft ("six bombers"), sorties and strikes ("38 sorties"),
  vehicles ("60 armed pickup trucks"), fighters ("hundreds of gunmen") and munitions ("nine
  rockets"), each with its value and span. A number that is itself a casualty count (the
  fighters killed) is left to :mod:`quantities`; money and units never match, since the noun
  must be one of the typed words.

Regular expressions over the sentence text, like :mod:`quantities`, so each rule is testable
without a parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventscope.extract.numbers import NUMBER_PATTERN, parse_number
from eventscope.extract.quantities import VAGUE_PATTERN, Count, vague_value
from eventscope.models import Evidence, Quantity

_CHILDREN = frozenset({
    "child", "children", "boy", "boys", "girl", "girls", "minor", "minors", "infant", "infants",
    "baby", "babies", "toddler", "toddlers", "kid", "kids", "pupil", "pupils", "schoolchildren",
    "teenager", "teenagers",
})  # fmt: skip
_CIVILIANS = _CHILDREN | frozenset({"civilian", "civilians", "woman", "women", "villager",
                                     "villagers", "resident", "residents", "worshipper",
                                     "worshippers", "passenger", "passengers", "farmer",
                                     "farmers", "shopper", "shoppers", "refugee", "refugees",
                                     "patient", "patients", "student", "students"})  # fmt: skip
_TYPED = {
    "aircraft": ("aircraft", "bomber", "bombers", "jet", "jets", "warplane", "warplanes",
                 "plane", "planes", "helicopter", "helicopters", "gunship", "gunships",
                 "drone", "drones"),
    "sorties": ("sortie", "sorties", "air strike", "air strikes", "airstrike", "airstrikes",
                "air raid", "air raids", "strike", "strikes", "raid", "raids"),
    "vehicles": ("vehicle", "vehicles", "truck", "trucks", "pickup", "pickups", "tank",
                 "tanks", "armoured vehicles", "armored vehicles", "motorbike", "motorbikes",
                 "motorcycle", "motorcycles", "convoy", "convoys", "boat", "boats"),
    "fighters": ("fighter", "fighters", "militant", "militants", "gunman", "gunmen",
                 "troop", "troops", "soldier", "soldiers", "rebel", "rebels", "insurgent",
                 "insurgents", "attacker", "attackers", "jihadist", "jihadists"),
    "munitions": ("bomb", "bombs", "missile", "missiles", "rocket", "rockets", "shell",
                  "shells", "mortar", "mortars", "mortar rounds", "grenade", "grenades",
                  "barrel bomb", "barrel bombs", "munitions"),
}  # fmt: skip
_KIND_OF = {noun: kind for kind, nouns in _TYPED.items() for noun in nouns}
_NOUN_ALT = "|".join(re.escape(n) for n in sorted(_KIND_OF, key=len, reverse=True))
_AMOUNT = rf"(?P<n>{NUMBER_PATTERN})|(?P<vague>{VAGUE_PATTERN})(?:\s+of)?"
# number, up to two modifiers ("armed pickup", "Tu-22M3 long-range"), then a typed noun
_TYPED_RE = re.compile(
    rf"(?<![\w$€£.,-])(?:{_AMOUNT})\s+(?:[\w'-]+\s+){{0,2}}?(?P<noun>{_NOUN_ALT})\b", re.I
)
_SUBSET_RE = re.compile(
    rf"\b(?:including|among\s+them|among\s+the\s+(?:dead|victims)(?:\s+were)?|of\s+whom)\s+"
    rf"(?:{_AMOUNT})",
    re.I,
)
# The next member of a subset list: ", four women", "and four women", ", and 2 men".
_MORE_RE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_AMOUNT})", re.I)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# Words that end the noun phrase after a number ("12 were killed", "five and ...").
_PHRASE_END = frozenset({
    "were", "was", "are", "is", "and", "or", "in", "on", "at", "by", "killed", "dead", "died",
    "wounded", "injured", "including", "who",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Civilians and children among a sentence's fatalities, with the spans that say so."""

    civilians: int | None = None
    children: int | None = None
    evidence: tuple[Evidence, ...] = ()


def fatality_breakdown(sentence: str, offset: int, counts: Sequence[Count]) -> Breakdown:
    """Civilians and children among the fatality ``counts`` of one sentence."""
    fatal = [c for c in counts if c.kind == "fatalities"]
    if not fatal:
        return Breakdown()
    civilians = children = 0
    evidence: list[Evidence] = []
    for count in fatal:  # the count's own noun: "killing 12 civilians"
        noun, _ = _noun_after(sentence, count.qty_end - offset)
        value = _value(count)
        if value and noun in _CIVILIANS:
            civilians += value
            children += value if noun in _CHILDREN else 0
            evidence.append(Evidence(_field(noun), count.start, count.end, count.text))
    first = min(c.start for c in fatal) - offset
    for match in _SUBSET_RE.finditer(sentence, max(0, first)):  # "including nine children"
        members = _subset_members(sentence, match)
        civilians = max(civilians, sum(v for noun, v, _, _ in members))
        children = max(children, sum(v for noun, v, _, _ in members if noun in _CHILDREN))
        for noun, _, start, end in members:
            text = sentence[start:end]
            evidence.append(Evidence(_field(noun), start + offset, end + offset, text))
    return Breakdown(civilians or None, children or None, tuple(evidence))


def _subset_members(sentence: str, match: re.Match[str]) -> list[tuple[str, int, int, int]]:
    """(noun, value, start, end) of each civilian member of a subset list: "including nine
    children and four women" -> children 9, women 4; the list ends at its first other noun."""
    members: list[tuple[str, int, int, int]] = []
    while match is not None:
        (noun, end), value = _noun_after(sentence, match.end()), _amount(match)
        if not value or noun not in _CIVILIANS:
            break
        start = match.start() if not members else match.start("n" if match["n"] else "vague")
        members.append((noun, value, start, end))
        match = _MORE_RE.match(sentence, end)  # type: ignore[assignment]
    return members


def typed_quantities(sentence: str, offset: int, counts: Sequence[Count]) -> list[Quantity]:
    """Aircraft, sorties, vehicles, fighters and munitions counted in the sentence, outside
    its casualty counts."""
    taken = [(c.qty_start - offset, c.end - offset) for c in counts]
    found: list[Quantity] = []
    for match in _TYPED_RE.finditer(sentence):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue  # "40 militants were killed": a casualty count, not a force size
        value = _amount(match)
        if value:
            kind = _KIND_OF[re.sub(r"\s+", " ", match["noun"].lower())]
            found.append(Quantity(kind, value, match.group(), start + offset, end + offset))
    return found


def _noun_after(sentence: str, position: int) -> tuple[str, int]:
    """The civilian or child noun among the (up to three) words after a number and where it
    ends; ("", position) when there is none."""
    for match in list(_WORD.finditer(sentence, position, position + 48))[:3]:
        word = match.group().lower()
        if word in _CIVILIANS:
            return word, match.end()
        if word in _PHRASE_END:
            break
    return "", position


def _amount(match: re.Match[str]) -> int | None:
    if match["vague"]:
        return vague_value(match["vague"])
    return parse_number(match["n"] or "")


def _value(count: Count) -> int | None:
    return next((v for v in (count.best, count.low, count.high) if v is not None), None)


def _field(noun: str) -> str:
    return "fatalities_children" if noun in _CHILDREN else "fatalities_civilians"
