"""Session 12: protests without the word "protest": a crowd that blocks a road, goes on strike
or walks out, demanding something (extract/code_rules.py, extract/protest_actions.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "sub_event_type", "group"),
    [
        (
            "Hundreds of garment workers blocked a highway in Gazipur demanding unpaid wages.",
            "Peaceful protest",
            "Labour Group",
        ),
        (
            "Around 2,000 garment workers blocked a highway in Gazipur on Sunday, demanding "
            "unpaid wages, police said.",
            "Peaceful protest",
            "Labour Group",
        ),
        (
            "Residents blocked the road to the airport to demand the release of detained "
            "activists.",
            "Peaceful protest",
            "",
        ),
        (
            "Villagers barricaded the main road to Bunia in protest at the killing of three "
            "farmers.",
            "Peaceful protest",
            "",
        ),
        (
            "Hundreds of nurses went on strike in Nairobi on Monday demanding six months of "
            "unpaid salaries.",
            "Peaceful protest",
            "Health Workers",
        ),
        (
            "Doctors at public hospitals in Lagos began a strike over unpaid allowances on "
            "Tuesday.",
            "Peaceful protest",
            "Health Workers",
        ),
        (
            "Thousands of teachers staged a walkout in Accra calling for better pay.",
            "Peaceful protest",
            "Teachers",
        ),
        (
            "Students blocked the main road to the university in Dhaka demanding the "
            "reinstatement of quotas.",
            "Peaceful protest",
            "Students",
        ),
        (
            "Hundreds of Palestinians blocked the main road in Hebron demanding the return of "
            "bodies.",
            "Peaceful protest",
            "",
        ),
        (
            "Angry youths blocked the Kampala-Jinja highway with burning tyres, demanding the "
            "release of their leader.",
            "Violent demonstration",
            "",
        ),
        (
            "Residents blocked a bridge in Kinshasa demanding water, and police fired tear gas "
            "to disperse them.",
            "Protest with intervention",
            "",
        ),
    ],
)
def test_a_crowds_action_with_a_demand_is_a_protest(
    only_mention: Callable[..., Mention], text: str, sub_event_type: str, group: str
) -> None:
    m = only_mention(text)
    assert m.sub_event_type == sub_event_type
    assert m.assoc_actor_1 == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # pinned as "no mention" by test_extract_types.py before session 12
        ("Teachers went on strike in Nairobi demanding better pay.", "Teachers"),
        ("Thousands of dock workers staged a strike over wages.", "Labour Group"),
    ],
)
def test_a_labour_strike_with_a_demand_is_a_protest_not_an_air_strike(
    only_mention: Callable[..., Mention], text: str, group: str
) -> None:
    m = only_mention(text)
    assert (m.event_type, m.sub_event_type) == ("Protests", "Peaceful protest")
    assert (m.actor1, m.assoc_actor_1) == ("Protesters", group)


def test_the_detention_the_crowd_protests_is_no_arrest_event(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    """As with the word "protest" (the arrests rule's own veto), the detention a blockade
    demands an end to is no arrest event of that sentence."""
    found = mentions_of(
        "Residents blocked the road to the airport to demand the release of detained activists."
    )
    assert [m.sub_event_type for m in found] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Police blocked the road to the parliament on Monday.",
        "The court blocked the bill demanding new elections.",
        "Soldiers blocked the highway to Goma over the weekend.",
        "Russian troops blocked the road to Kherson demanding documents from drivers.",
        "Residents blocked the road over the weekend.",  # a time, not a demand
        "Members of parliament walked out over the budget on Tuesday.",
        "Garment workers went on strike in Dhaka on Monday.",  # no demand told
        "Workers have blocked the sale of the company in court.",
        "Residents blocked the road with sandbags before the flood.",
        "The army struck militant camps over the weekend, officials demanding anonymity said.",
    ],
)
def test_blocks_and_strikes_that_are_no_protest(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert all(m.event_type != "Protests" for m in mentions_of(text))
