"""Session 12 review: the protest action rule (extract/protest_actions.py) narrowed. A
"strike" is a labour strike only under a labour verb ("went on / staged / were on strike")
and with no striker named before it; strikes called, announced, called off or averted are no
event; armed crowds and demands for money make no protest; an arrest beside a blockade is
its own event; the crowd's group is the "by" agent, never a bystander."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

NIGERIA = "Military Forces of Nigeria (2023-)"


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of workers were killed in Israeli strikes against Hezbollah targets in the "
        "Bekaa valley.",
        "Six aid workers were killed in an Israeli strike against a convoy in Deir al-Balah.",
        "Five miners were killed in a Russian strike against the Pokrovsk mine.",
        "Workers were killed in a Russian strike against the power plant in Kharkiv.",
        "Farmers were killed in a strike over the border area, local officials said.",
        "Teachers died in a Russian strike against the school in Sumy.",
    ],
)
def test_a_strike_that_kills_workers_is_no_protest(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.event_type != "Protests" for m in mentions_of(text))


def test_an_air_force_strike_that_wounds_farmers_stays_an_air_strike(
    only_mention: Callable[..., Mention],
) -> None:
    m = only_mention(
        "Farmers were wounded in a Nigerian Air Force strike against ISWAP camps near Lake Chad."
    )
    assert (m.sub_event_type, m.actor1) == ("Air/drone strike", NIGERIA)


@pytest.mark.parametrize(
    "text",
    [
        "The union called a strike for Friday over pension cuts.",
        "The union announced a strike over pension cuts.",
        "Workers called off their strike over pay on Tuesday.",
        "The union averted a strike over pay after a last-minute deal.",
        "The union ruled out a strike over the pension reform.",
        "Nurses postponed a strike over unpaid salaries.",
        "Dock workers voted for a strike over pay.",
        "The teachers' union suspended its strike over pay after talks with the ministry.",
        "Workers ended their strike over pay on Tuesday after reaching a deal.",
    ],
)
def test_a_strike_called_or_called_off_is_no_protest(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.event_type != "Protests" for m in mentions_of(text))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Nurses were on strike over unpaid salaries in Nairobi on Monday.", "Health Workers"),
        ("Teachers continued their strike over pay in Nairobi.", "Teachers"),
        ("Thousands of teachers staged a walkout in Accra calling for better pay.", "Teachers"),
    ],
)
def test_a_strike_under_a_labour_verb_is_a_protest(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    m = only_mention(text)
    assert (m.sub_event_type, m.assoc_actor_1) == ("Peaceful protest", group)


@pytest.mark.parametrize(
    "text",
    [
        "Armed men blocked the Kaduna-Abuja highway, demanding money from motorists.",
        "Jihadists blocked the roads to Djibo, demanding that villagers pay a tax.",
        "Islamists blocked the highway demanding the imposition of sharia.",
        "Men blocked the road demanding ransom from travellers in Zamfara.",
        "Coal miners went on strike on Monday as demand for coal fell.",
        "Youths blocked the highway demanding money from motorists.",
    ],
)
def test_armed_crowds_and_extortion_are_no_protest(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.event_type != "Protests" for m in mentions_of(text))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hundreds of women blocked the road to Kano demanding water.", "Women"),
        # a grievance over a tax is no demand for money from others
        ("Traders blocked the road demanding the abolition of a new market tax.", "Traders"),
    ],
)
def test_civilian_crowds_blocking_a_road_still_protest(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    m = only_mention(text)
    assert (m.sub_event_type, m.assoc_actor_1) == ("Peaceful protest", group)


@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        (
            "Police arrested five ISWAP suspects in Maiduguri, and hundreds of workers blocked "
            "a highway in Lagos demanding unpaid wages.",
            "Islamic State West Africa Province (ISWAP)",
        ),
        (
            "Soldiers arrested 12 men in Gao on Monday as residents blocked the road demanding "
            "the return of electricity.",
            "Civilians",
        ),
    ],
)
def test_an_arrest_beside_a_blockade_is_its_own_event(
    mentions_of: Callable[..., list[Mention]], text: str, arrested: str
) -> None:
    found = {m.sub_event_type: m for m in mentions_of(text)}
    assert set(found) == {"Arrests", "Peaceful protest"}
    assert found["Arrests"].actor2 == arrested
    assert found["Peaceful protest"].actor2 == ""  # nobody from the other clause intervened


def test_arrests_at_the_blockade_are_its_intervention(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    """As with the word "protest": arrests inside the action's own clause are the protest's
    intervention, not a second event."""
    found = mentions_of(
        "Hundreds of workers blocked a highway in Lagos demanding unpaid wages, and police "
        "arrested 20 of them."
    )
    assert [(m.sub_event_type, m.actor2) for m in found] == [
        ("Protest with intervention", "Police Forces")
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Doctors criticised the police response to a protest by farmers in Nairobi.", "Farmers"),
        ("Journalists reported on a rally by teachers in Accra.", "Teachers"),
        ("Teachers joined farmers at a protest in Nairobi on Monday.", ""),
    ],
)
def test_the_crowd_is_the_by_agent_never_a_bystander(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    assert only_mention(text).assoc_actor_1 == group
