"""``eventscope eval linking``: the case reader, the pair metric, an end-to-end run on a
two-case subset, and the gates on the synthetic files (about 5 s each)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventscope.errors import ConfigError
from eventscope.evaluate import EvalOptions, run_eval
from eventscope.evaluate.linking import Profile, parse_case, read_cases, score_pairs

CASES = Path(__file__).parents[1] / "data" / "linking_cases.jsonl"
# Round 3 (2026-11-22): 32 further cases, gated on floors of their own ("round3" in the file).
CASES_ROUND3 = Path(__file__).parents[1] / "data" / "linking_cases_round3.jsonl"
# Round 4 (2026-11-22): 27 further cases, gated on floors of their own ("round4" in the file).
CASES_ROUND4 = Path(__file__).parents[1] / "data" / "linking_cases_round4.jsonl"
# Round 5 (2026-11-22, session 11): 30 further cases, gated on floors of their own ("round5").
CASES_ROUND5 = Path(__file__).parents[1] / "data" / "linking_cases_round5.jsonl"
# Round 6 (2026-11-22, session 11): 30 further cases, gated on floors of their own ("round6").
CASES_ROUND6 = Path(__file__).parents[1] / "data" / "linking_cases_round6.jsonl"
# Round 7 (2026-11-22, session 11): 25 cases, mostly hard negatives, with floors ("round7").
CASES_ROUND7 = Path(__file__).parents[1] / "data" / "linking_cases_round7.jsonl"
# Round 8 (2026-11-23, session 12): 30 cases, one event under two event types and the hard
# negatives a looser type rule would merge, with floors ("round8").
CASES_ROUND8 = Path(__file__).parents[1] / "data" / "linking_cases_round8.jsonl"
CASES_ROUND9 = Path(__file__).parents[1] / "data" / "linking_cases_round9.jsonl"
CASES_ROUND10 = Path(__file__).parents[1] / "data" / "linking_cases_round10.jsonl"
CASES_ROUND11 = Path(__file__).parents[1] / "data" / "linking_cases_round11.jsonl"
CASES_ROUND12 = Path(__file__).parents[1] / "data" / "linking_cases_round12.jsonl"
CASES_ROUND13 = Path(__file__).parents[1] / "data" / "linking_cases_round13.jsonl"
CASES_ROUND14 = Path(__file__).parents[1] / "data" / "linking_cases_round14.jsonl"
CASES_ROUND15 = Path(__file__).parents[1] / "data" / "linking_cases_round15.jsonl"
CASES_ROUND16 = Path(__file__).parents[1] / "data" / "linking_cases_round16.jsonl"
CASES_ROUND17 = Path(__file__).parents[1] / "data" / "linking_cases_round17.jsonl"
CASES_ROUND18 = Path(__file__).parents[1] / "data" / "linking_cases_round18.jsonl"
CASES_ROUND19 = Path(__file__).parents[1] / "data" / "linking_cases_round19.jsonl"
CASES_ROUND20 = Path(__file__).parents[1] / "data" / "linking_cases_round20.jsonl"
CASES_ROUND21 = Path(__file__).parents[1] / "data" / "linking_cases_round21.jsonl"
CASES_ROUND22 = Path(__file__).parents[1] / "data" / "linking_cases_round22.jsonl"
FLOORS: dict[str, Any] = json.loads(
    Path(__file__).with_name("linking_floors.json").read_text(encoding="utf-8")
)


def _article(aid: str, event: str, published: str = "2025-01-01") -> dict[str, str]:
    return {
        "id": aid,
        "source": "Outlet",
        "published": published,
        "title": "Title",
        "text": "Gunmen attacked a village on Monday.",
        "event": event,
    }


def _without(record: dict[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in record.items() if k != key}


def _line(*articles: dict[str, str], kind: str = "mixed") -> str:
    return json.dumps({"case": "c", "kind": kind, "note": "", "articles": list(articles)})


# --- reader ----------------------------------------------------------------------------------


def test_the_shipped_file_reads_and_covers_both_kinds() -> None:
    cases = read_cases(CASES)
    assert len(cases) >= 41
    kinds = {c.kind for c in cases}
    assert kinds == {"paraphrase", "hard-negative", "mixed"}
    assert all(2 <= len(c.articles) <= 4 for c in cases)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        (_line(_article("a", "E1")), "at least two articles"),
        (_line(_article("a", "E1"), {**_article("b", "E1"), "event": ""}), "'event'"),
        (_line(_article("a", "E1"), _without(_article("b", "E1"), "event")), "'event'"),
        (_line(_article("a", "E1"), _article("b", "E1", "11/03/2025")), "YYYY-MM-DD"),
        (_line(_article("a", "E1"), _article("a", "E2")), "ids repeat"),
        (_line(_article("a", "E1"), _article("b", "E1"), kind="other"), "kind must be"),
    ],
)
def test_bad_lines_raise_a_config_error_naming_the_line(line: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_case(line, 7)
    assert info.value.code == "ES-EVAL-050"
    assert "line 7" in str(info.value) and message in str(info.value)


def test_read_cases_reports_the_line_number(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    good = _line(_article("a", "E1"), _article("b", "E1"))
    path.write_text(good + "\n\n" + _line(_article("a", "E1")) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 3"):
        read_cases(path)


# --- pair metric (pure) ----------------------------------------------------------------------


def test_pair_metric_on_hand_made_predictions() -> None:
    case = parse_case(
        _line(
            _article("a", "E1"),
            _article("b", "E1"),
            _article("c", "E2", "2026-01-01"),
            _article("d", "E1"),
        ),
        1,
    )
    found = {
        "c": {
            "a": Profile(frozenset({"ev1"})),
            "b": Profile(frozenset({"ev2"})),  # should join a: a missed paraphrase
            "c": Profile(frozenset({"ev1", "ev3"})),  # shares ev1 with a: a false merge
            "d": Profile(frozenset()),  # extraction miss: its pairs are excluded
        }
    }
    m = score_pairs([case], found)
    # Scored pairs: a-b (fn), a-c (fp), b-c (tn); a-d, b-d, c-d excluded.
    assert m["pairs"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert m["paraphrase_recall"] == 0.0 and m["paraphrase_pairs"] == 1
    assert m["hard_negative_separation"] == 0.5 and m["hard_negative_pairs"] == 2
    assert m["paraphrase_recall_end_to_end"] == 0.0  # a-b, a-d, b-d should join; none did
    assert len(m["excluded_pairs"]) == 3
    assert all("no event extracted from article d" in p["reason"] for p in m["excluded_pairs"])
    [failing] = m["failing_cases"]
    reasons = {(p["a"], p["b"]): p["reason"] for p in failing["pairs"]}
    assert reasons[("a", "c")].startswith("merged across dates")
    assert reasons[("a", "b")].startswith("split")
    assert m["cases"]["c"] == {"kind": "mixed", "scored_pairs": 3, "correct": 1}


def test_pair_metric_all_right() -> None:
    case = parse_case(_line(_article("a", "E1"), _article("b", "E1"), _article("c", "E2")), 1)
    found = {
        "c": {
            "a": Profile(frozenset({"ev1"})),
            "b": Profile(frozenset({"ev1"})),
            "c": Profile(frozenset({"ev2"})),
        }
    }
    m = score_pairs([case], found)
    assert m["pairs"]["f1"] == 1.0
    assert m["paraphrase_recall"] == 1.0 and m["hard_negative_separation"] == 1.0
    assert m["failing_cases"] == [] and m["excluded_pairs"] == []


def test_main_event_reading_ignores_a_passing_mention_of_the_other_event() -> None:
    # b reports E2 and mentions a's E1 in passing, linked to ev1: strictly a false merge,
    # by main events a correct separation; c retells E1 with its own main event ev1.
    case = parse_case(_line(_article("a", "E1"), _article("b", "E2"), _article("c", "E1")), 1)
    found = {
        "c": {
            "a": Profile(frozenset({"ev1"}), main="ev1"),
            "b": Profile(frozenset({"ev1", "ev2"}), main="ev2"),
            "c": Profile(frozenset({"ev1", "ev3"}), main="ev1"),
        }
    }
    m = score_pairs([case], found)
    assert m["hard_negative_separation"] == 0.0  # a-b and b-c share ev1
    assert m["main_event"] == {"paraphrase_recall": 1.0, "hard_negative_separation": 1.0}


# --- end to end ------------------------------------------------------------------------------


def _check_consistent(m: dict[str, Any], articles: int) -> None:
    for key in ("paraphrase_recall", "hard_negative_separation", "paraphrase_recall_end_to_end"):
        assert 0.0 <= m[key] <= 1.0
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= m["pairs"][key] <= 1.0
    assert all(0.0 <= v <= 1.0 for v in m["main_event"].values())
    assert m["articles"] == articles
    assert m["articles_without_events"] == len(m["articles_without_events_ids"])
    pairs = m["pairs"]
    assert pairs["tp"] + pairs["fn"] == m["paraphrase_pairs"]
    scored = sum(c["scored_pairs"] for c in m["cases"].values())
    assert scored == m["paraphrase_pairs"] + m["hard_negative_pairs"]
    wrong = sum(len(c["pairs"]) for c in m["failing_cases"])
    assert wrong == pairs["fp"] + pairs["fn"]
    assert scored - sum(c["correct"] for c in m["cases"].values()) == wrong


def test_end_to_end_on_a_paraphrase_and_a_hard_negative(tmp_path: Path) -> None:
    chosen = {"kharkiv-shelling", "kharkiv-week-later"}
    lines = [
        ln
        for ln in CASES.read_text(encoding="utf-8").splitlines()
        if json.loads(ln)["case"] in chosen
    ]
    subset = tmp_path / "subset.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_eval("linking", subset, EvalOptions())
    assert result.task == "linking" and result.n == 2
    m = result.metrics
    _check_consistent(m, articles=4)
    # Each case has one pair: the paraphrase pair and the hard-negative pair, unless excluded.
    assert m["paraphrase_pairs"] + m["hard_negative_pairs"] + len(m["excluded_pairs"]) == 2
    print("subset scores:", m["paraphrase_recall"], m["hard_negative_separation"])


# --- gate ------------------------------------------------------------------------------------


def _gate(cases: Path, floors: dict[str, Any]) -> None:
    result = run_eval("linking", cases, EvalOptions())
    m = result.metrics
    _check_consistent(m, articles=sum(len(c.articles) for c in read_cases(cases)))
    for key, floor in floors["floors"].items():
        measured = m["pairs"][key] if key in m["pairs"] else m[key]
        assert measured >= floor, f"{cases.name} {key} {measured} fell below the floor {floor}"
    ceiling = floors["max_articles_without_events"]
    assert m["articles_without_events"] <= ceiling, m["articles_without_events_ids"]


def test_linking_stays_above_floors() -> None:
    _gate(CASES, FLOORS)


# Each later file: (path, floors key, fewest cases, kinds, fewest non-paraphrase cases,
# whether every case must carry a note). Files are held out from one another: no case name
# or article text of a file repeats one of an earlier file.
ROUNDS = (
    (CASES_ROUND3, "round3", 30, {"paraphrase", "hard-negative", "mixed"}, 0, False),
    (CASES_ROUND4, "round4", 25, {"paraphrase", "hard-negative", "mixed"}, 0, False),
    (CASES_ROUND5, "round5", 30, {"paraphrase", "hard-negative", "mixed"}, 0, True),
    (CASES_ROUND6, "round6", 30, {"paraphrase", "hard-negative"}, 0, True),
    (CASES_ROUND7, "round7", 25, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND8, "round8", 30, {"paraphrase", "hard-negative", "mixed"}, 19, True),
    (CASES_ROUND9, "round9", 30, {"paraphrase", "hard-negative"}, 12, True),
    (CASES_ROUND10, "round10", 30, {"paraphrase", "hard-negative"}, 12, True),
    (CASES_ROUND11, "round11", 30, {"paraphrase", "hard-negative", "mixed"}, 13, True),
    (CASES_ROUND12, "round12", 30, {"paraphrase", "hard-negative", "mixed"}, 13, True),
    (CASES_ROUND13, "round13", 30, {"paraphrase", "hard-negative", "mixed"}, 18, True),
    (CASES_ROUND14, "round14", 30, {"paraphrase", "hard-negative", "mixed"}, 17, True),
    (CASES_ROUND15, "round15", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND16, "round16", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND17, "round17", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND18, "round18", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND19, "round19", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND20, "round20", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND21, "round21", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
    (CASES_ROUND22, "round22", 30, {"paraphrase", "hard-negative", "mixed"}, 15, True),
)


@pytest.mark.parametrize("index", range(len(ROUNDS)), ids=[r[1] for r in ROUNDS])
def test_round_file_reads_and_is_separate_from_the_earlier_ones(index: int) -> None:
    path, _, fewest, kinds, separation, noted = ROUNDS[index]
    cases = read_cases(path)
    assert len(cases) >= fewest
    assert {c.kind for c in cases} == kinds
    assert sum(c.kind != "paraphrase" for c in cases) >= separation
    assert all(2 <= len(c.articles) <= 4 for c in cases)
    assert all(c.note for c in cases) or not noted  # every case says what it probes
    earlier = [c for p in [CASES, *(r[0] for r in ROUNDS[:index])] for c in read_cases(p)]
    assert not {c.name for c in cases} & {c.name for c in earlier}
    texts = {a.text for c in earlier for a in c.articles}
    assert not any(a.text in texts for c in cases for a in c.articles)


@pytest.mark.parametrize("index", range(len(ROUNDS)), ids=[r[1] for r in ROUNDS])
def test_linking_round_stays_above_floors(index: int) -> None:
    path, key, *_ = ROUNDS[index]
    _gate(path, FLOORS[key])
