"""Synthetic conflict-news sentences (tests/data/geo_conflict_cases.jsonl, written from
public knowledge, each with a source note): Syrian, Sudanese, Malian and Ukrainian towns
under their transliteration variants, villages the gazetteer lacks, and namesakes abroad.

Each case names one toponym, its country, and the precision expected for it (1 town,
3 province) or "unresolved" when the place itself is not in the gazetteer: then an
honest answer is no answer, or a coarser one (precision 2 or 3) in the right country,
never a point abroad or a precise point. The document's other toponyms (``others``)
give the story's context, as the pipeline's recognition would. Floors are pinned
below the measured values (round 7: all 44 known places in the right country and at
the expected precision, 11 of 11 unknown places answered honestly; the round-6 code
read 44, 43 and 6 of 11: Tawila in Yemen, Moura in Portugal, Hatla as Hatta, India)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventscope.geocode import Gazetteer, Geocoder
from eventscope.geocode.document import resolve_document
from eventscope.models import Place

CASES = Path(__file__).resolve().parents[1] / "data" / "geo_conflict_cases.jsonl"
MIN_RIGHT_COUNTRY = 0.95  # of the cases with an expected precision
MIN_RIGHT_PRECISION = 0.9
MIN_HONEST = 0.9  # of the "unresolved" cases: not a confident wrong answer
FLOOR = 0.35  # the pipeline's geocode.min_confidence


def _cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    found = {
        (m.start(), m.end())
        for name in names
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    }
    return sorted(found)


def _answer(case: dict, geocoder: Geocoder) -> Place | None:
    """The pipeline's answer for the case's toponym (its first mention), or None."""
    text = case["text"]
    spans = _spans(text, [case["toponym"], *case["others"]])
    answers = resolve_document(text, spans, geocoder)
    first = next(i for i, (s, e) in enumerate(spans) if text[s:e] == case["toponym"])
    answer = answers[first]
    return answer if isinstance(answer, Place) and answer.confidence >= FLOOR else None


def test_the_cases_are_well_formed() -> None:
    cases = _cases()
    assert len(cases) >= 50
    for case in cases:
        assert set(case) == {"text", "toponym", "country", "precision", "others", "note"}
        assert case["precision"] in (1, 2, 3, "unresolved") and case["note"]
        for name in (case["toponym"], *case["others"]):
            assert name in case["text"], (name, case["text"])


@pytest.fixture(scope="module")
def results(gazetteer: Gazetteer) -> list[tuple[dict, Place | None]]:
    geocoder = Geocoder(gazetteer, min_confidence=FLOOR)
    return [(case, _answer(case, geocoder)) for case in _cases()]


def test_known_places_land_in_the_right_country_at_the_right_precision(
    results: list[tuple[dict, Place | None]],
) -> None:
    known = [(c, a) for c, a in results if c["precision"] != "unresolved"]
    country = [a is not None and a.iso == c["country"] for c, a in known]
    precision = [a is not None and a.geo_precision == c["precision"] for c, a in known]
    misses = [c["toponym"] for (c, _), ok in zip(known, country, strict=True) if not ok]
    assert sum(country) / len(known) >= MIN_RIGHT_COUNTRY, misses
    assert sum(precision) / len(known) >= MIN_RIGHT_PRECISION


def test_unknown_places_are_never_confidently_wrong(
    results: list[tuple[dict, Place | None]],
) -> None:
    unknown = [(c, a) for c, a in results if c["precision"] == "unresolved"]
    honest = [a is None or (a.iso == c["country"] and a.geo_precision >= 2) for c, a in unknown]
    wrong = [c["toponym"] for (c, _), ok in zip(unknown, honest, strict=True) if not ok]
    assert len(unknown) >= 10
    assert sum(honest) / len(unknown) >= MIN_HONEST, wrong
