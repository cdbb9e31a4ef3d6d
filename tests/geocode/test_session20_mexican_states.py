"""Session 20 (held-out linking round 20): "BUENAVISTA, Mich. - Four members of the State
Civil Guard died ..." is a dateline of Michoacán, Mexico. The model tagged only "Mich.", which
read as Michigan; the dateline's town now stands in for a name inside its own qualifier, and
a Mexican state's press abbreviation after a comma may mean that state."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.extract import extract_mentions, load_nlp
from eventscope.geocode import Geocoder
from eventscope.models import Article
from factories import pipeline_mentions

_LEDE = (
    "BUENAVISTA, Mich. - Four members of the State Civil Guard died after being ambushed on "
    "Tuesday by gunmen who fired on their patrol from the hills next to the highway."
)


def test_a_name_inside_a_datelines_qualifier_gives_way_to_the_town() -> None:
    article = Article(doc_id="d", input_id="d", text=_LEDE, published="2026-01-21")
    mentions = extract_mentions([article], load_nlp())[0]
    assert mentions
    for m in mentions:
        assert [(p.text, p.role) for p in m.places] == [("BUENAVISTA", "event")]


@pytest.mark.parametrize(
    ("abbreviation", "areas"),
    [
        ("Mich.", {("US", "Michigan"), ("MX", "Michoacán de Ocampo")}),
        # review: the Canadian reading stays beside the Mexican one ("GANDER, N.L.")
        ("N.L.", {("CA", "Newfoundland and Labrador"), ("MX", "Nuevo León")}),
        ("B.C.", {("CA", "British Columbia"), ("MX", "Baja California")}),
        ("Gro.", {("MX", "Guerrero")}),
        ("La.", {("US", "Louisiana")}),
        ("SC", {("US", "South Carolina")}),
        ("Syria", {("SY", "")}),  # not an abbreviation: the gazetteer answers it
    ],
)
def test_qualifier_abbreviations(
    abbreviation: str, areas: set[tuple[str, str]], geocoder: Geocoder
) -> None:
    assert geocoder.qualifier_areas(abbreviation) == areas


def test_the_town_decides_between_michigan_and_michoacan(
    tmp_path: Path, gazetteer_path: Path
) -> None:
    mentions = pipeline_mentions(tmp_path, gazetteer_path, _LEDE)
    places = {(m.location.iso, m.location.admin1) for m in mentions if m.location}
    assert places == {("MX", "Michoacán de Ocampo")}


@pytest.mark.parametrize(
    ("lede", "where"),
    [
        ("GANDER, N.L. - A man shot dead two people outside a bar on Friday night.", "CA"),
        ("APODACA, N.L. - Gunmen shot dead two police officers on Friday night.", "MX"),
    ],
)
def test_the_town_decides_what_n_l_means(
    tmp_path: Path, gazetteer_path: Path, lede: str, where: str
) -> None:
    mentions = pipeline_mentions(tmp_path, gazetteer_path, lede)
    isos = {m.location.iso for m in mentions if m.location}
    assert isos == {where}


def test_a_country_in_a_datelines_qualifier_stays_the_sentences_place() -> None:
    # round 22: the filing town is often not where the event was
    text = (
        "PESHAWAR, Pakistan, Jan 6 - A roadside bomb tore through a police vehicle in the "
        "tribal district on Monday, officials said."
    )
    article = Article(doc_id="d", input_id="d", text=text, published="2025-01-06")
    for m in extract_mentions([article], load_nlp())[0]:
        assert "PESHAWAR" not in [p.text for p in m.places]
