"""Round 3 of argument extraction (WikiEvents arguments): casualties are not agents, the attacked
side is not actor1, place names that qualify a noun are not event places, agents of "believed
to have been carried out by", names in "the assassination of X", and "at" after an act noun."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

MentionOf = Callable[..., Mention]


def _field(mention: Mention, field: str) -> list[str]:
    return [e.text for e in mention.evidence if e.field == field]


def _roles(mention: Mention) -> dict[str, str]:
    return {p.text: p.role for p in mention.places}


def test_actor_in_the_casualty_phrase_is_not_actor1(only_mention: MentionOf) -> None:
    # "militants" comes before the trigger "blasts", but they died in them.
    mention = only_mention("7 militants killed in blasts in Afghanistan")
    assert mention.actor1 == ""
    assert mention.actor2 == "Unidentified Armed Group"


def test_attacked_actor_is_not_actor1(only_mention: MentionOf) -> None:
    # "attacks on security forces": the strong trigger is "assassinations", and the phrase
    # before it was read as its agent; it is the "on" object of the event's own word "attacks".
    mention = only_mention("Dagestan sees frequent attacks on security forces and assassinations.")
    assert mention.actor1 == ""
    assert mention.actor2 == "Military Forces"


@pytest.mark.parametrize(
    ("text", "other", "event"),
    [
        # The affiliation of people: whose members, not where they were.
        (
            "A roadside bomb killed six U.S. service members near Bagram Airfield.",
            "U.S.",
            "Bagram Airfield",
        ),
        # The possessor of a smaller place: context for the geocoder, not the event place.
        (
            "Seven Taliban militants were killed in two explosions in Afghanistan's southern "
            "Kandahar province.",
            "Afghanistan",
            "Kandahar province",
        ),
    ],
)
def test_qualifying_place_names_are_not_event_places(
    only_mention: MentionOf, text: str, other: str, event: str
) -> None:
    roles = _roles(only_mention(text))
    assert roles[other] == "other"
    assert roles[event] == "event"


def test_via_is_a_route(only_mention: MentionOf) -> None:
    mention = only_mention("The Taliban claimed responsibility for the attack via Twitter.")
    assert _roles(mention).get("Twitter") != "event"


def test_agent_of_a_raising_verb(only_mention: MentionOf) -> None:
    text = "The bombing is widely believed to have been carried out by the separatist group ETA."
    assert _field(only_mention(text), "attacker") == ["the separatist group ETA"]


def test_claim_through_control(only_mention: MentionOf) -> None:
    text = "The organisation had to admit responsibility for the bombing."
    assert _field(only_mention(text), "attacker") == ["The organisation"]


def test_no_agent_through_an_attempt(mentions_of: Callable[..., list[Mention]]) -> None:
    # The subject of "tried" is not taken through the infinitive: attempts, plans and threats
    # are no events (the attacker of a real attack is the subject of its own verb).
    for mention in mentions_of("A commando might attempt to kidnap him."):
        assert "A commando" not in _field(mention, "attacker")


def test_name_in_the_of_phrase_of_an_assassination(only_mention: MentionOf) -> None:
    # The recogniser tags the name ORG; after "the assassination of" it is a person.
    text = "They were charged with complicity in the assassination of Luis Carrero Blanco."
    mention = only_mention(text)
    assert _field(mention, "target") == ["Luis Carrero Blanco"]
    assert _field(mention, "victim") == ["Luis Carrero Blanco"]


def test_name_killed_beside_a_strong_trigger_is_a_victim(only_mention: MentionOf) -> None:
    mention = only_mention("Tamerlan was killed in a gun battle with police.")
    assert _field(mention, "victim") == ["Tamerlan"]


def test_at_after_an_act_noun_is_no_target(only_mention: MentionOf) -> None:
    mention = only_mention("The explosion at the bus station killed six people.")
    assert "the bus station" not in _field(mention, "target")
    fired = only_mention("Gunmen fired at a patrol near the town.")
    assert _field(fired, "target") == ["a patrol"]
