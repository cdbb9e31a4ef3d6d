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
