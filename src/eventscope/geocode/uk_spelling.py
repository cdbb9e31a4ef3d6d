"""Russian places under their Ukrainian romanisation (session 13b).

Ukrainian outlets write the Russian border towns in Ukrainian: "Shebekyne" (Шебекине) for
Shebekino, "Hlushkove" for Glushkovo, "Hraivoron" for Grayvoron, "Valuiky" for Valuyki.
GeoNames keeps only Russian spellings for them, so each found nothing, and the event fell
back to the story's other country. The two romanisations differ by a few regular letters:
Ukrainian г is "h" (Russian "g"), и is "y" (Russian "i"), й after a vowel is "i" (Russian
"y"), and the neuter endings -ине/-ове/-еве stand for Russian -ино/-ово/-ево.

The respelling is tried only for a name that found nothing at all, and only Russian towns
matched strictly by it are kept (the press respellings withdrawn in round 14 read Lebanese
villages as Saudi towns; here the reading is confined to the one country whose names the
rule describes). They rank as loose matches. The resolver answers them only in a story
about Ukraine or Russia (:func:`russian_story`; session 13 review: "Fighting broke out
in Maho" read as Mago, Khabarovsk).
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.geocode.gazetteer import Candidate, Gazetteer

_CONS = "bcdfgjklmnpqrstvwxz"
_RULES = (
    (re.compile(r"(?<![kszc])h"), "g"),  # г; not kh, sh, zh, ch
    (re.compile(rf"(?<=[{_CONS}])y(?![aeiou])"), "i"),  # и after a consonant
    (re.compile(r"(?<=[aeou])i(?![aeiou])"), "y"),  # й after a vowel
    (re.compile(r"ine$"), "ino"),
    (re.compile(r"ove$"), "ovo"),
    (re.compile(r"eve$"), "evo"),
)


def russian_spelling(tokens: list[str]) -> list[str]:
    """``tokens`` (strict, lower case) respelled from Ukrainian to Russian romanisation."""
    out = []
    for tok in tokens:
        for pattern, repl in _RULES:
            tok = pattern.sub(repl, tok)
        out.append(tok)
    return out


# the countries whose stories write Russian towns in Ukrainian
_STORY_COUNTRIES = frozenset({"UA", "RU"})


def russian_story(countries: frozenset[str]) -> bool:
    """Whether a story's countries (named, or of its resolved places, or the caller's
    hint) make a Ukrainian spelling of a Russian town plausible."""
    return not _STORY_COUNTRIES.isdisjoint(countries)


def russian_readings(tokens: list[str], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Russian towns whose strict name is the Russian respelling of ``tokens``."""
    respelled = russian_spelling(tokens)
    if respelled == tokens:
        return ()
    found = gazetteer.lookup_tokens(respelled)
    return tuple(
        replace(c, loose=True)
        for c in found
        if c.iso == "RU" and c.feature == "city" and not c.loose
    )
