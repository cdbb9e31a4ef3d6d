"""Near-duplicate detection over 64-bit simhashes, without comparing all pairs.

Split each fingerprint into bands: two fingerprints within ``max_bits`` differing bits must agree
exactly on at least one of ``max_bits + 1`` bands (pigeonhole), so only documents sharing a band
are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping


def _bands(fingerprint: int, count: int) -> list[tuple[int, int]]:
    width = 64 // count
    mask = (1 << width) - 1
    return [(i, (fingerprint >> (i * width)) & mask) for i in range(count)]


class NearDuplicateIndex:
    def __init__(self, known: Mapping[str, int], max_bits: int = 3) -> None:
        self.max_bits = max_bits
        self.band_count = max_bits + 1
        self.fingerprints: dict[str, int] = {}
        self.buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
        for doc_id in sorted(known):
            self._insert(doc_id, known[doc_id])

    def _insert(self, doc_id: str, fingerprint: int) -> None:
        self.fingerprints[doc_id] = fingerprint
        for band in _bands(fingerprint, self.band_count):
            self.buckets[band].append(doc_id)

    def nearest(self, doc_id: str, fingerprint: int) -> str | None:
        """The closest known document within ``max_bits`` (smallest id on ties), if any.

        Only documents with a smaller id count: documents are processed in id order, so this
        gives the same answer whether a document is processed fresh or re-processed later
        (after a resume or a stage upgrade) when the index already holds every document."""
        best: tuple[int, str] | None = None
        for band in _bands(fingerprint, self.band_count):
            for other in self.buckets.get(band, ()):
                if other >= doc_id:
                    continue
                dist = (fingerprint ^ self.fingerprints[other]).bit_count()
                if dist <= self.max_bits and (best is None or (dist, other) < best):
                    best = (dist, other)
        return best[1] if best else None

    def add(self, doc_id: str, fingerprint: int) -> str | None:
        """Register a document; return the near duplicate it matches, if any."""
        match = self.nearest(doc_id, fingerprint)
        if doc_id not in self.fingerprints:
            self._insert(doc_id, fingerprint)
        return match
