"""Benchmark story grouping (``resolve.stories.group_stories``) on generated articles.

Each size runs in its own process so that its peak RSS (``ru_maxrss``) is its own. Articles
come from the demo generator (700 words, publication dates over about two years), so a 14-day
window holds about 2% of them. ``--dense`` also times the dense TF-IDF matrix that story
grouping used before the sparse windowed version (``coref_link.doc_similarity`` over all
articles), for a side-by-side figure; it runs in its own process and is skipped above 5,000
articles, where it needs gigabytes. Prints one JSON object per size. Timings never pass or fail
anything.

    python benchmarks/bench_stories.py                       # 1,000 and 10,000 articles
    python benchmarks/bench_stories.py --sizes 1000 --dense  # with the dense reference
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

from eventscope.demo.synthetic import make_article
from eventscope.models import Article


def articles(count: int, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        raw = make_article(i, rnd)
        out.append(
            Article(
                doc_id=raw["id"], input_id=raw["id"], text=raw["text"], title=raw["title"],
                source=raw["source"], published=raw["published"],
            )
        )  # fmt: skip
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(count: int, dense: bool) -> dict[str, object]:
    from eventscope.resolve.stories import _stop_words, group_stories

    docs = articles(count)
    _stop_words()  # imports spaCy's word list (and spaCy): not part of the grouping's cost
    if dense:
        return {"articles": count, "dense_reference": dense_reference(docs)}
    base = peak_mb()
    start = time.perf_counter()
    stories = group_stories([], docs)
    result: dict[str, object] = {
        "articles": count,
        "stories": len(stories),
        "largest_story": max(len(s.doc_ids) for s in stories),
        "seconds": round(time.perf_counter() - start, 2),
        "articles_per_s": round(count / (time.perf_counter() - start), 1),
        "peak_rss_mb": round(peak_mb(), 1),
        "peak_rss_above_corpus_mb": round(peak_mb() - base, 1),
    }
    return result


def dense_reference(docs: list[Article]) -> dict[str, float]:
    """The old way: one documents x vocabulary matrix and its N x N product."""
    from eventscope.evaluate.coref_link import doc_similarity
    from eventscope.evaluate.coref_reader import CorefDoc
    from eventscope.resolve.stories import _stop_words, _tokens

    base = peak_mb()
    start = time.perf_counter()
    wrapped = [CorefDoc(d.doc_id, "", "", {0: _tokens(d)}) for d in docs]
    doc_similarity(wrapped, _stop_words())
    return {
        "seconds_matrix_only": round(time.perf_counter() - start, 2),
        "peak_rss_growth_mb": round(peak_mb() - base, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--dense", action="store_true", help="also time the dense reference")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.dense)), flush=True)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)
        if args.dense and size <= 5000:
            subprocess.run([sys.executable, __file__, "--one", str(size), "--dense"], check=True)


if __name__ == "__main__":
    main()
