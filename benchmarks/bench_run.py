"""Benchmark ``eventscope run`` end to end: articles per second and peak memory.

Generates a synthetic corpus (eventscope.demo.synthetic), runs the whole pipeline into a fresh
SQLite store, and prints one JSON object. It never passes or fails on timing: machines are
shared and noisy. The gazetteer is built (or reused from the cache) before timing starts, since
that is a one-off cost per machine.

    python benchmarks/bench_run.py --articles 1000
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from eventscope.config import load_config
from eventscope.demo.synthetic import write_corpus
from eventscope.pipeline import Pipeline, export_all
from eventscope.store import Store


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up(settings: object) -> float:
    """Load the spaCy model and the gazetteer once, outside the timed section."""
    from eventscope.extract import load_nlp
    from eventscope.geocode import open_gazetteer

    start = time.perf_counter()
    load_nlp(settings.extract.spacy_model)  # type: ignore[attr-defined]
    path = settings.geocode.gazetteer_path  # type: ignore[attr-defined]
    open_gazetteer(Path(path) if path else None)
    return time.perf_counter() - start


def run(articles: int, words: int, workdir: Path) -> dict[str, object]:
    corpus = write_corpus(workdir / "corpus.jsonl", articles, words=words)
    settings = load_config()
    warmup_s = _warm_up(settings)
    timings: dict[str, float] = {}
    with Store(workdir / "bench.db") as store:
        pipeline = Pipeline(store, settings)
        run_id = store.begin_run("bench")
        for phase, call in (
            ("ingest", lambda: pipeline.ingest([str(corpus)], None, None, run_id)),
            ("process", lambda: pipeline.process(run_id)),
            ("resolve", lambda: pipeline.resolve()),
            ("export", lambda: export_all(store, workdir / "out")),
        ):
            start = time.perf_counter()
            call()
            timings[phase] = round(time.perf_counter() - start, 3)
        counts = store.counts()
    total = sum(timings.values())
    return {
        "benchmark": "eventscope run",
        "articles": articles,
        "words_per_article": words,
        "seconds": timings,
        "total_seconds": round(total, 3),
        "articles_per_second": round(articles / total, 2),
        "process_articles_per_second": round(articles / timings["process"], 2),
        "warmup_seconds": round(warmup_s, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "store": counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    if args.workdir:
        result = run(args.articles, args.words, args.workdir)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(args.articles, args.words, Path(tmp))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
