"""Session 12: armed groups of today's conflicts in the actor dictionary (data/actors.json),
beside the Cold War-era groups MUC-4 needed. Without them the reports of DRC, Myanmar,
Ethiopian, Mexican and Haitian violence named "Unidentified Armed Group" as the perpetrator, and
linking's perpetrator rules had nothing to compare (linking round 9)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("ADF rebels killed 25 villagers in Lubero on Sunday.", "ADF: Allied Democratic Forces"),
        (
            "CODECO militiamen attacked a camp near Djugu on Monday, killing 12.",
            "CODECO: Cooperative for the Development of Congo",
        ),
        ("Fano militiamen clashed with Ethiopian troops in Bahir Dar on Tuesday.", "Fano Militia"),
        ("The Arakan Army captured a military base in Rakhine State on Monday.", "AA: Arakan Army"),
        (
            "CJNG gunmen killed six police officers in Michoacan on Friday.",
            "CJNG: Jalisco New Generation Cartel",
        ),
        (
            "Viv Ansanm gang members attacked Mirebalais on Monday, killing 10 people.",
            "Viv Ansanm Gang Coalition",
        ),
        ("AGC fighters clashed with ELN rebels in Arauca on Monday.", "Clan del Golfo"),
    ],
)
def test_todays_armed_groups_are_named(
    only_mention: Callable[..., Mention], text: str, actor1: str
) -> None:
    assert only_mention(text).actor1 == actor1


def test_an_acronym_that_is_a_common_word_is_matched_by_case(
    only_mention: Callable[..., Mention],
) -> None:
    # "PDF" (Myanmar's People's Defense Force) only in capitals: "a pdf of the report" is none.
    m = only_mention("A pdf of the report was released on Monday after gunmen killed five.")
    assert m.actor1 == "Unidentified Armed Group"
