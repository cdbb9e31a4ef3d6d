"""State forces outside their home country become External/Other Forces (ACLED inter 8)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.geocode.forces import (
    EXTERNAL_FORCES,
    STATE_FORCES,
    code_foreign_forces,
    generic_namer,
    home_country_finder,
    iso_finder,
    localise_generic_actors,
)
from eventscope.resolve.compat import is_generic_actor
from factories import DEIR, mention

ENTRIES = {
    "Military Forces of Russia (2000-)": ("Russia", "military"),
    "Military Forces of Syria (2000-)": ("Syria", "military"),
    "Islamic State (Syria)": ("Syria", ""),  # a home country, but not a state force
}
TEMPLATES = ("Military Forces of {country}", "Police Forces of {country}")
ISO = {"russia": "RU", "syria": "SY", "france": "FR", "democratic republic of the congo": "CD"}
home = home_country_finder(ENTRIES.get, TEMPLATES)
iso = iso_finder(ISO, str.lower)


@pytest.mark.parametrize(
    ("actor", "country"),
    [
        ("Military Forces of Russia (2000-)", "Russia"),
        ("Military Forces of France", "France"),  # built from "French troops"
        ("Police Forces of Democratic Republic of Congo", "Democratic Republic of Congo"),
        ("Islamic State (Syria)", ""),
        ("Military Forces of ", ""),
        ("Civilians", ""),
    ],
)
def test_home_country_of_state_forces_only(actor: str, country: str) -> None:
    assert home(actor) == country


def test_country_names_match_with_or_without_articles() -> None:
    assert iso("Democratic Republic of Congo") == "CD" and iso("Atlantis") == ""


def test_russian_forces_in_syria_are_external_and_syrian_forces_stay_state() -> None:
    russian = mention(inter1=STATE_FORCES)
    syrian = mention(start=40, actor1="Military Forces of Syria (2000-)", inter1=STATE_FORCES)
    out = code_foreign_forces([russian, syrian], home, iso)
    assert out[0].inter1 == EXTERNAL_FORCES and out[0].inter2 == 2
    assert out[1] == syrian


def test_the_victim_side_is_recoded_too_and_other_codes_never() -> None:
    m = mention(
        actor1="Islamic State (Syria)", inter1=2,
        actor2="Military Forces of France", inter2=STATE_FORCES,
    )  # fmt: skip
    (out,) = code_foreign_forces([m], home, iso)
    assert (out.inter1, out.inter2) == (2, EXTERNAL_FORCES)


def test_without_an_event_country_nothing_changes() -> None:
    unplaced = mention(inter1=STATE_FORCES, location=None)
    no_iso = mention(inter1=STATE_FORCES, location=replace(DEIR, iso=""))
    assert code_foreign_forces([unplaced, no_iso], home, iso) == [unplaced, no_iso]


def test_class_labels_take_the_event_country_and_stay_class_labels() -> None:
    namer = generic_namer(frozenset({"Civilians", "Unidentified Armed Group"}))
    m = mention(actor1="Unidentified Armed Group", inter1=3, actor2="Civilians", inter2=7)
    (out,) = localise_generic_actors([m], namer)
    assert (out.actor1, out.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")
    assert is_generic_actor(out.actor1) and is_generic_actor(out.actor2)
    # A named group whose name ends in brackets is not a class label.
    assert not is_generic_actor("Islamic State (Syria)")


def test_named_actors_and_unplaced_mentions_keep_their_names() -> None:
    namer = generic_namer(frozenset({"Civilians"}))
    named = mention(actor2="Islamic State (Syria)")
    unplaced = mention(actor2="Civilians", location=None)
    assert localise_generic_actors([named, unplaced], namer) == [named, unplaced]
