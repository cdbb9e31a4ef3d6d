"""Event types from triggers: one sentence, one expected ACLED (event type, sub-event type)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.lexicon import default_lexicon
from eventscope.extract.triggers import TriggerMatcher
from eventscope.models import Mention

BATTLES = "Battles"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        # Battles
        ("Clashes erupted between the army and rebels near Goma.", BATTLES, "Armed clash"),
        ("Soldiers and militants exchanged fire for hours in Gao.", BATTLES, "Armed clash"),
        (
            "Militants ambushed an army patrol near Diffa, killing six soldiers.",
            BATTLES,
            "Armed clash",
        ),
        (
            "Government forces recaptured the town of Bakhmut from the rebels.",
            BATTLES,
            "Government regains territory",
        ),
        (
            "Islamic State militants seized control of the town of Palmyra.",
            BATTLES,
            "Non-state actor overtakes territory",
        ),
        # Explosions/Remote violence
        ("Russian warplanes struck a market in Idlib.", ERV, "Air/drone strike"),
        ("An airstrike hit a hospital in Gaza.", ERV, "Air/drone strike"),
        ("A drone strike killed two commanders in Marib.", ERV, "Air/drone strike"),
        ("Syrian jets bombed the village of Kafr Nabl.", ERV, "Air/drone strike"),
        (
            "Artillery shelling of Kharkiv continued through the night.",
            ERV,
            "Shelling/artillery/missile attack",
        ),
        (
            "Houthi rebels fired ballistic missiles at Marib.",
            ERV,
            "Shelling/artillery/missile attack",
        ),
        (
            "A roadside bomb struck a military convoy outside Kabul.",
            ERV,
            "Remote explosive/landmine/IED",
        ),
        ("A car bomb exploded outside a hotel in Mogadishu.", ERV, "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a mosque in Maiduguri.", ERV, "Suicide bomb"),
        ("Attackers threw a grenade into a bar in Bujumbura.", ERV, "Grenade"),
        ("A chemical attack using chlorine gas hit Douma.", ERV, "Chemical weapon"),
        # Violence against civilians
        ("Gunmen killed five villagers in Zamfara state.", VAC, "Attack"),
        ("Militants massacred dozens of villagers near Beni.", VAC, "Attack"),
        ("Bandits abducted 20 schoolgirls near Chibok.", VAC, "Abduction/forced disappearance"),
        ("Soldiers raped women during the raid on the village.", VAC, "Sexual violence"),
        # Protests and riots
        ("Thousands of protesters rallied peacefully in Nairobi.", "Protests", "Peaceful protest"),
        (
            "Police fired tear gas to disperse protesters in Lagos.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "Security forces shot dead three protesters in Khartoum.",
            "Protests",
            "Excessive force against protesters",
        ),
        ("Rioters torched cars and looted shops in Nairobi.", "Riots", "Violent demonstration"),
        ("Protesters threw stones at police in Dakar.", "Riots", "Violent demonstration"),
        ("An angry mob lynched a suspected thief in Kano.", "Riots", "Mob violence"),
        # Strategic developments
        ("Police arrested 15 suspected militants in Kano.", SD, "Arrests"),
        ("Fighters looted homes in the village.", SD, "Looting/property destruction"),
        ("The rebels established a base near the border.", SD, "Headquarters or base established"),
        ("The warring parties signed a ceasefire in Doha.", SD, "Agreement"),
        ("The group pledged allegiance to the Islamic State.", SD, "Change to group/activity"),
        ("Air defences intercepted 20 drones over Kyiv.", SD, "Disrupted weapons use"),
        ("Soldiers defused a landmine near the road.", SD, "Disrupted weapons use"),
        (
            "Russian forces withdrew from Kherson city without a fight.",
            SD,
            "Non-violent transfer of territory",
        ),
        ("Authorities imposed a curfew in Juba.", SD, "Other"),
    ],
)
def test_event_types(
    only_mention: Callable[..., Mention], sentence: str, event_type: str, sub_event_type: str
) -> None:
    mention = only_mention(sentence)
    assert (mention.event_type, mention.sub_event_type) == (event_type, sub_event_type)
    assert mention.disorder_type == default_lexicon().taxonomy[sub_event_type][0]


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored a stunning goal in the second half.",
        "Manchester United's striker hit the post twice before the break.",
        # Labour strikes with a demand ("Teachers went on strike in Nairobi demanding better
        # pay") are protests since session 12: tests/extract/test_session12_protest_actions.py
        "The film bombed at the box office.",
        "Shares rallied after the central bank cut interest rates.",
        "Prices hit a record high in March.",
        "The company will launch a new phone next month.",
        "A fire broke out at a market in Lagos, killing three traders.",
        "The heat wave could kill hundreds of elderly people, doctors warned.",
        "He suffered a heart attack on Monday.",
        "The army band will march in the parade on Sunday.",
        "Lightning struck a church tower during the storm.",
        "A storm struck the coast, killing 12 people and destroying homes.",
        "The senator's amendment was shot down in the vote.",
        "Police arrested a man suspected of stealing cars in Lagos.",
        "The president attacked the opposition's economic plan in a speech.",
    ],
)
def test_non_conflict_sentences_yield_no_mentions(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert mentions_of(text) == []


def test_a_non_conflict_paragraph_yields_no_mentions(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "City beat United 3-1 on Saturday. Their new striker struck twice in the first half and "
        "hit the bar after the break, before the visitors launched a late attack.\n\n"
        "Meanwhile, rail workers began a three-day strike over pay, and the union said the "
        "walkout would hit commuters hard."
    )
    # Nothing from the match; the rail workers' strike over pay is a protest since session 12
    # (tests/extract/test_session12_protest_actions.py), and never an explosion.
    found = mentions_of(text)
    assert [(m.event_type, m.sub_event_type, m.trigger) for m in found] == [
        ("Protests", "Peaceful protest", "strike")
    ]


def test_triggers_of_one_event_type_merge_into_one_mention(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention(
        "Warplanes bombed the town on Monday, and the air strikes destroyed a school."
    )
    assert mention.sub_event_type == "Air/drone strike"


def test_the_most_specific_trigger_speaks_for_the_group(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("A suicide bomber detonated his explosives, and the blast hit a bus.")
    assert mention.sub_event_type == "Suicide bomb"
    assert mention.trigger == "suicide bomber"


def test_different_event_types_in_a_sentence_are_separate_mentions(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of("Jets bombed Saraqib as rebels clashed with soldiers near Idlib.")
    assert sorted(m.event_type for m in found) == [BATTLES, ERV]


def test_weak_triggers_defer_to_strong_ones(only_mention: Callable[..., Mention]) -> None:
    # "killed" alone would be an Attack; here it describes the air strike's toll.
    mention = only_mention("Russian airstrikes killed 12 civilians in Aleppo.")
    assert mention.sub_event_type == "Air/drone strike"


def test_prefilter_never_drops_what_the_matcher_finds(nlp: Language) -> None:
    """The raw-text pre-filter must be a superset of the token matcher, form or lemma."""
    matcher = TriggerMatcher(default_lexicon())
    sentences = [
        "Jets struck the town.", "Rebels fought soldiers.", "He was shot dead.",
        "Troops retook the village.", "Fighters overran the base.", "A bomber blew himself up.",
        "The town was retaken.", "Bombs were thrown.", "Hostages were held.",
        "Militants seized the area.", "Protesters rallied.", "Gunmen slew ten men.",
    ]  # fmt: skip
    for doc in nlp.pipe(sentences):
        if matcher.gate(doc[:]):
            assert matcher.might_match(doc.text), doc.text
    assert not matcher.might_match("The weather was lovely and the garden bloomed.")


def test_paragraph_context_refines_a_later_bare_trigger(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "Syrian warplanes struck Ariha on Monday. Medics said the bombing killed nine people.\n\n"
        "A bombing in Kabul on Tuesday killed four people."
    )
    assert [m.sub_event_type for m in found] == [
        "Air/drone strike",
        "Air/drone strike",  # "the bombing" after warplanes, same paragraph
        "Remote explosive/landmine/IED",  # a new paragraph: no air context
    ]
