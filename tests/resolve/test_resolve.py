"""Resolution: one real-world event per cluster, hard negatives stay apart."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.resolve import LinkRules, can_link, resolve_events
from factories import DEIR, RAQQA, article, mention

ARTICLES = {d: article(d, source=f"Outlet {d}") for d in ("d1", "d2", "d3", "d4")}


def test_three_reports_of_one_strike_merge_with_fatality_range() -> None:
    ms = [
        mention(
            "d1", fatalities_low=40, fatalities_best=40, attribution="the Russian Defence Ministry"
        ),
        mention("d2", fatalities_low=12, fatalities_best=12, modality="claimed"),
        mention("d3", fatalities_low=25, fatalities_best=25),
    ]
    events = resolve_events(ms, ARTICLES)
    assert len(events) == 1
    e = events[0]
    assert e.source_count == 3 and e.article_count == 3
    assert (e.fatalities_low, e.fatalities_best, e.fatalities_high) == (12, 25, 40)
    assert e.fatalities == 12  # ACLED-style conservative figure
    assert [c["field"] for c in e.contradictions] == ["fatalities"]
    assert {c.attribution for c in e.claims} == {"the Russian Defence Ministry", ""}


def test_same_town_same_actors_a_year_later_stays_separate() -> None:
    a = mention("d1")
    b = mention("d4", date_start="2026-03-09", date_end="2026-03-09")
    assert not can_link(a, b, LinkRules())
    assert len(resolve_events([a, b], ARTICLES)) == 2


def test_distant_places_and_different_types_do_not_merge() -> None:
    a = mention("d1")
    far = mention("d2", location=RAQQA)  # ~140 km away
    other_type = mention("d3", event_type="Battles", sub_event_type="Armed clash")
    assert len(resolve_events([a, far, other_type], ARTICLES)) == 3


def test_unknown_dates_and_places_do_not_merge_across_documents() -> None:
    a = mention("d1", date_start=None, date_end=None, time_precision=3)
    b = mention("d2", date_start=None, date_end=None, time_precision=3)
    c = mention("d3", location=None)
    assert len(resolve_events([a, b, c], ARTICLES)) == 3


def test_follow_up_sentences_without_date_or_place_join_their_own_report() -> None:
    lead = mention("d1")
    no_date = mention("d1", start=80, date_start=None, date_end=None, time_precision=3)
    no_place = mention("d1", start=160, location=None)
    events = resolve_events([lead, no_date, no_place], ARTICLES)
    assert len(events) == 1 and len(events[0].mention_ids) == 3


def test_swapped_actor_roles_still_merge_but_disjoint_actors_do_not() -> None:
    swapped = mention(
        "d2", actor1="Islamic State (Syria)", actor2="Military Forces of Russia (2000-)"
    )
    other = mention("d3", actor1="Military Forces of Turkey (2016-)", actor2="Kurdish militia")
    assert can_link(mention("d1"), swapped, LinkRules())
    assert not can_link(mention("d1"), other, LinkRules())


def test_non_eventive_mentions_make_no_event() -> None:
    ms = [mention("d1", modality="possible"), mention("d2", modality="historical")]
    assert resolve_events(ms, ARTICLES) == []


def test_event_ids_survive_new_reports() -> None:
    first = resolve_events([mention("d1"), mention("d2")], ARTICLES)
    previous = {mid: first[0].event_id for mid in first[0].mention_ids}
    second = resolve_events([mention("d1"), mention("d2"), mention("d3")], ARTICLES, previous)
    assert len(second) == 1 and second[0].event_id == first[0].event_id
    assert second[0].article_count == 3


def test_complete_link_refuses_chained_merges() -> None:
    # With one day of slack b (a date of week precision, so the slack applies) is
    # compatible with a and c, but a and c are 2 days apart: b may join one, never both.
    a = mention("d1", date_start="2025-03-10", date_end="2025-03-10")
    b = mention("d2", date_start="2025-03-11", date_end="2025-03-11", time_precision=2)
    c = mention("d3", date_start="2025-03-12", date_end="2025-03-12")
    events = resolve_events([a, b, c], ARTICLES, rules=LinkRules(date_slack_days=1))
    assert len(events) == 2
    for e in events:
        dates = {m.split(":")[0] for m in e.mention_ids}
        assert dates != {"d1", "d3"}


_days = st.integers(min_value=0, max_value=40)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(_days, st.sampled_from([DEIR, RAQQA]), st.integers(0, 3)), min_size=1, max_size=12
    ),
    st.randoms(),
)
def test_resolution_is_order_independent(specs: list, rnd: random.Random) -> None:
    ms = []
    for i, (day, place, doc) in enumerate(specs):
        iso = f"2025-03-{day % 28 + 1:02d}"
        ms.append(
            mention(f"d{doc + 1}", start=i * 100, date_start=iso, date_end=iso, location=place)
        )
    shuffled = ms[:]
    rnd.shuffle(shuffled)
    ids = [e.mention_ids for e in resolve_events(ms, ARTICLES)]
    assert ids == [e.mention_ids for e in resolve_events(shuffled, ARTICLES)]
    # Every mention lands in exactly one event.
    flat = sorted(m for group in ids for m in group)
    assert flat == sorted(m.mention_id for m in ms)


def test_country_level_place_is_compatible_within_country_only() -> None:
    syria = replace(DEIR, name="Syria", feature="country", geo_precision=3, gazetteer_id="c:SY")
    iraq = replace(syria, name="Iraq", iso="IQ", gazetteer_id="c:IQ")
    assert can_link(mention("d1"), mention("d2", location=syria), LinkRules())
    assert not can_link(mention("d1"), mention("d2", location=iraq), LinkRules())


def test_one_article_quoting_two_claimants_gives_two_claims() -> None:
    ms = [
        mention("d1", attribution="the Observatory", fatalities_low=25, fatalities_best=25),
        mention("d1", start=300, attribution="the ministry", fatalities_low=40, fatalities_best=40),
        mention("d2", fatalities_low=12, fatalities_best=12),
    ]
    (event,) = resolve_events(ms, ARTICLES)
    assert event.article_count == 2 and event.source_count == 2
    assert sorted((c.attribution, c.fatalities) for c in event.claims) == [
        ("", 12),
        ("the Observatory", 25),
        ("the ministry", 40),
    ]
    assert (event.fatalities_low, event.fatalities_high) == (12, 40)


def test_named_actor_wins_over_generic_label_and_keeps_its_own_code() -> None:
    ms = [
        mention("d1", actor1="Military Forces", inter1=1, actor2="", inter2=0),
        mention("d1", start=200, actor1="Military Forces", inter1=1, actor2="", inter2=0),
        mention(
            "d2", actor1="Military Forces of Russia (2000-)", inter1=8, actor2="Civilians", inter2=7
        ),
    ]
    (event,) = resolve_events(ms, ARTICLES)
    assert (event.actor1, event.inter1) == ("Military Forces of Russia (2000-)", 8)
    assert event.interaction == 78
    assert event.civilian_targeting == "Civilian targeting"


def test_actor_contradictions_name_their_sources_and_ignore_generic_labels() -> None:
    ms = [
        mention("d1", actor1="Military Forces of Russia (2000-)"),
        mention("d2", actor1="Military Forces"),  # less specific, not a contradiction
        mention(
            "d3",
            actor1="Military Forces of Syria (2000-)",
            actor2="Military Forces of Russia (2000-)",
        ),  # swapped roles still link
    ]
    (event,) = resolve_events(ms, ARTICLES)
    (actor,) = [c for c in event.contradictions if c["field"] == "actor1"]
    assert {(v["value"], v["doc_id"], v["source"]) for v in actor["values"]} == {
        ("Military Forces of Russia (2000-)", "d1", "Outlet d1"),
        ("Military Forces of Syria (2000-)", "d3", "Outlet d3"),
    }
    assert all(v["input_id"] for v in actor["values"])
