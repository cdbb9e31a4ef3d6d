"""Precision rules: one event per clause with its casualty phrase, counts never shared between two
events of a sentence, and negated noun triggers ("no arrests", "no reports of arrests")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def _asserted(found: list[Mention]) -> list[Mention]:
    return [m for m in found if m.modality not in ("negated", "possible", "planned")]


# --- Bug 1: one event per clause; a participial casualty phrase joins the main event ---------


@pytest.mark.parametrize(
    ("text", "victim", "dead"),
    [
        (
            "Militants attacked a police station in Maiduguri yesterday, "
            "killing 7 police officers.",
            "Police Forces",
            7,
        ),
        ("Gunmen stormed an army checkpoint near Kaduna on Monday, killing 4 soldiers.", "", 4),
        ("Insurgents raided a police post in Dikwa on Friday, leaving 3 policemen dead.", "", 3),
    ],
)
def test_attack_on_armed_target_is_one_battle(
    mentions_of: Mentions, text: str, victim: str, dead: int
) -> None:
    found = _asserted(mentions_of(text))
    assert [m.event_type for m in found] == ["Battles"], [(m.event_type, m.actor1) for m in found]
    battle = found[0]
    assert battle.sub_event_type == "Armed clash"
    assert battle.fatalities_best == dead
    if victim:
        assert battle.actor2 == victim
    assert battle.actor1 not in ("Police Forces", "Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a police station in Maiduguri yesterday, killing 7 police officers.",
        "Gunmen ambushed a police patrol in Zamfara on Sunday, killing five policemen.",
        "Bandits attacked an army base in Katsina on Tuesday, killing 9 soldiers.",
    ],
)
def test_forces_are_never_actor1_of_violence_against_civilians_as_victims(
    mentions_of: Mentions, text: str
) -> None:
    for mention in mentions_of(text):
        if mention.event_type == "Violence against civilians":
            assert mention.actor1 not in ("Police Forces", "Military Forces"), mention


def test_attack_on_civilians_stays_one_violence_against_civilians_event(
    mentions_of: Mentions,
) -> None:
    found = _asserted(mentions_of("Militants stormed a village in Borno on Tuesday, killing 12 "
                                  "civilians."))  # fmt: skip
    assert [m.event_type for m in found] == ["Violence against civilians"]
    assert found[0].actor2 == "Civilians"
    assert found[0].fatalities_best == 12


def test_two_events_in_one_sentence_do_not_share_a_count(mentions_of: Mentions) -> None:
    found = _asserted(
        mentions_of(
            "Rebels clashed with troops near Goma on Monday, while in a nearby village "
            "gunmen massacred 5 civilians."
        )
    )
    by_type = {m.event_type: m for m in found}
    assert set(by_type) == {"Battles", "Violence against civilians"}
    assert by_type["Violence against civilians"].fatalities_best == 5
    assert by_type["Battles"].fatalities_best is None


def test_each_event_keeps_its_own_count(mentions_of: Mentions) -> None:
    found = _asserted(
        mentions_of(
            "Rebels clashed with troops near Goma, leaving 3 soldiers dead, while gunmen "
            "massacred 8 villagers in a nearby village."
        )
    )
    by_type = {m.event_type: m for m in found}
    assert by_type["Battles"].fatalities_best == 3
    assert by_type["Violence against civilians"].fatalities_best == 8


def test_separate_sentences_keep_their_events(mentions_of: Mentions) -> None:
    found = _asserted(
        mentions_of(
            "Rebels clashed with troops in Goma on Monday. Separately, gunmen killed 5 "
            "civilians in a nearby village."
        )
    )
    by_type = {m.event_type: m for m in found}
    assert set(by_type) == {"Battles", "Violence against civilians"}
    assert by_type["Battles"].fatalities_best is None
    assert by_type["Violence against civilians"].fatalities_best == 5
    assert by_type["Violence against civilians"].actor2 == "Civilians"


def test_killing_soldiers_directly_is_still_a_battle(mentions_of: Mentions) -> None:
    found = _asserted(mentions_of("Gunmen killed 2 policemen in Kano on Sunday."))
    assert [(m.event_type, m.actor1, m.actor2, m.fatalities_best) for m in found] == [
        ("Battles", "Unidentified Armed Group", "Police Forces", 2)
    ]


# --- Bug 2: negated noun triggers and "no one was killed" ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "There were no reports of arrests of opposition activists in Harare on Monday.",
        "No arrests of opposition activists were made in Harare.",
        "Soldiers searched the village in Borno without any arrests of militants.",
        "Police said no arrests of opposition leaders had been made in Harare.",
    ],
)
def test_negated_arrest_nouns_are_flagged(mentions_of: Mentions, text: str) -> None:
    arrests = [m for m in mentions_of(text) if m.sub_event_type == "Arrests"]
    assert arrests, text
    assert all(m.modality == "negated" for m in arrests), [(m.trigger, m.modality) for m in arrests]


def test_no_clashes_reported_is_negated(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("No clashes were reported between rebels and troops in Goma.")
    assert mention.modality == "negated"


def test_no_casualties_leaves_the_attack_asserted_and_uncounted(mentions_of: Mentions) -> None:
    found = mentions_of("Shells hit the town of Idlib on Sunday; no casualties were reported.")
    assert found and all(m.fatalities_best is None and m.injuries is None for m in found)
    assert any(m.sub_event_type == "Shelling/artillery/missile attack" for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on a bus in Kano on Monday, but no one was killed.",
        "Militants attacked a checkpoint in Borno on Monday; nobody was killed.",
        "Rebels shelled the town of Goma on Monday, but not one person was injured.",
    ],
)
def test_no_one_killed_gives_no_count(mentions_of: Mentions, text: str) -> None:
    found = mentions_of(text)
    assert found
    for mention in found:
        assert mention.fatalities_best is None and mention.fatalities_low is None, mention
        assert mention.injuries is None
    assert any(m.modality not in ("negated",) for m in found)  # the attack itself happened


def test_arrests_reported_by_police_stay_reported(mentions_of: Mentions) -> None:
    """Control: a reporting verb without a negator still gives 'reported'."""
    found = mentions_of("Police said they arrested 12 opposition activists in Harare.")
    assert [m.modality for m in found if m.sub_event_type == "Arrests"] == ["reported"]


def test_arrests_made_stay_asserted(mentions_of: Mentions) -> None:
    found = mentions_of("Soldiers arrested 12 suspected militants in Borno on Monday.")
    assert [m.modality for m in found if m.sub_event_type == "Arrests"] == ["asserted"]


def test_without_a_fight_is_not_negated(mentions_of: Mentions) -> None:
    """Control: "without" inside the trigger phrase is the event, not its negation."""
    found = mentions_of("Rebels took over the town of Kidal without a fight on Monday.")
    assert found and all(m.modality != "negated" for m in found)


# --- A weak trigger heading its own clause, with its own agent, is a second event -----------


def test_a_killing_in_its_own_clause_is_a_second_event_with_its_own_count(
    mentions_of: Mentions,
) -> None:
    text = (
        "Rebels clashed with government troops near Goma on Monday, "
        "while gunmen killed 5 civilians in a nearby village."
    )
    found = sorted(_asserted(mentions_of(text)), key=lambda m: m.start)
    assert [m.event_type for m in found] == ["Battles", "Violence against civilians"]
    clash, killing = found
    assert clash.fatalities_best is None and killing.fatalities_best == 5
    assert killing.trigger == "killed" and killing.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled the town on Monday, and 5 civilians were killed.",  # passive outcome
        "Militants stormed the base on Monday and killed 4 soldiers.",  # shared subject
    ],
)
def test_an_outcome_of_the_same_event_is_not_a_second_event(
    mentions_of: Mentions, text: str
) -> None:
    found = _asserted(mentions_of(text))
    assert len(found) == 1, [(m.event_type, m.trigger) for m in found]
