"""Incremental resolution with unplaced reports (link rules revision 16, resolve/unplaced.py)
gives what a full resolution gives: through the index and through the store, whose
near-query reads the unplaced block with a country-less probe."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.config import load_config
from eventscope.models import Evidence, Mention
from eventscope.pipeline import Pipeline
from eventscope.resolve import LinkRules, resolve_events
from eventscope.resolve.cluster import cluster_mentions
from eventscope.store import Store
from factories import mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import Corpus, generate
from test_resolve_incremental import _add_docs, check_index_update, check_store_update

RULES = LinkRules()
_NAMES = ("Kalembwe", "Kalembwe village", "Mutongo", "Nyabiondo", "Nyabyondo", "Tumbalo")


def _unplaced(corpus: Corpus, seed: int, share: float = 0.3) -> Corpus:
    """The corpus with a share of its documents placed only by unknown village names, and
    as many that name one beside their place."""
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    chosen = {d: (rnd.choice(_NAMES), rnd.random() < 0.5) for d in docs if rnd.random() < share}

    def move(m: Mention) -> Mention:
        if m.doc_id not in chosen:
            return m
        name, placed = chosen[m.doc_id]
        named = replace(m, evidence=(Evidence("unresolved_place", 0, 1, name),))
        return named if placed else replace(named, location=None)

    return replace(corpus, mentions=[move(m) for m in corpus.mentions])


def test_the_generated_corpus_has_unplaced_links() -> None:
    # Guard for the tests below: they must exercise links between unplaced reports, and
    # between unplaced and placed ones.
    corpus = _unplaced(generate(1500, 3), 3)
    clusters = [
        c for c in cluster_mentions(corpus.mentions, RULES) if len({m.doc_id for m in c}) > 1
    ]
    assert any(all(m.location is None for m in c) for c in clusters)
    assert any(
        any(m.location is None for m in c) and any(m.location is not None for m in c)
        for c in clusters
    )


@pytest.mark.parametrize("seed", range(4))
def test_index_updates_match_full_recomputation(seed: int) -> None:
    check_index_update(_unplaced(generate(1500, seed), seed), seed)


@pytest.mark.parametrize(("n", "seed", "n_late"), [(2000, 5, 40), (1500, 33, 90)])
def test_store_incremental_equals_full(tmp_path: Path, n: int, seed: int, n_late: int) -> None:
    check_store_update(tmp_path / "es.db", _unplaced(generate(n, seed), seed), seed, n_late)


def _killing(doc: str, name: str, placed: bool) -> Mention:
    base = mention(
        doc, event_type="Violence against civilians", sub_event_type="Attack", actor1="",
        inter1=0, actor2="Civilians (Syria)", inter2=7, date_start="2025-03-11",
        date_end="2025-03-11", evidence=(Evidence("unresolved_place", 0, 1, name),),
    )  # fmt: skip
    return base if placed else replace(base, location=None)


@pytest.mark.parametrize("late", ["placed", "unplaced"])
def test_a_late_report_joins_by_name_through_the_store(tmp_path: Path, late: str) -> None:
    # One unplaced and one placed report of the village; the late one must find the other
    # (a placed report probes the unplaced block; an unplaced one, every named report).
    reports = {
        "placed": _killing("d1", "Kalembwe", True),
        "unplaced": _killing("d2", "Kalembwe", False),
    }
    first, second = (reports["unplaced"], reports["placed"]) if late == "placed" else (
        reports["placed"], reports["unplaced"])  # fmt: skip
    with Store(tmp_path / "es.db") as store:
        _add_docs(store, [first])
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        pipeline.resolve()
        _add_docs(store, [second])
        pipeline.resolve()
        events = list(store.iter_events())
        assert len(events) == 1 and len(events[0].mention_ids) == 2, events
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()},
            store.event_assignments(),
        )  # fmt: skip
        assert sorted(events, key=lambda e: e.event_id) == sorted(full, key=lambda e: e.event_id)
