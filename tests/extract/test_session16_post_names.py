"""Session 16: a name before an attacked military post locates the attack also when an
adjective stands between them ("the attack on the Tindi military post"): the parser then
makes the name a noun modifier (nmod) of the post, not a compound (extract/places.py,
``_run_starts``). Where people "press", "push" or "advance" toward is where they head, not
where the event was (``_role_from``). The sentences are made up."""

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


@pytest.mark.parametrize(
    ("text", "heading", "event"),
    [
        (
            "Air raids hit villages across Tanintharyi Region as the rebels press toward the "
            "regional capital Dawei.",
            "Dawei",
            "Tanintharyi Region",
        ),
        ("Troops pushed towards Kalehe after clashes in Numbi.", "Kalehe", "Numbi"),
    ],
)
def test_where_an_advance_heads_is_its_destination(
    mentions_of: Callable[..., list[Mention]], text: str, heading: str, event: str
) -> None:
    roles = _roles(mentions_of(text))
    assert roles.get(heading) == "destination", roles
    assert roles.get(event) == "event", roles
