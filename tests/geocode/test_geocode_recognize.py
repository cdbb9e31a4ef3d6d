"""Toponym recognition: span tidying, datelines, state abbreviations, facility names, and
the gazetteer-driven matcher on top of spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from eventscope.geocode import Gazetteer
from eventscope.geocode.recognize import (
    _datelines,
    _is_facility,
    _state_abbreviations,
    _tidy,
    recognise_toponyms,
)
from eventscope.geocode.recognize_cues import is_area_acronym, merge_qualified, wire_datelines

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "want"),
    [("the United States", "United States"), ("South Korea's", "South Korea"),
     ("The Hague", "Hague"), ("Paris", "Paris"), ("the", "the")],
)  # fmt: skip
def test_tidy_drops_articles_and_possessives(text: str, want: str) -> None:
    start, end = _tidy(text, 0, len(text))
    assert text[start:end] == want


def test_facility_names_are_known_by_their_last_word() -> None:
    assert _is_facility(["Royal", "Street"]) and _is_facility(["Barclays", "Center"])
    assert not _is_facility(["Street"]) and not _is_facility(["Barclays", "Bank"])


def test_datelines_are_found_in_capitals(gazetteer: Gazetteer) -> None:
    text = "SAN DIEGO, Calif. — A storm hit.\nWASHINGTON (AP) -- Talks began. NOTHINGTOWNX, said."
    got = [text[s:e] for s, e in _datelines(text, gazetteer)]
    assert got == ["SAN DIEGO", "WASHINGTON"]


def test_state_abbreviation_after_a_toponym() -> None:
    text = "SAN DIEGO, Calif. and Albuquerque, N.M. but not Smith, Jr."
    spans = [(0, 9), (22, 33), (47, 52)]
    assert [text[s:e] for s, e in _state_abbreviations(text, spans)] == ["Calif.", "N.M."]


def test_area_acronyms_name_big_countries_and_regions(gazetteer: Gazetteer) -> None:
    assert all(is_area_acronym(w, gazetteer) for w in ("EU", "UK", "US", "UAE"))
    # small countries' codes, units and ordinary capitals are not places
    assert not any(is_area_acronym(w, gazetteer) for w in ("AI", "TV", "OT", "Eu", "EUROPEAN"))


def test_qualified_name_is_one_span() -> None:
    text = "Rallies in Washington, D.C., and Ohio."
    spans = [(11, 21), (23, 27), (33, 37)]
    assert [text[s:e] for s, e in merge_qualified(text, spans)] == ["Washington, D.C.", "Ohio"]


def test_wire_dateline_inside_a_line() -> None:
    text = "By Jane Roe, Associated Press. WASHINGTON (AP) -- Talks. NASA (internal) said."
    assert [name for _, name in wire_datelines(text)] == ["WASHINGTON"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventscope.errors import ModelError
    from eventscope.extract.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as exc:
        pytest.skip(f"no spaCy model: {exc}")


def test_matcher_adds_places_and_keeps_people_out(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Officials met in the United States last week. Flooding closed Royal Street "
        "and traffic in Cirencester stopped. Turkish troops crossed the border."
    )
    (spans,) = recognise_toponyms([text], nlp, gazetteer)
    found = {text[s:e] for s, e in spans}
    assert {"United States", "Royal Street", "Cirencester", "Turkish"} <= found
    assert "the United States" not in found and "Officials" not in found
    (plain,) = recognise_toponyms([text], nlp)  # without a gazetteer: spaCy only, tidied
    assert "the United States" not in {text[s:e] for s, e in plain}


def test_cues_in_running_text(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Farmers in Tullamore met officials from the EU on Monday. Later the mayor said "
        "Tullamore needed new roads. The team flew to Washington, D.C., after the game."
    )
    (spans,) = recognise_toponyms([text], nlp, gazetteer)
    found = [text[s:e] for s, e in spans]
    assert "EU" in found and "Washington, D.C." in found
    assert found.count("Tullamore") == 2  # the second mention, with no cue, follows the first
    assert "Washington" not in found and "D.C." not in found
