"""Session 18: general fixes found from held-out linking round 17, each tested here on
made-up sentences (no sentence of the round is used)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention

Extract = Callable[..., list[Mention]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Taliban fighters opened fire on border posts in the Torkham sector on Friday, "
         "killing two soldiers.", "Torkham"),
        ("Russian troops shelled Ukrainian positions on the Kupiansk axis on Monday, "
         "killing two soldiers.", "Kupiansk"),
        ("Russian forces attacked Ukrainian positions in the Lyman direction on Monday, "
         "killing three soldiers.", "Lyman"),
    ],
)  # fmt: skip
def test_a_front_line_named_by_its_town_is_an_event_place(
    mentions_of: Extract, text: str, name: str
) -> None:
    roles = {p.text: p.role for m in mentions_of(text) for p in m.places}
    assert roles.get(name) == "event", roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shelling hit the town of al-Mayadin on Monday, killing two.", "al-Mayadin"),
        ("Gunmen attacked a checkpoint in al-Shaddadi on Sunday, killing two.", "al-Shaddadi"),
        ("RSF fighters shelled el-Fasher on Monday, killing five.", "el-Fasher"),
    ],
)
def test_a_name_opened_by_a_lower_case_arabic_article(
    mentions_of: Extract, text: str, name: str
) -> None:
    roles = {p.text: p.role for m in mentions_of(text) for p in m.places}
    assert roles.get(name) == "event", roles


def test_a_lower_case_article_alone_opens_no_name(mentions_of: Extract) -> None:
    # "as" and "an" are English words too: only glued to a capitalised word by a hyphen
    found = mentions_of("Gunmen killed two farmers as - Reuters reported - they fled on Sunday.")
    names = [p.text for m in found for p in m.places]
    assert not any(n.lower().startswith(("as", "an")) for n in names), names


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed three soldiers in the Western sector on Sunday.",
        "Russian troops shelled positions on the Southern axis on Monday, killing two.",
    ],
)
def test_a_compass_word_before_a_front_line_is_no_place(mentions_of: Extract, text: str) -> None:
    # review: "the Western sector" names no town
    names = [p.text for m in mentions_of(text) for p in m.places]
    assert not any(n in ("Western", "Southern") for n in names), names
