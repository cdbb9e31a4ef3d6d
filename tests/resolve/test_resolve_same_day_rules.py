"""Two exact days are two events; swapped actors join only when the reports agree on the kind."""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Place
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()


def test_two_reports_of_consecutive_exact_days_do_not_link() -> None:
    monday = mention("d1", date_start="2025-10-06", date_end="2025-10-06")
    tuesday = mention("d2", date_start="2025-10-07", date_end="2025-10-07")
    assert not can_link(monday, tuesday, RULES)


def test_a_day_window_still_links_with_the_next_day() -> None:
    overnight = mention("d1", date_start="2025-10-06", date_end="2025-10-07")
    tuesday = mention("d2", date_start="2025-10-07", date_end="2025-10-07")
    week = mention("d3", date_start="2025-10-01", date_end="2025-10-06", time_precision=2)
    assert can_link(overnight, tuesday, RULES)
    assert can_link(week, tuesday, RULES)


def test_the_same_exact_day_links() -> None:
    a = mention("d1", date_start="2025-10-06", date_end="2025-10-06")
    b = mention("d2", date_start="2025-10-06", date_end="2025-10-06")
    assert can_link(a, b, RULES)


def test_other_perpetrator_and_other_weapon_are_two_events() -> None:
    shelling = mention(
        "d1", sub_event_type="Shelling/artillery/missile attack",
        actor1="Rapid Support Forces", actor2="Civilians (Sudan)",
    )  # fmt: skip
    air_strike = mention(
        "d2", sub_event_type="Air/drone strike",
        actor1="Military Forces of Sudan (2019-)", actor2="Rapid Support Forces",
    )  # fmt: skip
    assert not can_link(shelling, air_strike, RULES)


def test_swapped_roles_in_one_kind_of_strike_still_link() -> None:
    by_russia = mention("d1", actor1="Military Forces of Russia (2000-)",
                        actor2="Islamic State (Syria)")  # fmt: skip
    on_is = mention("d2", actor1="Islamic State (Syria)",
                    actor2="Military Forces of Russia (2000-)")  # fmt: skip
    assert can_link(by_russia, on_is, RULES)


def test_swapped_sides_of_a_battle_link_whatever_the_sub_type() -> None:
    kw = {"disorder_type": "Political violence", "event_type": "Battles"}
    rsf, saf = "Rapid Support Forces", "Military Forces of Sudan (2019-)"
    a = mention("d1", sub_event_type="Armed clash", actor1=rsf, actor2=saf, **kw)
    b = mention("d2", sub_event_type="Government regains territory", actor1=saf, actor2=rsf, **kw)
    assert can_link(a, b, RULES)


def _town(name: str, lat: float, lon: float) -> Place:
    return Place(
        name=name, latitude=lat, longitude=lon, feature="city", country="Ukraine", iso="UA",
        admin1="Dnipropetrovsk", geo_precision=1, confidence=0.9, gazetteer_id=f"test:{name}",
    )  # fmt: skip


NIKOPOL = _town("Nikopol", 47.567, 34.396)
MARHANETS = _town("Marhanets", 47.635, 34.625)
NIKOPOL_SUBURB = _town("Nikopol suburb", 47.60, 34.43)


def test_two_named_towns_twenty_km_apart_are_two_events() -> None:
    a = mention("d1", location=NIKOPOL)
    b = mention("d2", location=MARHANETS)
    assert not can_link(a, b, RULES)
    assert can_link(a, b, LinkRules(distinct_town_km=30.0))


def test_a_town_and_its_suburb_or_itself_link() -> None:
    assert can_link(mention("d1", location=NIKOPOL), mention("d2", location=NIKOPOL), RULES)
    assert can_link(mention("d1", location=NIKOPOL), mention("d2", location=NIKOPOL_SUBURB), RULES)


def test_a_town_links_with_its_region_or_a_place_near_it() -> None:
    region = replace(NIKOPOL, name="Dnipropetrovsk", geo_precision=3, gazetteer_id="test:r")
    near = replace(MARHANETS, geo_precision=2)
    assert can_link(mention("d1", location=NIKOPOL), mention("d2", location=region), RULES)
    assert can_link(mention("d1", location=NIKOPOL), mention("d2", location=near), RULES)
