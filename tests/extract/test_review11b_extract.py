"""Extraction faults the second review of session 11 found: an event "a day after" another
always marked background, weapon words lifting idiom vetoes anywhere in the sentence, colon
datelines that are labels or organisations, the crowd group read from a character window,
"this town" lost after a region, calendar month/year and hour distances, wage riots."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

# --- 1. an event "a day after" something is the news when nothing else is ---------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "The death toll rose to 12 on Monday, a day after militants stormed an army "
            "base in Bannu.",
            "asserted",
        ),
        (
            "Officials said on Monday, a day after militants stormed an army base in Bannu, "
            "that 12 soldiers had died.",
            "reported",
        ),
    ],
)
def test_an_event_a_day_after_is_the_news_when_it_is_the_only_one(
    only_mention: Callable[..., Mention], text: str, modality: str
) -> None:
    found = only_mention(text)
    assert found.trigger == "stormed"
    assert found.modality == modality
    assert found.date_start == found.date_end == "2025-03-09"


def test_an_event_a_year_after_alone_is_still_background(
    only_mention: Callable[..., Mention],
) -> None:
    text = "The death toll rose to 40 on Monday, a year after militants stormed a base in Bannu."
    assert only_mention(text).modality == "historical"


def test_beside_the_news_the_earlier_event_stays_background(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Residents rallied in Sumy on Sunday, a day after a Russian drone killed nine people."
    found = {m.trigger: m for m in mentions_of(text, "2025-04-14")}
    assert found["killed"].modality == "historical"
    assert found["rallied"].modality != "historical"


# --- 2. a weapon lifts an idiom's veto only in the trigger's own phrase, with harm -------------


@pytest.mark.parametrize(
    "text",
    [
        "Turkey struck a deal on Monday to sell Bayraktar drones to Poland.",
        "The company's new drone hit the market on Monday and sold out within hours.",
    ],
)
def test_a_weapon_word_elsewhere_does_not_lift_an_idiom(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert mentions_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Four people died when a drone hit the market of Kafranbel on Monday.",
        "The market of Kafranbel was hit by a drone on Monday, killing four people.",
    ],
)
def test_a_weapon_hitting_the_market_with_harm_is_a_strike(
    only_mention: Callable[..., Mention], text: str
) -> None:
    assert only_mention(text).sub_event_type == "Air/drone strike"


def test_a_fixed_idiom_vetoes_only_its_own_trigger(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Ankara struck a deal on Monday after drones killed five soldiers at the border."
    assert [m.trigger for m in mentions_of(text)] == ["killed"]


# --- 3. a colon dateline is no label, agency or actor ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "BACKGROUND: Gunmen killed five people in a village on Monday, police said.",
        "EDITOR'S NOTE: Gunmen killed five people on Monday, police said.",
        "WHAT WE KNOW: Gunmen killed five people on Monday, police said.",
        "FILE PHOTO: Gunmen killed five people on Monday, police said.",
        "NATO: Russian missiles killed five people on Monday, officials said.",
        "ISPR: Security forces killed five terrorists on Monday.",
        "TALIBAN: Gunmen killed five people on Monday.",
    ],
)
def test_a_label_or_speaker_before_a_colon_is_no_place(
    only_mention: Callable[..., Mention], text: str
) -> None:
    label = text.split(":")[0]
    assert label not in {p.text for p in only_mention(text).places}


@pytest.mark.parametrize("town", ["MIRANSHAH", "TURBAT", "DERA ISMAIL KHAN"])
def test_a_town_before_a_colon_is_still_the_dateline(
    only_mention: Callable[..., Mention], town: str
) -> None:
    text = f"{town}: Five soldiers were killed on Monday, officials said."
    assert (town, "event") in {(p.text, p.role) for p in only_mention(text).places}


# --- 4. the crowd's group is the trigger's subject ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hundreds of doctors and teachers protested in Nairobi on Monday.", ""),
        ("Doctors protested in Nairobi on Monday.", "Health Workers"),
        (
            "Police said students were not involved, but thousands of people protested in "
            "Nairobi on Monday.",
            "",
        ),
        ("Relatives of workers killed in the mine collapse protested in Nairobi on Monday.", ""),
        ("Mothers of detained students protested in Nairobi on Monday.", ""),
        ("Teachers staged a protest in Nairobi on Monday.", "Teachers"),
        ("Garment workers demanding unpaid wages protested in Dhaka on Monday.", "Labour Group"),
    ],
)
def test_the_crowds_group_is_read_from_its_subject(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    assert only_mention(text).assoc_actor_1 == group


# --- 5. an area named before "this town" does not hide the dateline town ----------------------


@pytest.mark.parametrize("area", ["the Idlib countryside", "Idlib province"])
def test_an_area_before_this_town_keeps_the_dateline_town(
    only_mention: Callable[..., Mention], area: str
) -> None:
    text = (
        f"ARIHA, Syria (Levant Wire) - Russian jets struck {area} on Monday, hitting a market "
        "in this town and killing five people."
    )
    roles = {p.text: p.role for p in only_mention(text).places}
    assert roles.get("ARIHA") == "event"
    assert roles.get(area.removeprefix("the ")) == "other"


# --- 6, 7. calendar months and years; hours in whole days --------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Gunmen attacked the town again on March 31, a month after the massacre at the market.",
            "2025-04-02",
            "2025-02-28",
        ),
        (
            "Gunmen attacked the town again on Sunday, a year after the massacre at the market.",
            "2024-03-05",
            "2023-03-03",
        ),
    ],
)
def test_months_and_years_back_are_calendar_distances(
    mentions_of: Callable[..., list[Mention]], text: str, published: str, day: str
) -> None:
    found = {m.trigger: m for m in mentions_of(text, published)}
    assert found["massacre"].date_start == found["massacre"].date_end == day


@pytest.mark.parametrize(("hours", "day"), [("72", "2025-03-06"), ("48", "2025-03-07")])
def test_hours_back_count_in_whole_days(
    mentions_of: Callable[..., list[Mention]], hours: str, day: str
) -> None:
    text = f"Residents rallied on Sunday, {hours} hours after a drone killed nine people."
    found = {m.trigger: m for m in mentions_of(text)}
    assert found["killed"].date_start == day
    assert found["killed"].modality == "historical"


def test_under_a_day_moves_no_date(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Residents rallied on Sunday, 12 hours after a drone killed nine people."
    assert {m.trigger: m for m in mentions_of(text)}["killed"].date_start == "2025-03-09"


# --- 8. wage riots are riots ---------------------------------------------------------------------


def test_a_wage_riot_is_a_violent_demonstration(only_mention: Callable[..., Mention]) -> None:
    text = (
        "Garment workers demanding unpaid wages rioted in Dhaka on Monday, torching two factories."
    )
    assert only_mention(text).sub_event_type == "Violent demonstration"
