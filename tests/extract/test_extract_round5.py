"""Round 5 of extraction fixes, each from a harder linking case (docs/resolution.md)."""

from __future__ import annotations

from collections.abc import Callable

from eventscope.models import Mention


def test_an_attack_on_army_positions_is_a_battle(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention(
        "Rapid Support Forces fighters attacked army positions on the edge of El Obeid on "
        "Saturday, killing 12."
    )
    assert mention.sub_event_type == "Armed clash"


def test_dozens_of_attackers_killed_are_armed_victims(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of("Dozens of attackers were killed, the army said.")
    assert [m.sub_event_type for m in found] == ["Armed clash"]
    assert found[0].actor2.startswith("Unidentified Armed Group")


def test_hundreds_of_soldiers_still_act(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Hundreds of soldiers attacked the village, killing 20 villagers.")
    assert mention.actor1.startswith("Military Forces")


def test_the_attack_claimed_after_a_bombing_is_the_bombing(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "A vehicle-borne explosive device detonated outside a restaurant in Mogadishu on "
        "Saturday, killing 12 people. The al-Shabaab militant group said it carried out the "
        "attack."
    )
    assert {m.sub_event_type for m in found} == {"Remote explosive/landmine/IED"}
    assert any(m.actor1 == "Al Shabaab" for m in found)


def test_local_witnesses_name_the_event_place(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention(
        "Residents of Malam Fatori in Borno state said an air force strike on Saturday killed "
        "at least 16 civilians at a market."
    )
    assert [(p.text, p.role) for p in mention.places] == [("Malam Fatori", "event")]


def test_officials_elsewhere_still_do_not(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Jets bombed a market on Sunday, killing 16, officials in Abuja said.")
    assert all(p.role != "event" for p in mention.places)


def test_the_sentence_place_wins_over_the_witnesses(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Villagers in Kanbalu said junta jets bombed Kyaukmyaung, killing 7.")
    assert [p.text for p in mention.places if p.role == "event"] == ["Kyaukmyaung"]


def test_the_tatmadaw_is_myanmars_military(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("A Tatmadaw air raid struck a monastery on Sunday, killing ten.")
    assert mention.actor1 == "Military Forces of Myanmar (2021-)"
