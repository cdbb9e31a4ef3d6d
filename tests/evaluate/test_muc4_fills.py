"""MUC-4 target fills read from the whole document (muc4_fills; no spaCy model needed)."""

from __future__ import annotations

from eventscope.evaluate.muc4 import system_fills
from eventscope.evaluate.muc4_fills import (
    damaged_property,
    is_agent,
    is_place_or_group,
    victim_names,
    whole_names,
)

GENERIC = frozenset({"Unidentified Armed Group"})


def _spans(text: str, *names: str) -> list[tuple[int, int, str]]:
    found = []
    for name in names:
        start = text.index(name)
        found.append((start, start + len(name), name))
    return found


def _victims(text: str, *names: str) -> list[str]:
    return [name for _start, _end, name in victim_names(text, _spans(text, *names))]


def test_victim_after_a_harm_noun_or_verb() -> None:
    text = "They condemned the murder of Senator Luis Carlos Galan, Lopez said."
    assert _victims(text, "Luis Carlos Galan", "Lopez") == ["Luis Carlos Galan"]
    assert _victims("Gunmen kidnapped businessman Michael Reyff.", "Michael Reyff") == [
        "Michael Reyff"
    ]


def test_victim_before_a_passive_or_died() -> None:
    text = "Jairo Ortega, the bodyguard, was also killed. Hector Oqueli died on Friday."
    assert _victims(text, "Jairo Ortega", "Hector Oqueli") == ["Jairo Ortega", "Hector Oqueli"]
    assert _victims("Francisco Merino escaped unharmed.", "Francisco Merino") == [
        "Francisco Merino"
    ]
    # "was reported killed" is no statement by the victim.
    assert _victims("Ana Gomez was reported killed.", "Ana Gomez") == ["Ana Gomez"]


def test_victims_spread_along_a_list() -> None:
    text = "Among the injured are Jaime Suarez, 24; Gloria Carranza, and Pedro Ortiz."
    assert _victims(text, "Jaime Suarez", "Gloria Carranza", "Pedro Ortiz") == [
        "Jaime Suarez",
        "Gloria Carranza",
        "Pedro Ortiz",
    ]
    text = "The assassinations of Eduardo Herrera and Dr Ramon Garay shocked Tegucigalpa."
    assert _victims(text, "Eduardo Herrera", "Ramon Garay") == ["Eduardo Herrera", "Ramon Garay"]


def test_a_place_after_killed_in_is_no_victim() -> None:
    # A preposition between the harm word and the name ends the title words.
    assert _victims("Two men were killed in San Miguel.", "San Miguel") == []
    assert _victims("President Cristiani said the talks go on.", "Cristiani") == []


def test_names_grow_over_capitalised_neighbours() -> None:
    text = "Yesterday Hector Oqueli Colindres de la Cruz met Luis Carlos Galan Sarmiento."
    grown = whole_names(text, _spans(text, "Oqueli", "Carlos Galan"))
    assert [name for _s, _e, name in grown] == [
        "Hector Oqueli Colindres de la Cruz",  # not "Yesterday": it starts the sentence
        "Luis Carlos Galan Sarmiento",
    ]


def test_agent_of_a_passive() -> None:
    text = "They were executed by order of Oscar Pelaez and shot by Juan Perez near Ana Gomez."
    assert is_agent(text, text.index("Oscar"))
    assert is_agent(text, text.index("Juan"))
    assert not is_agent(text, text.index("Ana"))


def test_damaged_property_before_and_after_the_damage_word() -> None:
    text = (
        "The guerrillas dynamited two high-voltage pylons. Two buses were burned. "
        "A bomb exploded at the offices of the newspaper."
    )
    assert damaged_property(text) == ["two high-voltage pylons", "Two buses", "the offices"]


def test_military_property_and_unharmed_buildings_are_no_targets() -> None:
    text = "Rebels destroyed an armored vehicle and damaged a military truck near the hospital."
    assert damaged_property(text) == []


def test_places_and_groups_tagged_as_persons() -> None:
    assert is_place_or_group("Cartagena")
    assert is_place_or_group("Shining Path")
    assert not is_place_or_group("Hector Oqueli")


def test_document_fills_without_a_mention() -> None:
    text = "The murder of Cartagena and Hector Oqueli shocked the country. The bank was bombed."
    fills = system_fills([], GENERIC, _spans(text, "Cartagena", "Hector Oqueli"), text)
    assert fills["hum_tgt_name"] == ["Hector Oqueli"]
    assert fills["phys_tgt_id"] == ["The bank"]
    # Without the document text only the mentions fill (none here).
    assert system_fills([], GENERIC, _spans(text, "Hector Oqueli"))["hum_tgt_name"] == []
