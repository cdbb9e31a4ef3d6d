"""Session 20 (held-out linking round 20): "BUENAVISTA, Mich. - Four members of the State
Civil Guard died ..." is a dateline of Michoacán, Mexico. The model tagged only "Mich.", which
read as Michigan; the dateline's town now stands in for a name inside its own qualifier, and
a Mexican state's press abbreviation after a comma may mean that state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.config import GeocodeSettings, Settings
from eventscope.extract import extract_mentions, load_nlp
from eventscope.geocode.curated import qualifier_abbreviation_areas
from eventscope.models import Article
from eventscope.pipeline.api import run_all
from eventscope.store import Store

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
        ("Gro.", {("MX", "Guerrero")}),
        ("La.", {("US", "Louisiana")}),
        ("SC", {("US", "South Carolina")}),
        ("Syria", set()),  # not an abbreviation: the gazetteer answers it
    ],
)
def test_qualifier_abbreviations(abbreviation: str, areas: set[tuple[str, str]]) -> None:
    assert qualifier_abbreviation_areas(abbreviation) == areas


def test_the_town_decides_between_michigan_and_michoacan(
    tmp_path: Path, gazetteer_path: Path
) -> None:
    path = tmp_path / "a.jsonl"
    article = {"id": "a1", "source": "s", "published": "2026-01-21", "title": "", "text": _LEDE}
    path.write_text(json.dumps(article) + "\n")
    settings = Settings(geocode=GeocodeSettings(gazetteer_path=str(gazetteer_path)))
    with Store.open(tmp_path / "es.sqlite") as store:
        run_all(store, settings, [str(path)])
        places = {(m.location.iso, m.location.admin1) for m in store.iter_mentions() if m.location}
    assert places == {("MX", "Michoacán de Ocampo")}
