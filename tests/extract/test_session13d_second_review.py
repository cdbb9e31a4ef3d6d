"""Second review of session 13 (docs/extraction.md, "Second review"): rules of the first
review's fixes that were still too broad. Each test failed with commit 364a2ef; the sentences
are made up for the purpose."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention
from factories import by_trigger

MentionsOf = Callable[..., list[Mention]]
PUBLISHED = "2026-07-15"  # a Wednesday: the weekend before is 07-11/12, the next 07-18/19


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people over the weekend, 30 km from Beni.",
        "Gunmen killed 12 people over the weekend, 40 of them in Beni.",
    ],
)
def test_a_number_after_the_weekend_is_no_date(mentions_of: MentionsOf, text: str) -> None:
    killed = by_trigger(mentions_of(text, PUBLISHED), "killed")
    assert (killed.date_start, killed.date_end) == ("2026-07-11", "2026-07-12")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said rebels may have attacked the base over the weekend.",
        "The rebels, who will hold talks on Friday, attacked the base over the weekend.",
    ],
)
def test_a_past_guess_or_a_future_in_another_clause_keeps_the_weekend_past(
    mentions_of: MentionsOf, text: str
) -> None:
    attacked = by_trigger(mentions_of(text, PUBLISHED), "attacked")
    assert attacked.date_start == "2026-07-11"


def test_to_the_north_of_a_town_is_a_bearing(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Troops shelled the village of Sarmin, to the north of Idlib, on Monday.", PUBLISHED
    )
    roles = {p.text: p.role for p in by_trigger(found, "shelled").places}
    assert roles.get("Idlib") == "other" and roles.get("Sarmin") == "event"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Fighters of the RSF attacked the village of Tawila on Monday.",
            "Rapid Support Forces",
        ),
        (
            "Soldiers of the Tatmadaw attacked the village of Kani on Monday.",
            "Military Forces of Myanmar",
        ),
    ],
)
def test_an_acronym_no_other_group_shares_still_names_the_noun(
    mentions_of: MentionsOf, text: str, actor: str
) -> None:
    actor1 = by_trigger(mentions_of(text, PUBLISHED), "attacked").actor1
    assert actor1.startswith(actor)


def test_a_disputing_verb_of_another_clause_keeps_the_report(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Officials rejected criticism after police confirmed reports of an attack on a base in "
        "Beni on Monday, which killed five.",
        PUBLISHED,
    )
    assert any(m.trigger == "attack" for m in found), [m.trigger for m in found]


def test_those_as_a_determiner_points_at_named_people(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Nobody knows whether those villagers who were shot by soldiers near Beni on Monday "
        "survived.",
        PUBLISHED,
    )
    assert by_trigger(found, "shot").modality == "asserted"


# -- a third look (review of fb121e6) -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels will attack Beni, Butembo and Goma over the weekend.",
        "Gunmen will, according to the army, attack the town over the weekend.",
    ],
)
def test_a_comma_in_a_planned_attack_keeps_the_coming_weekend(
    mentions_of: MentionsOf, text: str
) -> None:
    attack = by_trigger(mentions_of(text, PUBLISHED), "attack")
    assert attack.date_start == "2026-07-18"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the town over the weekend, 4th-5th July, killing three.",
        "Rebels attacked the town over the weekend, 4 and 5 July, killing three.",
    ],
)
def test_a_weekend_named_by_its_dates_is_those_dates(mentions_of: MentionsOf, text: str) -> None:
    attacked = by_trigger(mentions_of(text, PUBLISHED), "attacked")
    assert attacked.date_start is not None and attacked.date_start <= "2026-07-05"


def test_a_disputing_verb_above_a_complement_clause_still_disputes(
    mentions_of: MentionsOf,
) -> None:
    found = mentions_of(
        "Rebels killed five in Beni on Monday, but the army denied that reports of an attack on "
        "Butembo were accurate.",
        PUBLISHED,
    )
    assert not any(m.trigger == "attack" and m.is_eventive for m in found)


def test_to_the_north_with_two_spaces_is_still_a_bearing(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Troops shelled the village of Sarmin, to  the north of Idlib, on Monday.", PUBLISHED
    )
    roles = {p.text: p.role for p in by_trigger(found, "shelled").places}
    assert roles.get("Idlib") == "other"


def test_initials_read_names_with_apostrophes_and_stated_acronyms() -> None:
    from eventscope.extract.actor_phrases import shared_acronyms
    from eventscope.extract.lexicon import ActorEntry

    entries = [
        ActorEntry("PDF: Pan Democratic Front", 2, cased_aliases=("PDF",)),
        ActorEntry("People's Defence Force", 3),
        ActorEntry("RSF: Rapid Support Forces", 2, cased_aliases=("RSF",)),
        ActorEntry("RSF: Forces de Soutien Rapide", 2),  # states the acronym, initials FSR
    ]
    assert shared_acronyms(entries) == frozenset({"PDF", "RSF"})
