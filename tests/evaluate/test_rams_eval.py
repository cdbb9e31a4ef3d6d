"""RAMS reader and scoring on inline examples (the shared file is used by the gate only)."""

from __future__ import annotations

from eventscope.evaluate.rams import (
    detokenize,
    event_class,
    parse_example,
    score,
    system_arguments,
)
from eventscope.models import Evidence, Mention, PlaceMention

RAW = {
    "doc_key": "nw_test",
    "sentences": [
        ["Officials", "said", "on", "Monday", "."],
        ["Gunmen", "killed", "12", "villagers", "in", "Kaduna", "'s", "south", "."],
        ["The", "army", "(", "which", "arrived", "late", ")", "did", "n't", "comment", "."],
    ],
    "evt_triggers": [[6, 6, [["life.die.deathcausedbyviolentevents", 1.0]]]],
    "gold_evt_links": [
        [[6, 6], [5, 5], "evt090arg01killer"],
        [[6, 6], [7, 8], "evt090arg02victim"],
        [[6, 6], [10, 10], "evt090arg04place"],
        [[6, 6], [0, 0], "evt090arg99unknownrole"],
    ],
}


def test_detokenize_spaces_like_running_text() -> None:
    text, spans = detokenize(["The", "army", "(", "which", "left", ")", "did", "n't", "say", "."])
    assert text == "The army (which left) didn't say."
    assert text[spans[7][0] : spans[7][1]] == "n't"


def test_event_classes_keep_violent_types_only() -> None:
    assert event_class("conflict.attack.bombing") == "attack"
    assert event_class("life.die.deathcausedbyviolentevents") == "die"
    assert event_class("life.injure.injurycausedbyviolentevents") == "injure"
    assert event_class("life.die.nonviolentdeath") is None
    assert event_class("life.injure.illnessdegradationphysical") is None
    assert event_class("contact.discussion.meet") is None


def test_parse_example_maps_roles_to_heads_and_finds_the_sentence() -> None:
    example = parse_example(RAW)
    assert example is not None
    assert example.cls == "die"
    assert example.trigger_sentence == 1
    assert example.text.startswith(
        "Officials said on Monday. Gunmen killed 12 villagers in Kaduna's"
    )
    # killer -> attacker; the unknown role is dropped.
    assert example.arguments == {
        ("attacker", "gunmen"),
        ("victim", "villagers"),
        ("place", "kaduna"),
    }


def _mention(example_text: str, start: int, end: int, **kw: object) -> Mention:
    sentence_start = example_text.index("Gunmen")
    sentence_end = example_text.index("The army")
    base = dict(
        mention_id=f"x:{start}-{end}", doc_id="x", start=start, end=end,
        trigger=example_text[start:end], sentence=example_text[sentence_start:sentence_end],
        sentence_start=sentence_start, sentence_end=sentence_end,
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", fatalities_best=12, fatalities_low=12, fatalities_high=12,
    )  # fmt: skip
    base.update(kw)
    return Mention(**base)  # type: ignore[arg-type]


def test_found_event_is_scored_on_its_arguments_only() -> None:
    example = parse_example(RAW)
    assert example is not None
    text = example.text
    start = text.index("killed")
    gunmen = text.index("Gunmen")
    kaduna = text.index("Kaduna")
    mention = _mention(
        text, start, start + 6,
        actor1="Unidentified Armed Group",
        evidence=(Evidence("actor1", gunmen, gunmen + 6, "Gunmen"),),
        places=(
            PlaceMention("Officials", 0, 9, "event"),
            PlaceMention("Kaduna", kaduna, kaduna + 6, "event"),
        ),
    )  # fmt: skip
    found = system_arguments(example, [mention])
    assert found is not None
    assert {("attacker", "gunmen"), ("place", "kaduna")} <= found  # the place nearest the trigger
    metrics = score([example], [[mention]])
    assert metrics["events"]["recall"] == 1.0
    assert metrics["arguments_attacker"]["tp"] == 1


def test_a_mention_in_another_sentence_does_not_find_the_event() -> None:
    example = parse_example(RAW)
    assert example is not None
    other = _mention(example.text, 0, 9)  # "Officials": sentence 0
    assert system_arguments(example, [other]) is None
    assert score([example], [[other]])["events"]["recall"] == 0.0
