"""Overlaps of matches: whether a span meets blocked stretches (places, coded targets), and
choosing among overlapping matches, the longest first, then the earliest (place spans and
weapon hits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span


class _Extent(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Extent)


def non_overlapping(items: list[T]) -> list[T]:
    """The longest items first, each kept when it overlaps none kept; in text order."""
    kept: list[T] = []
    for item in sorted(items, key=lambda s: (s.start - s.end, s.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda s: s.start)


def overlaps(span: Span, blocked: Sequence[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of the ``blocked`` character spans."""
    return any(span.start_char < end and start < span.end_char for start, end in blocked)
