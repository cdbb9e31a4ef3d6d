"""Link rule 14 (session 13, resolve/sides.py ``kinds_agree``): two kinds of act against
civilians by perpetrators of two kinds (an armed group, state forces) on one day in one town
are two events, even when neither perpetrator is a named group. Found while diagnosing round
10's Buea case (separatists abducting a teacher, soldiers killing three men in a raid the same
day); that case still merges, through a battle the extractor reads out of the army's "killed
in an exchange of fire" with the victims' label as perpetrator, which this rule does not see."""

from __future__ import annotations

import pytest

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()
_GUNMEN = ("Unidentified Armed Group (Cameroon)", 3)
_SOLDIERS = ("Military Forces", 1)


def _civilians(doc: str, sub: str, who: tuple[str, int]) -> Mention:
    return mention(
        doc,
        event_type="Violence against civilians",
        sub_event_type=sub,
        actor1=who[0],
        inter1=who[1],
        actor2="Civilians (Cameroon)",
        inter2=7,
    )


def test_an_abduction_by_gunmen_and_a_killing_by_soldiers_are_two_events() -> None:
    a = _civilians("d1", "Abduction/forced disappearance", _GUNMEN)
    b = _civilians("d2", "Attack", _SOLDIERS)
    assert not can_link(a, b, RULES)
    assert not can_link(b, a, RULES)


def test_one_act_with_a_disputed_perpetrator_still_links() -> None:
    # The army blames gunmen, residents blame soldiers: one attack, two attributions.
    a = _civilians("d1", "Attack", _GUNMEN)
    b = _civilians("d2", "Attack", _SOLDIERS)
    assert can_link(a, b, RULES)


@pytest.mark.parametrize("who", [_GUNMEN, ("", 0)])
def test_two_acts_by_one_kind_or_an_unknown_perpetrator_still_link(who: tuple[str, int]) -> None:
    # A raid told as an abduction by one outlet and as an attack by another.
    a = _civilians("d1", "Abduction/forced disappearance", _GUNMEN)
    b = _civilians("d2", "Attack", who)
    assert can_link(a, b, RULES)


def test_the_rules_revision_says_the_rule_changed() -> None:
    assert LinkRules().revision >= 14


def test_reports_of_one_blast_with_opposite_perpetrators_still_link() -> None:
    # Residents blame an army air strike, the army blames militia shelling, for one market hit.
    kw = {"event_type": "Explosions/Remote violence", "actor2": "", "inter2": 0}
    a = mention("d1", sub_event_type="Air/drone strike", actor1="Military Forces", inter1=1, **kw)
    b = mention(
        "d2", sub_event_type="Shelling/artillery/missile attack",
        actor1="Unidentified Armed Group (Cameroon)", inter1=3, **kw,
    )  # fmt: skip
    assert can_link(a, b, RULES)
