"""Session 16: names conjoined after a found place are places too, with its role ("struck
Tarnivka and Bilopillia", "in Dolo, Kafou and Lascahobas"). The small model often tags the
later names as persons and no locative comes before them, so only the first was read
(extract/place_shapes.conjoined_starts). The sentences are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Russian drones struck Kharkiv and Sumy overnight.", ["Kharkiv", "Sumy"]),
        (
            "Gunmen killed five people in Dolo, Kafou and Lascahobas on Saturday.",
            ["Dolo", "Kafou", "Lascahobas"],
        ),
        (
            "Gang members raided the localities of Dolo and Bois-Neuf on Saturday.",
            ["Dolo", "Bois-Neuf"],
        ),
    ],
)
def test_conjoined_names_are_event_places(
    mentions_of: Callable[..., list[Mention]], text: str, names: list[str]
) -> None:
    roles = _roles(mentions_of(text))
    assert all(roles.get(n) == "event" for n in names), roles


def test_a_conjoined_origin_stays_an_origin(mentions_of: Callable[..., list[Mention]]) -> None:
    roles = _roles(mentions_of("Fighters from Idlib and Hama attacked Aleppo on Monday."))
    assert roles.get("Hama") == roles.get("Idlib") != "event", roles
    assert roles.get("Aleppo") == "event", roles


def test_a_conjoined_people_word_is_no_place(mentions_of: Callable[..., list[Mention]]) -> None:
    roles = _roles(mentions_of("Soldiers attacked Kafou and Haitian police arrived on Monday."))
    assert "Haitian" not in roles, roles


@pytest.mark.parametrize(
    "text",
    [
        "More than 3,000 people have fled Savanette since Sunday's gang attack.",
        "Hundreds of families fled Tunga after the attack by bandits on Monday.",
    ],
)
def test_gangs_and_bandits_make_an_attack_armed(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    # data/triggers.json, word set "armed" (session 16): "gang", "bandits", "assailants" ...
    assert any(m.trigger == "attack" for m in mentions_of(text))
