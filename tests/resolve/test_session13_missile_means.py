"""Means rules of session 13 (resolve/means.py, resolve/cluster.py ``_with_named_means``),
found by the held-out linking check of round 9: a Russian ballistic missile on a military
institute in Poltava in the morning and Shahed drones on a substation that night are two
events, although the drone report also recalls "the deadly missile strike" and that sentence
leads its report."""

from __future__ import annotations

import pytest

from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.means import means_differ, means_families
from factories import mention

RULES = LinkRules()
_SHELLING = {"event_type": "Explosions/Remote violence", "actor2": "", "inter2": 0}


@pytest.mark.parametrize("weapon", ["ballistic missile", "Iskander-M", "KN-23", "Kalibr"])
def test_a_missile_named_by_kind_or_model_is_a_family(weapon: str) -> None:
    assert means_families([weapon]) == frozenset({"missile"})
    assert means_differ(means_families([weapon]), means_families(["Shahed"]))
    assert means_differ(means_families(["glide bomb"]), means_families([weapon]))


@pytest.mark.parametrize("weapon", ["missile", "cruise missile", "Kh-101", "Kinzhal"])
def test_a_bare_or_air_launched_missile_meets_every_family(weapon: str) -> None:
    # Air-launched missiles are what an "air strike" delivers; a bare "cruise missile" may be
    # air- or sea-launched.
    assert means_families([weapon]) == frozenset()
    assert not means_differ(means_families([weapon]), means_families(["Shahed"]))
    air_strike = means_families([], "an air strike")
    assert not means_differ(means_families([weapon]), air_strike)


def test_a_missile_meets_artillery_as_one_sub_event_type_does() -> None:
    # Both are "Shelling/artillery/missile attack" for ACLED.
    assert not means_differ(means_families(["Tochka-U"]), means_families(["Grad"]))
    assert not means_differ(means_families(["Grad"]), means_families(["Tochka-U"]))
    assert means_differ(means_families(["Grad"]), means_families(["Shahed"]))


def test_a_combined_attack_meets_both_families() -> None:
    both = means_families(["Iskander", "Shahed"])
    assert not means_differ(both, means_families(["Shahed"]))
    assert not means_differ(both, means_families(["ballistic missile"]))


def _groups(*mentions_: object) -> list[list[str]]:
    groups = cluster_mentions(mentions_, RULES)  # type: ignore[arg-type]
    return sorted(sorted(m.mention_id for m in g) for g in groups)


def test_a_drone_report_led_by_a_recalled_missile_strike_stays_a_drone_report() -> None:
    missile = mention(
        "d1", 0, sub_event_type="Shelling/artillery/missile attack",
        weapons=("ballistic missile",), **_SHELLING,
    )  # fmt: skip
    # The drone report's first, asserted sentence recalls the missile strike with a bare
    # "missile"; its own strike is the drones.
    recalled = mention(
        "d2", 0, sub_event_type="Shelling/artillery/missile attack", weapons=("missile",),
        **_SHELLING,
    )  # fmt: skip
    drones = mention("d2", 80, weapons=("Shahed", "drone"), modality="reported", **_SHELLING)
    groups = _groups(missile, recalled, drones)
    assert groups == [[missile.mention_id], sorted([recalled.mention_id, drones.mention_id])]


def test_reports_of_one_missile_strike_still_link() -> None:
    a = mention(
        "d1", 0, sub_event_type="Shelling/artillery/missile attack",
        weapons=("ballistic missile",), **_SHELLING,
    )  # fmt: skip
    b = mention(
        "d2", 0, sub_event_type="Shelling/artillery/missile attack", weapons=("missile",),
        **_SHELLING,
    )  # fmt: skip
    assert len(_groups(a, b)) == 1
