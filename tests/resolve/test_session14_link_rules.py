"""Link rules revision 15 (session 14), from held-out round 11.

* Two reports' towns in two first-level areas are two places however close: Kitengela
  (Kajiado county) and Mlolongo (Machakos county), about 10 km apart, each had its own
  protest on one day.
* A report's lead takes the narrowest date window a member gives inside its own: "It was the
  second deadly strike on the town this week" (a week) led the report whose other sentence
  says Wednesday, and the week reached another article's Monday strike on the same town.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Mention, Place
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import can_link
from factories import mention

RULES = LinkRules()


def _town(name: str, admin1: str, lat: float, lon: float) -> Place:
    return Place(
        name=name, latitude=lat, longitude=lon, feature="city", country="Kenya", iso="KE",
        admin1=admin1, geo_precision=1, confidence=0.9, gazetteer_id=f"geonames:{name}",
    )  # fmt: skip


def _protest(doc: str, place: Place) -> Mention:
    return mention(
        doc, event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)",
        inter1=6, actor2="", inter2=0, location=place, date_start="2025-06-25",
        date_end="2025-06-25",
    )  # fmt: skip


def test_close_towns_of_two_first_level_areas_are_two_places() -> None:
    a = _protest("d1", _town("Kitengela", "Kajiado", -1.4769, 36.9595))
    b = _protest("d2", _town("Mlolongo", "Machakos", -1.4569, 36.9495))  # about 2.5 km
    assert not can_link(a, b, RULES)
    assert not can_link(b, a, RULES)


def test_close_towns_of_one_area_or_of_an_unknown_area_may_still_be_one_place() -> None:
    a = _protest("d1", _town("Kitengela", "Kajiado", -1.4769, 36.9595))
    for admin1 in ("Kajiado", ""):
        b = _protest("d2", _town("Kitengela West", admin1, -1.4569, 36.9495))
        assert can_link(a, b, RULES), admin1


def test_the_revision_says_the_rules_changed() -> None:
    assert LinkRules().revision >= 15


def _strike(doc: str, start: int, day: tuple[str, str], modality: str, precision: int) -> Mention:
    return mention(
        doc, start, date_start=day[0], date_end=day[1], time_precision=precision,
        modality=modality, actor1="Military Forces of Israel (2022-)", actor2="", inter2=0,
    )  # fmt: skip


def test_a_week_in_a_report_does_not_reach_another_articles_monday() -> None:
    monday = _strike("d1", 0, ("2025-12-15", "2025-12-15"), "reported", 1)
    # Article 2: the asserted "second strike this week" leads, a reported Wednesday dates it.
    week = _strike("d2", 90, ("2025-12-15", "2025-12-17"), "asserted", 2)
    wednesday = _strike("d2", 0, ("2025-12-17", "2025-12-17"), "reported", 1)
    events = cluster_mentions([monday, week, wednesday], RULES)
    assert sorted(sorted(m.doc_id for m in e) for e in events) == [["d1"], ["d2", "d2"]]


def test_a_report_without_a_narrower_date_keeps_its_window() -> None:
    monday = _strike("d1", 0, ("2025-12-15", "2025-12-15"), "reported", 1)
    week = _strike("d2", 90, ("2025-12-15", "2025-12-17"), "asserted", 2)
    undated = replace(_strike("d2", 0, ("", ""), "reported", 1), date_start=None, date_end=None)
    events = cluster_mentions([monday, week, undated], RULES)
    assert len(events) == 1  # the week still meets Monday: nothing says otherwise


def test_one_province_under_two_spellings_is_one_province() -> None:
    # The gazetteer's sources spell first-level areas differently (review of revision 15).
    for first, second in [
        ("Southern Darfur", "South Darfur"),
        ("Donetska oblast", "Donetsk"),
        ("Northern State", "Northern"),
        ("Nord-Kivu", "North Kivu"),
    ]:
        a = _protest("d1", _town("Town A", first, -1.4769, 36.9595))
        b = _protest("d2", _town("Town B", second, -1.4569, 36.9495))
        assert can_link(a, b, RULES), (first, second)


def test_a_town_beside_its_airport_is_no_second_province() -> None:
    town = _protest("d1", _town("Nyala", "Southern Darfur", 12.05, 24.88))
    airport = replace(
        _town("Nyala Airport", "South Darfur Province", 12.053, 24.956), feature="airport"
    )
    assert can_link(town, _protest("d2", airport), RULES)


def test_a_denied_day_does_not_narrow_a_report() -> None:
    monday = _strike("d1", 0, ("2025-12-15", "2025-12-15"), "reported", 1)
    week = _strike("d2", 90, ("2025-12-15", "2025-12-19"), "asserted", 2)
    denied = _strike("d2", 0, ("2025-12-17", "2025-12-17"), "denied", 1)
    events = cluster_mentions([monday, week, denied], RULES)
    assert any({m.doc_id for m in e} == {"d1", "d2"} for e in events)


def test_a_bomb_told_at_a_city_and_at_its_suburb_across_a_provincial_line_links() -> None:
    # Third review: only crowds in two provinces are two events; a car bomb reported at
    # Damascus (Dimashq) and at Jaramana (Rif Dimashq), 5 km apart, is one.
    damascus = replace(_town("Damascus", "Dimashq", 33.5102, 36.2913), country="Syria", iso="SY")
    jaramana = replace(
        _town("Jaramana", "Rif-dimashq", 33.4862, 36.3468), country="Syria", iso="SY"
    )
    a = mention("d1", location=damascus, event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED", actor1="", inter1=0)  # fmt: skip
    b = replace(a, mention_id="d2:0-6", doc_id="d2", location=jaramana)
    assert can_link(a, b, RULES)


def test_a_stem_with_a_long_ending_is_another_province() -> None:
    a = _protest("d1", _town("Kaya", "Centre-Nord", 13.09, -1.08))
    b = _protest("d2", _town("Kaya West", "Centre", 13.08, -1.09))
    assert not can_link(a, b, RULES)
