"""Actors: alias normalisation, '<demonym> forces' fallback, roles, and ACLED inter codes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.actors import ActorFinder
from eventscope.extract.lexicon import default_lexicon
from eventscope.models import Mention

RUSSIA = "Military Forces of Russia (2000-)"
SYRIA = "Military Forces of Syria (2000-)"
UAG = "Unidentified Armed Group"


@pytest.mark.parametrize(
    ("sentence", "actor1", "inter1", "actor2", "inter2"),
    [
        (
            "Russian warplanes struck a market in Idlib, killing 12 civilians.",
            RUSSIA,
            1,
            "Civilians",
            7,
        ),
        ("Tupolev bombers struck targets near Raqqa.", RUSSIA, 1, "", 0),
        ("Russian jets bombed the village of Kafr Nabl.", RUSSIA, 1, "", 0),
        (
            "Clashes erupted between Syrian government forces and ISIS fighters near Palmyra.",
            SYRIA,
            1,
            "Islamic State (Syria)",
            2,
        ),
        (
            "Daesh militants attacked a checkpoint held by regime forces.",
            "Islamic State (Syria)",
            2,
            SYRIA,
            1,
        ),
        (
            "Ukrainian troops recaptured Robotyne from Russian forces.",
            "Military Forces of Ukraine (2019-)",
            1,
            RUSSIA,
            1,
        ),
        (
            "The RSF stormed a village in Darfur, killing dozens of civilians.",
            "Rapid Support Forces",
            2,
            "Civilians",
            7,
        ),
        (
            "Sudanese army jets bombed RSF positions in Omdurman.",
            "Military Forces of Sudan (2019-)",
            1,
            "Rapid Support Forces",
            2,
        ),
        (
            "Israeli strikes killed five people in Gaza.",
            "Military Forces of Israel (2022-)",
            1,
            "Civilians",
            7,
        ),
        ("Houthi rebels fired missiles at ships in the Red Sea.", "Houthi Movement", 2, "", 0),
        (
            "JNIM fighters ambushed Malian soldiers near Gao.",
            "JNIM: Group for Support of Islam and Muslims",
            2,
            "Military Forces of Mali",
            1,
        ),
        (
            "ISWAP militants attacked Nigerian troops in Borno.",
            "Islamic State West Africa Province (ISWAP)",
            2,
            "Military Forces of Nigeria (2023-)",
            1,
        ),
        ("Gunmen killed five villagers in Zamfara.", UAG, 3, "Civilians", 7),
        (
            "Unidentified gunmen abducted 20 passengers on the Abuja-Kaduna road.",
            UAG,
            3,
            "Civilians",
            7,
        ),
        (
            "Kenyan police fired tear gas at protesters in Nairobi.",
            "Protesters",
            6,
            "Police Forces of Kenya (2022-)",
            1,
        ),
        ("Police shot dead three protesters in Khartoum.", "Police Forces", 1, "Protesters", 6),
        ("Rioters torched cars in the city centre.", "Rioters", 5, "", 0),
        ("Protesters threw stones at police in Dakar.", "Rioters", 5, "Police Forces", 1),
        (
            "Twelve civilians were killed in Russian airstrikes on Aleppo.",
            RUSSIA,
            1,
            "Civilians",
            7,
        ),
        (
            "Villagers were attacked by Boko Haram insurgents near Maiduguri.",
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            2,
            "Civilians",
            7,
        ),
    ],
)
def test_actor_roles_and_codes(
    only_mention: Callable[..., Mention],
    sentence: str,
    actor1: str,
    inter1: int,
    actor2: str,
    inter2: int,
) -> None:
    mention = only_mention(sentence)
    assert (mention.actor1, mention.inter1) == (actor1, inter1)
    assert (mention.actor2, mention.inter2) == (actor2, inter2)


def test_demonstration_without_actor_words_defaults_to_protesters(
    only_mention: Callable[..., Mention],
) -> None:
    text = "A large demonstration was held in Accra on Saturday."
    mention = only_mention(text)
    assert (mention.actor1, mention.inter1) == ("Protesters", 6)
    evidence = next(e for e in mention.evidence if e.field == "actor1")
    assert evidence.text == mention.trigger  # the trigger is what names the crowd


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("IS claimed the attack.", ["Islamic State (Syria)"]),
        ("It is unclear who is responsible.", []),  # lower-case "is" is not the group
        ("Pro-Russian forces advanced.", []),  # not Russia's own forces
        ("Russian-backed separatists advanced.", []),
        ("Russia's military said it struck.", [RUSSIA]),
        (
            "US forces and Turkish troops met.",
            ["Military Forces of the United States", "Military Forces of Turkey"],
        ),
        ("Hamas gunmen opened fire.", ["Hamas Movement"]),  # "gunmen" is the same actor
        ("Syrian police detained two men.", ["Police Forces of Syria", "Civilians"]),
    ],
)
def test_actor_finder(nlp: Language, text: str, found: list[str]) -> None:
    finder = ActorFinder(nlp, default_lexicon())
    hits = finder.find(nlp(text))
    assert [h.name for h in hits] == found
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text


def test_claimants_are_not_actors(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention(
        "Russian jets struck Saraqib on Monday, the Syrian Observatory for Human Rights said."
    )
    assert mention.actor1 == RUSSIA
    assert mention.actor2 == ""
    assert mention.attribution == "the Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("sentence", "actor1", "actor2"),
    [
        ("The Israeli military said its jets struck Hamas targets in Gaza City.",
         "Military Forces of Israel (2022-)", "Hamas Movement"),
        ("The Nigerian army said it killed 20 Boko Haram fighters in Borno.",
         "Military Forces of Nigeria (2023-)",
         "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ],
)  # fmt: skip
def test_claimant_who_refers_to_itself_is_the_agent(
    only_mention: Callable[..., Mention], sentence: str, actor1: str, actor2: str
) -> None:
    mention = only_mention(sentence)
    assert (mention.actor1, mention.actor2) == (actor1, actor2)
    assert mention.modality == "reported"


def test_target_is_what_was_hit_not_the_weapon(only_mention: Callable[..., Mention]) -> None:
    assert only_mention("Militants fired mortar shells at a market in Mogadishu.").target == (
        "a market"
    )
    assert only_mention("Jets bombed the town of Ariha on Monday.").target == "the town of Ariha"


def test_generic_forces_take_the_latest_named_forces_of_their_kind(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "Kenyan police fired tear gas at protesters in Nairobi on Monday.\n\n"
        "Russian warplanes struck Saraqib on Monday. The jets returned on Tuesday and bombed "
        "Ariha. Later, police detained two opposition activists."
    )
    assert [(m.actor1, m.actor2) for m in found] == [
        ("Protesters", "Police Forces of Kenya (2022-)"),
        (RUSSIA, ""),
        (RUSSIA, ""),  # "the jets" refers back to the Russian warplanes
        ("Police Forces of Kenya (2022-)", "Civilians"),
    ]
    jets = next(e for e in found[2].evidence if e.field == "actor1")
    assert jets.text == "jets"  # the evidence is the referring words themselves


def test_generic_forces_without_antecedent_keep_the_placeholder(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("Government forces recaptured the town of Tal Abyad on Sunday.")
    assert (mention.actor1, mention.inter1) == ("Military Forces", 1)


def test_a_defence_ministry_claimant_names_its_forces(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "The Russian Defence Ministry said its aircraft struck militant positions near Palmyra. "
        "The jets also bombed a depot in Raqqa on Monday."
    )
    assert [m.actor1 for m in found] == [RUSSIA, RUSSIA]
    assert found[0].attribution == "The Russian Defence Ministry"
