"""Chrome glued to the end of a paragraph (session 17).

Scraped text often flattens a page into one line per paragraph, so a share bar, a comment
widget or a "Read more: <headline>" link ends up after the last sentence of the paragraph
instead of on a line of its own: "... liberated in 2022. Read more: Russian glide-bomb attacks
on Kharkiv region double". The line judgements of :mod:`eventscope.clean.lines` only look at
whole lines, so the headline stayed and was read as news. Here such tails are cut off as lines
of their own, one sentence-sized piece at a time from the end, for as long as the last piece
is chrome by those same judgements, of a kind no sentence of reporting can be taken for
(``_TAIL_KINDS``); the rest of the line is never touched. Only for text that is not
hard-wrapped: there a line's end is the wrap width, not the author's.
"""

from __future__ import annotations

import re

from eventscope.clean import lines as judge

# A sentence end, closing quotes or brackets, then the space before the next piece.
_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=\S)")
# A tail longer than this is prose, whatever its first words say.
_MAX_TAIL_WORDS = 40
# Kinds whose rules cannot mistake a sentence of reporting for chrome. Not credits ("Footage,
# verified by AFP, showed ...", "Photos by a local activist showed ..."), subscription prompts
# (a quote with "our" and "newsletter"), disclaimers and the like: whole-line rules that a
# sentence inside a paragraph can meet (review, session 17).
_TAIL_KINDS = frozenset({"related", "share", "social", "comments", "advertisement", "tags"})
# Only a related headline may span several sentence pieces ("Read more: U.S. strikes hit X");
# every other tail is the line's last piece alone.
_LONG_TAIL_KINDS = frozenset({"related"})


def chrome_tails(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of the pieces of ``source[start:end]`` (one visible line):
    the content first, then each chrome tail cut off its end, in order; one piece when the
    line has no such tail."""
    tails: list[tuple[int, int]] = []
    while (cut := _chrome_cut(source, start, end)) is not None:
        tails.insert(0, (cut, end))
        end = start + len(source[start:cut].rstrip())
    return [(start, end), *tails]


def _chrome_cut(source: str, start: int, end: int) -> int | None:
    """Where the chrome tail of ``source[start:end]`` begins, or None: the sentence
    boundaries are tried from the right, the first (shortest) chrome tail wins."""
    cuts = [m.end() for m in _BOUNDARY.finditer(source, start, end)]
    for n, cut in enumerate(reversed(cuts)):
        tail = " ".join(source[cut:end].split())
        if judge.word_count(tail) > _MAX_TAIL_WORDS:
            return None
        kind = judge.line_kind(tail)
        if kind in _TAIL_KINDS and (n == 0 or kind in _LONG_TAIL_KINDS):
            return cut
    return None
