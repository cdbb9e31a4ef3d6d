"""Press respellings the loose key does not fold, tried only for a name that found
nothing at all (round 14).

Two spellings recur in conflict news and meet no rule of :mod:`normalize`:

* French "ch" for the "sh" sound (Jisr al-Choughour = Jisr ash-Shughur; Rachidia).
  Wade-Giles Chinese writes "ch" for another sound, and 0.8% of the gazetteer's town
  names with "ch" (355 of 46,667; 165 of them Chinese) become another town of 10,000
  people or more when respelled: the rule is therefore never a key rule (that would
  merge names the gazetteer keeps apart), only a last try for an unknown name.
* a single "o" for a long vowel the gazetteer writes "oo" (Somali Qoryoley =
  Qoryooley) or "u" (Noshki = Nushki): read as "oo", which the loose key folds to "u".
  One "o" at a time; 0.6% of town names (1,621 of 291,345) meet another town that way.

A respelled name is a guess at a spelling, so only towns of ``_MIN_POPULATION`` people or
more, by their own (primary) name, answer it (towns big enough to be reported under
several spellings; a village abroad reached by a respelling is more likely a namesake
than the place meant), and they are marked as loose matches so that they rank and are
doubted as spellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from eventscope.geocode.gazetteer import Candidate, Gazetteer

_MIN_POPULATION = 10_000
_SINGLE_O = re.compile(r"(?<![ou])o(?![ou])")
_MIN_LETTERS = 4  # "Bor", "Mao": short names respell into too many others


def _token_variants(token: str) -> Iterator[str]:
    """``token`` respelled: every "ch" as "sh", or one single "o" as "oo"."""
    if "ch" in token:
        yield token.replace("ch", "sh")
    for m in _SINGLE_O.finditer(token):
        yield token[: m.start()] + "oo" + token[m.end() :]


def _answers(cand: Candidate) -> bool:
    """A respelling may name a town of ``_MIN_POPULATION`` people or more, by the town's
    own name: a respelled alternate name is two guesses away from the entry (the first
    version took "Bohoma", a Chadian village, to Bochum, Germany, by an alternate name)."""
    return cand.feature == "city" and cand.primary and cand.population >= _MIN_POPULATION


def variants(tokens: Sequence[str]) -> list[list[str]]:
    """The respellings of a name's strict ``tokens``, one token changed at a time."""
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        if len(token) < _MIN_LETTERS:
            continue
        out.extend([*tokens[:i], v, *tokens[i + 1 :]] for v in _token_variants(token))
    return out


def respelled(tokens: Sequence[str], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Towns of ``_MIN_POPULATION`` people or more that a respelling of ``tokens`` names,
    as loose matches; one candidate per place."""
    best: dict[int, Candidate] = {}
    for variant in variants(tokens):
        for cand in gazetteer.lookup_tokens(variant):
            if _answers(cand):
                best.setdefault(cand.place_id, replace(cand, loose=True))
    return tuple(best.values())
