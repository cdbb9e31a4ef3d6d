"""Link rule of round 6 (session 11): two protests whose crowds are different named groups
(lawyers and farmers, one city, one day) are two events, as ACLED codes them; a crowd with no
named group may be either."""

from __future__ import annotations

import pytest

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()
_KW = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters"}


def _protest(doc: str, group: str, event_type: str = "Protests") -> Mention:
    return mention(doc, **{**_KW, "event_type": event_type}, assoc_actor_1=group)


def test_two_named_groups_are_two_protests() -> None:
    assert not can_link(_protest("d1", "Lawyers"), _protest("d2", "Farmers"), RULES)


@pytest.mark.parametrize(("a", "b"), [("Lawyers", "Lawyers"), ("Lawyers", ""), ("", "")])
def test_one_group_or_an_unnamed_crowd_still_links(a: str, b: str) -> None:
    assert can_link(_protest("d1", a), _protest("d2", b), RULES)


def test_the_rule_is_for_crowds_only() -> None:
    # An associated actor of another kind of event is no crowd.
    a = _protest("d1", "Lawyers", event_type="Battles")
    b = _protest("d2", "Farmers", event_type="Battles")
    assert can_link(a, b, RULES)


def test_the_rules_revision_says_the_crowd_rule_changed() -> None:
    assert LinkRules().revision >= 6


def _battle(doc: str, a1: tuple[str, int], a2: tuple[str, int]) -> Mention:
    return mention(
        doc,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=a1[0],
        inter1=a1[1],
        actor2=a2[0],
        inter2=a2[1],
    )


_JNIM = ("JNIM: Group for Support of Islam and Muslims", 2)
_MALI = ("Military Forces of Mali", 1)


def test_a_battle_told_from_each_end_with_generic_opponents_links() -> None:
    # "JNIM fighters attacked the army camp" / "the Malian army repelled a terrorist attack".
    a = _battle("d1", _JNIM, ("Military Forces", 1))
    b = _battle("d2", _MALI, ("Unidentified Armed Group", 3))
    assert can_link(a, b, RULES) and can_link(b, a, RULES)


def test_two_armed_groups_attacking_the_army_stay_apart() -> None:
    a = _battle("d1", _JNIM, ("Military Forces", 1))
    b = _battle("d2", ("Islamic State Sahel Province", 2), ("Military Forces", 1))
    assert not can_link(a, b, RULES)


def test_named_opponents_are_not_swapped_by_kind() -> None:
    a = _battle("d1", _JNIM, ("Military Forces", 1))
    b = _battle("d2", _MALI, ("Islamic State Sahel Province", 2))
    assert not can_link(a, b, RULES)
