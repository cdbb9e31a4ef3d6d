"""Dependency-free language identification: writing system first, then stopwords.

Scripts used by essentially one language of the news (Greek, Hebrew, Thai, Hangul, ...) decide
at once; Arabic and Cyrillic script are split by the letters particular to Persian, Urdu and
Ukrainian; Latin-script text is scored by counts of frequent function words, which are common
enough to show up in a paragraph and distinctive enough to separate the languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Below this many letters (non-Latin scripts) or words (Latin script) we cannot tell.
MIN_LETTERS = 12
MIN_WORDS = 5
# A Latin-script guess needs this stopword score, and this lead over the runner-up.
MIN_SCORE = 1.5
MIN_LEAD = 1.25

# Unicode script (first word of the character name) -> language, where a script is one language.
_SCRIPT_LANGUAGE = {
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am",
    "MYANMAR": "my",
    "KHMER": "km",
    "SINHALA": "si",
    "TAMIL": "ta",
    "BENGALI": "bn",
    "DEVANAGARI": "hi",
    "GURMUKHI": "pa",
    "GUJARATI": "gu",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "CJK": "zh",
}
# Letters that mark a language within a shared script.
_PERSIAN = set("پچژگکی")
_URDU = set("ٹڈڑںےھ")
_UKRAINIAN = set("іїєґ")
_RUSSIAN = set("ыэъё")

_STOPWORDS = {
    "en": "the and of to in was were that with for said on by from have has had it are at which "
    "this been they their would not who after than its also but or when there into more about",
    "fr": "le la les des du de un une et est en dans pour qui que sur pas au aux avec ont été par "
    "ce cette sont mais ses leur selon plus il elle nous ou où lors depuis a à se ne",
    "es": "el la los las del de y en una un por con para su sus fue como está según pero más al "
    "lo muy también han este esta entre sobre hasta desde cuando ha que se a",
    "pt": "o os a as do da dos das de em no na nos nas um uma e é com não mais foi pelo pela seu "
    "sua ao aos também segundo foram está são que se",
    "it": "il la le lo gli della delle dei degli del di nel nella che è e per con non sono una un "
    "anche alla alle al stato dal dalla più ma questo secondo ha hanno si sul sulla tra dopo",
    "de": "der die das und den dem des ist nicht mit ein eine einer auf sich von zu im in wurde "
    "wurden sind auch bei nach aus dass hat haben werden sie er es",
    "nl": "de het een van en in dat op te niet zijn met voor bij werd ook door worden naar maar "
    "nog deze om heeft hij zij er",
    "tr": "ve bir bu için ile olarak olan daha çok gibi sonra kadar ancak göre oldu etti ise da de",
    "id": "yang dan di ini itu dengan untuk dari dalam pada tidak akan adalah ke oleh juga "
    "telah bahwa mereka karena atau ada sudah",
    "sw": "na ya wa kwa ni za katika kuwa hiyo hii watu alisema baada lakini pia kama zaidi "
    "kwamba wao",
}


def _stopword_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...): a word shared by several languages ("la", "de")
    counts for each in equal parts, so the words particular to one language decide."""
    languages: dict[str, list[str]] = {}
    for lang, words in _STOPWORDS.items():
        for word in words.split():
            languages.setdefault(word, []).append(lang)
    return {w: tuple((lang, 1 / len(langs)) for lang in langs) for w, langs in languages.items()}


_WEIGHTS = _stopword_weights()
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    """The script of a letter: the first word of its Unicode name ("LATIN", "ARABIC", ...)."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _split_script(letters: list[str], script: str) -> str | None:
    """The language of text in a shared script (Arabic, Cyrillic), or None for others."""
    chars = set(letters)
    if script == "ARABIC":
        if len(chars & _URDU) >= 2:
            return "ur"
        return "fa" if len(chars & _PERSIAN) >= 2 else "ar"
    if script == "CYRILLIC":
        uk = sum(letter in _UKRAINIAN for letter in letters)
        ru = sum(letter in _RUSSIAN for letter in letters)
        return "uk" if uk > ru else "ru"
    return _SCRIPT_LANGUAGE.get(script)


def _latin_language(text: str) -> str | None:
    """The Latin-script language whose stopwords are most frequent in ``text``, if clear."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for word in words:
        for lang, weight in _WEIGHTS.get(word, ()):
            scores[lang] += weight
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_SCORE or top < MIN_LEAD * second:
        return None
    return best


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of ``text``; None when too short or unclear."""
    letters = [char for char in text[:20_000] if char.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    scripts = Counter(_script(char) for char in letters)
    script, count = scripts.most_common(1)[0]
    if script == "LATIN":
        return _latin_language(text[:20_000])
    if (scripts["HIRAGANA"] + scripts["KATAKANA"]) * 20 >= len(letters):
        return "ja"  # Japanese mixes kana with CJK ideographs, which may outnumber the kana
    if count * 2 < len(letters):
        return None
    return _split_script([c for c in letters if _script(c) == script], script)
