"""General boilerplate removal for plain (scraped) text, working on lines and paragraphs.

Three passes decide which lines go:

1. stand-alone lines that are chrome by themselves (share bars, "Advertisement", newsletter
   prompts, credits, ...; see :mod:`eventscope.clean.lines`);
2. the header zone, the lines before the first sentence of prose, where bylines and dates sit;
3. "related" lists: a heading such as "Read more:" and the short headline-like lines after it.

Every removed stretch becomes a :class:`RemovedSpan` with offsets into the source text, so
nothing is lost silently. The kept lines are joined into paragraphs separated by blank lines;
apart from removed lines, only whitespace changes (a property the tests check).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from eventscope.clean import lines as judge
from eventscope.clean import patterns
from eventscope.clean.tails import chrome_tails
from eventscope.models import RemovedSpan

# The header zone never reaches beyond this many non-blank lines.
_HEADER_MAX_LINES = 12
# A "related" list holds at most this many headlines; beyond that it is more likely content.
_RELATED_MAX_ITEMS = 12


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: its non-whitespace extent in the source and its normalised text."""

    start: int
    end: int
    text: str  # whitespace collapsed; "" for a blank line


def split_tails(source: str, lines: Sequence[Line]) -> list[Line]:
    """``lines`` with the chrome glued to a line's end made lines of their own (session 17:
    "... killed 12. Read more: <headline>"; :mod:`eventscope.clean.tails`)."""
    return [piece for line in lines for piece in _pieces(source, line)]


def _pieces(source: str, line: Line) -> list[Line]:
    if not line.text:
        return [line]
    spans = chrome_tails(source, line.start, line.end)
    return [Line(a, b, " ".join(source[a:b].split())) for a, b in spans]


def split_lines(source: str) -> list[Line]:
    """The lines of ``source`` (split on ``\\n`` only), with offsets of their visible extent."""
    result: list[Line] = []
    pos = 0
    for raw in source.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        visible = raw.strip()
        result.append(Line(pos + lead, pos + lead + len(visible), " ".join(visible.split())))
        pos += len(raw) + 1
    return result


@dataclass(frozen=True, slots=True)
class Layout:
    """How the text is laid out: hard-wrapped or not, and which lines continue a sentence."""

    wrapped: bool
    continuations: frozenset[int]  # lines carrying on the previous line's sentence


def _is_hard_wrapped(lines: Sequence[Line]) -> bool:
    """Whether paragraphs are blank-line separated blocks of lines wrapped at a fixed width.

    Then the lines of a block belong to one paragraph. Otherwise (scraped text, one paragraph
    per line) each line is its own paragraph.
    """
    texts = [line.text for line in lines if line.text]
    if len(texts) < 4 or len(texts) == len(lines):
        return False
    widest = max(len(text) for text in texts)
    # Lines followed by another in the same block, and the long ones among them.
    inner = [a.text for a, b in pairwise(lines) if a.text and b.text]
    long_inner = [text for text in inner if len(text) >= 0.6 * widest]
    mostly_blocks = len(inner) * 2 >= len(texts)
    return widest <= 100 and mostly_blocks and len(long_inner) * 10 >= len(inner) * 6


def analyse_layout(lines: Sequence[Line]) -> Layout:
    """Detect hard wrapping, and in wrapped text the lines that continue a sentence.

    A continuation ("19 MARCH." after "... SINCE") is a fragment of a sentence, never
    boilerplate on its own, however much it looks like a date or a name.
    """
    if not _is_hard_wrapped(lines):
        return Layout(wrapped=False, continuations=frozenset())
    # Only a line that ran up to the wrap width can have been cut mid-sentence; a short line
    # without a full stop (a headline, a byline) ends where its author ended it.
    cut = 0.5 * max(len(line.text) for line in lines)
    continuations = frozenset(
        index + 1
        for index, (line, following) in enumerate(pairwise(lines))
        if following.text and len(line.text) >= cut and not judge.ends_unit(line.text)
    )
    return Layout(wrapped=True, continuations=continuations)


def _header_indexes(lines: Sequence[Line], layout: Layout) -> list[int]:
    """Indexes of non-blank lines before the body starts (at most a dozen).

    The body starts at the first sentence of prose, or at the first line of a wrapped
    paragraph.
    """
    header: list[int] = []
    for index, line in enumerate(lines):
        if not line.text:
            continue
        starts_paragraph = index + 1 in layout.continuations and judge.word_count(line.text) >= 8
        if judge.is_prose(line.text) or starts_paragraph or len(header) >= _HEADER_MAX_LINES:
            break
        header.append(index)
    return header


def _mark_header(lines: Sequence[Line], kinds: list[str | None], layout: Layout) -> None:
    """Bylines and dates near the top: the same shapes further down may be content."""
    for index in _header_indexes(lines, layout):
        if kinds[index] is not None or index in layout.continuations:
            continue
        text = lines[index].text
        if judge.is_byline(text):
            kinds[index] = "byline"
        elif judge.is_timestamp(text, in_header=True):
            kinds[index] = "timestamp"


def _next_nonblank(lines: Sequence[Line], index: int) -> int:
    """The index of the first non-blank line at or after ``index`` (``len(lines)`` if none)."""
    while index < len(lines) and not lines[index].text:
        index += 1
    return index


def _mark_related_list(lines: Sequence[Line], kinds: list[str | None], heading: int) -> None:
    """Mark the headline-like lines after a related heading as part of the list.

    When the first item follows the heading directly, a blank line ends the list; when items
    are spaced by blank lines, the list runs until the first line that is not headline-like.
    """
    first = _next_nonblank(lines, heading + 1)
    spaced = first > heading + 1
    index, items = first, 0
    while index < len(lines) and items < _RELATED_MAX_ITEMS:
        text = lines[index].text
        if not text:
            if not spaced:
                return
            index += 1
            continue
        if kinds[index] is None:
            if not judge.is_headline_like(text):
                return
            kinds[index] = "related"
            items += 1
        index += 1


def _line_kind(text: str) -> str | None:
    """What a line is on its own: chrome by its looks, or a labelled timestamp."""
    kind = judge.line_kind(text)
    if kind is None and judge.is_timestamp(text, in_header=False):
        return "timestamp"
    return kind


def classify(lines: Sequence[Line], layout: Layout) -> list[str | None]:
    """The removal kind of every line (None: kept, or blank)."""
    kinds = [_line_kind(line.text) if i not in layout.continuations else None
             for i, line in enumerate(lines)]  # fmt: skip
    _mark_header(lines, kinds, layout)
    for index, line in enumerate(lines):
        if kinds[index] is None and patterns.RELATED_HEADING.match(line.text.lower()):
            kinds[index] = "related"
            _mark_related_list(lines, kinds, index)
    return kinds


def removed_spans(
    source: str, lines: Sequence[Line], kinds: Sequence[str | None]
) -> list[RemovedSpan]:
    """One span per run of removed lines of the same kind (blank lines inside a run join it)."""
    spans: list[RemovedSpan] = []
    run: tuple[str, int, int] | None = None  # kind, start, end
    for line, kind in zip(lines, kinds, strict=True):
        if not line.text:
            continue
        if kind is not None and run is not None and run[0] == kind:
            run = (kind, run[1], line.end)
            continue
        if run is not None:
            spans.append(RemovedSpan(run[1], run[2], run[0], source[run[1] : run[2]]))
        run = (kind, line.start, line.end) if kind is not None else None
    if run is not None:
        spans.append(RemovedSpan(run[1], run[2], run[0], source[run[1] : run[2]]))
    return spans


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` carries on the paragraph that ``previous`` ended."""
    if wrapped:
        return True
    # A sentence broken mid-way ("... shelled the\nvillage of ...") is one paragraph.
    return not judge.has_terminal_punctuation(previous) and line[:1].islower()


def assemble(lines: Sequence[Line], kinds: Sequence[str | None], wrapped: bool) -> str:
    """The kept lines as paragraphs separated by one blank line."""
    paragraphs: list[list[str]] = []
    gap = True  # a blank or removed line since the last kept line
    for line, kind in zip(lines, kinds, strict=True):
        if kind is not None or not line.text:
            gap = True
            continue
        if gap or not paragraphs or not _continues(paragraphs[-1][-1], line.text, wrapped):
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
        gap = False
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


def remove_boilerplate(source: str) -> tuple[str, tuple[RemovedSpan, ...]]:
    """Clean ``source``: the kept text, and every removed stretch as a :class:`RemovedSpan`.

    Offsets of the spans point into ``source``; ``source[span.start:span.end] == span.text``.
    """
    lines = split_lines(source)
    layout = analyse_layout(lines)
    if not layout.wrapped:  # a wrapped line ends at the wrap width, not the author's end
        lines = split_tails(source, lines)
    kinds = classify(lines, layout)
    return assemble(lines, kinds, layout.wrapped), tuple(removed_spans(source, lines, kinds))
