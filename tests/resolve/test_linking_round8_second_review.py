"""Second review of linking round 8 (session 12): a ground bomb meets a battle only on the same
force hit; remote violence meets only an Attack on civilians not told as a killing by hand;
cross-type tolls must agree within a factor of two; a battle's opponent is never its victims,
and a battle never carries the civilian-targeting tag."""

from __future__ import annotations

from typing import Any

from eventscope.models import Mention
from eventscope.resolve.compat import LinkRules, can_link
from eventscope.resolve.reconcile import build_event
from factories import article, mention

RULES = LinkRules()
_JNIM = "JNIM: Group for Support of Islam and Muslims"
_ARMY = "Military Forces of Mali (2021-)"


def _battle(doc: str = "d1", **kw: Any) -> Mention:
    """JNIM fighting the army in the factory's town and day."""
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": _JNIM,
            "inter1": 2, "actor2": _ARMY, "inter2": 1, "trigger": "clashed", "weapons": (),
            "sentence": "JNIM fighters clashed with the army, leaving 12 dead."}  # fmt: skip
    return mention(doc, **{**base, **kw})


def _attack(doc: str = "d2", **kw: Any) -> Mention:
    base = {"event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": _JNIM, "inter1": 2, "actor2": "Civilians", "inter2": 7,
            "trigger": "attacked", "weapons": (),
            "sentence": "JNIM militants attacked the town, killing 12 people."}  # fmt: skip
    return mention(doc, **{**base, **kw})


def _strike(doc: str = "d1", **kw: Any) -> Mention:
    """The factory's Russian air strike (Explosions/Remote violence)."""
    return mention(doc, **kw)


def _event(*mentions: Mention) -> Any:
    articles = {m.doc_id: article(m.doc_id, source=f"Outlet {m.doc_id}") for m in mentions}
    return build_event(list(mentions), articles, "ev-1")


def test_one_groups_market_bomb_and_base_assault_stay_apart() -> None:
    bomb = _strike(
        "d1", sub_event_type="Suicide bomb", actor1="Al Shabaab", inter1=2, actor2="", inter2=0,
        sentence="An al-Shabaab suicide bomber blew himself up at a market, killing 9.",
    )  # fmt: skip
    assault = _battle(
        "d2", actor1="Al Shabaab", inter1=2,
        sentence="Al-Shabaab fighters attacked a military base, killing 4 soldiers.",
    )  # fmt: skip
    assert not can_link(bomb, assault, RULES)


def test_an_air_strike_and_executions_the_same_day_stay_apart() -> None:
    strike = _strike("d1", actor2="", inter2=0, sentence="A Russian air strike killed three.")
    russia = {"actor1": strike.actor1, "inter1": strike.inter1}
    attack = _attack("d2", **russia, sentence="Russian troops attacked the town, killing 3.")
    assert can_link(strike, attack, RULES)  # the same day's strike told as an attack
    executions = _attack("d2", **russia, sentence="Russian troops executed three civilians.")
    assert not can_link(strike, executions, RULES)


def test_a_strike_never_meets_an_abduction() -> None:
    strike = _strike("d1", actor2="", inter2=0, sentence="A Russian air strike hit the town.")
    abduction = _attack("d2", actor1=strike.actor1, inter1=strike.inter1,
                        sub_event_type="Abduction/forced disappearance",
                        sentence="Russian troops took 30 women from the town.")  # fmt: skip
    assert not can_link(strike, abduction, RULES)


def test_a_battle_and_a_massacre_with_other_tolls_stay_apart() -> None:
    battle = _battle("d1", fatalities_best=15, fatalities_low=15)
    massacre = _attack("d2", actor1=battle.actor1, inter1=battle.inter1,
                       fatalities_best=40, fatalities_low=40)  # fmt: skip
    assert not can_link(battle, massacre, RULES)
    same_toll = _attack("d2", actor1=battle.actor1, inter1=battle.inter1,
                        fatalities_best=12, fatalities_low=12)  # fmt: skip
    assert can_link(battle, same_toll, RULES)


def test_a_battle_keeps_an_armed_opponent_and_no_civilian_tag() -> None:
    battle = _battle("d1", actor2="Civilians (Mali)", inter2=7)
    event = _event(battle, _battle("d2", actor2="Civilians (Mali)", inter2=7))
    assert event.event_type == "Battles"
    assert event.inter2 != 7 and event.civilian_targeting == ""


def test_a_battle_told_from_its_other_end_is_no_perpetrator_dispute() -> None:
    army_first = _battle("d1", actor1=_ARMY, inter1=1, actor2=_JNIM, inter2=2)
    jnim_first = _attack("d2", sentence="JNIM militants attacked Ansongo, killing 12 people.")
    event = _event(army_first, jnim_first)
    assert not [c for c in event.contradictions if c["field"] == "actor1"]


def test_two_named_perpetrators_that_are_not_each_others_parties_still_dispute() -> None:
    jnim = _attack("d1")
    army = _attack("d2", actor1=_ARMY, inter1=1)
    event = _event(jnim, army)
    assert [c for c in event.contradictions if c["field"] == "actor1"]
