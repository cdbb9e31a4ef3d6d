"""Benchmark the extract stage: gated parsing vs the full spaCy pipeline on every sentence.

Builds a mixed corpus of ~700-word articles (synthetic articles from
``eventscope.demo.synthetic`` plus the demo corpus texts, padded with their own paragraphs to
length), then times, in one process and on the same articles:

* ``gated``: ``extract_mentions`` as shipped (only trigger-bearing sentences are parsed);
* ``full``: ``extract_mentions(prefilter=False)`` (every sentence is parsed).

The two runs alternate (gated, full, gated, full, ...) so that both see the same machine load;
the best round of each is reported. Prints one JSON object; never passes or fails on timing.

    python benchmarks/bench_extract.py --articles 200 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eventscope.demo.synthetic import write_corpus
from eventscope.extract import extract_mentions, load_nlp
from eventscope.models import Article

DEMO_CORPUS = Path(__file__).resolve().parents[1] / "src" / "eventscope" / "demo" / "corpus"


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def demo_articles(words: int) -> list[Article]:
    """The demo corpus's plain-text articles, each repeated paragraph-wise to ~``words``."""
    articles = []
    for path in sorted(DEMO_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        paragraphs = [p for p in text.split("\n\n") if p.split()]
        if sum(len(p.split()) for p in paragraphs) < 20:
            continue  # nothing to pad with
        body, i = [], 0
        while sum(len(p.split()) for p in body) < words:
            body.append(paragraphs[i % len(paragraphs)])
            i += 1
        articles.append(Article(doc_id=path.stem, input_id=path.name, text="\n\n".join(body)))
    return articles


def corpus(count: int, words: int) -> list[Article]:
    """``count`` articles: the demo texts, then synthetic ones."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus(Path(tmp) / "corpus.jsonl", count, words=words)
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    synthetic = [
        Article(doc_id=r["id"], input_id=r["id"], text=r["text"], published=r["published"])
        for r in rows
    ]
    return (demo_articles(words) + synthetic)[:count]


def _time(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def run(count: int, words: int, rounds: int) -> dict[str, object]:
    articles = corpus(count, words)
    nlp = load_nlp("auto")
    extract_mentions(articles[:4], nlp)  # warm-up: matchers and lexicon built outside timing
    best: dict[str, float] = {}
    mentions: dict[str, int] = {}
    results: dict[str, object] = {}
    for _ in range(rounds):
        for mode, prefilter in (("gated", True), ("full", False)):
            seconds, result = _time(
                lambda p=prefilter: extract_mentions(articles, nlp, prefilter=p)
            )
            best[mode] = min(best.get(mode, seconds), seconds)
            mentions[mode] = sum(len(r) for r in result)  # type: ignore[union-attr]
            results[mode] = result
    n_words = sum(len(a.text.split()) for a in articles)
    return {
        "articles": len(articles),
        "mean_words": round(n_words / len(articles)),
        "rounds": rounds,
        "gated_articles_per_s": round(len(articles) / best["gated"], 2),
        "full_articles_per_s": round(len(articles) / best["full"], 2),
        "speedup": round(best["full"] / best["gated"], 2),
        "mentions": mentions,
        # Every field of every mention, not only the counts: the gate may only skip work.
        "identical": results["gated"] == results["full"],
        "peak_rss_mb": _peak_rss_mb(),
        "note": "one process, modes alternated; shared machine, so absolute figures are noisy",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(run(args.articles, args.words, args.rounds), indent=2))


if __name__ == "__main__":
    main()
