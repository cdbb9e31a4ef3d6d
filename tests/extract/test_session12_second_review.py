"""Session 12, second review of extraction: the claimant agent is the speaker of the claim that
tells the event (extract/attribution.py ``speaker``, extract/claimants.py ``spoken_by``); an
unnamed platform is a reporting victim's enemy, never the victim (``_platform_subject``); a
protest action's demand and cause clauses give it no intervention and no actor2
(extract/protest_actions.py ``action_asides``); the target strike rule ignores unarmed owners'
headquarters and camps and reads its veto words in the strike's own clause only
(extract/target_strikes.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_names import AIR, HAMAS, ISRAEL, JNIM, MALI, RSF, RUSSIA, SUDAN, UKRAINE
from eventscope.models import Mention


def _by_trigger(mentions: list[Mention], trigger: str) -> Mention:
    return next(m for m in mentions if m.trigger == trigger)


# --- item 2: the claimant is the speaker of this claim --------------------------------------


def test_the_second_speaker_claims_its_own_ambush(only_mention: Callable[..., Mention]) -> None:
    m = only_mention(
        "The Malian army said the area was calm, but JNIM said it killed 20 Malian soldiers "
        "in an ambush near Mopti on Tuesday."
    )
    assert (m.actor1, m.actor2) == (JNIM, MALI)


def test_a_claim_reported_by_the_victim_is_the_claimants(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    ms = mentions_of(
        "The RSF said it captured the town of Bara on Tuesday, while the Sudanese army said it "
        "shelled RSF positions nearby."
    )
    assert _by_trigger(ms, "shelled").actor1 == SUDAN
    assert _by_trigger(ms, "captured").actor1 == RSF


@pytest.mark.parametrize("that", ["", "that "])
def test_a_nested_claim_belongs_to_the_inner_speaker(
    only_mention: Callable[..., Mention], that: str
) -> None:
    m = only_mention(
        f"The Israeli army said Hamas claimed {that}its fighters killed three Israeli soldiers "
        "in Khan Younis on Tuesday."
    )
    assert m.actor1 == HAMAS
    assert m.actor2 == ISRAEL


def test_an_unarmed_inner_speaker_lends_no_agent(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    ms = mentions_of(
        "The Ukrainian army said Moscow falsely claimed that its forces struck a Ukrainian "
        "army depot near Kharkiv on Tuesday."
    )
    assert all(m.actor1 != UKRAINE for m in ms)


def test_a_claim_noun_without_speaker_passes_to_the_verb_above(
    only_mention: Callable[..., Mention],
) -> None:
    m = only_mention(
        "The Ukrainian army denied Russian claims that it had shelled a hospital in Donetsk "
        "on Tuesday."
    )
    assert m.actor1 == UKRAINE


def test_a_pronoun_speaker_is_the_earlier_claimant(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    ms = mentions_of(
        "The Sudanese army said the RSF shelled El Fasher on Tuesday, and it said its forces "
        "repelled the attack."
    )
    assert _by_trigger(ms, "repelled").actor1 == SUDAN
    assert _by_trigger(ms, "shelled").actor1 == RSF


# --- item 3: a victim that reports the strike is no attacker --------------------------------


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The RSF said the army's aircraft bombed its positions in Darfur on Tuesday, "
            "killing ten of its fighters.",
            RSF,
        ),
        (
            "The RSF said warplanes bombed its positions in Darfur on Tuesday, killing ten of "
            "its fighters.",
            RSF,
        ),
        (
            "Al-Shabaab said drones struck its base near Jilib on Tuesday, killing five of its "
            "fighters.",
            "Al Shabaab",
        ),
        (
            "Hamas said drones struck a car in Gaza on Tuesday, killing two Islamic Jihad "
            "fighters.",
            HAMAS,
        ),
    ],
)
def test_a_reporting_victim_is_not_the_platforms_owner(
    mentions_of: Callable[..., list[Mention]], text: str, claimant: str
) -> None:
    assert all(m.actor1 != claimant for m in mentions_of(text))


def test_a_state_militarys_bombers_still_strike_a_named_enemy(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    ms = mentions_of(
        "Russia's Defence Ministry said on Tuesday that Tu-22M3 long-range bombers had "
        "destroyed Islamic State command posts and ammunition depots in the area, killing at "
        "least 40 fighters."
    )
    assert ms and all(m.actor1 == RUSSIA for m in ms)


# --- item 4: a protest action's demand and cause tell nothing that happened at it -----------


@pytest.mark.parametrize(
    "text",
    [
        "Residents blocked the road demanding the release of detained activists.",
        "Workers went on strike demanding the release of their arrested colleagues on Tuesday.",
        "Residents blocked the highway in protest at the attack by gunmen that killed five "
        "people on Monday.",
        "Residents blocked the road to demand the army leave the area after soldiers shot dead "
        "two youths on Sunday.",
        "Residents blocked the road on Tuesday, demanding the release of activists arrested by "
        "police.",
    ],
)
def test_a_demand_or_cause_is_no_intervention(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    protests = [m for m in mentions_of(text) if m.event_type == "Protests"]
    assert [(m.sub_event_type, m.actor1, m.actor2) for m in protests] == [
        ("Peaceful protest", "Protesters", "")
    ]


def test_force_at_the_action_still_counts(mentions_of: Callable[..., list[Mention]]) -> None:
    ms = mentions_of("Protesting workers blocked the road, and police fired tear gas on Tuesday.")
    assert any(m.sub_event_type == "Protest with intervention" for m in ms)


# --- item 5: no target without an armed owner -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Thai army targeted the opposition's headquarters on Tuesday.",
        "The army targeted the protesters' camp outside parliament on Tuesday.",
        "The army struck the ruling party's headquarters with a lawsuit on Tuesday.",
    ],
)
def test_an_unarmed_owners_site_is_no_target(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.sub_event_type != AIR for m in mentions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian army struck Boko Haram camps in the Sambisa forest on Tuesday.",
        "The Myanmar military struck a resistance camp in Sagaing on Tuesday.",
        "The Ukrainian military struck the Russian Black Sea Fleet headquarters in Sevastopol "
        "on Tuesday.",
    ],
)
def test_an_armed_owners_camp_is_a_target(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert any(m.sub_event_type == AIR for m in mentions_of(text))


# --- item 6: veto words count in the strike's own clause only -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli military struck Hezbollah positions in southern Lebanon on Tuesday, days "
        "before Lebanon's parliamentary election.",
        "Russian forces hit a Ukrainian ammunition depot near Kharkiv on Tuesday as new Western "
        "sanctions took effect.",
        "The Israeli military struck Hamas positions in Rafah on Tuesday ahead of an expected "
        "ground offensive.",
    ],
)
def test_a_veto_word_in_another_clause_keeps_the_strike(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert [m.sub_event_type for m in mentions_of(text)] == [AIR]


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese army struck RSF positions in Omdurman on Tuesday as fighting raged.",
        "The military struck the rebel base after ground troops surrounded it on Tuesday.",
        "The French army targeted a jihadist base in Mali in a ground operation on Tuesday.",
    ],
)
def test_ground_contact_around_the_strike_still_vetoes(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.sub_event_type != AIR for m in mentions_of(text))
