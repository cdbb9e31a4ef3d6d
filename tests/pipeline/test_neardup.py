"""Near-duplicate flags do not depend on when a document is (re-)processed."""

from __future__ import annotations

from eventscope.pipeline.neardup import NearDuplicateIndex

# Hamming distances: a-b 1, a-c 2, a-d 1, b-c 3, b-d 2, c-d 3.
PRINTS = {"a": 0b1011, "b": 0b1010, "c": 0b1001 | (1 << 40), "d": 0b1011 | (1 << 63)}


def test_flags_are_the_same_fresh_and_on_reprocessing() -> None:
    fresh = NearDuplicateIndex({}, max_bits=3)
    first = {doc: fresh.add(doc, fp) for doc, fp in sorted(PRINTS.items())}
    assert first == {"a": None, "b": "a", "c": "a", "d": "a"}
    again = NearDuplicateIndex(PRINTS, max_bits=3)  # every document already known
    assert {doc: again.add(doc, fp) for doc, fp in sorted(PRINTS.items())} == first


def test_nearest_prefers_the_closest_then_the_smallest_id() -> None:
    index = NearDuplicateIndex({"a": 0b011, "b": 0b110}, max_bits=3)
    assert index.nearest("z", 0b110) == "b"  # distance 0 beats distance 2
    assert index.nearest("z", 0b010) == "a"  # a tie at distance 1 goes to the smaller id
    assert index.nearest("a", 0b011) is None  # only smaller ids count
