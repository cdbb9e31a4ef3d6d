"""Country names, codes and demonyms in running text ("Syria", "the DRC", "Syrians").

Split from :mod:`eventscope.geocode.mentions` (session 20): the document resolver, the
headline reader and the mention geocoder all read countries, and none of them needs the
others' code to do so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventscope.geocode.gazetteer import Gazetteer
from eventscope.geocode.normalize import NAME_WORD, strict_key

_JOINER = re.compile(r"[ \t'’\-]+")  # what may sit between the words of one country name
_MAX_WORDS = 6  # "Democratic Republic of the Congo"
# Country codes that news prose writes for a country; the gazetteer knows every ISO code, but
# most collide with the acronyms of conflict reporting (IS, AU, PA, SA, SL) or with words of
# an all-capital headline (IN, TO, AND, CAN, PER). CAR stays, as the Central African
# Republic is written so, though an all-capital "CAR BOMB" then names it too.
_PROSE_CODES = frozenset({"us", "usa", "uk", "uae", "drc", "car", "prc", "rok", "rsa", "roc",
                          "nz"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class CountryMention:
    iso: str
    start: int
    end: int
    text: str
    demonym: bool


def _match_at(
    text: str, words: list[re.Match[str]], i: int, names: dict[str, str], demonyms: dict[str, str]
) -> tuple[CountryMention, int] | None:
    """The longest country name or demonym starting at word ``i``, and its word count."""
    for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
        start, end = words[i].start(), words[i + n - 1].end()
        if n > 1 and not all(
            _JOINER.fullmatch(text[words[j].end() : words[j + 1].start()])
            for j in range(i, i + n - 1)
        ):
            continue
        span = text[start:end]
        key = strict_key(span)
        # Short keys are codes ("US", "UAE"): only an all-capital token counts, so that
        # the words "in", "to" or "no" never name India, Tonga or Norway; and only a code
        # written in prose for a country (session 19: "IS cells" named Iceland, and "AU
        # troops" or "PA forces" would name Australia or Panama)
        if len(key) <= 3 and not (span.isupper() and key in _PROSE_CODES):
            continue
        if key in names:
            return CountryMention(names[key], start, end, span, False), n
        iso = demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)
        if iso:
            return CountryMention(iso, start, end, span, True), n
    return None


@lru_cache(maxsize=8)
def _first_words(gazetteer: Gazetteer) -> frozenset[str]:
    """First words of all country names and demonyms: a cheap pre-filter, so that only
    words that can start a name cost a full n-gram lookup."""
    keys = [*gazetteer.country_names(), *gazetteer.demonyms()]
    return frozenset({"the"} | {k.split()[0] for k in keys if k})


def find_countries(text: str, gazetteer: Gazetteer) -> list[CountryMention]:
    """Country names ("Syria", "the United States", "DRC") and demonyms ("Syrian",
    "Syrians") in ``text``, capitalised as names are."""
    names, demonyms = gazetteer.country_names(), gazetteer.demonyms()
    firsts = _first_words(gazetteer)
    words = list(NAME_WORD.finditer(text))
    found: list[CountryMention] = []
    i = 0
    while i < len(words):
        word = words[i].group()
        key = strict_key(word) if word[0].isupper() else ""
        if not key or (key not in firsts and key[:-1] not in firsts):  # [:-1]: "Syrians"
            i += 1
            continue
        hit = _match_at(text, words, i, names, demonyms)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i += hit[1]
    return found
