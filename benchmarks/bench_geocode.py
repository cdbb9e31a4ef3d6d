"""Geocoder speed and memory: prints one JSON object, never passes or fails.

Measures the gazetteer load time (building it first if missing, reported separately), how
many resolutions per second a Geocoder does over 5,000 mixed queries (cold: first sight of
each query; warm: the same queries again, served by the lookup cache), and the peak RSS.
Targets: load < 2 s once built, >= 5,000 resolutions/s, < 1 GB.

    .venv/bin/python benchmarks/bench_geocode.py [--gazetteer PATH] [--queries N]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eventscope.geocode import Geocoder, Unresolved, default_gazetteer_path, open_gazetteer
from eventscope.geocode.build import GAZETTEER_VERSION, build_fingerprint, read_meta

QUALIFIERS = ("eastern", "northern", "outskirts of", "near")
SUFFIXES = ("province", "region", "city")


def sample_queries(path: Path, n: int, seed: int = 7) -> list[str]:
    """A deterministic mix: big and small towns, alternate names, "Town, Country" forms,
    qualified names, article variants, areas and names that exist nowhere."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    big = [
        r[0]
        for r in con.execute(
            "SELECT name FROM places WHERE feature='city' ORDER BY population DESC LIMIT 5000"
        )
    ]
    towns = con.execute(
        "SELECT p.name, c.name FROM places p JOIN places c ON c.iso = p.iso AND "
        "c.feature = 'country' WHERE p.feature = 'city' AND p.id % 17 = 0"
    ).fetchall()
    areas = [
        r[0]
        for r in con.execute(
            "SELECT name FROM places WHERE feature IN ('admin1','country','region','airbase')"
        )
    ]
    con.close()  # fmt: skip
    queries: list[str] = []
    while len(queries) < n:
        roll = rng.random()
        if roll < 0.35:
            queries.append(rng.choice(big))
        elif roll < 0.6:
            town, country = rng.choice(towns)
            queries.append(town if rng.random() < 0.5 else f"{town}, {country}")
        elif roll < 0.7:
            queries.append(f"{rng.choice(QUALIFIERS)} {rng.choice(big)}")
        elif roll < 0.8:
            queries.append(f"{rng.choice(big)} {rng.choice(SUFFIXES)}")
        elif roll < 0.9:
            queries.append(rng.choice(areas))
        else:
            letters = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4))
            queries.append(f"{'Al-' if rng.random() < 0.5 else ''}{letters.title()}")
    return queries


def timed_pass(geocoder: Geocoder, queries: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    resolved = sum(not isinstance(geocoder.resolve(q), Unresolved) for q in queries)
    return time.perf_counter() - started, resolved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--queries", type=int, default=5000)
    args = parser.parse_args(argv)
    path = args.gazetteer or default_gazetteer_path()
    build_s = None
    meta = read_meta(path) if path.exists() else {}
    if (
        meta.get("version") != str(GAZETTEER_VERSION)
        or meta.get("fingerprint") != build_fingerprint()
    ):
        # Built in a child process so that the build's memory stays out of peak_rss_mb.
        started = time.perf_counter()
        code = "import sys; from pathlib import Path; from eventscope.geocode import "
        code += "build_gazetteer; build_gazetteer(Path(sys.argv[1]))"
        subprocess.run([sys.executable, "-c", code, str(path)], check=True)
        build_s = round(time.perf_counter() - started, 2)
    queries = sample_queries(path, args.queries)
    started = time.perf_counter()
    geocoder = Geocoder(open_gazetteer(path, build_if_missing=False))
    geocoder.resolve("Aleppo")  # the first query pages in the index: part of loading
    load_s = time.perf_counter() - started
    cold_s, resolved = timed_pass(geocoder, queries)
    warm_s, _ = timed_pass(geocoder, queries)
    report = {
        "gazetteer": str(path),
        "gazetteer_mb": round(path.stat().st_size / 1e6, 1),
        "build_s": build_s,
        "load_s": round(load_s, 3),
        "queries": len(queries),
        "unique_queries": len(set(queries)),
        "resolved_share": round(resolved / len(queries), 3),
        "cold_resolutions_per_s": round(len(queries) / cold_s),
        "warm_resolutions_per_s": round(len(queries) / warm_s),
        # ru_maxrss is in KiB on Linux (bytes on macOS; this benchmark targets Linux CI)
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
