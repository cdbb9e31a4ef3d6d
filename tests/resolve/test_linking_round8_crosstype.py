"""Linking round 8 (session 12): one event reported under two political-violence types
("clashes" / "attacked the town" / "shelled") links across types on one exact day, in one
town, with perpetrators that agree (resolve/crosstype.py); the merged event takes one type by
a documented rule and records the disagreement (resolve/reconcile.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import block_key, cluster_mentions
from eventscope.resolve.compat import can_link
from eventscope.resolve.reconcile import TYPE_PRECEDENCE, build_event
from factories import DEIR, RAQQA, article, mention

RULES = LinkRules()
_CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}
_ATTACK = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
_IED = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Remote explosive/landmine/IED",
}
_JNIM = "JNIM: Group for Support of Islam and Muslims"
_MALI_ARMY = "Military Forces of Mali (2021-)"


def _clash(doc: str = "d1", **kw: Any) -> Mention:
    """JNIM fighting the army in Deir ez-Zor on 11 March (the place is a fixture)."""
    base = {**_CLASH, "actor1": _JNIM, "inter1": 2, "actor2": _MALI_ARMY, "inter2": 1,
            "sentence": "JNIM fighters clashed with the army, leaving 12 dead.",
            "trigger": "clashed", "weapons": ()}  # fmt: skip
    return mention(doc, **{**base, **kw})


def _attack(doc: str = "d2", **kw: Any) -> Mention:
    """JNIM killing civilians in the same town on the same day."""
    base = {**_ATTACK, "actor1": _JNIM, "inter1": 2, "actor2": "Civilians", "inter2": 7,
            "sentence": "JNIM militants attacked the town, killing 12 people.",
            "trigger": "attacked", "weapons": ()}  # fmt: skip
    return mention(doc, **{**base, **kw})


def _strike(doc: str = "d1", **kw: Any) -> Mention:
    """The factory's Russian air strike on Deir ez-Zor (Explosions/Remote violence)."""
    return mention(doc, **kw)


def _russian_attack(doc: str = "d2", **kw: Any) -> Mention:
    base = {**_ATTACK, "actor2": "Civilians", "inter2": 7, "trigger": "attacked",
            "sentence": "Russian forces attacked the town, killing five civilians."}  # fmt: skip
    return mention(doc, **{**base, **kw})


# -- blocking --------------------------------------------------------------------------------


def test_the_political_violence_types_share_a_block_and_the_others_keep_theirs() -> None:
    assert block_key(_clash()) == block_key(_attack()) == block_key(_strike())
    protest = mention("d3", event_type="Protests", sub_event_type="Peaceful protest")
    riot = mention("d4", event_type="Riots", sub_event_type="Violent demonstration")
    strategic = mention("d5", event_type="Strategic developments", sub_event_type="Arrests")
    keys = {block_key(protest), block_key(riot), block_key(strategic), block_key(_clash())}
    assert len(keys) == 4


# -- pairs that link across types -------------------------------------------------------------


def test_a_clash_and_an_attack_on_one_day_town_and_actor_link() -> None:
    assert can_link(_clash(), _attack(), RULES)
    assert can_link(_attack(), _clash(), RULES)


def test_an_air_strike_and_an_attack_by_the_same_perpetrator_link() -> None:
    assert can_link(_strike(), _russian_attack(), RULES)


def test_a_generic_perpetrator_of_the_same_kind_links() -> None:
    # "Gang members clashed with police in Cabaret" / "gunmen attacked Cabaret": the battle's
    # armed side is unnamed, so the gunmen may be it (review fixes: not when it is JNIM).
    gang_clash = _clash(actor1="Unidentified Armed Group", inter1=3, actor2="Police Forces")
    gunmen = _attack(actor1="Unidentified Armed Group", inter1=3)
    assert can_link(gang_clash, gunmen, RULES)
    assert not can_link(_clash(), gunmen, RULES)  # JNIM's battle: the gunmen may be anyone


def test_a_named_perpetrator_among_the_battles_sides_links() -> None:
    # "Soldiers clashed with JNIM fighters" / "JNIM militants attacked the town"
    soldiers = _clash(actor1="Military Forces", inter1=1, actor2=_JNIM, inter2=2)
    assert can_link(soldiers, _attack(), RULES)
    assert not can_link(soldiers, _attack(actor1="Islamic State Sahel Province"), RULES)


def test_a_roadside_bomb_and_an_assault_on_the_same_convoy_link() -> None:
    bomb = mention("d1", **_IED, actor1="", inter1=0, actor2="Military Forces", inter2=1,
                   weapons=("roadside bomb",),
                   sentence="A roadside bomb hit a military convoy near the town.")  # fmt: skip
    assault = _clash("d2", sentence="Fighters attacked a military convoy near the town.")
    assert can_link(bomb, assault, RULES)


def test_two_reports_join_one_event_end_to_end() -> None:
    events = cluster_mentions([_clash(), _attack()], RULES)
    assert len(events) == 1


# -- what keeps two types apart -----------------------------------------------------------------


def test_types_on_two_days_stay_apart() -> None:
    # The same-type one-day slack never applies across types, even for a vaguer date.
    assert not can_link(_clash(), _attack(date_start="2025-03-12", date_end="2025-03-12"), RULES)
    week = {"date_start": "2025-03-10", "date_end": "2025-03-16", "time_precision": 2}
    assert not can_link(_clash(), _attack(**week), RULES)
    assert can_link(_clash(), _clash("d2", **week), RULES)  # the same type still links


def test_types_in_two_towns_stay_apart_even_within_the_link_distance() -> None:
    near = replace(DEIR, name="Elsewhere", latitude=DEIR.latitude + 0.2, gazetteer_id="x:1",
                   geo_precision=2)  # fmt: skip
    here = replace(DEIR, geo_precision=2)
    assert not can_link(_clash(location=here), _attack(location=near), RULES)  # 22 km
    assert can_link(_clash(location=here), _clash("d2", location=near), RULES)


def test_a_region_level_place_never_links_across_types() -> None:
    region = replace(DEIR, geo_precision=3, feature="admin1")
    assert not can_link(_clash(), _attack(location=region), RULES)
    assert not can_link(_clash(), _attack(location=RAQQA), RULES)


def test_named_perpetrators_that_differ_stay_apart() -> None:
    isgs = _attack(actor1="Islamic State Sahel Province")
    assert not can_link(_clash(), isgs, RULES)


def test_a_generic_perpetrator_of_the_other_kind_stays_apart() -> None:
    # "The Malian army clashed with JNIM" / "unidentified gunmen killed nine villagers"
    army_clash = _clash(actor1=_MALI_ARMY, inter1=1, actor2=_JNIM, inter2=2)
    gunmen = _attack(actor1="Unidentified Armed Group", inter1=3)
    assert not can_link(army_clash, gunmen, RULES)


def test_an_air_strike_or_shelling_never_links_with_a_battle() -> None:
    # Russian glide bombs on Kupiansk and a Russian assault on it the same day: two events.
    battle = _clash("d2", actor1="Military Forces of Russia (2000-)", inter1=8)
    assert not can_link(_strike(), battle, RULES)
    shelling = _strike(sub_event_type="Shelling/artillery/missile attack", weapons=())
    assert not can_link(shelling, battle, RULES)


def test_a_bomb_and_a_shooting_with_nothing_in_common_stay_apart() -> None:
    # A roadside bomb on a police van and gunmen firing on a vaccination team (round 7).
    bomb = mention("d1", **_IED, actor1="", inter1=0, actor2="Police Forces", inter2=1,
                   weapons=("roadside bomb",),
                   sentence="A roadside bomb struck a police van in the town.")  # fmt: skip
    shooting = _clash("d2", actor1="Unidentified Armed Group", inter1=3, actor2="", inter2=0,
                      sentence="Gunmen opened fire on a polio vaccination team.")  # fmt: skip
    assert not can_link(bomb, shooting, RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed five civilians in the town.",
        "Armed men opened fire on a bus, killing five civilians.",
        "Five civilians were shot dead in the town.",
    ],
)
def test_a_shooting_is_not_the_air_strike_or_blast_of_the_same_day(sentence: str) -> None:
    shooting = _russian_attack(sentence=sentence)
    assert not can_link(_strike(), shooting, RULES)
    bomb = mention("d1", **_IED, weapons=("roadside bomb",), sentence="A roadside bomb exploded.")
    assert not can_link(bomb, shooting, RULES)
    # told as an attack without a shot, the same report still meets the strike
    assert can_link(_strike(), _russian_attack(), RULES)


def test_demonstrations_and_strategic_developments_never_cross_types() -> None:
    protest = mention("d1", event_type="Protests", sub_event_type="Peaceful protest",
                      actor1="Protesters", inter1=6, actor2="", inter2=0)  # fmt: skip
    riot = mention("d2", event_type="Riots", sub_event_type="Violent demonstration",
                   actor1="Rioters", inter1=5, actor2="", inter2=0)  # fmt: skip
    strategic = _clash("d3", event_type="Strategic developments", sub_event_type="Arrests")
    assert not can_link(protest, riot, RULES)
    assert not can_link(strategic, _attack(), RULES)


def test_one_articles_own_reports_of_two_types_stay_apart() -> None:
    assert not can_link(_clash("d1"), _attack("d1", start=200), RULES)


def test_a_lookback_summary_never_links_across_types() -> None:
    night = {"date_start": "2025-03-11", "date_end": "2025-03-12"}
    assert can_link(_clash(**night), _attack(), RULES)  # a night is still one event's date
    long = {"date_start": "2025-03-09", "date_end": "2025-03-11"}
    assert not can_link(_clash(**long), _attack(), RULES)


def test_the_rules_revision_was_raised() -> None:
    # Resolutions stored under revision 10 never compared two event types.
    assert RULES.revision >= 11


# -- reconciliation ----------------------------------------------------------------------------


def _event(*mentions: Mention) -> Any:
    articles = {m.doc_id: article(m.doc_id, source=f"Outlet {m.doc_id}") for m in mentions}
    return build_event(list(mentions), articles, "ev-1")


def test_the_merged_event_takes_the_type_most_claims_give() -> None:
    event = _event(_clash("d1"), _attack("d2"), _attack("d3"), _attack("d3", start=300))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    # one vote per claim: d1's three clash sentences do not outvote two other outlets
    event = _event(*(_clash("d1", start=s) for s in (0, 100, 200)), _attack("d2"), _attack("d3"))
    assert event.event_type == "Violence against civilians"


def test_a_tie_goes_by_precedence_and_the_disagreement_is_recorded() -> None:
    assert TYPE_PRECEDENCE[:2] == ("Explosions/Remote violence", "Battles")
    event = _event(_clash("d1"), _attack("d2"))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.disorder_type == "Political violence"
    (item,) = [c for c in event.contradictions if c["field"] == "event_type"]
    assert {(v["value"], v["doc_id"], v["source"]) for v in item["values"]} == {
        ("Battles", "d1", "Outlet d1"),
        ("Violence against civilians", "d2", "Outlet d2"),
    }


def test_a_battle_merged_with_an_attack_on_civilians_keeps_its_armed_opponent() -> None:
    # The army's "killed 25 terrorists" and residents' "soldiers killed 25 civilians"
    army = _clash("d1", actor1=_MALI_ARMY, inter1=1, actor2="Unidentified Armed Group", inter2=3)
    residents = _attack("d2", actor1=_MALI_ARMY, inter1=1, actor2="Civilians (Mali)", inter2=7)
    event = _event(army, residents, _attack("d3", actor1=_MALI_ARMY, inter1=1,
                                            actor2="Civilians (Mali)", inter2=7))  # fmt: skip
    assert event.event_type == "Violence against civilians"  # two claims of three
    event = _event(army, residents)
    assert event.event_type == "Battles"
    assert (event.actor2, event.inter2, event.interaction) == ("Unidentified Armed Group", 3, 13)
    assert event.civilian_targeting == ""


def test_remote_violence_borrows_no_civilian_tag_from_another_types_claim() -> None:
    # The strike's own report names no target. An earlier version tagged it from the merged
    # attack report, which left the tag contradicting its empty actor2 and interaction 80
    # (second review, session 12); the claims' disagreement is the event_type contradiction.
    event = _event(_strike("d1", actor2="", inter2=0), _russian_attack("d2"))
    assert event.event_type == "Explosions/Remote violence"
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor2, event.civilian_targeting) == ("", "")
    assert [c["field"] for c in event.contradictions if c["field"] == "event_type"]


def test_one_type_gives_no_type_contradiction() -> None:
    event = _event(_attack("d1"), _attack("d2", sub_event_type="Abduction/forced disappearance"))
    assert not [c for c in event.contradictions if c["field"] == "event_type"]


@pytest.mark.parametrize("order", [0, 1])
def test_the_chosen_type_does_not_depend_on_input_order(order: int) -> None:
    ms = [_clash("d1"), _attack("d2")]
    event = _event(*(ms if order == 0 else ms[::-1]))
    assert event.event_type == "Battles"


def test_a_type_dispute_reads_as_what_happened_in_the_story_summary() -> None:
    from eventscope.resolve.stories import story_disputes, summary_sentence

    event = _event(_clash("d1"), _attack("d2"), _clash("d3"))
    disputes = story_disputes([event])
    assert [(d.field, d.sources) for d in disputes] == [("event_type", ("Outlet d2",))]
    assert summary_sentence(3, disputes) == "3 outlets covered this; 1 disputes what happened."
