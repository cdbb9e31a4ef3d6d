"""Session 13 review: round 9 extraction rules that were too broad (docs/extraction.md,
"Session 13 (2026-11-23): round 9 extraction fixes", "Review fixes").

Each test failed with the rules as committed; the sentences are made up for the purpose.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention
from factories import by_trigger

MentionsOf = Callable[..., list[Mention]]
OnlyMention = Callable[..., Mention]
PUBLISHED = "2026-07-15"  # a Wednesday: Monday is 07-13, Sunday 07-12, Thursday 07-09


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Al-Shabaab militants who attacked a police station in Mandera killed three officers "
            "on Monday.",
            "attacked",
        ),
        (
            "ISWAP fighters, who stormed a military base in Damboa, killed nine soldiers on "
            "Thursday, the army said.",
            "stormed",
        ),
        (
            "The army said it had arrested ISWAP fighters who ambushed a convoy near Damboa.",
            "ambushed",
        ),
        (
            "The ADF, which killed 40 villagers near Oicha, also burned houses in Beni on Monday.",
            "killed",
        ),
    ],
)
def test_a_relative_clause_telling_what_a_group_did_is_not_background(
    mentions_of: MentionsOf, text: str, trigger: str
) -> None:
    # Only a clause saying who the group is (pledged allegiance, was founded, split from ...)
    # describes it; one telling an attack is news like any other.
    m = by_trigger(mentions_of(text, PUBLISHED), trigger)
    assert m.modality != "historical"


def test_a_clause_of_allegiance_on_a_group_stays_background(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "The ADF, which pledged allegiance to the Islamic State, has stepped up attacks in Ituri "
        "this year.",
        PUBLISHED,
    )
    pledges = [m for m in found if m.sub_event_type == "Change to group/activity"]
    assert pledges and all(m.modality == "historical" for m in pledges)


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        (
            "The army said there were no civilians who were killed in the air strike on Monday.",
            "air strike",
            "negated",
        ),
        ("The army vowed to punish anyone who attacked civilians in Gwoza.", "attacked", "planned"),
    ],
)
def test_a_relative_clause_on_a_quantified_head_keeps_the_main_clauses_modality(
    mentions_of: MentionsOf, text: str, trigger: str, modality: str
) -> None:
    # "no civilians who were killed", "anyone who attacked" presuppose no event: the negation
    # or the plan of the main clause still applies.
    assert by_trigger(mentions_of(text, PUBLISHED), trigger).modality == modality


def test_a_relative_clause_on_a_definite_head_is_still_fact(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "The police have no clues regarding the two engineers who were kidnapped by gunmen near "
        "Cali on Monday.",
        PUBLISHED,
    )
    assert by_trigger(found, "kidnapped").modality != "negated"


def test_confirmed_reports_are_no_other_partys_version(mentions_of: MentionsOf) -> None:
    # Only someone's version (a possessor or agent on the noun, or a disputing verb above it)
    # is another party's telling; "confirmed reports of an attack" tells the attack.
    found = mentions_of(
        "Police confirmed reports of an attack on a church in Jos on Sunday, and soldiers killed "
        "12 militants in Gwoza on Monday.",
        PUBLISHED,
    )
    attack = by_trigger(found, "attack")
    assert attack.date_start == "2026-07-12"


def test_a_cased_acronym_after_a_generic_noun_does_not_name_it(mentions_of: MentionsOf) -> None:
    # "ADF" (in capitals only) is also the Ambazonia Defence Forces: a generic noun "of the
    # ADF" near Bamenda is not promoted to the Congolese group.
    found = mentions_of(
        "Separatist fighters of the ADF attacked a gendarmerie post near Bamenda on Monday.",
        PUBLISHED,
    )
    assert by_trigger(found, "attacked").actor1 != "ADF: Allied Democratic Forces"


def test_the_ambazonia_defence_forces_are_their_own_group(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Fighters of the Ambazonia Defence Forces attacked a gendarmerie post near Bamenda on "
        "Monday.",
        PUBLISHED,
    )
    assert by_trigger(found, "attacked").actor1 == "ADF: Ambazonia Defence Forces"


def test_iscap_is_not_merged_into_the_adf(only_mention: OnlyMention) -> None:
    # Before 2022 the Islamic State Central Africa Province also named the Mozambique branch.
    m = only_mention(
        "ISCAP fighters seized the port of Mocimboa da Praia in Mozambique on Monday.",
        "2020-08-12",
    )
    assert m.actor1 == "Islamic State Central Africa Province"


def test_a_spokesman_is_a_person_not_a_statement(mentions_of: MentionsOf) -> None:
    found = mentions_of("Militants killed the army's spokesman in Gwoza on Monday.", PUBLISHED)
    assert by_trigger(found, "killed").actor2 == "Military Forces"
