"""64-bit simhash fingerprints for near-duplicate detection.

A simhash maps similar texts to fingerprints that differ in few bits: a small edit changes a few
shingles, which moves few of the 64 bit-votes across zero. Hashes come from BLAKE2b, never the
built-in ``hash()``, so fingerprints are stable across runs, processes and machines.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

BITS = 64
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> list[str]:
    """Overlapping word 3-grams of the lowercased text (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]


def _digest(shingle: str) -> bytes:
    """A stable 8-byte hash of a shingle (big-endian: byte 0 holds the top bits)."""
    return hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()


def simhash64(text: str) -> int:
    """The 64-bit simhash of ``text`` over word 3-shingles; 0 for text without words.

    Word case and punctuation are ignored, so reformatting alone does not change it.
    """
    counts = Counter(_digest(shingle) for shingle in _shingles(text))
    total = sum(counts.values())
    # Tally byte values per byte position first (8 steps per shingle rather than 64), then
    # turn the tallies into per-bit votes.
    tallies: list[Counter[int]] = [Counter() for _ in range(BITS // 8)]
    for digest, count in counts.items():
        for position, byte in enumerate(digest):
            tallies[position][byte] += count
    fingerprint = 0
    for position, tally in enumerate(tallies):
        for bit in range(8):
            ones = sum(count for byte, count in tally.items() if byte >> bit & 1)
            if 2 * ones > total:  # more shingles vote 1 than 0 for this bit
                fingerprint |= 1 << ((BITS // 8 - 1 - position) * 8 + bit)
    return fingerprint


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two fingerprints."""
    return (a ^ b).bit_count()
