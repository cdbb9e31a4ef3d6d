"""Noun-phrase targets and "with X" instruments (extract/arguments.py)."""

from __future__ import annotations

from collections.abc import Callable

from eventscope.models import Mention


def _mention(mentions_of: Callable[..., list[Mention]], text: str) -> Mention:
    mentions = mentions_of(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_coordinated_targets_each_get_evidence(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Guerrillas bombed a church and a school in the town."
    mention = _mention(mentions_of, text)
    targets = [e for e in mention.evidence if e.field == "target"]
    assert [e.text for e in targets] == ["a church", "a school"]
    assert mention.target == "a church; a school"
    for e in targets:
        assert text[e.start : e.end] == e.text


def test_with_weapon_phrase_is_an_instrument(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Gunmen attacked the power substation with dynamite."
    mention = _mention(mentions_of, text)
    assert "dynamite" in mention.weapons
    spans = [e for e in mention.evidence if e.field == "weapons"]
    assert any(text[e.start : e.end] == "dynamite" for e in spans)


def test_times_are_not_targets(mentions_of: Callable[..., list[Mention]]) -> None:
    assert _mention(mentions_of, "Jets bombed the town of Ariha on Monday.").target == (
        "the town of Ariha"
    )
