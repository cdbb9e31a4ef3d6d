"""Benchmark resolution through the SQLite store: a full resolve, then adding documents.

Writes N generated mentions (``bench_resolve.generate``) into a fresh store as processed
documents, runs ``Pipeline.resolve`` (a full resolution), adds documents worth about 1,000
more mentions and runs ``Pipeline.resolve`` again, which takes the incremental path. Checks
that the incremental result equals a full resolution of the final store. Prints one JSON
object; never passes or fails on timing.

    python benchmarks/bench_resolve_store.py --mentions 200000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_resolve import _held_out, _peak_rss_mb, generate

from eventscope.config import load_config
from eventscope.models import Article, Mention, RawDocument
from eventscope.pipeline import Pipeline
from eventscope.resolve import resolve_events
from eventscope.store import ProcessedDocument, Store


def _write(store: Store, mentions: Sequence[Mention]) -> None:
    """Store mentions as processed documents, 2,000 documents a transaction."""
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    docs = sorted(by_doc)
    for k in range(0, len(docs), 2000):
        chunk = docs[k : k + 2000]
        source = {d: f"Outlet {int(d[3:]) % 50}" for d in chunk}
        store.add_documents(
            [RawDocument(d, f"{d}.txt", d.encode(), "text", source=source[d]) for d in chunk], 0
        )
        store.save_processed(
            [
                ProcessedDocument(
                    d, {}, Article(d, f"{d}.txt", "text", source=source[d]), by_doc[d]
                )
                for d in chunk
            ],
            0,
        )


def run(n_mentions: int, seed: int, n_new: int, workdir: Path) -> dict[str, object]:
    corpus = generate(n_mentions, seed)
    late = _held_out(corpus, n_new, seed)
    out: dict[str, object] = {"benchmark": "resolve through the store", "mentions": n_mentions}
    with Store(workdir / "bench.db") as store:
        pipeline = Pipeline(store, load_config(environ={}), stages=[])
        t0 = time.perf_counter()
        _write(store, [m for m in corpus.mentions if m.doc_id not in late])
        out["write_seconds"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        pipeline.resolve()
        out["full_resolve_seconds"] = round(time.perf_counter() - t0, 1)
        previous = store.event_assignments()
        _write(store, [m for m in corpus.mentions if m.doc_id in late])
        t0 = time.perf_counter()
        summary = pipeline.resolve()
        out["incremental_resolve_seconds"] = round(time.perf_counter() - t0, 2)
        out["new_mentions"] = sum(m.doc_id in late for m in corpus.mentions)
        out["events"] = summary.events
        out["peak_rss_mb"] = _peak_rss_mb()
        full = resolve_events(
            store.iter_mentions(), {a.doc_id: a for a in store.iter_articles()}, previous
        )
        got = sorted(store.iter_events(), key=lambda e: e.event_id)
        out["same_events_as_full"] = got == sorted(full, key=lambda e: e.event_id)
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--new", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(args.mentions, args.seed, args.new, Path(tmp)), indent=2))


if __name__ == "__main__":
    main()
