"""Session 12: a demonym on the strike or weapon itself names the perpetrator ("a Russian air
strike", "Russian glide bombs", "a Ukrainian drone strike") when nothing else does
(extract/weapon_owner.py). Before, such reports had no actor1, so they could not show who
struck, and linking's perpetrator rules had nothing to compare. A named firer, a maker or
supplier, a country noun, an interception and demonyms of countries whose rockets are mostly
an armed group's name nobody (second and third reviews)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import ISRAEL, RUSSIA, UKRAINE
from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("A Russian air strike hit Sumy on Monday, killing five people.", RUSSIA),
        ("An Israeli air strike hit a house in Khan Younis on Tuesday, killing six.", ISRAEL),
        ("Russian glide bombs hit Kupiansk on Monday, killing two civilians.", RUSSIA),
        ("Five people were killed in a Russian missile strike on Odesa on Monday.", RUSSIA),
        ("A Ukrainian drone strike hit an oil depot in Bryansk on Monday.", UKRAINE),
    ],
)
def test_a_demonym_on_the_strike_names_its_forces(
    only_mention: Callable[..., Mention], text: str, actor1: str
) -> None:
    assert only_mention(text).actor1 == actor1


def test_the_victims_nationality_is_not_the_striker(
    only_mention: Callable[..., Mention],
) -> None:
    # The demonym must sit on the weapon: "Ukrainian civilians" are the victims here.
    m = only_mention("An air strike killed five Ukrainian civilians in Sumy on Monday.")
    assert m.actor1 != UKRAINE


def test_a_named_firer_outranks_the_maker(only_mention: Callable[..., Mention]) -> None:
    # "Russian-made" says who built the missile, not who fired it.
    m = only_mention("A Russian-made missile fired by the Houthis hit a ship on Monday.")
    assert m.actor1 != RUSSIA


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Russian forces fired North Korean shells at Kharkiv on Tuesday, killing two.", RUSSIA),
        ("Ukrainian troops fired captured Russian shells near Bakhmut on Tuesday.", UKRAINE),
        (
            "Iranian rockets fired by Hezbollah hit Haifa on Tuesday, injuring three people.",
            "Hezbollah",
        ),
        ("Hezbollah fired Iranian rockets at Haifa on Tuesday.", "Hezbollah"),
    ],
)
def test_a_named_firer_beats_the_weapons_demonym(
    mentions_of: Callable[..., list[Mention]], text: str, actor1: str
) -> None:
    found = mentions_of(text)
    assert found and all(m.actor1 == actor1 for m in found if m.event_type != "Battles")
    assert not any("Iran" in m.actor2 or "North Korea" in m.actor2 for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "A Somalia air strike killed 12 people on Tuesday, residents said.",
        "Lebanese rockets hit northern Israel on Tuesday.",
    ],
)
def test_a_country_noun_or_an_ambiguous_demonym_names_nobody(
    only_mention: Callable[..., Mention], text: str
) -> None:
    assert only_mention(text).actor1 == ""


@pytest.mark.parametrize(
    "text",
    [
        "Two Russian missiles were shot down over Kyiv overnight.",
        "Several Iranian drones were intercepted over northern Israel.",
    ],
)
def test_an_intercepted_weapons_demonym_is_no_interceptor(
    only_mention: Callable[..., Mention], text: str
) -> None:
    # The weapon is the other side's (third review): actor1 never equals actor2 here.
    m = only_mention(text)
    assert m.actor1 == "" and m.actor2
