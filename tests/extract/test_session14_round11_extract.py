"""Session 14, round 11 extraction fixes: a toll update's date, named missile systems, habitual
and background statements, crowds that gather chanting, a singular "Defence Force", and an
armed group that holds ground. Each test pairs a paraphrase of the round's example with
sentences of other places, actors and wordings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Mentions = Callable[..., list[Mention]]


def _eventive(found: list[Mention]) -> list[Mention]:
    return [m for m in found if m.is_eventive]


# 1. A date governed by a figure's verb ("the toll rose to eight on Wednesday") dates the count.


@pytest.mark.parametrize(
    "text",
    [
        # a paraphrase of the example (the attack was the day before publication)
        "The death toll from a Russian missile strike on Kryvyi Rih climbed to nine on "
        "Wednesday, among them three children, local officials said.",
        "Deaths from an Israeli air strike on Khan Younis rose to 20 on Wednesday, the health "
        "ministry said.",
        "The toll from a bombing at a market in Maiduguri reached 31 on Wednesday, police said.",
    ],
)
def test_toll_update_date_does_not_date_the_attack(mentions_of: Mentions, text: str) -> None:
    found = mentions_of(text, "2026-01-07")
    assert found, "the attack is still a mention"
    assert all(m.date_start != "2026-01-07" for m in found), [
        (m.trigger, m.date_start) for m in found
    ]


def test_toll_update_keeps_a_date_inside_its_subject(mentions_of: Mentions) -> None:
    found = mentions_of(
        "The number of people killed in Sunday's drone strike on Sumy climbed to 14 on "
        "Tuesday, officials said.",
        "2026-03-11",
    )
    assert [m.date_start for m in found] == ["2026-03-08"]


def test_a_date_before_the_toll_verb_is_the_subjects(mentions_of: Mentions) -> None:
    # The parser hangs "on Monday" on "rose"; in the text it sits inside the subject.
    found = mentions_of(
        "The death toll from a Russian glide bomb attack on a market in Kupiansk on Wednesday "
        "rose to nine, officials said on Thursday.",
        "2026-03-12",
    )
    assert [m.date_start for m in found] == ["2026-03-11"]


def test_event_in_its_own_clause_keeps_its_date(mentions_of: Mentions) -> None:
    found = mentions_of(
        "Militants attacked a checkpoint in Borno on Monday and the toll rose to 9 on Tuesday.",
        "2026-03-11",
    )
    assert [m.date_start for m in found] == ["2026-03-09"]


# 2. A strike told by a named missile or drone system.


def test_strike_with_named_ballistic_missile_system(only_mention: Callable[..., Mention]) -> None:
    m = only_mention(
        "On the evening of 6 January the Russian Armed Forces carried out a strike with the "
        "Iskander operational-tactical complex on a gathering point of foreign mercenaries in "
        "Krivoy Rog, the Ministry of Defence reported.",
        "2026-01-08",
    )
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.date_start == "2026-01-06"
    assert m.actor1.startswith("Military Forces of Russia")


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "The army carried out a strike with Tochka-U on a deployment area of enemy troops "
            "near Izium on 3 January.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Ukrainian forces carried out a strike with ATACMS on an airfield near Berdiansk "
            "on 4 January.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Russian forces carried out a strike with Shahed loitering munitions on the port "
            "of Izmail on 5 January.",
            "Air/drone strike",
        ),
    ],
)
def test_strike_with_other_named_systems(mentions_of: Mentions, text: str, sub_event: str) -> None:
    assert [m.sub_event_type for m in mentions_of(text, "2026-01-08")] == [sub_event]


def test_labour_strike_with_no_weapon_stays_out(mentions_of: Mentions) -> None:
    text = "The workers carried out a strike at the factory in Kharkiv on Monday."
    assert mentions_of(text) == []


# 3. Habitual statements and the cause of a present state are background.


@pytest.mark.parametrize(
    "text",
    [
        # a paraphrase of the example ("has been repeatedly": no "has repeatedly" phrase)
        "Kryvyi Rih, the president's home town, has been targeted repeatedly by Russian "
        "missiles and drones.",
        "Zaporizhzhia, the regional capital, has been repeatedly hit by Russian drones.",
        "The border town of Sderot has often been hit by rockets fired from Gaza.",
        "Villages along the Kaduna-Abuja highway are regularly attacked by bandits.",
        "The town has come under repeated attack from ISWAP fighters.",
    ],
)
def test_habitual_attacks_are_no_event(mentions_of: Mentions, text: str) -> None:
    found = mentions_of(text, "2026-01-07")
    assert found and _eventive(found) == [], [(m.trigger, m.modality) for m in found]


def test_habitual_beside_a_dated_attack(mentions_of: Mentions) -> None:
    found = _eventive(
        mentions_of(
            "Militants have repeatedly attacked army posts in Borno, and on Tuesday they "
            "killed five soldiers in Dikwa.",
            "2026-01-07",
        )
    )
    assert [(m.trigger, m.date_start) for m in found] == [("killed", "2026-01-06")]


@pytest.mark.parametrize(
    "text",
    [
        "The victim was repeatedly stabbed in the street in Kano on Monday.",
        "Russian forces have repeatedly shelled Nikopol this week, officials said.",
        "Gunmen have attacked a church in Kaduna, police said.",
    ],
)
def test_single_or_dated_attacks_stay_events(mentions_of: Mentions, text: str) -> None:
    assert _eventive(mentions_of(text, "2026-01-07"))


@pytest.mark.parametrize(
    "second",
    [
        # a paraphrase of the example
        "Guanajuato is still the Mexican state with the most homicides, driven by fighting "
        "between the Jalisco New Generation Cartel (CJNG) and the Santa Rosa de Lima cartel.",
        "The province remains one of the most violent in Colombia, fuelled by clashes between "
        "the ELN and FARC dissidents.",
    ],
)
def test_cause_of_a_present_state_is_background(mentions_of: Mentions, second: str) -> None:
    first = "Gunmen attacked a bar in Celaya on Saturday, killing six people, police said."
    found = _eventive(mentions_of(f"{first} {second}", "2025-05-25"))
    assert [m.trigger for m in found] == ["attacked"]


def test_cause_of_a_past_event_stays_an_event(mentions_of: Mentions) -> None:
    found = _eventive(
        mentions_of(
            "Violence in the region, fuelled by fighting between rival militias, killed 12 "
            "people on Monday.",
            "2026-01-07",
        )
    )
    assert found and found[0].date_start == "2026-01-05"


# 4. A crowd that gathers chanting slogans or demanding something is a demonstration.


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a paraphrase of the example
        (
            "On Friday thousands of people gathered in a square in the southern city of Sweida, "
            "chanting slogans against the government and demanding a decentralised system.",
            "2025-06-20",
        ),
        (
            "Hundreds of residents gathered outside the governor's office in Mosul on Thursday "
            "demanding water and electricity.",
            "2025-06-19",
        ),
        (
            "Crowds of students assembled at the university gate in Dhaka on Tuesday, chanting "
            "slogans against the vice-chancellor.",
            "2025-06-17",
        ),
        (
            "Hundreds of farmers converged on the district office in Meerut on Monday, shouting "
            "slogans and demanding loan waivers.",
            "2025-06-16",
        ),
    ],
)
def test_gathering_crowd_that_chants_or_demands(
    only_mention: Callable[..., Mention], text: str, day: str
) -> None:
    m = only_mention(text, "2025-06-20")
    assert (m.sub_event_type, m.date_start) == ("Peaceful protest", day)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of mourners gathered for the funeral of the slain commander in Jenin on "
        "Friday, chanting slogans.",
        "Hundreds of people gathered at the mosque in Kano for Friday prayers, chanting praises.",
        "Thousands of supporters gathered at the airport in Lusaka to welcome the president, "
        "chanting his name.",
        "Party leaders gathered for a meeting in Harare on Monday to demand electoral reforms.",
        "Soldiers gathered in the square in Bamako on Friday, chanting slogans against France.",
        "People gathered in the streets of Tunis on Friday.",
    ],
)
def test_gatherings_that_are_no_protest(mentions_of: Mentions, text: str) -> None:
    assert mentions_of(text, "2025-06-20") == []


# 5. A singular "Defence Force" is an armed word; an armed group holds ground it entered.


@pytest.mark.parametrize(
    "text",
    [
        # a paraphrase of the example
        "Ethiopia's National Defence Force said it had fully cleared an armed extremist group "
        "from Debark town in North Gondar zone after fighting on Wednesday.",
        "The Kenya Defence Force said it had driven an armed group out of Mandera after "
        "fighting on Wednesday.",
    ],
)
def test_fighting_beside_a_singular_defence_force(mentions_of: Mentions, text: str) -> None:
    found = mentions_of(text, "2025-12-04")
    assert [(m.sub_event_type, m.date_start) for m in found] == [("Armed clash", "2025-12-03")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a paraphrase of the example
        (
            "On Wednesday Fano fighters entered Debark and held several neighbourhoods for "
            "hours before withdrawing, residents said.",
            "Fano",
        ),
        (
            "Al-Shabaab fighters entered Mahaday on Wednesday and held the town centre for two "
            "hours before pulling out.",
            "Al Shabaab",
        ),
    ],
)
def test_armed_group_holds_ground(
    only_mention: Callable[..., Mention], text: str, actor: str
) -> None:
    m = only_mention(text, "2025-12-05")
    assert m.sub_event_type == "Non-state actor overtakes territory"
    assert m.date_start == "2025-12-03"
    assert m.actor1.startswith(actor)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels held talks in the town of Kidal on Tuesday.",
        "Officials held a meeting in the district on Monday.",
        "M23 rebels, who have held Goma since January, said on Tuesday they would withdraw.",
        "Gunmen held 20 villagers hostage in the village on Monday.",
        "Government troops held the town on Tuesday.",
    ],
)
def test_other_holds_are_no_takeover(mentions_of: Mentions, text: str) -> None:
    assert all(m.sub_event_type != "Non-state actor overtakes territory" for m in mentions_of(text))


def test_a_toll_update_under_a_dateline_takes_the_attacks_date(mentions_of: Mentions) -> None:
    # The dateline's day is the filing day, the update's day too; the attack is dated by the
    # article's next sentence (before: the dateline's Jan 7 dated it).
    found = mentions_of(
        "ODESA, March 11 (Wire) - The death toll from a Russian missile attack on Izmail rose "
        "to nine on Wednesday, the regional governor said. The city was struck by a ballistic "
        "missile late on Monday, the air force said.",
        "2026-03-11",
    )
    assert {m.date_start for m in found} == {"2026-03-09"}, [
        (m.trigger, m.date_start) for m in found
    ]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # The speaker's words ("air force") do not make a missile strike an air strike.
        (
            "Ukraine's air force said the city was struck by an Iskander-M missile on Tuesday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "The town was hit by a ballistic missile on Tuesday, the air force said.",
            "Shelling/artillery/missile attack",
        ),
        # With no means named but the speaker's, the speaker's words still tell them.
        ("The city was struck on Tuesday, the air force said.", "Air/drone strike"),
        # The sentence's own aircraft still make an air strike.
        ("Russian jets struck the city on Tuesday, the governor said.", "Air/drone strike"),
    ],
)
def test_the_type_reads_the_event_not_its_speaker(
    mentions_of: Mentions, text: str, sub_event: str
) -> None:
    assert [m.sub_event_type for m in mentions_of(text, "2026-01-07")] == [sub_event]


def test_an_undated_event_takes_its_sentences_killing_date(mentions_of: Mentions) -> None:
    # The massacre is the speakers' subject; "on Saturday" sits in the killing's clause.
    found = mentions_of(
        "Survivors of the massacre in Solino say gang members killed 12 people there on Saturday.",
        "2026-03-03",
    )
    assert [(m.trigger, m.date_start) for m in found] == [("massacre", "2026-02-28")]
