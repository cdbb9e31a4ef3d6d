"""Review of session 17's extraction rules: near neighbours that must not fire (made-up
sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Extract = Callable[..., list[Mention]]


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russian shelling left three civilians dead across the Kharkiv region on Tuesday.",
         "Kharkiv region"),
        ("Drone strikes left two people dead and thousands without power in Kherson.",
         "Kherson"),
    ],
)  # fmt: skip
def test_leaving_people_dead_is_no_departure(mentions_of: Extract, text: str, place: str) -> None:
    assert _roles(mentions_of(text)).get(place) == "event"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Militants ambushed a convoy travelling from Gao to the army camp at Tessit on Friday.",
         "Tessit"),
        ("Gunmen fired on a bus travelling from Peshawar to a ceremony in Lahore on Friday.",
         "Lahore"),
    ],
)  # fmt: skip
def test_a_place_inside_the_destination_is_no_place_on_the_way(
    mentions_of: Extract, text: str, place: str
) -> None:
    assert _roles(mentions_of(text)).get(place) != "event"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 herders on Sunday, community leaders of Fulani herders said.",
        "An Israeli strike killed three fighters on Monday, local leaders of Hezbollah said.",
    ],
)
def test_leaders_of_a_group_name_no_place(mentions_of: Extract, text: str) -> None:
    assert _roles(mentions_of(text)) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The army held a live-fire shooting exercise near Kherson on Monday.",
        "Troops completed shooting drills at the Kaduna barracks on Monday.",
        "A Russian drone incursion into Polish airspace on Tuesday forced Poland to scramble jets.",
        "A pilgrim died of heatstroke as crowds stormed the gates of the shrine on Friday.",
    ],
)
def test_no_event_in_drills_airspace_or_crowds(mentions_of: Extract, text: str) -> None:
    assert mentions_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police said on Friday that gunmen had stormed the village of Kuchi a day before.",
        "Police said on Friday that gunmen had stormed the village of Kuchi one day earlier.",
    ],
)
def test_a_day_before_and_one_day_earlier(only_mention: Callable[..., Mention], text: str) -> None:
    assert only_mention(text, "2025-03-08").date_start == "2025-03-06"


def test_a_conjoined_subject_of_its_own_clause_is_no_place(mentions_of: Extract) -> None:
    roles = _roles(
        mentions_of("Rebels killed nine civilians in Rutshuru and Human Rights Watch said so.")
    )
    assert roles.get("Rutshuru") == "event" and "Human Rights Watch" not in roles, roles


def test_the_army_reconquering_a_town(only_mention: Callable[..., Mention]) -> None:
    m = only_mention("The Malian army reconquered the town of Kidal on Tuesday.")
    assert m.sub_event_type == "Government regains territory"
