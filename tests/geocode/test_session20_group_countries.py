"""Session 20 (held-out linking round 20): a story that names no country is told of the
country its named armed groups fight in. "... in combat with members of the Clan del Golfo
in a rural area of Cáceres, in Antioquia's Bajo Cauca region" went to Cáceres, Spain (and
Antioquia to Antakya, Turkey); the Clan del Golfo says Colombia. A named country still wins:
the groups' homes count only where the text names none. And "the south Lebanon village of
Hula" is no Hula of Syria: a country before "<kind> of" qualifies the name."""

from __future__ import annotations

from pathlib import Path

from eventscope.geocode import Geocoder, Unresolved
from eventscope.geocode.document import resolve_document
from eventscope.geocode.forces import group_country_finder
from eventscope.models import Place
from factories import pipeline_mentions

_COLOMBIA = (
    "Two soldiers died and three were injured on Friday afternoon in combat with members of "
    "the Clan del Golfo in a rural area of Cáceres, in Antioquia's Bajo Cauca region."
)


def _places(tmp_path: Path, gazetteer_path: Path, text: str) -> set[tuple[str, str]]:
    mentions = pipeline_mentions(tmp_path, gazetteer_path, text, "2025-08-17")
    return {(m.location.name, m.location.iso) for m in mentions if m.location}


def test_the_groups_home_places_a_story_that_names_no_country(
    tmp_path: Path, gazetteer_path: Path
) -> None:
    assert _places(tmp_path, gazetteer_path, _COLOMBIA) == {("Cáceres", "CO")}


def test_a_named_country_outranks_the_groups_home(tmp_path: Path, gazetteer_path: Path) -> None:
    text = "Members of the Clan del Golfo were arrested on Friday in Cáceres, Spain, police said."
    assert {iso for _, iso in _places(tmp_path, gazetteer_path, text)} == {"ES"}


def test_only_groups_that_fight_at_home_give_a_country() -> None:
    iso = {"Colombia": "CO", "Russia": "RU"}.get
    home = group_country_finder(
        [("Clan del Golfo", "Colombia", 3), ("Wagner Group", "Russia", 8)],
        lambda name: iso(name) or "",
    )
    assert (home("Clan del Golfo"), home("Wagner Group"), home("Civilians")) == ("CO", "", "")


def test_a_country_before_the_kind_word_qualifies_the_name(geocoder: Geocoder) -> None:
    # "the south Lebanon village of Hula" is no Hula in Syria (Kafr Laha, Homs): with no
    # Lebanese Hula in the gazetteer the name stays unresolved, as "Hula, Lebanon" does
    text = "A drone strike killed a man in the south Lebanon village of Hula on Sunday."
    start = text.index("Hula")
    [answer] = resolve_document(text, [(start, start + 4)], geocoder)
    assert isinstance(answer, Unresolved) and answer.query == "Hula, Lebanon"
    # a demonym tells who lives there, not where: the Armenian town of Kessab is in Syria
    text = "Rebels seized the Armenian town of Kessab in the Latakia countryside."
    start = text.index("Kessab")
    [answer] = resolve_document(text, [(start, start + 6)], geocoder)
    assert isinstance(answer, Place) and answer.iso == "SY"
    text = "Gunmen attacked the Nigerian town of Maiduguri on Sunday."
    start = text.index("Maiduguri")
    [answer] = resolve_document(text, [(start, start + 9)], geocoder)
    assert isinstance(answer, Place) and answer.iso == "NG"
