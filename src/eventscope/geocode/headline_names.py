"""Candidate place names in a headline, read by shape (``geocode/headline.py`` decides).

Headlines are short and often in title case, so names are read by shape, not by spaCy (its
small model misses most of them: "Gorgadji:", "Pataz:", "Mecúfi town"): runs of capitalised
words, each run and its sub-runs, longest first. Each candidate says whether the headline cues
it as a place, and whether it cannot be the story's place: a dateline ("KYIV — ...") says
where the reporter is, and a name that speaks or acts ("Kyiv says ...", "Marcos orders ...")
is a government or a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eventscope.geocode.normalize import NAME_WORD

_POSSESSIVE = re.compile(r"['’]s[ \t]+")
_GAP = re.compile(r"[ \t]+")  # what may sit between two words of one name
_DATELINE = re.compile(
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?[ \t]*(?:\([^)]*\))?[ \t]*(?:[—–]|-[ \t])"
)
_MAX_WORDS = 4
# Lower-case words that may sit inside a name: "Mocímboa da Praia"; glued to the next word
# ("ez-Zor", "al-Ain") they may end it too: "Deir ez-Zor".
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "es", "de", "da", "do",
                        "du", "des", "dos", "la", "le", "les", "di", "del", "van", "bin", "ibn",
                        "wa"})  # fmt: skip
# Capitalised words that are never part of a name in a headline: function words of title
# case, numbers, and the words of a press release's, a live page's or a feature's own title.
_FUNCTION = frozenset({"in", "on", "at", "of", "the", "and", "for", "to", "after", "near", "from",
                       "with", "as", "by", "over", "into", "amid", "against", "a", "an", "is",
                       "are", "was", "were", "says", "say", "one", "two", "three", "four",
                       "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                       "dozens", "hundreds", "update", "statement", "communiqué", "communique",
                       "summary", "report", "breaking", "live", "video", "watch", "exclusive",
                       "analysis", "opinion", "editorial", "explainer", "government", "army",
                       "police", "ministry", "minister", "president", "officials", "military",
                       "witnesses", "photos", "interview", "factbox", "timeline", "explained",
                       "attack", "attacks", "strike", "strikes", "night", "day"})  # fmt: skip
_LOCATIVE = frozenset({"in", "near", "at", "on", "outside", "around", "inside", "into",
                       "across", "towards", "toward"})  # fmt: skip
KIND_WORDS = frozenset({"town", "village", "city", "district", "province", "region", "county",
                        "commune", "territory", "state", "municipality", "governorate",
                        "oblast", "prefecture", "department", "camp", "area"})  # fmt: skip
# Verbs of a speaker or an actor right after a name: "Kyiv says", "Marcos orders".
_ACTS = frozenset({"says", "said", "orders", "vows", "warns", "urges", "claims", "accuses",
                   "denies", "condemns", "calls", "visits", "meets", "tells", "announces",
                   "insists", "pledges", "promises", "rejects", "blames", "thanks", "asks",
                   "wants", "threatens", "agrees", "signs", "hails", "slams", "welcomes",
                   "confirms", "reports", "demands"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Name:
    """A candidate name: its text (with a kind word after it: "Sumy region"), its word
    positions, whether the headline cues it as a place, and whether it cannot be one."""

    text: str
    start: int
    end: int
    cued: bool
    excluded: bool
    topic: bool = False  # first in the headline before a colon: "Sebba: wounded evacuated"


def headline_words(title: str) -> list[re.Match[str]]:
    return [w for w in NAME_WORD.finditer(title) if not _possessive_s(title, w)]


def candidate_names(title: str, words: list[re.Match[str]]) -> Iterator[Name]:
    """Every sub-run of each run of capitalised words, longest first, then leftmost."""
    spans = [
        (i, j)
        for run_start, run_end in _runs(title, words)
        for i in range(run_start, run_end)
        for j in range(i + 1, min(run_end, i + _MAX_WORDS) + 1)
        if _name_word(words[i].group()) and _name_end(words[j - 1].group())
    ]
    for i, j in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        kind = kind_after(title, words, j)
        # "Hodeidah governorate", "Sumy region": the area, not the town of its name
        text = title[words[i].start() : words[j].end() if kind else words[j - 1].end()]
        excluded = (i == 0 and _dateline(title, words[j - 1].end())) or _acts(words, j)
        end = words[j].end() if kind else words[j - 1].end()
        topic = i == 0 and title[end:].lstrip().startswith(":")
        yield Name(text, i, j, _cued(title, words, i, j) or topic, excluded, topic)


def is_title_case(words: list[re.Match[str]]) -> bool:
    """A headline whose words are nearly all capitalised ("Seven Traders Killed In Attack On
    Cattle Market"): its capitals say nothing about which words are names."""
    long = [w.group() for w in words if len(w.group()) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def kind_after(title: str, words: list[re.Match[str]], j: int) -> bool:
    """Whether a lower-case kind word ("district", "town") follows word ``j - 1``."""
    if j >= len(words) or not _GAP.fullmatch(title[words[j - 1].end() : words[j].start()]):
        return False
    word = words[j].group()
    return word.islower() and word in KIND_WORDS


def _possessive_s(title: str, word: re.Match[str]) -> bool:
    """The "s" of a possessive ("Mali's"), which the word pattern leaves on its own."""
    return word.group() == "s" and title[word.start() - 1 : word.start()] in ("'", "’")


def _name_word(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _FUNCTION


def _runs(title: str, words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """(first, end) word indices of runs of name words joined by spaces only; a particle
    may sit inside a run, and one glued to its word ("ez-Zor") may end it."""
    i = 0
    while i < len(words):
        if not _name_word(words[i].group()):
            i += 1
            continue
        j = i + 1
        while j < len(words) and _GAP.fullmatch(title[words[j - 1].end() : words[j].start()]):
            word = words[j].group()
            if not (_name_word(word) or _particle(word)):
                break
            j += 1
        while j > i + 1 and words[j - 1].group().lower() in _PARTICLES:
            j -= 1
        yield i, j
        i = j


def _name_end(word: str) -> bool:
    """A word that may end a name: a name word, or one glued to its particle ("ez-Zor")."""
    return _name_word(word) or ("-" in word and word.split("-")[0].lower() in _PARTICLES)


def _particle(word: str) -> bool:
    return word.lower() in _PARTICLES or word.split("-")[0] in _PARTICLES


def _cued(title: str, words: list[re.Match[str]], i: int, j: int) -> bool:
    """Whether the words ``i``..``j`` are said to be a place: a locative word before them
    (past a possessor: "in Peru's Pataz") or a kind word after them. Standing first before a
    colon ("Gorgadji: ...", "Mecúfi town: ...") is the other cue (``Name.topic``)."""
    k = i - 1
    if k > 0 and _POSSESSIVE.fullmatch(title[words[k].end() : words[i].start()]):
        k -= 1
    before = words[k].group().lower() if k >= 0 else ""
    return before in _LOCATIVE or (i > 0 and kind_after(title, words, j))


def _dateline(title: str, end: int) -> bool:
    """Whether the headline's first name, ending at ``end``, heads a dateline ("KYIV — ...",
    "KHARKIV, Ukraine (AP) — ..."): where the reporter files from, not where it happened."""
    return bool(_DATELINE.match(title, end))


def _acts(words: list[re.Match[str]], j: int) -> bool:
    """A name followed by a verb of speaking or acting: a government or a person."""
    return j < len(words) and words[j].group().lower() in _ACTS
