"""Session 14, from the first run of held-out linking round 12, each on sentences of its own:

* a date right before a statement's verb dates the statement ("The UN office on Thursday
  condemned an air strike ... last Sunday" happened on Sunday);
* "daily", "nightly", "weekly" strikes told in the present perfect are a pattern, not an event;
* "communities of X" introduces a place;
* a name premodifying a post or base that is attacked locates the attack ("an assault on the
  Suarez police post").
"""

from __future__ import annotations

from collections.abc import Callable

from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def test_a_statements_date_gives_way_to_the_events(mentions_of: Mentions) -> None:
    found = mentions_of(
        "Amnesty on Thursday denounced a drone strike on a school in Kalaa last Sunday, "
        "which killed nine pupils.",
        "2025-02-20",
    )
    assert {m.date_start for m in found} == {"2025-02-16"}


def test_a_statements_date_still_dates_an_event_with_no_other(mentions_of: Mentions) -> None:
    (found,) = mentions_of("The army on Thursday said rebels attacked Beni.", "2025-02-20")
    assert found.date_start == "2025-02-20"


def test_daily_strikes_in_the_present_perfect_are_a_pattern(mentions_of: Mentions) -> None:
    text = (
        "A drone struck a car in Bint Jbeil on Monday. Israel has carried out near-daily "
        "strikes in southern Lebanon since the truce."
    )
    modality = {m.trigger: m.modality for m in mentions_of(text, "2025-09-30")}
    assert modality["strikes"] == "historical"
    assert modality["drone struck"] != "historical"


def test_communities_of_a_town_locate_it(mentions_of: Mentions) -> None:
    text = "Families fled rural communities of Teocaltiche after a gun battle on Sunday."
    assert {p.text: p.role for m in mentions_of(text) for p in m.places} == {"Teocaltiche": "event"}


def test_a_name_on_an_attacked_post_locates_the_attack(mentions_of: Mentions) -> None:
    text = "Three soldiers were wounded in an assault on the Inates army post on Sunday."
    assert {p.text: p.role for m in mentions_of(text) for p in m.places} == {"Inates": "event"}


def test_a_sequel_or_a_dated_event_lends_no_date(mentions_of: Mentions) -> None:
    sequel = mentions_of(
        "Witnesses to the airstrike said gunmen then attacked the survivors on Monday."
    )
    assert [m.date_start for m in sequel if m.trigger == "airstrike"] == [None]
    dated = mentions_of(
        "Survivors of the 2023 massacre in Solino say gunmen killed 12 there on Saturday."
    )
    assert all(m.date_start != "2025-03-08" for m in dated if m.trigger == "massacre")


def test_a_celebration_chant_is_no_protest(mentions_of: Mentions) -> None:
    text = (
        'Thousands gathered in the streets of Wad Madani on Saturday chanting "God is great" '
        "as army troops entered the city."
    )
    assert not any(m.event_type == "Protests" for m in mentions_of(text))
    political = (
        'Thousands gathered in Atbara on Saturday chanting "the people want the fall of '
        'the regime".'
    )
    assert [m.sub_event_type for m in mentions_of(political)] == ["Peaceful protest"]


def test_ground_held_despite_attacks_is_no_takeover(mentions_of: Mentions) -> None:
    text = "M23 rebels held the hills above Sake on Monday despite repeated army counter-attacks."
    assert not any(
        m.sub_event_type == "Non-state actor overtakes territory" for m in mentions_of(text)
    )
