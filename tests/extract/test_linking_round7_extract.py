"""Linking round 7 (session 11): an attack named as another's motive ("in retaliation for
Tuesday's air strike", "to avenge Monday's raid") is background, and its date never dates the
reprisal (extract/reprisals.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

# The fixtures publish on Wednesday 2025-03-12.
_WEDNESDAY = "2025-03-12"


@pytest.mark.parametrize(
    ("text", "motive_day"),
    [
        (
            "Militants detonated a roadside bomb against an army patrol in Kirkuk on Wednesday, "
            "killing two soldiers, in retaliation for Tuesday's air strike.",
            "2025-03-11",
        ),
        (
            "Gunmen attacked a police post in Quetta on Wednesday, killing three policemen, in "
            "revenge for Monday's drone strike on their hideout.",
            "2025-03-10",
        ),
    ],
)
def test_the_avenged_attack_is_background_with_its_own_date(
    mentions_of: Callable[..., list[Mention]], text: str, motive_day: str
) -> None:
    found = mentions_of(text)
    news = [m for m in found if m.modality != "historical"]
    assert news, [(m.trigger, m.modality) for m in found]
    assert all(m.date_start == _WEDNESDAY for m in news)
    assert "strike" not in " ".join(m.trigger for m in news)
    motives = [m for m in found if m.modality == "historical"]
    assert all(m.date_start == motive_day for m in motives)


def test_a_motive_told_alone_is_still_the_news(
    only_mention: Callable[..., Mention],
) -> None:
    m = only_mention("Residents said the air strike on Tuesday was in retaliation for an ambush.")
    assert m.modality != "historical"
    assert m.date_start == "2025-03-11"


def test_retaliation_without_a_named_attack_changes_nothing(
    only_mention: Callable[..., Mention],
) -> None:
    m = only_mention("The army shelled Kirkuk on Wednesday in retaliation, killing four people.")
    assert m.modality != "historical" and m.date_start == _WEDNESDAY


def test_the_motives_weapon_is_not_the_reprisals(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # Review (session 11): the drone of "Monday's drone strike" leaked into the ambush,
    # which then stayed apart from reports of the same ambush naming RPGs.
    text = (
        "In retaliation for Monday's drone strike, militants ambushed an army patrol in "
        "Kirkuk on Wednesday, killing 12 soldiers."
    )
    news = [m for m in mentions_of(text) if m.modality != "historical"]
    assert news and all("drone" not in m.weapons for m in news), [
        (m.trigger, m.weapons) for m in news
    ]
