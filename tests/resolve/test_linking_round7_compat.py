"""Linking round 7 (session 11): two reports of one town and day that each name the means,
with no family of means in common (a drone and artillery, a drone and a glide bomb, an air
strike and an anti-tank missile), are two events (resolve/means.py)."""

from __future__ import annotations

import pytest

from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from eventscope.resolve.means import means_differ, means_families
from factories import mention

RULES = LinkRules()
_SHELLING = "Shelling/artillery/missile attack"


def _pair(weapons_a: tuple[str, ...], weapons_b: tuple[str, ...], **kw_b: str) -> bool:
    a = mention("d1", weapons=weapons_a, actor2="Civilians", inter2=7)
    b = mention("d2", weapons=weapons_b, actor2="Civilians", inter2=7, **kw_b)
    return can_link(a, b, RULES)


@pytest.mark.parametrize(
    ("weapons_a", "weapons_b", "kw_b"),
    [
        (("drone",), ("artillery",), {"sub_event_type": _SHELLING}),
        (("Shahed", "drone"), ("glide bomb",), {}),
        (("KAB-500",), ("Shahed-136",), {}),
        (("howitzer",), ("kamikaze drone",), {"sub_event_type": _SHELLING}),
    ],
)
def test_named_means_of_different_families_never_link(
    weapons_a: tuple[str, ...], weapons_b: tuple[str, ...], kw_b: dict[str, str]
) -> None:
    assert not _pair(weapons_a, weapons_b, **kw_b)


def test_an_air_strike_naming_no_weapon_is_no_anti_tank_missile() -> None:
    strike = mention("d1", trigger="air strike", weapons=())
    missile = mention(
        "d2", trigger="fired", weapons=("anti-tank missile",), sub_event_type=_SHELLING
    )
    assert means_families((), "air strike") == {"drone", "aerial bomb"}
    assert not can_link(strike, missile, RULES)


@pytest.mark.parametrize(
    ("weapons_a", "weapons_b"),
    [
        (("drone",), ("Shahed", "drone")),  # one family, named two ways
        (("missile",), ("drone",)),  # "missile" is what early reports call many means
        ((), ("artillery",)),  # one report names no means
        (("drone", "artillery"), ("artillery",)),  # a combined attack meets either part
        (("glide bomb",), ("250 kg bomb",)),
    ],
)
def test_shared_or_unnamed_means_still_link(
    weapons_a: tuple[str, ...], weapons_b: tuple[str, ...]
) -> None:
    assert _pair(weapons_a, weapons_b)


def test_an_air_strike_meets_a_named_drone() -> None:
    assert not means_differ(means_families((), "airstrike"), means_families(("drone",)))
    strike = mention("d1", trigger="air strike", weapons=())
    assert can_link(strike, mention("d2", weapons=("Bayraktar TB2",)), RULES)


# Review (session 11): the means rule must not split one event told two ways.
@pytest.mark.parametrize(
    ("kw_a", "kw_b"),
    [
        # "An air strike and artillery fire hit Kupiansk" / "A glide bomb hit Kupiansk"
        ({"trigger": "air strike", "weapons": ("artillery",)}, {"weapons": ("glide bomb",)}),
        # an air strike on militants "armed with RPGs" / a drone strike
        (
            {"trigger": "air strike", "weapons": ("rocket-propelled grenade",)},
            {"trigger": "drone strike", "weapons": ("drone",)},
        ),
        # insurgents' mortars and RPGs in one assault on a base
        ({"weapons": ("mortar",)}, {"weapons": ("RPG",)}),
        # a helicopter's anti-tank missile / "an air strike" naming no weapon
        (
            {"weapons": ("helicopter", "anti-tank missile")},
            {"trigger": "air strike", "weapons": ()},
        ),
    ],
)
def test_one_event_told_with_different_weapons_still_links(
    kw_a: dict[str, object], kw_b: dict[str, object]
) -> None:
    a = mention("d1", actor2="Civilians", inter2=7, **kw_a)  # type: ignore[arg-type]
    b = mention("d2", actor2="Civilians", inter2=7, **kw_b)  # type: ignore[arg-type]
    assert can_link(a, b, RULES)


def test_an_aircraft_or_air_strike_adds_the_families_of_the_air() -> None:
    assert means_families(["artillery"], "air strike") >= {"drone", "aerial bomb", "artillery"}
    assert "direct fire" not in means_families(["helicopter", "anti-tank missile"])
    assert means_families(["mortar"]) == frozenset()
