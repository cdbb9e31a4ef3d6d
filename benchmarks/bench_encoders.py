"""Benchmark the two offline encoders: MiniLM (int8 ONNX, the live resolver's) and MPNet
(float32 numpy, the ECB+ linker's pair features).

Sentences are the demo corpus's, split at full stops; each encoder embeds them whole
(``sentences``), then gives one word span in each its vector in context together with the
sentence's (``in_context``, what the ECB+ linker uses).
Reports sentences per second after a warm-up batch, the load time with that batch (MPNet's
includes assembling its weights the first time, and paging them in) and peak memory. Prints
one JSON object; never passes or fails on timing.

    python benchmarks/bench_encoders.py --sentences 400
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from pathlib import Path

DEMO_CORPUS = Path(__file__).resolve().parents[1] / "src" / "eventscope" / "demo" / "corpus"


def demo_sentences(count: int) -> list[str]:
    """Up to ``count`` distinct sentences of 5-60 words from the demo corpus's text files
    (distinct: ``in_context`` encodes a repeated sentence once, which would flatter it)."""
    found: dict[str, None] = {}
    for path in sorted(DEMO_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if 5 <= len(part.split()) <= 60:
                found[part] = None
    return list(found)[:count]


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(name: str, sentences: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    if name == "minilm":
        from eventscope.resolve.embed import load_encoder

        encoder = load_encoder()
    else:
        from eventscope.resolve.mpnet import load_mpnet

        encoder = load_mpnet()  # type: ignore[assignment]
    encoder.sentences(sentences[:16])  # warm-up: pages the weights in, fills lazy caches
    loaded = time.perf_counter()
    encoder.sentences(sentences)
    encoded = time.perf_counter()
    encoder.in_context([(s.split(), [len(s.split()) // 2]) for s in sentences])
    spans = time.perf_counter()
    return {
        "load_s": round(loaded - start, 2),
        "sentences_per_s": round(len(sentences) / (encoded - loaded), 1),
        "in_context_per_s": round(len(sentences) / (spans - encoded), 1),
        "peak_rss_mb": _peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=400)
    args = parser.parse_args()
    sentences = demo_sentences(args.sentences)
    words = sum(len(s.split()) for s in sentences) / max(len(sentences), 1)
    out = {"sentences": len(sentences), "mean_words": round(words, 1)}
    for name in ("minilm", "mpnet"):  # MiniLM first: the peak after it is MiniLM's alone
        out[name] = measure(name, sentences)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
