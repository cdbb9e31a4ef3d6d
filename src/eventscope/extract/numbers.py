"""English number words and numerals to integers (shared by dates and quantities).

Kept dependency-free and regex-friendly: :data:`NUMBER_PATTERN` finds the same expressions that
:func:`parse_number` understands, so callers can search text and then convert what they found.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_UNIT_RE = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
# A spelled-out number: "twenty-five", "two hundred", "a dozen", "three thousand".
_TWO_DIGIT = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE}))?|{_UNIT_RE})"
_WORD_NUMBER = (
    rf"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+dozen"
    rf"|(?:{_TWO_DIGIT}|a|an)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_TWO_DIGIT})?"
    rf"|{_TWO_DIGIT}"
    rf"|dozen)"
)
# Digits with optional thousands separators ("1,200") or a plain run of digits.
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
NUMBER_PATTERN = rf"(?:{_DIGITS}|(?<![\w-])(?:{_WORD_NUMBER})(?!\w))"


def parse_number(text: str) -> int | None:
    """Convert "1,200", "25", "twenty-five", "two hundred", "a dozen" to an int; else None."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if re.fullmatch(_DIGITS, cleaned):
        return int(cleaned.replace(",", ""))
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w != "and"]
    return _parse_words(words)


def _parse_words(words: list[str]) -> int | None:
    """Left-to-right accumulation: units and tens add, scales multiply the running group."""
    total, group, seen = 0, 0, False
    for word in words:
        if word in ("a", "an"):
            group += 1
        elif word == "dozen":
            group = max(group, 1) * 12
        elif word in UNITS:
            group += UNITS[word]
        elif word in TENS:
            group += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            group = max(group, 1) * scale
            if scale >= 1000:
                total, group = total + group, 0
        else:
            return None
        seen = True
    return total + group if seen else None
