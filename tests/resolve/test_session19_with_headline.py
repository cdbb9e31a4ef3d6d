"""Session 19: a report's lead takes its article's headline place only where no member of
the report has a place finer than a country (resolve/unplaced.with_headline)."""

from __future__ import annotations

from dataclasses import replace

from eventscope.resolve.cluster import _lead
from eventscope.resolve.unplaced import unknown_place_keys, with_headline
from factories import DEIR, RAQQA, mention

SYRIA = replace(DEIR, name="Syria", feature="country", admin1="", geo_precision=3)
IRAQ = replace(SYRIA, name="Iraq", iso="IQ", country="Iraq")


def test_an_unplaced_report_takes_the_headline_place() -> None:
    m = replace(mention("d1"), location=None, headline_place=DEIR)
    assert _lead([m]).location == DEIR


def test_a_country_is_refined_by_a_headline_place_inside_it_only() -> None:
    m = replace(mention("d1"), location=SYRIA, headline_place=DEIR)
    assert with_headline(m, [m]).location == DEIR
    elsewhere = replace(m, location=IRAQ)
    assert with_headline(elsewhere, [elsewhere]).location == IRAQ


def test_a_report_placed_by_its_text_ignores_its_headline() -> None:
    placed = mention("d1", location=RAQQA)
    hinted = replace(mention("d1", 40), location=None, headline_place=DEIR, headline_names=("X",))
    lead = _lead([placed, hinted])
    assert lead.location == RAQQA
    assert not unknown_place_keys(lead)  # nor does it keep the headline's names


def test_headline_names_are_the_unplaced_reports_unknown_places() -> None:
    m = replace(mention("d1"), location=None, headline_names=("Zarbatenga town",))
    assert unknown_place_keys(with_headline(m, [m])) == unknown_place_keys(
        replace(m, headline_names=("Zarbatenga",))
    )
    assert unknown_place_keys(with_headline(m, [m]))
