"""MUC-4 slot mapping: which mention parts fill which template slot (no model needed)."""

from __future__ import annotations

from dataclasses import replace

from eventscope.evaluate.muc4 import prepare_text, system_fills
from eventscope.models import Evidence, Mention
from factories import bomb_mention

SENTENCE = "Guerrillas bombed the house of Hector Oqueli with an M-16 rifle and dynamite."
GENERIC = frozenset({"Unidentified Armed Group"})


def _mention(**fields: object) -> Mention:
    return bomb_mention(SENTENCE, "bombed", **fields)


def _span(field: str, text: str) -> Evidence:
    start = SENTENCE.index(text)
    return Evidence(field, start, start + len(text), text)


def test_person_name_inside_a_target_fills_hum_tgt_name() -> None:
    target = _span("target", "the house of Hector Oqueli")
    name = SENTENCE.index("Hector Oqueli")
    persons = [(name, name + len("Hector Oqueli"), "Hector Oqueli")]
    fills = system_fills([_mention(evidence=(target,))], GENERIC, persons)
    assert fills["hum_tgt_name"] == ["Hector Oqueli"]
    # A building that names its owner is a physical target too (the owner stays a human one).
    assert fills["phys_tgt_id"] == ["the house of Hector Oqueli"]
    # Without the name the phrase is a physical target alone ("house" is a building).
    fills = system_fills([_mention(evidence=(target,))], GENERIC)
    assert fills["phys_tgt_id"] == ["the house of Hector Oqueli"]
    assert fills["hum_tgt_name"] == []


def test_owner_name_in_a_person_phrase_fills_only_hum_tgt_name() -> None:
    sentence = "Guerrillas shot the brother of Hector Oqueli."
    start = sentence.index("the brother")
    target = Evidence("target", start, len(sentence) - 1, sentence[start:-1])
    name = sentence.index("Hector")
    persons = [(name, name + len("Hector Oqueli"), "Hector Oqueli")]
    mention = _mention(sentence=sentence, sub_event_type="Attack", evidence=(target,),
                       event_type="Violence against civilians")  # fmt: skip
    fills = system_fills([mention], GENERIC, persons)
    assert fills["hum_tgt_name"] == ["Hector Oqueli"]
    assert fills["phys_tgt_id"] == []


def test_bare_designator_is_not_an_instrument() -> None:
    weapons = (_span("weapons", "M-16"), _span("weapons", "rifle"), _span("weapons", "dynamite"))
    fills = system_fills([_mention(evidence=weapons)], GENERIC)
    assert fills["incident_instrument_id"] == ["rifle", "dynamite"]


def test_abstract_and_military_targets_fill_nothing() -> None:
    sentence = "Guerrillas attacked army positions and democracy."
    mention = _mention(sentence=sentence, sub_event_type="Attack",
                       event_type="Violence against civilians",
                       evidence=(Evidence("target", 19, 33, "army positions"),))  # fmt: skip
    assert system_fills([mention], GENERIC)["phys_tgt_id"] == []


def test_state_military_operations_are_not_incidents() -> None:
    actor = _span("actor1", "Guerrillas")
    clash = _mention(sub_event_type="Armed clash", event_type="Battles", inter1=1,
                     actor1="Military Forces", evidence=(actor,))  # fmt: skip
    assert system_fills([clash], GENERIC)["perp_organization_id"] == []
    rebels = replace(clash, inter1=2, actor1="FMLN")
    assert system_fills([rebels], GENERIC)["perp_organization_id"] == ["Guerrillas"]


def test_cased_mode_truecases() -> None:
    text = prepare_text("THE FMLN KILLED\nHECTOR OQUELI IN GUATEMALA.", mode="cased")
    assert text == "The FMLN killed Hector Oqueli in Guatemala."
    assert prepare_text("THE FMLN KILLED\nHECTOR.", mode="lower") == "The fmln killed hector."
