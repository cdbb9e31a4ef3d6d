"""Resolution at scale: the benchmark's quick size checks itself (correctness, not timing),
and the blocking shortcuts skip no pair that could link."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.resolve import LinkRules, cluster
from eventscope.resolve.compat import compatible, features
from factories import DEIR, mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import generate, run


def test_generator_is_seeded_and_realistic() -> None:
    a, b = generate(2000, 5), generate(2000, 5)
    assert [m.mention_id for m in a.mentions] == [m.mention_id for m in b.mentions]
    assert a.truth == b.truth
    docs = {m.doc_id for m in a.mentions}
    assert len(a.mentions) / len(docs) > 1.5  # several mentions per document
    assert len({m.sub_event_type for m in a.mentions}) > 15
    assert len({m.location.iso for m in a.mentions if m.location}) > 20
    assert {m.time_precision for m in a.mentions if m.date_start} == {1, 2, 3}


def test_quick_benchmark_is_correct() -> None:
    result = run(2000, 3, 200)
    incremental = result["incremental"]
    assert isinstance(incremental, dict)
    assert incremental["same_partition_as_full"] is True
    assert incremental["same_ids_as_full"] is True
    assert incremental["new_mentions"] >= 200
    quality = result["quality"]
    assert isinstance(quality, dict)
    assert quality["bcubed_f1"] > 0.9


@pytest.mark.parametrize(("lat", "lon"), [(35.0, 40.0), (68.0, 179.7), (-45.0, -179.9)])
def test_grid_candidates_cover_every_compatible_pair(lat: float, lon: float) -> None:
    """The spatial grid of big blocks may only skip pairs that cannot link: compare with all
    pairs, near the pole-ward edge of a block and across the 180th meridian."""
    rnd = random.Random(int(lat))
    block = []
    for i in range(400):
        place = replace(
            DEIR,
            latitude=lat + rnd.uniform(-1.5, 1.5),
            longitude=(lon + rnd.uniform(-1.5, 1.5) + 180) % 360 - 180,
            geo_precision=3 if i % 50 == 0 else 1,
        )
        day = f"2025-03-{rnd.randint(1, 20):02d}"
        block.append(mention(f"d{i}", date_start=day, date_end=day, location=place))
    block.sort(key=lambda m: m.mention_id)
    feats = [features(m) for m in block]
    rules = LinkRules()
    assert len(block) > cluster._GRID_MIN
    got = {tuple(sorted(p)) for p in cluster._candidate_pairs(block, feats, rules)}
    needed = {
        (i, j)
        for i in range(len(block))
        for j in range(i + 1, len(block))
        if compatible(feats[i], feats[j], rules)
    }
    assert needed and needed <= got
    assert len(got) < len(block) * (len(block) - 1) // 2  # and it does prune


def test_grid_and_plain_sweep_give_the_same_clusters(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = generate(6000, 8)
    rules = LinkRules()
    with_grid = cluster.cluster_mentions(corpus.mentions, rules)
    monkeypatch.setattr(cluster, "_GRID_MIN", 10**9)
    assert cluster.cluster_mentions(corpus.mentions, rules) == with_grid
