"""Session 17: general fixes found from held-out linking round 15, each tested here on
made-up sentences (no sentence of the round is used)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Extract = Callable[..., list[Mention]]


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


def test_a_lower_case_description_is_no_place_name(mentions_of: Extract) -> None:
    # the small model tags "the east bank" LOC; as a name it read as East Bank, West Virginia
    found = mentions_of(
        "Gunmen killed seven traders in Kafr Dara on Monday, and families crossed by canoe "
        "to the east bank of the river."
    )
    roles = _roles(found)
    assert not any(name.lower().startswith("the east") for name in roles), roles
    assert roles.get("Kafr Dara") == "event", roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "leave" is a motion verb: where they went is a destination
            "Residents of Tungan Bako buried nine people killed in Friday's attack by bandits, "
            "as hundreds of families left by lorry to Kontagora.",
            {"Kontagora": "destination", "Tungan Bako": "event"},
        ),
        (  # the place after a whole trip is where on the way it happened
            "Gunmen stopped a minibus travelling from Gombe to Yola on the highway in "
            "Adamawa's Hong district on Friday and shot dead six passengers.",
            {"Hong district": "event"},
        ),
    ],
)
def test_roles_after_motion(mentions_of: Extract, text: str, expected: dict[str, str]) -> None:
    roles = _roles(mentions_of(text))
    assert {name: roles.get(name) for name in expected} == expected, roles
    assert roles.get("Gombe") != "event" and roles.get("Yola") != "event", roles


def test_a_trip_without_a_place_along_the_way_keeps_its_roles(mentions_of: Extract) -> None:
    roles = _roles(mentions_of("Gunmen attacked a bus travelling from Gombe to Yola on Friday."))
    assert roles.get("Gombe") != "event" and roles.get("Yola") != "event", roles


def test_a_death_toll_makes_an_attack_violent(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("The death toll from Friday's attack on Dogon Daji has risen to 14.")
    assert (m.sub_event_type, m.date_start) == ("Attack", "2025-03-07")


@pytest.mark.parametrize(
    "text",
    [
        "Medics said on Friday that gunmen had stormed the village of Kuchi the day before.",
        "Medics said on Friday that gunmen had stormed the village of Kuchi a day earlier, "
        "killing 12.",
    ],
)
def test_the_day_before_a_statement_day(only_mention: Callable[..., Mention], text: str) -> None:
    m = only_mention(text, "2025-03-08")
    assert (m.date_start, m.date_end) == ("2025-03-06", "2025-03-06"), m.date_start


def test_the_day_before_another_event_is_no_date(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("Gunmen stormed the village of Kuchi the day before the vote, killing 12.")
    assert m.date_start != "2025-03-11", m.date_start


def test_a_gendarmerie_post_is_a_military_target(mentions_of: Extract) -> None:
    found = mentions_of("An attack on a gendarmerie position in Kourou on Sunday left three hurt.")
    assert [m.sub_event_type for m in found if m.trigger == "attack"] == ["Armed clash"], found


def test_bandits_invading_a_village(mentions_of: Extract) -> None:
    found = mentions_of(
        "Armed bandits on motorcycles invaded Gidan Tudu village in Maru Local Government "
        "Area on Sunday night."
    )
    assert [m.sub_event_type for m in found] == ["Attack"], found
    roles = _roles(found)  # the small model parses "Gidan" apart at times: the village is read
    assert any("Tudu" in name and role == "event" for name, role in roles.items()), roles


def test_conquering_a_barracks(only_mention: Callable[..., Mention]) -> None:
    m = only_mention(
        "The group said its fighters had conquered the barracks in the town of Diapaga."
    )
    assert m.sub_event_type == "Non-state actor overtakes territory"


def test_a_town_s_mayor_vouches_for_the_place(mentions_of: Extract) -> None:
    found = mentions_of(
        "The mayor of Dlo Fret told reporters on Tuesday that nine people were killed when "
        "gang members entered the commune on Sunday."
    )
    assert {p.text: p.role for m in found for p in m.places}.get("Dlo Fret") == "event"


def test_officials_elsewhere_still_vouch_for_nothing(mentions_of: Extract) -> None:
    # near miss: a ministry in the capital says nothing of where it happened
    found = mentions_of(
        "Officials in Port-au-Prince told reporters that nine people were killed when gang "
        "members entered the commune on Sunday."
    )
    assert "Port-au-Prince" not in {p.text for m in found for p in m.places if p.role == "event"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The rebels claimed the shooting of two soldiers at a post in Kamango on Monday.",
         "shooting"),
        ("Villagers counted 12 bodies after an incursion by rebels into Kamango on Monday.",
         "incursion"),
    ],
)  # fmt: skip
def test_a_shooting_and_an_incursion_are_events(
    mentions_of: Extract, text: str, trigger: str
) -> None:
    assert trigger in [m.trigger for m in mentions_of(text)]


def test_a_shooting_range_is_no_event(mentions_of: Extract) -> None:
    assert mentions_of("Soldiers trained at the shooting range in Kamango on Monday.") == []
