"""Session 12 review: the claimant rule (extract/claimants.py) displaces a named actor1 only
where it was read from position; any possessed subject but a place or a thing acts for the
claimant; the target strike rule (extract/target_strikes.py) no longer reads goals, political
coalitions, drills, lawsuits or campaigns as air strikes; the object of the verb a trigger
continues is the target side (extract/actors.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import AIR, ISRAEL, ISWAP, NIGERIA, RUSSIA, UKRAINE
from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "trigger", "attacker"),
    [
        (
            "The Ukrainian air force said it intercepted a Russian missile strike on Kyiv.",
            "missile strike",
            RUSSIA,
        ),
        ("The Nigerian army said it blamed ISWAP for the attack on Monguno.", "attack", ISWAP),
        (
            "The Ukrainian military said its forces withdrew from Avdiivka after a Russian "
            "offensive.",
            "offensive",
            RUSSIA,
        ),
        (
            "The Ukrainian military said it warned of a Russian offensive near Kharkiv.",
            "offensive",
            RUSSIA,
        ),
        # a verb of harm, but the named actor modifies the noun trigger: it attacked
        (
            "The Ukrainian military said it destroyed 12 tanks during a Russian offensive near "
            "Avdiivka.",
            "offensive",
            RUSSIA,
        ),
    ],
)
def test_a_named_attacker_is_not_displaced_by_the_claimant(
    mentions_of: Callable[..., list[Mention]], text: str, trigger: str, attacker: str
) -> None:
    found = [m for m in mentions_of(text) if m.trigger == trigger]
    assert found
    assert found[0].actor1 == attacker


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        (
            "The Russian Defence Ministry said its air defence systems shot down 30 Ukrainian "
            "drones over Belgorod.",
            RUSSIA,
        ),
        ("The Ukrainian air force said its F-16s shot down 12 Russian cruise missiles.", UKRAINE),
        (
            "The Ukrainian military said its HIMARS struck a Russian command post near Kherson.",
            UKRAINE,
        ),
        (
            "The Israeli military said its interceptors shot down a Hezbollah drone over Haifa.",
            ISRAEL,
        ),
        (
            "The Pakistani army said its gunships killed 12 TTP militants in North Waziristan.",
            "Military Forces of Pakistan",
        ),
    ],
)
def test_a_possessed_weapon_system_acts_for_the_claimant(
    only_mention: Callable[..., Mention], text: str, attacker: str
) -> None:
    assert only_mention(text).actor1 == attacker


@pytest.mark.parametrize(
    "text",
    [
        "The British Army has hit its recruitment target for the first time in a decade.",
        "The Russian military hit its target of recruiting 400,000 contract soldiers.",
        "The Pentagon said the US military hit its targets for the year.",
        "The US military hit the target for its recruitment drive in March.",
        "The ruling coalition hit its target of cutting the deficit.",
        "The coalition targeted Labour strongholds in the north ahead of the election.",
        "The governing coalition targeted opposition strongholds in the campaign.",
        "The Chinese military simulated strikes on key targets in Taiwan during drills.",
        "The Chinese army practised strikes on Taiwanese military bases during exercises "
        "around the island.",
        "The Russian military rehearsed strikes on NATO bases in large-scale exercises.",
        "The army hit the headquarters of the opposition party with a lawsuit.",
        "The Russian military targeted universities and training centres in its recruitment "
        "campaign.",
        "The army hit the headquarters of the opposition party with a defamation suit.",
        "The ruling coalition targeted ISWAP strongholds in its manifesto.",
    ],
)
def test_goals_politics_drills_and_lawsuits_are_no_air_strike(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.sub_event_type != AIR for m in mentions_of(text))


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("The Israeli military said it hit 150 targets across Gaza overnight.", ISRAEL),
        ("The Israeli military hit a Hamas target in Gaza, it said.", ISRAEL),
        ("The Saudi-led coalition struck a weapons depot in Sanaa.", ""),
    ],
)
def test_military_targets_and_coalitions_still_strike(
    only_mention: Callable[..., Mention], text: str, attacker: str
) -> None:
    m = only_mention(text)
    assert (m.sub_event_type, m.actor1) == (AIR, attacker)


@pytest.mark.parametrize(
    ("text", "attacker", "target_owner"),
    [
        (
            "Russia's Defence Ministry said on Tuesday that Tu-22M3 long-range bombers had "
            "destroyed Islamic State command posts and ammunition depots in the area, killing "
            "at least 40 fighters.",
            RUSSIA,
            "Islamic State (Syria)",
        ),
        (
            "The Israeli military said fighter jets destroyed Hezbollah weapons depots in "
            "southern Lebanon, killing five militants.",
            ISRAEL,
            "Hezbollah",
        ),
        (
            "The Nigerian Air Force said aircraft destroyed ISWAP camps near Lake Chad, killing "
            "dozens of fighters.",
            NIGERIA,
            ISWAP,
        ),
        (
            "Israeli jets destroyed a Hamas tunnel in Rafah, killing three militants.",
            ISRAEL,
            "Hamas Movement",
        ),
    ],
)
def test_the_owner_of_what_was_destroyed_is_no_attacker(
    only_mention: Callable[..., Mention], text: str, attacker: str, target_owner: str
) -> None:
    m = only_mention(text)
    assert m.actor1 == attacker
    assert m.actor1 != target_owner


def test_the_attacker_of_a_continued_verb_stays(only_mention: Callable[..., Mention]) -> None:
    """The subject of the verb still acts: "ISWAP fighters destroyed a Nigerian army base,
    killing 12 soldiers" (the army's base is hit, ISWAP attacks)."""
    m = only_mention("ISWAP fighters destroyed a Nigerian army base in Borno, killing 12 soldiers.")
    assert (m.actor1, m.actor2) == (ISWAP, NIGERIA)


def test_unnamed_drones_are_not_the_claimants_without_a_named_target(
    only_mention: Callable[..., Mention],
) -> None:
    """ "Ukraine's air force said drones struck Kyiv": the drones may be the enemy's."""
    assert only_mention("Ukraine's air force said drones struck Kyiv overnight.").actor1 == ""
