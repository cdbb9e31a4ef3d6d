"""Linking round 8 (session 12): incremental resolution gives the same events as a full run
when reports link across event types (one block per type family; the store's near-query
probes the other political-violence types of a lead's day and town, resolve/replay.py)."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.config import load_config
from eventscope.models import Mention, RawDocument
from eventscope.pipeline import Pipeline
from eventscope.resolve import LinkRules, resolve_events
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.incremental import ResolvedIndex
from eventscope.store import ProcessedDocument, Store
from factories import article

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import generate

RULES = LinkRules()
_RETYPE = {  # how another outlet codes the same report
    "Battles": ("Violence against civilians", "Attack"),
    "Explosions/Remote violence": ("Violence against civilians", "Attack"),
    "Violence against civilians": ("Battles", "Armed clash"),
}


def _retyped(n: int, seed: int) -> list[Mention]:
    """A generated corpus in which about half the documents code their first event with
    another political-violence type, as outlets do."""
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in generate(n, seed).mentions})
    flip = {d for d in docs if rnd.random() < 0.5}
    out = []
    for m in generate(n, seed).mentions:
        if m.doc_id in flip and m.start < 1000 and m.event_type in _RETYPE:
            event_type, sub = _RETYPE[m.event_type]
            m = replace(m, event_type=event_type, sub_event_type=sub)
        out.append(m)
    return out


def _partition(clusters: Sequence[Sequence[Mention]]) -> list[tuple[str, ...]]:
    return sorted(tuple(m.mention_id for m in c) for c in clusters)


@pytest.mark.parametrize("seed", [3, 8])
def test_index_update_with_cross_type_links_matches_a_full_run(seed: int) -> None:
    ms = _retyped(2500, seed)
    full = cluster_mentions(ms, RULES)
    # The corpus must exercise the rule: some events hold reports of two types.
    assert sum(len({m.event_type for m in c}) > 1 for c in full) >= 10
    docs = sorted({m.doc_id for m in ms})
    late = set(random.Random(seed).sample(docs, len(docs) // 8))
    index = ResolvedIndex.build([m for m in ms if m.doc_id not in late], RULES)
    index.update([m for m in ms if m.doc_id in late])
    assert _partition(list(index.partition().values())) == _partition(full)


def _add_docs(store: Store, mentions: Sequence[Mention]) -> None:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    raws = [RawDocument(d, f"{d}.txt", d.encode(), "text", source=f"Outlet {d}") for d in by_doc]
    store.add_documents(raws, run_id=0)
    processed = [
        ProcessedDocument(d, {}, article(d, source=f"Outlet {d}"), ms) for d, ms in by_doc.items()
    ]
    store.save_processed(processed, run_id=0)


@pytest.mark.parametrize(("seed", "n_late"), [(5, 40), (11, 25)])
def test_store_incremental_with_cross_type_links_matches_a_full_run(
    tmp_path: Path, seed: int, n_late: int
) -> None:
    """The store path: a late report that links only across types must be found by the
    near-query (it probes the other types of the family), or the events differ."""
    ms = _retyped(2000, seed)
    docs = sorted({m.doc_id for m in ms})
    late = set(random.Random(seed).sample(docs, n_late))
    with Store(tmp_path / "es.db") as store:
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        _add_docs(store, [m for m in ms if m.doc_id not in late])
        pipeline.resolve()
        previous = store.event_assignments()
        _add_docs(store, [m for m in ms if m.doc_id in late])
        pipeline.resolve()
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )
        got = sorted(store.iter_events(), key=lambda e: e.event_id)
        assert got == sorted(full, key=lambda e: e.event_id)
