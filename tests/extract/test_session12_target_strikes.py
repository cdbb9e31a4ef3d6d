"""Session 12: a state military's strike on a named military target with no weapon word is an
air/drone strike (extract/target_strikes.py); figurative "hit/struck" and non-state or police
strikers stay out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import AIR
from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        (
            "The Israeli military said it struck a Hamas command centre in Gaza City.",
            "Military Forces of Israel (2022-)",
        ),
        (
            "Ukraine's forces hit a Russian fuel depot in Novorossiysk overnight.",
            "Military Forces of Ukraine (2019-)",
        ),
        ("The coalition struck Houthi positions in Hodeidah.", ""),
        (
            "Israeli forces targeted Hezbollah weapons storage facilities in the Bekaa Valley.",
            "Military Forces of Israel (2022-)",
        ),
        (
            "A Hamas command centre in Gaza City was struck by the Israeli military on Saturday.",
            "Military Forces of Israel (2022-)",
        ),
        (
            "Israeli strikes on Hamas positions in Khan Younis continued overnight.",
            "Military Forces of Israel (2022-)",
        ),
        (
            "The Sudanese army struck RSF positions in Nyala on Sunday.",
            "Military Forces of Sudan (2019-)",
        ),
        # a qualified target noun with an armed owner
        (
            "The IDF said it struck Hezbollah infrastructure in southern Lebanon.",
            "Military Forces of Israel (2022-)",
        ),
    ],
)
def test_a_state_strike_on_a_named_target_is_an_air_strike(
    only_mention: Callable[..., Mention], text: str, attacker: str
) -> None:
    m = only_mention(text)
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", AIR)
    assert m.actor1 == attacker


def test_a_named_means_still_decides(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("Russian forces struck a Ukrainian army depot in Kramatorsk with missiles.")
    assert m.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text",
    [
        "The storm hit the coast of Mozambique.",
        "The decision hit markets hard.",
        "The story hit the headlines on Monday.",
        "Turkey struck a deal with Russia on grain.",
        "The song struck a chord with soldiers.",
        "Russian forces struck a deal to exchange prisoners.",
        "The strike by dock workers hit the port of Mombasa.",
        "The army hit back at critics of the operation.",
        # no target noun: a place or a square is not enough without a means
        "Israeli forces targeted the camp's main square.",
        "The army hit the shopping centre's car park with its new campaign.",
        # a non-state striker: its means are not guessed
        "Hezbollah said it struck an Israeli army position near Metula.",
        # police
        "Police targeted drug gangs' hideouts in Rio de Janeiro.",
        # ground forces, ground contact
        "Nigerian troops hit Boko Haram camps in the Sambisa forest.",
        "The Russian Defence Ministry said its troops hit a Ukrainian army command post.",
        "Security forces targeted a militant hideout in a search operation in Bannu.",
        "Pakistani security forces targeted terrorist hideouts in North Waziristan.",
        "The company said the fire hit its storage infrastructure in Lagos.",
        "The army struck militant positions during a ground offensive near Kidal.",
    ],
)
def test_figurative_non_state_and_police_strikes_yield_no_air_strike(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.sub_event_type != AIR for m in mentions_of(text))
