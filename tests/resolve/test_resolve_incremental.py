"""Incremental resolution gives exactly what a full recomputation gives, ids included."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.config import load_config
from eventscope.models import Mention, RawDocument
from eventscope.pipeline import Pipeline
from eventscope.resolve import LinkRules, resolve_events
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.incremental import ResolvedIndex
from eventscope.store import ProcessedDocument, Store
from factories import DEIR, RAQQA, article, mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import Corpus, generate

RULES = LinkRules()


def _assignment(index: ResolvedIndex) -> dict[str, str]:
    return {m.mention_id: eid for eid, ms in index.partition().items() for m in ms}


def _canonical(index: ResolvedIndex) -> set[tuple[str, tuple[str, ...]]]:
    return {(eid, tuple(m.mention_id for m in ms)) for eid, ms in index.partition().items()}


def _check_matches_full(base: Sequence[Mention], new: Sequence[Mention]) -> ResolvedIndex:
    """Update an index over ``base`` with ``new`` and compare with resolving everything."""
    index = ResolvedIndex.build(base, RULES)
    previous = _assignment(index)
    index.update(new)
    replaced = {m.doc_id for m in new}
    final = [m for m in base if m.doc_id not in replaced] + list(new)
    full = ResolvedIndex.build(final, RULES, previous)
    assert _canonical(index) == _canonical(full)
    clusters = sorted(tuple(m.mention_id for m in c) for c in cluster_mentions(final, RULES))
    assert sorted(tuple(m.mention_id for m in ms) for ms in index.partition().values()) == clusters
    return index


@pytest.mark.parametrize("seed", range(8))
def test_adding_documents_matches_full_recomputation(seed: int) -> None:
    corpus = generate(1500, seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    new_docs = set(random.Random(seed).sample(docs, len(docs) // 10))
    base = [m for m in corpus.mentions if m.doc_id not in new_docs]
    new = [m for m in corpus.mentions if m.doc_id in new_docs]
    _check_matches_full(base, new)


@pytest.mark.parametrize("seed", range(4))
def test_replacing_documents_matches_full_recomputation(seed: int) -> None:
    """A re-processed article brings other mentions (moved a day, or gone): what its old
    reports held together may fall apart, and the result must still equal a full run."""
    corpus = generate(1500, 100 + seed)
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    changed = set(rnd.sample(docs, 40))
    new = [_shift(m, rnd) for m in corpus.mentions if m.doc_id in changed]
    new = [m for m in new if rnd.random() < 0.8]  # some mentions vanish
    _check_matches_full(corpus.mentions, new)


def _shift(m: Mention, rnd: random.Random) -> Mention:
    if not m.date_start or rnd.random() < 0.5:
        return m
    day = f"{m.date_start[:8]}{int(m.date_start[8:10]) % 27 + 1:02d}"
    return replace(m, date_start=day, date_end=day, time_precision=1)


_days = st.integers(min_value=0, max_value=12)


SYRIA = replace(DEIR, name="Syria", feature="country", geo_precision=3, gazetteer_id="c:SY")


@pytest.mark.parametrize("seed", range(6))
def test_dense_block_with_hubs_matches_full_recomputation(seed: int) -> None:
    """One busy block: chains of day-to-day reports, week and month windows, country-level
    reports that may match anything, rival perpetrators. Most of it is one link component,
    so this exercises the replay rather than the component walk."""
    rnd = random.Random(seed)
    actors = ["Military Forces of Russia (2000-)", "Islamic State (Syria)", "Military Forces"]
    places = [DEIR, RAQQA, replace(DEIR, latitude=35.5), SYRIA]
    ms = []
    for d in range(160):
        day = rnd.randint(1, 25)
        wide = rnd.random() < 0.25
        ms.append(mention(
            f"d{d:03d}", date_start=f"2025-03-{day:02d}",
            date_end=f"2025-03-{min(28, day + 6) if wide else day:02d}",
            time_precision=2 if wide else 1, location=rnd.choice(places),
            actor1=rnd.choice(actors), sub_event_type=rnd.choice(["Air/drone strike", "Grenade"]),
            sentence=" ".join(rnd.sample(["struck", "town", "killed", "near", "bombers"], 3)),
        ))  # fmt: skip
    new_docs = {m.doc_id for m in rnd.sample(ms, 25)}
    _check_matches_full(
        [m for m in ms if m.doc_id not in new_docs], [m for m in ms if m.doc_id in new_docs]
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_days, st.sampled_from([DEIR, RAQQA, SYRIA]), st.integers(0, 5), st.booleans()),
        min_size=1,
        max_size=14,
    ),
    st.integers(0, 13),
)
def test_incremental_equals_full_on_small_sets(specs: list, cut: int) -> None:
    ms = []
    for i, (day, place, doc, precise) in enumerate(specs):
        start = f"2025-03-{day + 1:02d}"
        end = start if precise else f"2025-03-{day + 7:02d}"
        ms.append(
            mention(
                f"d{doc}",
                start=i * 100,
                date_start=start,
                date_end=end,
                time_precision=1 if precise else 2,
                location=place,
            )
        )
    new_docs = {f"d{d}" for d in range(cut % 6)}
    base = [m for m in ms if m.doc_id not in new_docs]
    new = [m for m in ms if m.doc_id in new_docs]
    _check_matches_full(base, new)


def test_untouched_events_keep_their_ids_and_new_reports_join_old_events() -> None:
    base = [mention("d1"), mention("d2"), mention("d3", date_start="2025-06-01",
                                                    date_end="2025-06-01")]  # fmt: skip
    index = ResolvedIndex.build(base, RULES)
    before = {eid: {m.doc_id for m in ms} for eid, ms in index.partition().items()}
    change = index.update([mention("d4")])
    after = {eid: {m.doc_id for m in ms} for eid, ms in index.partition().items()}
    (strike,) = [eid for eid, docs in before.items() if "d1" in docs]
    (june,) = [eid for eid, docs in before.items() if "d3" in docs]
    assert after[strike] == {"d1", "d2", "d4"}
    assert after[june] == {"d3"} and june not in change.removed
    assert change.removed == {strike} and set(change.added) == {strike}


def test_resolve_events_ids_agree_with_the_index() -> None:
    ms = [mention("d1"), mention("d2"), mention("d3", location=RAQQA)]
    articles = {d: article(d) for d in ("d1", "d2", "d3")}
    index = ResolvedIndex.build(ms, RULES)
    events = resolve_events(ms, articles)
    assert {(e.event_id, e.mention_ids) for e in events} == _canonical(index)


# -- through the store and the pipeline ----------------------------------------------------------


def _add_docs(store: Store, mentions: Sequence[Mention]) -> None:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    raws = [
        RawDocument(d, f"{d}.txt", d.encode(), "text", source=f"Outlet {d[-1]}") for d in by_doc
    ]
    store.add_documents(raws, run_id=0)
    store.save_processed(
        [
            ProcessedDocument(d, {}, article(d, source=f"Outlet {d[-1]}"), ms)
            for d, ms in by_doc.items()
        ],
        run_id=0,
    )


def _resolve_then_add_late(
    store: Store, corpus: Corpus, seed: int, n_late: int
) -> tuple[Pipeline, dict[str, str]]:
    """Resolve all but ``n_late`` random documents, then add those (unresolved); returns the
    pipeline and the event ids of the first resolution."""
    docs = sorted({m.doc_id for m in corpus.mentions})
    late = set(random.Random(seed).sample(docs, n_late))
    pipeline = Pipeline(store, load_config(environ={}), stages=[])
    _add_docs(store, [m for m in corpus.mentions if m.doc_id not in late])
    pipeline.resolve()
    previous = store.event_assignments()
    _add_docs(store, [m for m in corpus.mentions if m.doc_id in late])
    return pipeline, previous


def check_index_update(corpus: Corpus, seed: int) -> None:
    """A tenth of the corpus's documents, chosen by ``seed``, added to an index of the rest
    gives what a full recomputation gives."""
    docs = sorted({m.doc_id for m in corpus.mentions})
    new_docs = set(random.Random(seed).sample(docs, len(docs) // 10))
    base = [m for m in corpus.mentions if m.doc_id not in new_docs]
    new = [m for m in corpus.mentions if m.doc_id in new_docs]
    _check_matches_full(base, new)


def check_store_update(db: Path, corpus: Corpus, seed: int, n_late: int) -> None:
    """``n_late`` documents resolved through the store after the rest give the events a
    full resolution gives."""
    with Store(db) as store:
        pipeline, previous = _resolve_then_add_late(store, corpus, seed, n_late)
        pipeline.resolve()
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )
        got = sorted(store.iter_events(), key=lambda e: e.event_id)
        assert got == sorted(full, key=lambda e: e.event_id)


def test_pipeline_resolves_new_documents_incrementally_like_a_full_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventscope.resolve as resolve_pkg

    with Store(tmp_path / "es.db") as store:
        pipeline, previous = _resolve_then_add_late(store, generate(3000, 21), 1, 60)
        full = resolve_pkg.resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )

        def no_full_run(*args: object, **kw: object) -> list:
            raise AssertionError("expected the incremental path")

        monkeypatch.setattr(resolve_pkg, "resolve_events", no_full_run)
        summary = pipeline.resolve()
        assert sorted(store.iter_events(), key=lambda e: e.event_id) == sorted(
            full, key=lambda e: e.event_id
        )
        assert summary.events == len(full)


def test_reprocessed_document_makes_the_next_resolve_a_full_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventscope.resolve.replay as replay_module

    corpus = generate(400, 4)
    with Store(tmp_path / "es.db") as store:
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        _add_docs(store, corpus.mentions)
        pipeline.resolve()
        first = corpus.mentions[0].doc_id
        _add_docs(store, [m for m in corpus.mentions if m.doc_id == first][:1])

        def refuse(*args: object, **kw: object) -> None:
            raise AssertionError("a re-processed document must not be resolved incrementally")

        monkeypatch.setattr(replay_module, "resolve_added", refuse)
        before = store.counts()["events"]
        pipeline.resolve()
        assert abs(store.counts()["events"] - before) <= 2


@pytest.mark.parametrize(("n", "seed", "n_late"), [(2000, 5, 40), (4000, 9, 25), (1500, 33, 90)])
def test_store_incremental_equals_full_on_generated_corpora(
    tmp_path: Path, n: int, seed: int, n_late: int
) -> None:
    """The store path (near-query, event loading, replay) against a full resolution."""
    with Store(tmp_path / "es.db") as store:
        pipeline, previous = _resolve_then_add_late(store, generate(n, seed), seed, n_late)
        pipeline.resolve()
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )
        got = sorted(store.iter_events(), key=lambda e: e.event_id)
        assert got == sorted(full, key=lambda e: e.event_id)
