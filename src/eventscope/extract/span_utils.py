"""Choosing among overlapping matches: the longest first, then the earliest (one rule for
place spans and weapon hits)."""

from __future__ import annotations

from typing import Protocol, TypeVar


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
