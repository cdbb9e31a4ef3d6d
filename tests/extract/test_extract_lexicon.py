"""The bundled data files, user extensions, and weapon matching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.errors import ConfigError
from eventscope.extract import generic_actor_names
from eventscope.extract.lexicon import default_lexicon, load_lexicon, split_term
from eventscope.extract.weapons import WeaponFinder

# The ACLED taxonomy (2023 codebook), exact strings.
ACLED = {
    "Battles": {
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    },
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Arrests", "Looting/property destruction", "Headquarters or base established", "Agreement",
        "Change to group/activity", "Disrupted weapons use", "Non-violent transfer of territory",
        "Other",
    },
}  # fmt: skip
DISORDERS = {
    "Political violence",
    "Demonstrations",
    "Strategic developments",
    "Political violence; Demonstrations",
}


def test_taxonomy_is_exactly_acled() -> None:
    lexicon = default_lexicon()
    by_event: dict[str, set[str]] = {}
    for sub, (disorder, event) in lexicon.taxonomy.items():
        by_event.setdefault(event, set()).add(sub)
        assert disorder in DISORDERS
    assert by_event == ACLED


@pytest.mark.parametrize(
    ("sub_event", "disorder"),
    [
        ("Peaceful protest", "Demonstrations"),
        ("Excessive force against protesters", "Political violence; Demonstrations"),
        ("Violent demonstration", "Demonstrations"),
        ("Mob violence", "Political violence"),
        ("Air/drone strike", "Political violence"),
        ("Arrests", "Strategic developments"),
    ],
)
def test_disorder_types_follow_the_codebook(sub_event: str, disorder: str) -> None:
    assert default_lexicon().taxonomy[sub_event][0] == disorder


def test_every_sub_event_type_has_a_trigger_rule() -> None:
    lexicon = default_lexicon()
    reachable = {r.sub_event_type for r in lexicon.rules}
    reachable |= {ref.sub_event_type for r in lexicon.rules for ref in r.refine}
    assert set(lexicon.taxonomy) <= reachable


def test_actor_codes_are_acled_inter_codes() -> None:
    lexicon = default_lexicon()
    assert {a.inter for a in lexicon.actors} <= set(range(1, 9))
    assert lexicon.actor("Military Forces of Russia (2000-)") is not None
    assert lexicon.actor("Military Forces of Russia (2000-)").country == "Russia"  # type: ignore[union-attr]
    assert lexicon.actor("Civilians").victim_only  # type: ignore[union-attr]
    assert lexicon.actor("nobody") is None


def test_split_term_separates_hyphens_like_spacy() -> None:
    assert split_term("Counter-offensive") == ("counter", "-", "offensive")
    assert split_term("air  strike") == ("air", "strike")


def test_extra_file_extends_the_bundled_data(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({
        "rules": [{"id": "mine", "terms": ["minefield blast"],
                   "sub_event_type": "Remote explosive/landmine/IED", "priority": 99}],
        "word_sets": {"air": ["zeppelin"]},
        "actors": [{"name": "Example Brigade", "inter": 3, "aliases": ["Example Brigade"]}],
        "terms": ["trebuchet"],
    }), encoding="utf-8")  # fmt: skip
    bundled = default_lexicon()
    lexicon = load_lexicon([extra])
    assert len(lexicon.rules) == len(bundled.rules) + 1
    assert lexicon.actor("Example Brigade") is not None
    assert len(lexicon.actors) == len(bundled.actors) + 1
    strike_rule = next(r for r in lexicon.rules if r.rule_id == "strike-contextual")
    air = next(ref for ref in strike_rule.refine if ref.sub_event_type == "Air/drone strike")
    assert "zeppelin" in air.if_any and "warplane" in air.if_any
    assert str(extra) in lexicon.sources


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("{not json", "ES-EXTRACT-004"),
        ("[1, 2]", "ES-EXTRACT-004"),
        (
            '{"rules": [{"id": "x", "terms": ["a"], "sub_event_type": "Air strike"}]}',
            "ES-EXTRACT-002",
        ),
        (
            '{"rules": [{"id": "x", "terms": ["a"], "sub_event_type": "Grenade",'
            ' "require_any": ["@nope"]}]}',
            "ES-EXTRACT-003",
        ),
        ('{"patterns": ["(unclosed"]}', "ES-EXTRACT-002"),
    ],
)
def test_bad_extra_files_raise_coded_errors(tmp_path: Path, content: str, code: str) -> None:
    extra = tmp_path / "bad.json"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon([extra])
    assert info.value.code == code
    assert info.value.hint


def test_missing_extra_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_lexicon([tmp_path / "absent.json"])


@pytest.mark.parametrize(
    ("sentence", "weapons"),
    [
        ("Tu-22M3 bombers dropped 250 kg bombs.", ["Tu-22M3", "bomber", "250 kg bomb"]),
        ("Helicopters dropped barrel bombs.", ["helicopter", "barrel bomb"]),
        ("Grad rockets and drones hit the city.", ["Grad rocket", "drone"]),
        ("Su-35S jets escorted MQ-9 Reaper drones.", ["Su-35S", "MQ-9", "Reaper", "drone"]),
        ("Heavy artillery and mortars pounded the town.", ["artillery", "mortar"]),
        (
            "Kh-101 cruise missiles and Shahed-136 drones",
            ["Kh-101", "cruise missile", "Shahed-136", "drone"],
        ),
        ("A suicide bomber struck a market.", []),
        ("The think tank published a report.", []),
    ],
)
def test_weapons(sentence: str, weapons: list[str]) -> None:
    hits = WeaponFinder(default_lexicon()).find(sentence, offset=3)
    assert [h.name for h in hits] == weapons
    for hit in hits:
        assert sentence[hit.start - 3 : hit.end - 3] == hit.text


def test_unknown_keys_in_extra_files_are_rejected(tmp_path: Path) -> None:
    extra = tmp_path / "typo.json"
    extra.write_text('{"rulez": []}', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown keys"):
        load_lexicon([extra])


def test_extra_weapon_terms_use_the_bundled_key_names(tmp_path: Path) -> None:
    extra = tmp_path / "weapons.json"
    extra.write_text('{"terms": ["trebuchet"]}', encoding="utf-8")
    finder = WeaponFinder(load_lexicon([extra]))
    assert [h.name for h in finder.find("Rebels fired a trebuchet and mortars.")] == [
        "trebuchet",
        "mortar",
    ]


def test_terms_can_carry_their_own_part_of_speech(tmp_path: Path) -> None:
    extra = tmp_path / "pos.json"
    extra.write_text(
        '{"rules": [{"id": "p", "terms": ["storm/VERB", "sit-in/NOUN|VERB", "raid"],'
        ' "sub_event_type": "Attack"}]}',
        encoding="utf-8",
    )
    rule = next(r for r in load_lexicon([extra]).rules if r.rule_id == "p")
    assert rule.terms == (("storm",), ("sit", "-", "in"), ("raid",))
    assert rule.term_pos == (frozenset({"VERB"}), frozenset({"NOUN", "VERB"}), frozenset())


def test_generic_actor_names() -> None:
    names = generic_actor_names()
    assert {"", "Civilians", "Unidentified Armed Group", "Military Forces", "Protesters"} <= names
    assert "Military Forces of Russia (2000-)" not in names
