"""Weapons and platforms named in a sentence ("barrel bombs", "Tu-22M3", "250 kg bombs").

Terms come from data/weapons.json and are reported under their listed (normalised) name;
designator patterns report the matched text. Longer matches win overlaps, so "Grad rockets"
gives "Grad rocket" and not also "rocket".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventscope.extract.lexicon import Lexicon
from eventscope.extract.span_utils import non_overlapping


@dataclass(frozen=True, slots=True)
class WeaponHit:
    name: str
    start: int  # character offsets (shifted by the offset given to find)
    end: int
    text: str


class WeaponFinder:
    """Build once per lexicon; :meth:`find` is a few regex scans."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._names = {_key(t): t for t in lexicon.weapon_terms}
        lower = [t for t in lexicon.weapon_terms if t == t.lower()]
        cased = [t for t in lexicon.weapon_terms if t != t.lower()]
        # Lower-case terms match any case; terms with capitals ("Grad", "IED") only as written.
        self._term_patterns = [
            p for p in (_terms_regex(lower, re.IGNORECASE), _terms_regex(cased, 0)) if p
        ]
        self._designators = lexicon.weapon_patterns
        self._not_weapons = _terms_regex(list(lexicon.not_weapons), re.IGNORECASE)

    def find(self, text: str, offset: int = 0) -> list[WeaponHit]:
        hits: list[WeaponHit] = []
        for pattern in self._term_patterns:
            for m in pattern.finditer(text):
                name = next((self._names[k] for k in _keys(m.group(0)) if k in self._names), None)
                if name:
                    hits.append(WeaponHit(name, m.start() + offset, m.end() + offset, m.group(0)))
        for pattern in self._designators:
            for m in pattern.finditer(text):
                group = "name" if "name" in pattern.groupindex else 0
                start, end = m.span(group)
                name = re.sub(r"\s+", " ", m.group(group))
                hits.append(WeaponHit(name, start + offset, end + offset, m.group(group)))
        if self._not_weapons is not None:
            found = self._not_weapons.finditer(text)
            vetoed = [(m.start() + offset, m.end() + offset) for m in found]
            hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in vetoed)]
        return non_overlapping(hits)


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


def _keys(text: str) -> list[str]:
    """The lookup key as matched, then without a plural 's' or 'es'."""
    key = _key(text)
    return [key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key]


def _terms_regex(terms: list[str], flags: int) -> re.Pattern[str] | None:
    if not terms:
        return None
    parts = [
        r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", term))
        for term in sorted(terms, key=len, reverse=True)
    ]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?:e?s)?(?![\w-])", flags)
