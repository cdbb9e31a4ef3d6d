"""Place-name normalisation: every rule is explicit and deterministic, never fuzzy.

Two keys are computed for a name, and the gazetteer indexes every name under both:

``strict_key`` only removes differences that never change which place is meant:
  1. casefold; strip diacritics (NFKD, drop combining marks); fold letters that do not
     decompose (ß→ss, ø→o, ł→l, ı→i, ə→a, ...);
  2. apostrophes and Arabic ʿayn/hamza marks vanish (Dar'a = Dara, Ma'arrat = Maarrat);
     hyphens, dashes, dots, commas, slashes and brackets become spaces; spaces collapse;
  3. a leading English "the" is dropped when more words follow (the Gaza Strip = Gaza Strip);
  4. Arabic article variants al/el/ad/ar/as/az/ash/at/an/ez/es/ed/er/ud, written as their
     own word or hyphenated, become "al" when a word follows (Deir ez-Zor = Deir al-Zor);
  5. an article assimilated into the next word ("Ezzor", "Azzor": a/e + doubled sun letter)
     is split off, but only after the first word, so that names such as "Essen" or "Arras"
     are never rewritten; and "-ud-din" glued to a stem of three letters or more reads
     "al din" (Salahuddin = Salaheddine = Salah al-Din; "Aladdin" stays);
  6. air-base spellings unify: "airbase", "airfield", "air force base" and a trailing "AB"
     all read "air base" (Hmeimim airbase = Hmeimim Air Base).

``loose_key`` goes further, for transliteration variants, and ranks below a strict match:
  7. "al" article words are dropped (Qamishli = Al Qamishli; Deir Zor = Deir ez-Zor);
  8. vowel spellings fold: ou/oo→u, ee→i, ay/ai/ey→ei before a consonant (Dayr = Deir),
     aw→au before a consonant (Hawran = Hauran), word-final -ah/-eh→-a (Raqqah = Raqqa,
     Hasakeh = Hasaka);
  9. doubled letters collapse (Raqqa = Raqa, Hassakeh = Hasakeh);
  10. filler words of facility names drop ("international");
  11. the Arabic construct ending: a word-final -et after a consonant reads -at (Maaret =
      Maarrat); a and e stay apart otherwise (Dallas, Dalles);
  12. the Arabic ending -iyya: a word-final -iya (also -iyah, -iyeh, -iyya after rules 8
      and 9) after a consonant reads -ia (Nabatiyeh = Nabatieh);
  13. the Arabic "kafr" (village) written "kfar", "kafar", "kfr", "kefar" or "kefr" as a
      word of a longer name reads "kafr" (Kfar Takharim = Kafr Takharim, Kfar Kila = Kafr
      Kila): the same word in Levantine, Hebrew and Arabic spellings.
  14. Burmese aspirates: a word-initial hp/ht/hk reads ph/th/kh (Hpakant = Phakant).
No rule touches consonant identity (q/k, y/e stay distinct), so "Syria" never meets "Seria";
rule 12 only drops the glide of -iya, which the spellings write or leave out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters NFKD does not decompose; apostrophe-like marks are deleted, not spaced, because
# they sit inside words (Dar'a, Ma'arrat, N'Djamena).
_FOLD = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "ə": "a", "Ə": "a", "ħ": "h", "ŧ": "t", "ŋ": "n",
        "'": "", "’": "", "‘": "", "`": "", "´": "", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "",
        "ˈ": "", "′": "",
    }
)  # fmt: skip
# A word of a place or country name as written in running text or a headline: letters with
# inner hyphens and apostrophes ("Kaga-Bandoro", "N'Djamena"), without a possessive 's
# ("Mali's"), which is left as a word "s" of its own.
NAME_WORD = re.compile(r"[^\W\d_]+(?:(?:-|['’](?!s\b))[^\W\d_]+)*")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―_.,;:/\\()\[\]{}\"&+|]+")
_NON_KEY = re.compile(r"[^a-z0-9 ]+")

ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ez", "es", "ed", "er", "ud"}
)
# a/e + doubled sun letter + at least two letters: "ezzor" -> "al zor".
_GLUED_ARTICLE = re.compile(r"[ae](sh|th|dh|[tdrzsnl])\1([a-z]{2,})")
# "-ud-din" glued into a name ("Salahuddin", "Salaheddine" = Salah al-Din): the article
# assimilated to the d of "din"; the stem needs three letters, so "Aladdin" stays.
_GLUED_DIN = re.compile(r"([a-z]{3,}?)[aeiu]ddine?")
_AIR_BASE = re.compile(r"\b(?:airbase|airfield|air field|air force base)\b")
_LOOSE_DROP = frozenset({"al", "international"})
# rule 13: spellings of the Arabic "kafr" (village), a word of its own in a longer name
_KAFR = frozenset({"kfar", "kafar", "kfr", "kefar", "kefr"})
_CONS = "bcdfghjklmnpqrstvwxz"
_LOOSE_RULES = (
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(rf"(?:ay|ai|ey)(?=[{_CONS}])"), "ei"),
    (re.compile(rf"aw(?=[{_CONS}])"), "au"),
    (re.compile(r"(?<=..)[ae]h$"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),
    # Arabic short vowels: the construct "-et" of a word ends as "-at" (Maaret = Maarrat,
    # which reads Marat once doubled letters collapse). Not a and e in general: Dallas
    # and Dalles are two places.
    (re.compile(rf"(?<=[{_CONS}])et$"), "at"),
    # The Arabic ending -iyya is written -iyeh, -iyah, -iya, -ieh or -ia (Nabatiyeh =
    # Nabatieh, Hamidiyah = Hamidieh): after the rules above, a word-final "iya" after a
    # consonant reads "ia". A stem of three letters at least: "Riya" and "Ria" stay apart.
    (re.compile(rf"(?<=[a-z]{{2}}[{_CONS}])iya$"), "ia"),
    # Session 12, rule 14: Burmese aspirated stops are written "hp", "ht", "hk" (official
    # style: Hpakant, Htantabin, Hkamti) or "ph", "th", "kh" (Phakant, Thantabin, Khamti).
    # At the start of a word only; no English or Arabic name starts with hp, ht or hk.
    (re.compile(r"^h([ptk])"), r"\1h"),
)

# Words that name the kind of an administrative area rather than the area itself.
ADMIN_WORDS = frozenset(
    {
        "province", "provinces", "governorate", "governate", "region", "oblast", "state",
        "district", "county", "prefecture", "department", "departement", "municipality",
        "wilaya", "wilayah", "muhafazah", "mohafazat", "raion", "rayon", "krai", "kray",
        "territory", "division", "zone", "subdistrict", "countryside", "canton", "parish",
        "lga",  # Nigeria's local government areas (session 15: "Maru LGA")
    }
)  # fmt: skip
# Words after a name that say which part of the place is meant: "Nuseirat camp", "Odesa
# port", "Sheikh Maqsoud neighbourhood" (part of the place or next to it: precision 2).
# "City" names the place itself. ("Town" and "village" were tried and cost two GWN answers:
# "Cavan Town Hall" and "Haymarket Village Center" then lost their town to a neighbour.)
SAME_PLACE_WORDS = frozenset({"city"})
# Not "township": a US township is named after someone or somewhere else ("Jerome Township",
# Ohio, is not Jerome).
# Session 18: a front line named after its town ("the Chaman sector", "the Kupiansk axis",
# "the Pokrovsk direction") is next to that town as well.
PART_PLACE_WORDS = frozenset({"camp", "port", "neighbourhood", "neighborhood", "quarter",
                              "sector", "axis", "direction"})  # fmt: skip
# Words that locate an event inside or next to a place ("eastern Aleppo", "outskirts of Gao").
NEAR_WORDS = frozenset(
    {
        "north", "northern", "south", "southern", "east", "eastern", "west", "western",
        "central", "northeast", "northeastern", "northwest", "northwestern", "southeast",
        "southeastern", "southwest", "southwestern", "outskirts", "near", "outside",
        "around", "greater", "rural", "downtown", "area", "vicinity", "suburbs",
    }
)  # fmt: skip


def _ascii_fold(text: str) -> str:
    text = text.translate(_FOLD).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SEPARATORS.sub(" ", text)
    return _NON_KEY.sub("", text)


def _unify_air_base(tokens: list[str]) -> list[str]:
    text = " ".join(tokens)
    if "air" not in text and not text.endswith(" ab"):
        return tokens  # fast path: almost no name mentions an air base
    text = _AIR_BASE.sub("air base", text)
    if text.endswith(" ab"):
        text = text[:-2] + "air base"
    return text.split()


def strict_tokens(name: str) -> list[str]:
    """Tokens of the strict key (rules 1-6 of the module docstring)."""
    tokens = _ascii_fold(name).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in ARTICLES and i + 1 < len(tokens):
            out.append("al")
            continue
        glued = _GLUED_ARTICLE.fullmatch(tok) if i > 0 else None
        din = _GLUED_DIN.fullmatch(tok)
        if din:
            out.extend((din.group(1), "al", "din"))
        elif glued:
            out.extend(("al", glued.group(1) + glued.group(2)))
        else:
            out.append(tok)
    return _unify_air_base(out)


def strict_key(name: str) -> str:
    """The exact-lookup key: spelling noise removed, letters untouched."""
    return " ".join(strict_tokens(name))


# Session 13b, rule 15: the Persian ezafe ("of") between the words of a Dari or Farsi name
# is written "-e-", "-i-" or "-y-", and its short o/u is written either way: "Pol-i-Khumri",
# "Pul-e Khumri", "Pul-i-Khumri" are one town (GeoNames lists only some of the spellings).
# Only in a name of three words or more whose middle word is such a link.
# Also read by the extractor, which keeps such a name whole (extract.place_names).
EZAFE_LINKS = frozenset({"e", "i", "y", "ye", "yi"})


def _ezafe_folded(tokens: list[str]) -> list[str]:
    if len(tokens) < 3 or not any(t in EZAFE_LINKS for t in tokens[1:-1]):
        return tokens
    inner = {i for i, t in enumerate(tokens) if 0 < i < len(tokens) - 1 and t in EZAFE_LINKS}
    return ["e" if i in inner else t.replace("o", "u") for i, t in enumerate(tokens)]


def loose_key_from_tokens(tokens: list[str]) -> str:
    """The transliteration-tolerant key (rules 7-15) built from strict tokens."""
    tokens = _ezafe_folded(tokens)
    kept = [t for t in tokens if t not in _LOOSE_DROP] if len(tokens) > 1 else tokens
    out = []
    for tok in kept or tokens:
        if tok in _KAFR and len(tokens) > 1:
            tok = "kafr"
        for pattern, repl in _LOOSE_RULES:
            tok = pattern.sub(repl, tok)
        out.append(tok)
    return " ".join(out)


def loose_key(name: str) -> str:
    return loose_key_from_tokens(strict_tokens(name))


def name_keys(name: str) -> tuple[str, str]:
    """(strict, loose) keys of a name; loose may equal strict."""
    tokens = strict_tokens(name)
    return " ".join(tokens), loose_key_from_tokens(tokens)


# Nigeria's second-level areas written out (session 15); "lga" itself is an admin word.
_LGA_WORDS = (("local", "government", "area"), ("local", "government"))


def strip_admin_words(tokens: list[str]) -> list[str] | None:
    """Drop a trailing admin-kind word ("Aleppo Governorate") or a leading "<kind> of"
    ("Province of Kandahar"); None when the name has no such word or is only that word."""
    if len(tokens) >= 2 and tokens[-1] in ADMIN_WORDS:
        return tokens[:-1]
    for words in _LGA_WORDS:  # "Maru Local Government Area", "Maru Local Government"
        if len(tokens) > len(words) and tuple(tokens[-len(words) :]) == words:
            return tokens[: -len(words)]
    if len(tokens) >= 3 and tokens[0] in ADMIN_WORDS and tokens[1] == "of":
        return tokens[2:]
    return None


@dataclass(frozen=True, slots=True)
class Qualified:
    """A query with its qualifier words taken off: the core name plus what they implied."""

    tokens: list[str]
    admin: bool = False  # "... province": the area, not the town, is meant
    near: bool = False  # "eastern ...", "outskirts of ...": part of, or next to, the place


def strip_qualifiers(tokens: list[str]) -> Qualified | None:
    """Peel direction/admin qualifiers off a query; None when there were none to peel.

    Callers try the full name first, so real names that start with such a word
    ("West Bank", "South Sudan", "North Darfur") are never peeled."""
    core, admin, near = list(tokens), False, False
    while len(core) > 1 and core[0] in NEAR_WORDS:
        core = core[2:] if len(core) > 2 and core[1] == "of" else core[1:]
        near = True
    kinds = ADMIN_WORDS | SAME_PLACE_WORDS | PART_PLACE_WORDS
    while len(core) > 1 and core[-1] in kinds:
        admin = admin or core[-1] in ADMIN_WORDS
        near = near or core[-1] in {"countryside", "area"} or core[-1] in PART_PLACE_WORDS
        core = core[:-1]
    stripped = strip_admin_words(core)
    if stripped:
        core, admin = stripped, True
    if core == tokens or (len(core) == 1 and core[0] in kinds):
        # session 13b: "Northwest region" peeled to a bare "region" read as the
        # Philippine region with that alternate name (Calabarzon)
        return None
    return Qualified(core, admin=admin, near=near)
