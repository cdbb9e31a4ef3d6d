"""Civilians and children among the fatalities, and typed counts of aircraft, sorties,
vehicles, fighters and munitions (issue 3: "split into civilians and children where stated";
"other counts typed")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.breakdown import fatality_breakdown, typed_quantities
from eventscope.extract.quantities import find_counts
from eventscope.models import Mention, Quantity
from eventscope.store.codec import mention_from_json, to_json

MentionOf = Callable[..., Mention]


def _breakdown(text: str) -> tuple[int | None, int | None]:
    parts = fatality_breakdown(text, 0, find_counts(text))
    return parts.civilians, parts.children


@pytest.mark.parametrize(
    ("text", "civilians", "children"),
    [
        ("Bombers killed at least 12 civilians, including three children.", 12, 3),
        ("An air strike killed at least 63 people, including nine children.", 9, 9),
        ("The strike killed 63 people, including nine children and four women.", 13, 9),
        ("The blast killed 20 people, including three children, two women and 5 soldiers.", 5, 3),
        ("Five children were killed when the shell hit their school.", 5, 5),
        ("The strike killed 12 Palestinian civilians and five fighters.", 12, None),
        ("Gunmen killed 40 people in the village.", None, None),  # "people": who is unstated
        ("The raid killed 18 militants, the ministry said.", None, None),
        ("Among them were three children, officials said.", None, None),  # no fatality count
    ],
)
def test_civilians_and_children_where_stated(
    text: str, civilians: int | None, children: int | None
) -> None:
    assert _breakdown(text) == (civilians, children)


def test_breakdown_evidence_points_at_its_words() -> None:
    text = "Bombers killed at least 12 civilians, including three children and two women."
    parts = fatality_breakdown(text, 100, find_counts(text, 100))
    spans = [(e.field, text[e.start - 100 : e.end - 100]) for e in parts.evidence]
    assert spans == [
        ("fatalities_civilians", "killed at least 12 civilians"),
        ("fatalities_children", "including three children"),
        ("fatalities_civilians", "two women"),
    ]
    assert all(e.text == t for e, (_, t) in zip(parts.evidence, spans, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six bombers took off and dropped 40 bombs on the town.",
         [("aircraft", 6), ("munitions", 40)]),
        ("The army carried out 38 sorties and destroyed 12 vehicles.",
         [("sorties", 38), ("vehicles", 12)]),
        ("Hundreds of gunmen on motorbikes attacked the camp.", [("fighters", 200)]),
        ("A column of some 60 armed pickup trucks entered the town.", [("vehicles", 60)]),
        ("The strike killed 18 militants.", []),  # a casualty count, not a force size
        ("The ministry pledged $40 million and 3 km of road.", []),  # money and units
    ],
)  # fmt: skip
def test_typed_quantities(text: str, expected: list[tuple[str, int]]) -> None:
    found = typed_quantities(text, 0, find_counts(text))
    assert [(q.kind, q.value) for q in found] == expected
    assert all(text[q.start : q.end] == q.text for q in found)


def test_mentions_carry_the_breakdown(only_mention: MentionOf) -> None:
    mention = only_mention(
        "Russian Tu-22M3 bombers struck the town on Tuesday, killing at least 12 civilians, "
        "including three children, and destroying 4 vehicles."
    )
    assert (mention.fatalities_best, mention.fatalities_civilians) == (12, 12)
    assert mention.fatalities_children == 3
    assert [(q.kind, q.value) for q in mention.quantities] == [("vehicles", 4)]
    fields = {e.field for e in mention.evidence}
    assert {"fatalities_civilians", "fatalities_children", "quantities"} <= fields


def test_the_store_keeps_typed_counts(only_mention: MentionOf) -> None:
    mention = only_mention("Six bombers struck the town on Tuesday, killing 5 civilians.")
    restored = mention_from_json(to_json(mention))
    assert restored == mention
    assert restored.quantities == (Quantity("aircraft", 6, "Six bombers", 0, 11),)
