"""Line-level judgements: is this one line boilerplate, and of which kind?

Each judgement looks at a single whitespace-normalised line; context (where the line sits, what
precedes it) is handled in :mod:`eventscope.clean.boilerplate`.
"""

from __future__ import annotations

import re

from eventscope.clean import patterns as p

# (kind, pattern, most words a line may have and still be that kind of boilerplate)
_LINE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("advertisement", p.ADVERTISEMENT, 10),
    ("cookies", p.COOKIES, 80),
    ("subscribe", p.SUBSCRIBE_IMPERATIVE, 40),
    ("affiliate", p.AFFILIATE, 60),
    ("disclaimer", p.DISCLAIMER, 80),
    ("disclaimer", p.LEGAL, 15),
    ("credit", p.CREDIT, 50),
    ("credit", p.EDITING_CREDIT, 25),
    ("credit", p.AGENCY_PHOTO, 15),
    ("social", p.SOCIAL, 20),
    ("comments", p.COMMENTS, 8),
    ("share", p.SHARE_PREFIX, 12),
    ("navigation", p.NAVIGATION, 8),
    ("link", p.LINK, 1),
    ("tags", p.TAGS, 40),
    ("related", p.RELATED_INLINE, 30),
)


def word_count(line: str) -> int:
    """Number of whitespace-separated words."""
    return len(line.split())


def has_terminal_punctuation(line: str) -> bool:
    """Whether the line ends like a sentence (., !, ?, … possibly before a closing quote)."""
    return bool(p.TERMINAL.search(line))


def ends_unit(line: str) -> bool:
    """Whether a line ends a sentence or introduces what follows (a colon)."""
    return has_terminal_punctuation(line) or line.endswith(":")


def is_prose(line: str) -> bool:
    """A full sentence of running text: long enough and ending like a sentence."""
    return word_count(line) >= 10 and has_terminal_punctuation(line)


def is_headline_like(line: str) -> bool:
    """Short and not ending in a full stop: how listed headlines look."""
    return 0 < word_count(line) <= 22 and not p.SENTENCE_END.search(line)


def _is_subscribe(line: str, words: int) -> bool:
    """A newsletter/paywall prompt: subscription words addressed to the reader, or alone."""
    if words > 40 or not p.SUBSCRIBE_WORDS.search(line.lower()):
        return False
    return words <= 6 or bool(p.READER_ADDRESSED.search(line))


def _is_share_bar(lower: str) -> bool:
    """A line made only of share-bar words ("Share  Facebook  Twitter  Email")."""
    tokens = re.findall(r"[\w@.-]+", lower)
    return bool(tokens) and set(tokens) <= p.SHARE_WORDS and not p.SHARE_CORE.isdisjoint(tokens)


def is_separator(line: str) -> bool:
    """Decoration only: no letters or digits, or hardly any among the symbols."""
    alnum = sum(char.isalnum() for char in line)
    return alnum == 0 or (len(line) >= 6 and alnum / len(line) < 0.25)


def is_menu(line: str) -> bool:
    """A navigation bar or breadcrumb: three or more short, digit-free items between separators.

    Digits are excluded so that table rows ("Killed | 12 | Wounded | 30") stay.
    """
    if not p.PIPE_SEGMENTS.search(line) or any(char.isdigit() for char in line):
        return False
    segments = [seg for seg in p.PIPE_SEGMENTS.split(line) if seg.strip()]
    return (
        len(segments) >= 3
        and all(word_count(seg) <= 4 for seg in segments)
        and not (has_terminal_punctuation(line))
    )


def line_kind(line: str) -> str | None:
    """The boilerplate kind of a stand-alone line, or None when it is (or may be) content."""
    if not line:
        return None
    if is_separator(line):
        return "separator"
    lower = line.lower()
    words = word_count(line)
    for kind, pattern, max_words in _LINE_RULES:
        if words <= max_words and pattern.search(lower):
            return kind
    if _is_subscribe(line, words):
        return "subscribe"
    if words <= 15 and _is_share_bar(lower):
        return "share"
    if is_menu(line):
        return "navigation"
    return None


def _is_name(segment: str) -> bool:
    """Capitalised name tokens (particles such as "al" or "van" allowed), not a weekday."""
    tokens = segment.split()
    if not 1 <= len(tokens) <= 5 or tokens[0].lower() in p.CALENDAR_WORDS:
        return False
    return all(_is_name_token(tok) for tok in tokens)


def _is_name_token(token: str) -> bool:
    """ "Doe", "al", "al-Rashid", "d'Arcy": capitalised, a particle, or particle-prefixed."""
    last = re.split(r"[-'’]", token)[-1]
    return token[:1].isupper() or token.lower() in p.NAME_PARTICLES or last[:1].isupper()


def _is_credential(segment: str) -> bool:
    """The part after a name in a byline: a role, an outlet, a place or a date (a few words)."""
    if word_count(segment) > 6:
        return False
    lowered = set(re.findall(r"[^\W\d_]+", segment.lower()))
    return bool(lowered & p.ROLE_WORDS) or _is_name(segment) or is_date_phrase(segment)


def _is_bare_byline(segments: list[str]) -> bool:
    """ "Jane Doe, Staff Reporter" without "By": stricter, as headlines share the shape.

    The name must be 2-4 words in normal capitalisation (all-caps lines are wire copy or
    headlines), and a role word must follow, so "Kharkiv, Ukraine" stays.
    """
    name, rest = segments[0], segments[1:]
    if not rest or not 2 <= word_count(name) <= 4 or name.isupper():
        return False
    joined = set(re.findall(r"[^\W\d_]+", " ".join(rest).lower()))
    return bool(joined & p.ROLE_WORDS) and all(_is_credential(seg) for seg in rest)


def is_byline(line: str) -> bool:
    """ "By Jane Doe, Staff Reporter", "Jane Doe | Reuters", "Jane Doe, BBC News, Kyiv"."""
    words = word_count(line)
    if words > 20 or line[-1] in "!?" or (line.endswith(".") and words > 8):
        return False
    match = p.BYLINE.match(line)
    segments = [s for s in p.BYLINE_SPLIT.split(match.group(1) if match else line) if s]
    if not segments or not _is_name(segments[0]):
        return False
    if match:
        return all(_is_credential(seg) for seg in segments[1:])
    return _is_bare_byline(segments)


def is_date_phrase(text: str) -> bool:
    """Whether ``text`` is only a date and/or time ("5 March 2024, 10:32 GMT").

    It needs an anchor (a month or weekday name, a year, a clock time or a numeric date), so
    a stray "4." or "on 30" is not taken for one.
    """
    lower = text.lower()
    tokens = p.DATE_TOKEN.findall(lower)
    if not tokens or not all(tok.isdigit() or tok in p.DATE_WORDS for tok in tokens):
        return False
    has_digit = any(tok.isdigit() for tok in tokens)
    anchored = any(tok in p.CALENDAR_WORDS for tok in tokens) or bool(p.DATE_ANCHOR.search(lower))
    return has_digit and anchored


def is_timestamp(line: str, in_header: bool) -> bool:
    """A "Published: ..."/"Updated ..." line anywhere, or a bare date line near the top."""
    if word_count(line) > 14:
        return False
    match = p.TIMESTAMP_LABEL.match(line)
    if match:
        return is_date_phrase(match.group(1))
    # A bare date line starts with the date itself; "On 10 January" opens a sentence.
    first = p.DATE_TOKEN.match(line.lower().lstrip("(["))
    leading = first is not None and (first.group().isdigit() or first.group() in p.CALENDAR_WORDS)
    return in_header and leading and not line.endswith(",") and is_date_phrase(line)
