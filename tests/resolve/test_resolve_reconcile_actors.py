"""Event-level actors, types and casualty breakdown from a cluster of mentions: one actor never
fills both sides, a battle's opponent may come from another report's actor1, the event type
always belongs to the chosen sub-event type, and civilians and children take the least figure
any report states."""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Mention
from eventscope.resolve.reconcile import build_event
from factories import mention

SAF = "Military Forces of Sudan (2019-)"
RSF = "Rapid Support Forces"


def _clash(doc: str, start: int, actor1: str, actor2: str, inter1: int, inter2: int) -> Mention:
    return mention(
        doc,
        start,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=actor1,
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
    )


def test_one_actor_never_fills_both_sides_of_a_battle() -> None:
    # Two reports name the RSF as the attacker, two as the side attacked, one names the army
    # as actor1: the event is RSF against the army, not RSF against itself.
    cluster = [
        _clash("d1", 0, SAF, RSF, 1, 2),
        _clash("d1", 100, "", RSF, 0, 2),
        _clash("d1", 200, RSF, "", 2, 0),
        _clash("d2", 0, RSF, "", 2, 0),
        _clash("d2", 100, "", RSF, 0, 2),
    ]
    event = build_event(cluster, {}, "ev-1")
    assert (event.actor1, event.actor2) == (RSF, SAF)
    assert (event.inter1, event.inter2, event.interaction) == (2, 1, 12)


def test_one_sided_attack_keeps_no_opponent() -> None:
    # Outside battles another report's actor1 is a competing perpetrator, not the victim.
    base = {"actor2": "", "inter2": 0}
    cluster = [
        mention("d1", 0, actor1=RSF, inter1=2, **base),
        mention("d2", 0, actor1=SAF, inter1=1, **base),
        mention("d3", 0, actor1=RSF, inter1=2, **base),
    ]
    event = build_event(cluster, {}, "ev-1")
    assert (event.actor1, event.actor2) == (RSF, "")


def test_event_type_follows_the_majority_sub_event_type() -> None:
    # The most confident mention is a clash, but most reports call it an air strike: the
    # event type must be the air strike's, never "Battles" beside "Air/drone strike".
    clash = _clash("d1", 0, SAF, RSF, 1, 2)
    cluster = [
        mention("d2", 0, confidence=0.5),
        mention("d3", 0, confidence=0.5),
        replace(clash, confidence=0.9),
    ]
    event = build_event(cluster, {}, "ev-1")
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_civilians_and_children_take_the_least_stated_figure() -> None:
    # ACLED's conservative reading, as for the fatalities: 12 and 9 civilians -> 9; a report
    # that says nothing of children does not count as zero.
    cluster = [
        mention("d1", 0, fatalities_civilians=12, fatalities_children=3),
        mention("d2", 0, fatalities_civilians=9),
        mention("d3", 0),
    ]
    event = build_event(cluster, {}, "ev-1")
    assert (event.fatalities_civilians, event.fatalities_children) == (9, 3)
