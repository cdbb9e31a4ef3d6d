"""Session 16: a name before an attacked military post locates the attack also when an
adjective stands between them ("the attack on the Tindi military post"): the parser then
makes the name a noun modifier (nmod) of the post, not a compound (extract/places.py,
``_run_starts``). The sentences are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import Mention


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


@pytest.mark.parametrize(
    "text",
    [
        "The toll from the attack on the Tindi military post has risen to eight.",
        "Jihadists attacked the Tindi military base before dawn on Friday.",
        "Four soldiers died in the assault on the Tindi military camp.",
    ],
)
def test_a_name_before_a_military_post_is_the_event_place(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    assert _roles(mentions_of(text)).get("Tindi") == "event"


def test_a_name_of_the_post_owner_is_no_place(mentions_of: Callable[..., list[Mention]]) -> None:
    # a weekday before the post is a date, never a place
    text = "Gunmen attacked the Monday market in the town, killing three traders."
    assert "Monday" not in _roles(mentions_of(text))
