"""Readers and scoring of the event evaluation tasks, on small inline samples we wrote."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.evaluate.events_common import argument_spans, head_word
from eventscope.evaluate.events_kairos import class_arguments, kairos_class, mention_classes
from eventscope.evaluate.muc4 import fill_matches, prepare_text, read_muc4, slot_counts
from eventscope.evaluate.satp import ASSAULT, BOMBING, OTHER, labels_from_mentions, read_satp
from eventscope.evaluate.satp import score as satp_score
from eventscope.evaluate.wikievents import gold_units, read_wikievents, system_units
from eventscope.models import Evidence, Mention
from factories import bomb_mention

SENTENCE = "A roadside bomb killed two soldiers in Kandahar."


def _mention(**fields: object) -> Mention:
    # mention_id keeps its old value: ids do not matter to these mappings
    return bomb_mention(SENTENCE, "bomb", mention_id="d:16-20", **fields)


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("the Russian military", "military"),
        ("members of the FMLN", "members"),
        ("Russia's", "russia"),
        ("the mayor, who was visiting", "mayor"),
        ("a bus in Kabul", "bus"),
    ],
)
def test_head_word(phrase: str, head: str) -> None:
    assert head_word(phrase) == head


def test_kairos_mapping() -> None:
    assert kairos_class("Life.Die.Unspecified") == "die"
    assert kairos_class("Contact.Contact.Broadcast") is None
    assert mention_classes(_mention(fatalities_best=2)) == {"attack", "die"}
    assert mention_classes(_mention(modality="planned")) == set()
    protest = _mention(event_type="Protests", sub_event_type="Peaceful protest",
                       sentence="Hundreds marched in the capital.")  # fmt: skip
    assert mention_classes(protest) == set()


def test_casualty_trigger_is_no_attack() -> None:
    # KAIROS: "killed" is a Life.Die trigger and "wounded" a Life.Injure one, not attacks.
    killed = _mention(trigger="killed", sub_event_type="Attack", fatalities_best=2)
    assert mention_classes(killed) == {"die"}
    wounded = _mention(trigger="wounded", sub_event_type="Armed clash", injuries=3,
                       sentence="Three soldiers were wounded.")  # fmt: skip
    assert mention_classes(wounded) == {"injure"}
    assert "attack" in mention_classes(_mention(trigger="shot dead", sub_event_type="Attack"))


def _class_args(mention: Mention) -> set[tuple[str, str, str]]:
    return {
        (c, a.role, head_word(a.text))
        for c, a in class_arguments(mention, mention_classes(mention))
    }


def test_kairos_roles_per_class() -> None:
    sentence = "A bomb killed 12 civilians in a clash with police at Kandahar market."
    police = sentence.index("police")
    mention = _mention(
        sentence=sentence, sentence_end=len(sentence), fatalities_best=12, actor2="Police Forces",
        evidence=(
            Evidence("weapons", 2, 6, "bomb"),
            Evidence("fatalities", 7, 26, "killed 12 civilians"),
            Evidence("target", 17, 26, "civilians"),  # inside the casualty phrase
            Evidence("actor2", police, police + 6, "police"),
        ),
    )  # fmt: skip
    found = _class_args(mention)
    # The dead are victims of the death, not targets of the attack.
    assert ("die", "victim", "civilians") in found
    assert ("attack", "target", "civilians") not in found
    # actor2 outside the casualty phrase is the side attacked, not a victim of the deaths.
    assert ("attack", "target", "police") in found
    assert ("die", "victim", "police") not in found
    # Life.Die has no Instrument role in KAIROS; the attack has.
    assert ("attack", "instrument", "bomb") in found
    assert ("die", "instrument", "bomb") not in found


def test_protesters_are_no_attackers() -> None:
    sentence = "Thousands of demonstrators protested after the slaying of a student."
    mention = _mention(
        trigger="protested", sentence=sentence, sentence_end=len(sentence),
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters", inter1=6,
        evidence=(Evidence("actor1", 13, 26, "demonstrators"),),
    )  # fmt: skip
    assert ("die", "attacker", "demonstrators") not in _class_args(mention)


def test_place_passes_over_the_target() -> None:
    from eventscope.models import PlaceMention

    sentence = "Gunmen attacked Camp Shorabak in Helmand Province."
    mention = _mention(
        trigger="attacked", start=7, end=15, sentence=sentence, sentence_end=len(sentence),
        sub_event_type="Attack",
        places=(PlaceMention("Camp Shorabak", 16, 29), PlaceMention("Helmand Province", 33, 49)),
        evidence=(Evidence("target", 16, 29, "Camp Shorabak"),),
    )  # fmt: skip
    places = [a.text for a in argument_spans(mention) if a.role == "place"]
    assert places == ["Helmand Province"]


def test_argument_spans_reads_counts_and_places() -> None:
    from eventscope.models import PlaceMention

    mention = _mention(
        places=(PlaceMention("Kandahar", 39, 47, "event"),),
        evidence=(Evidence("weapons", 2, 15, "roadside bomb"),),
    )
    found = {(a.role, a.text) for a in argument_spans(mention)}
    assert found == {("victim", "soldiers"), ("place", "Kandahar"), ("instrument", "roadside bomb")}


def test_wikievents_reader_and_units(tmp_path: Path) -> None:
    tokens = [[w, 0, 0] for w in ["Bomb", "kills", "two", "soldiers"]]
    doc = {
        "doc_id": "w1",
        "sentences": [[tokens, "Bomb kills two soldiers"], [[["Calm", 0, 4]], "Calm"]],
        "entity_mentions": [{"id": "e1", "start": 3, "end": 4, "text": "soldiers"}],
        "event_mentions": [
            {"event_type": "Life.Die.Unspecified",
             "trigger": {"start": 1, "end": 2, "text": "kills", "sent_idx": 0},
             "arguments": [{"entity_id": "e1", "role": "Victim", "text": "soldiers"}]},
            {"event_type": "Contact.Meet.Unspecified",
             "trigger": {"start": 0, "end": 1, "text": "Calm", "sent_idx": 1}, "arguments": []},
        ],
    }  # fmt: skip
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (gold,) = read_wikievents(path)
    assert gold.text == "Bomb kills two soldiers\nCalm\n"  # no full stop: a line break
    assert [(e.cls, gold.text[e.start : e.end]) for e in gold.events] == [("die", "kills")]
    assert gold_units(gold) == ({(0, "die")}, {(0, "die", "victim", "soldiers")})
    mention = _mention(start=0, end=4, trigger="Bomb", sentence="Bomb kills two soldiers",
                       sentence_end=23, fatalities_best=2)  # fmt: skip
    events, args = system_units(gold, [mention])
    assert events == {(0, "attack"), (0, "die")}
    assert (0, "die", "victim", "soldiers") in args


def test_muc4_reader(tmp_path: Path) -> None:
    raw = {"DEV-1": {"doc": "GUERRILLAS ATTACKED THE\nFARM.\n\nA BOMB WENT OFF.",
                     "roles": {"perp_individual_id": [["GUERRILLAS"]], "phys_tgt_id": [],
                               "perp_organization_id": [], "hum_tgt_name": [],
                               "incident_instrument_id": [["BOMB", "A BOMB"]]}}}  # fmt: skip
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    (doc,) = read_muc4(path)
    assert doc.text == "Guerrillas attacked the farm.\n\nA bomb went off."
    assert doc.roles["incident_instrument_id"] == [("BOMB", "A BOMB")]
    assert prepare_text("A\nB", mode="raw") == "A B"


def test_muc4_matching() -> None:
    assert fill_matches("the FMLN urban commandos", ("URBAN COMMANDOS",))
    assert fill_matches("members of the FMLN", ("MEMBERS OF THE FMLN",))
    assert not fill_matches("a truck", ("BUS",))
    # Two strings for one entity: one true positive, no false positive; a miss is a fn.
    assert slot_counts(["bomb", "the bomb", "a car"], [("BOMB",), ("DYNAMITE",)]) == (1, 1, 1)


def test_satp_reader_and_labels(tmp_path: Path) -> None:
    path = tmp_path / "dev.tsv"
    path.write_text("An IED went off.\t0\t1\t0\t0\nMaoists shot a man.\t1\t0\t0\t1\nbad\n",
                    encoding="utf-8")  # fmt: skip
    docs = read_satp(path)
    assert [d.labels for d in docs] == [frozenset({BOMBING}), frozenset({ASSAULT, OTHER})]
    assert labels_from_mentions([]) == {OTHER}
    # A bombing report's generic "killed" is the bombing, not an armed assault.
    killed = _mention(trigger="killed", sub_event_type="Attack",
                      event_type="Violence against civilians",
                      sentence="Two were killed in the blast.")  # fmt: skip
    assert labels_from_mentions([_mention(), killed]) == {BOMBING}
    arson = replace(killed, trigger="set ablaze", sentence="Cadres set ablaze a truck.")
    assert labels_from_mentions([arson]) == {OTHER}
    metrics = satp_score([frozenset({BOMBING})], [frozenset({BOMBING, OTHER})])
    assert metrics["micro"]["tp"] == 1 and metrics["micro"]["fp"] == 1
