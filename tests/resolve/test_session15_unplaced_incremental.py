"""Incremental resolution with unplaced reports (link rules revision 16, resolve/unplaced.py)
gives what a full resolution gives: through the index and through the store, whose
near-query reads the unplaced block with a country-less probe."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.models import Evidence, Mention
from eventscope.resolve import LinkRules, resolve_events
from eventscope.resolve.cluster import cluster_mentions
from eventscope.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import Corpus, generate
from test_resolve_incremental import _check_matches_full, _resolve_then_add_late

RULES = LinkRules()
_NAMES = ("Kalembwe", "Kalembwe village", "Mutongo", "Nyabiondo", "Nyabyondo", "Tumbalo")


def _unplaced(corpus: Corpus, seed: int, share: float = 0.3) -> Corpus:
    """The corpus with a share of its documents placed only by unknown village names."""
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    chosen = {d: rnd.choice(_NAMES) for d in docs if rnd.random() < share}

    def move(m: Mention) -> Mention:
        name = chosen.get(m.doc_id)
        if name is None:
            return m
        return replace(m, location=None, evidence=(Evidence("unresolved_place", 0, 1, name),))

    return replace(corpus, mentions=[move(m) for m in corpus.mentions])


def test_the_generated_corpus_has_unplaced_links() -> None:
    # Guard for the tests below: they must exercise links between unplaced reports.
    corpus = _unplaced(generate(1500, 3), 3)
    clusters = cluster_mentions(corpus.mentions, RULES)
    assert any(
        len({m.doc_id for m in c}) > 1 and all(m.location is None for m in c) for c in clusters
    )


@pytest.mark.parametrize("seed", range(4))
def test_index_updates_match_full_recomputation(seed: int) -> None:
    corpus = _unplaced(generate(1500, seed), seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    new_docs = set(random.Random(seed).sample(docs, len(docs) // 10))
    base = [m for m in corpus.mentions if m.doc_id not in new_docs]
    new = [m for m in corpus.mentions if m.doc_id in new_docs]
    _check_matches_full(base, new)


@pytest.mark.parametrize(("n", "seed", "n_late"), [(2000, 5, 40), (1500, 33, 90)])
def test_store_incremental_equals_full(tmp_path: Path, n: int, seed: int, n_late: int) -> None:
    with Store(tmp_path / "es.db") as store:
        corpus = _unplaced(generate(n, seed), seed)
        pipeline, previous = _resolve_then_add_late(store, corpus, seed, n_late)
        pipeline.resolve()
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )
        got = sorted(store.iter_events(), key=lambda e: e.event_id)
        assert got == sorted(full, key=lambda e: e.event_id)
