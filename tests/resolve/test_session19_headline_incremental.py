"""Incremental resolution with reports placed only by their headline (session 19,
geocode/headline.py, resolve/unplaced.with_headline) gives what a full resolution gives:
through the index and through the store, whose index columns hold a headline's place where
a mention has none and whose by-name query reads headline names."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.config import load_config
from eventscope.models import Evidence, Mention
from eventscope.pipeline import Pipeline
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.store import Store
from factories import DEIR, mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import Corpus, generate
from test_resolve_incremental import _add_docs, check_index_update, check_store_update

RULES = LinkRules()
_NAMES = ("Gorgadji", "Kalembwe", "Mutongo", "Nyabiondo")


def _headlined(corpus: Corpus, seed: int, share: float = 0.45) -> Corpus:
    """The corpus with a share of its documents placed only by their headline, by a place
    the gazetteer knows (their own location, moved to the headline) or by a name it lacks;
    and as many that name such a place in their text (a headline's name links only to a
    text's)."""
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    kinds = ("place", "headline name", "text name")
    chosen = {d: (rnd.choice(kinds), rnd.choice(_NAMES)) for d in docs if rnd.random() < share}

    def move(m: Mention) -> Mention:
        if m.doc_id not in chosen:
            return m
        kind, name = chosen[m.doc_id]
        if kind == "headline name":
            return replace(m, location=None, headline_names=(name,))
        if kind == "text name":
            return replace(m, evidence=(Evidence("unresolved_place", 0, 1, name),))
        return replace(m, location=None, headline_place=m.location)

    return replace(corpus, mentions=[move(m) for m in corpus.mentions])


def test_the_generated_corpus_links_headline_placed_reports() -> None:
    # Guard for the tests below: reports placed only by a headline must link to others.
    corpus = _headlined(generate(1500, 3), 3)
    clusters = [
        c for c in cluster_mentions(corpus.mentions, RULES) if len({m.doc_id for m in c}) > 1
    ]
    assert any(any(m.headline_place for m in c) for c in clusters)
    assert any(any(m.headline_names for m in c) for c in clusters)


@pytest.mark.parametrize("seed", range(3))
def test_index_updates_match_full_recomputation(seed: int) -> None:
    check_index_update(_headlined(generate(1500, seed), seed), seed)


@pytest.mark.parametrize(("n", "seed", "n_late"), [(2000, 5, 40), (1500, 33, 90)])
def test_store_incremental_equals_full(tmp_path: Path, n: int, seed: int, n_late: int) -> None:
    check_store_update(tmp_path / "es.db", _headlined(generate(n, seed), seed), seed, n_late)


def _strike(doc: str, placed: bool) -> Mention:
    base = mention(doc, date_start="2025-03-11", date_end="2025-03-11")
    return base if placed else replace(base, location=None, headline_place=DEIR)


@pytest.mark.parametrize("late", ["placed", "headline"])
def test_a_late_report_joins_by_headline_through_the_store(tmp_path: Path, late: str) -> None:
    # A report placed in its text and one placed only by its headline, in either order:
    # the late one must find the other through the store's index columns.
    reports = {"placed": _strike("d1", True), "headline": _strike("d2", False)}
    second = reports[late]
    first = reports["headline" if late == "placed" else "placed"]
    with Store(tmp_path / "es.db") as store:
        _add_docs(store, [first])
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        pipeline.resolve()
        _add_docs(store, [second])
        pipeline.resolve()
        events = list(store.iter_events())
        assert len(events) == 1 and len(events[0].mention_ids) == 2, events
        # the event's place is the one its text gives, never the headline's alone
        assert events[0].location is not None and events[0].location.name == DEIR.name


def test_a_late_unplaced_report_finds_a_country_level_one_by_its_headline_name(
    tmp_path: Path,
) -> None:
    # "Burkina Faso: attack on Gorgadji" placed at country level in its text, and a late
    # report naming only the village: the store's by-name query must read headline names.
    syria = replace(DEIR, name="Syria", feature="country", admin1="", geo_precision=3)
    country_level = replace(_strike("d1", True), location=syria, headline_names=("Gorgadji",))
    village = replace(
        _strike("d2", False), headline_place=None,
        evidence=(Evidence("unresolved_place", 0, 8, "Gorgadji"),),
    )  # fmt: skip
    with Store(tmp_path / "es.db") as store:
        _add_docs(store, [country_level])
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        pipeline.resolve()
        _add_docs(store, [village])
        pipeline.resolve()
        events = list(store.iter_events())
        assert len(events) == 1 and len(events[0].mention_ids) == 2, events


def test_two_headlines_alone_never_link_by_a_name() -> None:
    # "Officials: 12 killed" and "Officials: seven traders killed" (review of session 19):
    # a name only headlines give is no place two reports share.
    a = replace(_strike("d1", False), headline_place=None, headline_names=("Officials",))
    b = replace(_strike("d2", False), headline_place=None, headline_names=("Officials",))
    assert len(cluster_mentions([a, b], RULES)) == 2
    told = replace(
        b, headline_names=(), evidence=(Evidence("unresolved_place", 0, 9, "Officials"),)
    )
    assert len(cluster_mentions([a, told], RULES)) == 1  # a text that names it does
