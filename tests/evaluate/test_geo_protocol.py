"""Mordecai 3's evaluation filter (eventscope.evaluate.geo_protocol) on hand-made documents
and a fake tagger, so the filter is checked apart from what the spaCy model tags."""

from __future__ import annotations

from dataclasses import dataclass

from eventscope.evaluate.geo_metrics import Outcome
from eventscope.evaluate.geo_protocol import (
    filter_counts,
    gold_in_candidates,
    mordecai3_docs,
    protocol_metrics,
    scored_by_mordecai3,
)
from eventscope.evaluate.geo_readers import GoldDoc, GoldToponym


@dataclass
class FakeToken:
    idx: int
    text: str
    ent_type_: str = ""

    def __len__(self) -> int:
        return len(self.text)


TEXT = "Shelling hit Aleppo near the Barclays Center in Idlib."


def _tagger(text: str) -> list[FakeToken]:
    assert text == TEXT
    labels = {"Aleppo": "GPE", "Barclays": "FAC", "Center": "FAC", "Idlib": "LOC"}
    tokens, pos = [], 0
    for word in text.rstrip(".").split():
        start = text.index(word, pos)
        tokens.append(FakeToken(start, word, labels.get(word, "")))
        pos = start + len(word)
    return tokens


def _top(name: str, gid: str) -> GoldToponym:
    start = TEXT.index(name)
    return GoldToponym(start, start + len(name), name, 36.2, 37.1, gid)


DOC = GoldDoc(
    "d1",
    TEXT,
    (
        _top("Aleppo", "170063"),  # kept: an id and a GPE token
        _top("Barclays Center", "9794879"),  # dropped: its tokens are FAC
        _top("Idlib", ""),  # dropped: no GeoNames id
        GoldToponym(0, 8, "Shelling", None, None, "1"),  # not resolvable: no gold point
    ),
)


def test_keeps_toponyms_with_an_id_and_a_place_token() -> None:
    assert scored_by_mordecai3([DOC], _tagger) == [[True, False, False]]


def test_a_partly_covered_token_does_not_count() -> None:
    # "Alep" covers only part of the GPE token "Aleppo": Mordecai 3 takes tokens lying
    # wholly inside the span, so nothing place-like is left.
    top = GoldToponym(13, 17, "Alep", 36.2, 37.1, "170063")
    doc = GoldDoc("d2", TEXT, (top,))
    assert scored_by_mordecai3([doc], _tagger) == [[False]]


def test_metrics_count_only_kept_toponyms_and_report_the_dropped() -> None:
    right = Outcome(36.2, 37.1, "170063", True, 36.2, 37.1, "geonames:170063", 0.9)
    wrong = Outcome(36.2, 37.1, "9794879", True, 40.7, -74.0, "geonames:1", 0.9)
    no_id = Outcome(35.9, 36.6, "", True, 35.9, 36.6, "geonames:2", 0.9)
    metrics = protocol_metrics([right, wrong, no_id], [True, False, False], 0.5)
    assert metrics["toponyms"] == 1
    assert metrics["acc_at_161km_best_guess"] == 1.0
    assert metrics["dropped_not_tagged_place"] == 1


def test_a_kept_toponym_with_no_answer_is_a_miss() -> None:
    # Unlike Mordecai 3, a toponym whose gold entry has no candidate is not left out.
    unanswered = Outcome(36.2, 37.1, "170063", False)
    metrics = protocol_metrics([unanswered], [True], 0.5)
    assert metrics["acc_at_161km_best_guess"] == 0.0 and metrics["toponyms"] == 1


@dataclass
class FakeCandidate:
    gid: str


class FakeGeocoder:
    def candidates(self, query: str) -> list[FakeCandidate]:
        return [FakeCandidate("geonames:170063")] if query == "Aleppo" else []


def test_gold_in_candidates_reads_the_span_and_needs_an_id() -> None:
    assert gold_in_candidates([DOC], FakeGeocoder()) == [True, False, False]


def test_conditional_figure_leaves_out_toponyms_without_their_candidate() -> None:
    right = Outcome(36.2, 37.1, "170063", True, 36.2, 37.1, "geonames:170063", 0.9)
    unanswered = Outcome(0.0, -160.0, "2363254", False)
    metrics = protocol_metrics([right, unanswered], [True, True], 0.5, [True, False])
    assert metrics["acc_at_161km_best_guess"] == 0.5  # the headline counts the miss
    assert metrics["acc_at_161km_candidate_present"] == 1.0  # Mordecai 3's figure does not
    assert metrics["missing_gold_candidate"] == 0.5


def test_mordecai3_keeps_non_literal_toponyms_with_an_id() -> None:
    # Mordecai 3's data_formatter has no literal filter: a metonymic "Aleppo" with an id
    # counts; "Idlib" without an id and "Shelling" without a gold point do not.
    metonymic = GoldToponym(13, 19, "Aleppo", 36.2, 37.1, "170063", "Metonymic", False)
    doc = GoldDoc("d3", TEXT, (metonymic, DOC.toponyms[2], DOC.toponyms[3]))
    (scored,) = mordecai3_docs([doc])
    assert [t.text for t in scored.toponyms] == ["Aleppo"]
    assert scored.toponyms[0].resolvable
    assert scored_by_mordecai3([scored], _tagger) == [[True]]


def test_filter_counts_follow_the_kept_toponyms() -> None:
    metonymic = GoldToponym(13, 19, "Aleppo", 36.2, 37.1, "170063", "Metonymic", False)
    doc = GoldDoc("d4", TEXT, (metonymic, DOC.toponyms[1], DOC.toponyms[2], DOC.toponyms[3]))
    # scorable here: the metonymic Aleppo and the Barclays Center (ids and points)
    assert filter_counts([doc], [True, False]) == {
        "dropped_without_geonames_id": 1,  # Idlib; "Shelling" has no point
        "kept_not_literal": 1,
    }
