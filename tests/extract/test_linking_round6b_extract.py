"""Linking round 6b (session 11): the owner of a target named twice ("struck a Ukrainian army
depot, killing 30 Ukrainian servicemen") is no side of a battle. The fallback that reads
"clashes between X and Y" took the first of two patient phrases for the attacker even when
both named one actor, so a claimant's "its forces" never got its turn."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "attacker", "target"),
    [
        (
            "The Russian Defence Ministry said on Sunday its forces hit a Ukrainian army fuel "
            "depot near Pokrovsk with a missile, killing 12 Ukrainian soldiers.",
            "Military Forces of Russia (2000-)",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "Ukraine's General Staff said on Sunday its forces struck a Russian army command "
            "post in Tokmak with drones, killing 20 Russian soldiers.",
            "Military Forces of Ukraine (2019-)",
            "Military Forces of Russia (2000-)",
        ),
    ],
)
def test_the_owner_named_twice_is_the_target_not_the_attacker(
    only_mention: Callable[..., Mention], text: str, attacker: str, target: str
) -> None:
    m = only_mention(text)
    assert (m.actor1, m.actor2) == (attacker, target)


def test_two_different_sides_after_a_clash_word_are_still_both_parties(
    only_mention: Callable[..., Mention],
) -> None:
    m = only_mention(
        "Clashes between Ukrainian troops and Russian forces near Kupiansk killed five."
    )
    assert {m.actor1, m.actor2} == {
        "Military Forces of Ukraine (2019-)",
        "Military Forces of Russia (2000-)",
    }
