"""Session 12: a claimant's own forces. When the event clause's subject is a pronoun or a
possessive of the claimant ("its forces", "it", "their fighters"), the claimant is actor1 even
when the role parser read a named actor from position (the dead named before a noun trigger,
the owner of the target); that actor becomes actor2 (extract/claimants.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import ISRAEL, ISWAP, JNIM, MALI, NIGERIA, RUSSIA, UKRAINE
from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "attacker", "target"),
    [
        (
            "JNIM said its fighters killed 20 Malian soldiers in an ambush near Boulkessi.",
            JNIM,
            MALI,
        ),
        (
            "JNIM said on Monday that its fighters killed 20 Malian soldiers in an ambush near "
            "Boulkessi.",
            JNIM,
            MALI,
        ),
        (
            "The Nigerian army said its troops killed 30 ISWAP fighters in an ambush in Borno.",
            NIGERIA,
            ISWAP,
        ),
        (
            "The Nigerian army said it killed 30 ISWAP fighters in an ambush in Borno.",
            NIGERIA,
            ISWAP,
        ),
    ],
)
def test_the_claimants_own_forces_are_actor1(
    only_mention: Callable[..., Mention], text: str, attacker: str, target: str
) -> None:
    m = only_mention(text)
    assert (m.actor1, m.actor2) == (attacker, target)


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Defence Ministry said its forces struck a Ukrainian army ammunition depot "
        "in Kramatorsk.",
        "The Russian Defence Ministry said it had struck a Ukrainian army ammunition depot in "
        "Kramatorsk.",
        "Russia's Defence Ministry said its forces hit a Ukrainian army command post in "
        "Kramatorsk.",
    ],
)
def test_the_owner_of_the_target_is_actor2(only_mention: Callable[..., Mention], text: str) -> None:
    m = only_mention(text)
    assert (m.actor1, m.actor2) == (RUSSIA, UKRAINE)


def test_the_israeli_military_said_it_struck(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("The Israeli military said it struck a Hamas command centre in Gaza City.")
    assert (m.actor1, m.actor2) == (ISRAEL, "Hamas Movement")


def test_a_possessed_place_that_came_under_attack_is_no_attacker(
    only_mention: Callable[..., Mention],
) -> None:
    """ "its base came under attack by militants": the army was attacked (before, any possessed
    subject made the claimant the attacker)."""
    m = only_mention("The army said its base came under attack by militants in Borno.")
    assert (m.actor1, m.actor2) == ("Unidentified Armed Group", "")


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # a named actor inside the subject is the attacker, not the claimant
        (
            "The Ukrainian army said Russian forces shelled its positions near Bakhmut.",
            RUSSIA,
        ),
        # a "by" agent is the attacker
        (
            "The Ukrainian army said its positions were shelled by Russian forces near Bakhmut.",
            RUSSIA,
        ),
    ],
)
def test_an_attacker_the_sentence_names_stays(
    only_mention: Callable[..., Mention], text: str, attacker: str
) -> None:
    assert only_mention(text).actor1 == attacker


def test_an_ambush_without_a_claimant_keeps_its_reading(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    """No claim, no pronoun: the role parser's reading is untouched (a JNIM claim elsewhere
    in the article is no claimant of this sentence)."""
    found = mentions_of(
        "JNIM said it was behind a wave of attacks in Mopti. Militants killed 20 Malian "
        "soldiers in an ambush near Boulkessi."
    )
    ambush = [m for m in found if m.trigger == "ambush"]
    assert ambush
    assert (ambush[0].actor1, ambush[0].actor2) == ("", MALI)


def test_the_claimant_acts_in_a_second_verb_of_its_clause(
    only_mention: Callable[..., Mention],
) -> None:
    """ "it seized ... and attacked ...": the conjoined verb shares the pronoun subject."""
    m = only_mention(
        "The FMLN said it seized the El Salitre estate and attacked an army brigade from there."
    )
    assert m.actor1 == "FMLN: Farabundo Marti National Liberation Front"


def test_a_civilian_claimant_is_no_attacker(mentions_of: Callable[..., list[Mention]]) -> None:
    """ACLED never codes civilians as actor1; "villagers said they killed ..." names no armed
    actor for the claimant's pronoun to stand for."""
    found = mentions_of("Villagers said they killed two bandits who attacked the village of Kani.")
    assert found
    assert all(m.actor1 != "Civilians" for m in found)
