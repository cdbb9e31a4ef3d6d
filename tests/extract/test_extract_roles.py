"""Noun-phrase attackers and named victims (extract/roles.py), the light coreference for
attackers (extract/coref_args.py) and the evaluation reading of casualty counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.evaluate.events_common import argument_spans
from eventscope.extract.quantities import find_counts
from eventscope.models import Evidence, Mention

MentionOf = Callable[..., Mention]


def _spans(mention: Mention, text: str, field: str) -> list[str]:
    """The evidence texts of one field, checked against the article text."""
    found = [e for e in mention.evidence if e.field == field]
    for e in found:
        assert text[e.start : e.end] == e.text
    return [e.text for e in found]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # Subject of the trigger verb, not in the actor dictionary.
        ("The Parachute Regiment killed 13 protesters in Derry.", "The Parachute Regiment"),
        # Subject of a support verb whose object is a noun trigger.
        (
            "Urban commando units staged simultaneous attacks on the infantry brigade "
            "headquarters.",
            "Urban commando units",
        ),
        # A claim of responsibility for the event.
        ("The Provisional IRA accepted responsibility for the bombings.", "The Provisional IRA"),
        # "X were responsible for <event>".
        (
            "The government believes that drug trafficking bands were responsible for his "
            "assassination.",
            "drug trafficking bands",
        ),
    ],
)
def test_agent_phrases(only_mention: MentionOf, text: str, attacker: str) -> None:
    assert _spans(only_mention(text), text, "attacker") == [attacker]


def test_no_agent_from_negated_subject(only_mention: MentionOf) -> None:
    text = "No group has claimed responsibility for the bombing."
    assert _spans(only_mention(text), text, "attacker") == []


def test_participle_subject_is_not_the_agent(mentions_of: Callable[..., list[Mention]]) -> None:
    # "left at least one student injured": the student was hurt, did not hurt anyone.
    text = "A confrontation between students and security forces has left one student injured."
    for mention in mentions_of(text):
        assert "one student" not in _spans(mention, text, "attacker")


def test_dictionary_actor_inside_agent_phrase_becomes_actor1(only_mention: MentionOf) -> None:
    text = (
        "Heavy fighting raged in San Salvador when members of the FMLN attacked an electric "
        "power substation."
    )
    mention = only_mention(text)
    assert mention.actor1.startswith("FMLN")
    assert _spans(mention, text, "attacker") == ["members of the FMLN"]
    # The weak trigger "attacked" beside the strong one names the target.
    assert "an electric power substation" in _spans(mention, text, "target")


def test_subject_of_dying_verb_is_victim(only_mention: MentionOf) -> None:
    text = "Major General Vyacheslav Gladkikh died after a roadside bomb exploded under a convoy."
    assert _spans(only_mention(text), text, "victim") == ["Major General Vyacheslav Gladkikh"]


def test_named_target_is_also_victim(only_mention: MentionOf) -> None:
    text = "Police said Hector Oqueli was murdered by unknown men on Friday."
    mention = only_mention(text)
    assert _spans(mention, text, "target") == ["Hector Oqueli"]
    assert _spans(mention, text, "victim") == ["Hector Oqueli"]


def test_light_verb_object_is_not_a_target(only_mention: MentionOf) -> None:
    text = "The bombing caused serious damage to the building."
    assert "serious damage" not in _spans(only_mention(text), text, "target")


def test_pronoun_agent_takes_the_previous_sentence_actor(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Taliban fighters attacked Camp Shorabak in Helmand Province. "
        "They killed 23 Afghan soldiers and injured another 15."
    )
    killed = next(m for m in mentions_of(text) if m.trigger == "killed")
    assert killed.actor1 == "Taliban"
    assert _spans(killed, text, "actor1") == ["They"]


def test_casualty_count_victims_keep_their_kind() -> None:
    # The dead are victims of the death, the wounded of the injury (evaluate/events_common.py).
    sentence = "Twin bombs exploded, killing three people and injuring more than 260 others."
    counts = find_counts(sentence)
    mention = Mention(
        mention_id="m", doc_id="d", start=5, end=10, trigger="bombs", sentence=sentence,
        sentence_start=0, sentence_end=len(sentence), disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        evidence=tuple(Evidence(c.kind, c.start, c.end, c.text) for c in counts),
    )  # fmt: skip
    victims = {(a.text, a.kind) for a in argument_spans(mention) if a.role == "victim"}
    assert victims == {("people", "fatalities"), ("others", "injuries")}


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("A powerful bomb exploded outside the bank.", "bomb"),  # the trigger names it
        ("Guerrillas carried out dynamite attacks on two pylons.", "dynamite"),  # modifier
    ],
)
def test_weapon_named_by_the_trigger(only_mention: MentionOf, text: str, weapon: str) -> None:
    mention = only_mention(text)
    assert weapon in mention.weapons
    assert weapon in _spans(mention, text, "weapons")


def test_by_agent_overrides_a_patient_actor2(only_mention: MentionOf) -> None:
    # The parse's "by" phrase names the kidnappers; the ELN is no longer coded as the victim.
    text = "Both were kidnapped by the so-called Nelson Mandela cell of the ELN."
    mention = only_mention(text)
    assert mention.actor1.startswith("ELN")
    assert mention.actor2 == ""
    assert _spans(mention, text, "attacker") == ["the so-called Nelson Mandela cell of the ELN"]


def test_claimant_of_responsibility_is_actor1(only_mention: MentionOf) -> None:
    # The role parser linked "police" (the recipients of the calls); the claim names the agent.
    text = (
        "Hours later, through anonymous telephone calls to the metropolitan police and to the "
        "media, the Extraditables claimed responsibility for the kidnapping."
    )
    mention = only_mention(text)
    assert mention.actor1 == "Medellin Cartel"
    assert _spans(mention, text, "actor1") == ["the Extraditables"]


def test_apposition_of_an_agent_is_an_agent(only_mention: MentionOf) -> None:
    text = (
        "The chief of the criminal gang, Pablo Escobar Gaviria, ordered the assassination of "
        "Medellin policemen."
    )
    assert _spans(only_mention(text), text, "attacker") == [
        "The chief of the criminal gang",
        "Pablo Escobar Gaviria",
    ]
