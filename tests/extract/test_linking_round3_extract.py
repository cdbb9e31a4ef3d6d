"""Places, speakers and dates that kept reports of one event apart (linking check, round 3)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention


def roles(mention: Mention) -> dict[str, str]:
    return {p.text: p.role for p in mention.places}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a unit named with an article
        ("Russian artillery hit Mykolaivka in the Sumy region on Monday.", "Sumy region"),
        # "of" after an act on a place, and after a plural place noun
        ("The toll from Friday's Russian shelling of Kherson has risen to seven.", "Kherson"),
        (
            "The RSF stormed neighbourhoods of Al Junaynah on Tuesday, killing 52 people.",
            "Al Junaynah",
        ),
        (
            "Russian jets bombed a village in the northern Hama countryside on Saturday.",
            "Hama countryside",
        ),
        # the place as the subject
        ("Kherson city came under heavy artillery fire on Monday, officials said.", "Kherson city"),
        ("Kharkiv was shelled on Monday, officials said.", "Kharkiv"),
        # the name after a place noun
        ("RSF fighters attacked the West Darfur capital El Geneina on Tuesday.", "El Geneina"),
        ("Israeli warplanes struck the Red Sea port of Hodeidah on Saturday.", "Hodeidah"),
        # an apostrophe inside a transliterated name
        ("American aircraft bombed a camp north of Sana'a on Sunday.", "Sana'a"),
    ],
)
def test_the_event_place_is_found(
    only_mention: Callable[..., Mention], sentence: str, place: str
) -> None:
    assert roles(only_mention(sentence)).get(place) == "event"


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        ("RSF fighters attacked the West Darfur capital El Geneina on Tuesday.", "West Darfur"),
        ("Israeli warplanes struck the Red Sea port of Hodeidah on Saturday.", "Red Sea port"),
        ("Russian missiles hit the Black Sea port city of Odesa on Monday.", "Black Sea port"),
    ],
)
def test_the_larger_area_before_a_town_is_not_the_event_place(
    only_mention: Callable[..., Mention], sentence: str, area: str
) -> None:
    assert roles(only_mention(sentence)).get(area) == "other"


def test_a_town_a_road_leads_to_is_a_route(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("A roadside bomb hit a convoy on the Mogadishu highway.")
    assert roles(mention) == {"Mogadishu": "route"}


def test_a_capture_of_a_person_is_not_a_place(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Police announced the capture of Juan Manuel after a shootout.")
    assert "Juan Manuel" not in roles(mention)


def test_an_event_misparsed_as_the_speaker_keeps_its_place_and_actors(
    only_mention: Callable[..., Mention],
) -> None:
    # The parser makes "fighting" the subject of "said"; the fighting is no claimant.
    mention = only_mention(
        "Fierce fighting between Ansar Allah forces and troops loyal to the internationally "
        "recognised government in Taiz left at least ten combatants dead on Friday, a military "
        "source said."
    )
    assert roles(mention).get("Taiz") == "event"
    assert mention.actor1 == "Houthi Movement"


def test_a_trigger_word_that_describes_the_speaker_is_no_event(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "Boko Haram fighters attacked farmers near Gwoza on Tuesday, killing seven of them, "
        "a local vigilante leader said."
    )
    assert [m.sub_event_type for m in found] == ["Attack"]


@pytest.mark.parametrize(
    ("phrase", "day"),
    [("on 14 November last year", "2024-11-14"), ("on November 14 last year", "2024-11-14"),
     ("on 3 March this year", "2025-03-03")],
)  # fmt: skip
def test_a_year_said_in_words(
    mentions_of: Callable[..., list[Mention]], phrase: str, day: str
) -> None:
    # Published after the day: without "last year" the day reads as this year's 14 November.
    text = f"A Russian missile strike killed 17 people in Kramatorsk {phrase}."
    [mention] = mentions_of(text, "2025-11-20")
    assert mention.date_start == day


def test_a_trigger_in_its_own_clause_takes_that_clause_date(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "Residents of Kostiantynivka laid flowers at the market on Friday, a year after a "
        "Russian missile strike killed 17 people there on 14 November last year.",
        "2025-11-14",
    )
    strike = [m for m in found if m.sub_event_type == "Shelling/artillery/missile attack"]
    assert [m.date_start for m in strike] == ["2024-11-14"]
    assert strike[0].modality == "historical"  # a year before publication: background


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("PESHAWAR - Five people were killed when a suicide bomber targeted a checkpoint in the "
         "city on Monday, police said.", "PESHAWAR"),
        ("MOGADISHU, March 10 - A car bomb killed twelve people on Monday.", "MOGADISHU"),
        ("KHARTOUM (Reuters) - Gunmen killed 12 people on Monday.", "KHARTOUM"),
    ],
)  # fmt: skip
def test_a_dateline_places_a_lede_that_names_no_place(
    only_mention: Callable[..., Mention], text: str, place: str
) -> None:
    assert roles(only_mention(text)) == {place: "event"}


def test_a_dateline_never_overrides_the_place_the_lede_names(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("KYIV (Reuters) - Russian missiles hit Lviv on Monday.")
    assert roles(mention) == {"Lviv": "event"}


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("on the night of 3 to 4 May", "2025-05-03", "2025-05-04"),
        ("on the night of 30 to 1 May", "2025-04-30", "2025-05-01"),
        # one unit when no number is given; "recent days" stays about a week
        ("the previous day", "2025-05-04", "2025-05-05"),
        ("over the past week", "2025-04-28", "2025-05-05"),
        ("in recent days", "2025-04-28", "2025-05-05"),
    ],
)
def test_nights_and_single_unit_look_backs(phrase: str, start: str, end: str) -> None:
    [found] = find_date_phrases(f"Drones attacked Dnipro {phrase}.", "2025-05-05")
    assert (found.date_start, found.date_end) == (start, end)
