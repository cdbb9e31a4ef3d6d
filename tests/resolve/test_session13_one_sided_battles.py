"""Battle rule of session 13 (resolve/sides.py ``sides_swapped``): two reports that each name
only their own side, of opposite kinds, are one battle told from each end (round 10: "the
Burkinabe armed forces repelled a large-scale terrorist attack on the military detachment in
Djibo" and "Gunmen of the GSIM stormed several military positions" in the same town the same
morning)."""

from __future__ import annotations

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()
_ARMY = ("Military Forces of Burkina Faso", 1)
_JNIM = ("JNIM: Group for Support of Islam and Muslims", 2)
_ISGS = ("Islamic State Sahel Province", 2)


def _one_sided(doc: str, side: tuple[str, int]) -> Mention:
    return mention(
        doc, event_type="Battles", sub_event_type="Armed clash", actor1=side[0],
        inter1=side[1], actor2="", inter2=0,
    )  # fmt: skip


def test_the_army_and_the_group_each_naming_only_themselves_link() -> None:
    assert can_link(_one_sided("d1", _ARMY), _one_sided("d2", _JNIM), RULES)
    assert can_link(_one_sided("d2", _JNIM), _one_sided("d1", _ARMY), RULES)


def test_two_armed_groups_each_naming_only_themselves_stay_apart() -> None:
    assert not can_link(_one_sided("d1", _ISGS), _one_sided("d2", _JNIM), RULES)


def test_a_report_naming_both_sides_is_not_one_sided() -> None:
    both = mention(
        "d1", event_type="Battles", sub_event_type="Armed clash", actor1=_ARMY[0],
        inter1=1, actor2=_ISGS[0], inter2=2,
    )  # fmt: skip
    assert not can_link(both, _one_sided("d2", _JNIM), RULES)
