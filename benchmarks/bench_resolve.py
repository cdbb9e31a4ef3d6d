"""Benchmark cross-document resolution at scale: full clustering and incremental updates.

Generates N realistic event mentions (seeded, so every run sees the same data), clusters them
with the library call, then holds out documents worth about 1,000 mentions, resolves the rest
and adds the held-out documents incrementally. Prints one JSON object: wall times, peak RSS
(``ru_maxrss``), cluster quality against the generator's true event ids (B-cubed and pairwise
precision/recall) and whether the incremental result equals a full recomputation. It never
passes or fails on timing: machines are shared and noisy.

    python benchmarks/bench_resolve.py                 # 1,000,000 mentions
    python benchmarks/bench_resolve.py --quick         # 20,000 mentions, seconds
    python benchmarks/bench_resolve.py --mentions 100000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventscope.models import Mention, Place
from eventscope.resolve import LinkRules, semantic
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.incremental import ResolvedIndex

QUICK_MENTIONS = 20_000

# ACLED's 25 sub-event types under their six event types (and disorder types).
TAXONOMY: dict[str, tuple[str, tuple[str, ...]]] = {
    "Battles": (
        "Political violence",
        ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    ),
    "Explosions/Remote violence": (
        "Political violence",
        (
            "Air/drone strike", "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon",
        ),
    ),
    "Violence against civilians": (
        "Political violence",
        ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    ),
    "Protests": (
        "Demonstrations",
        ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    ),
    "Riots": ("Demonstrations", ("Violent demonstration", "Mob violence")),
    "Strategic developments": (
        "Strategic developments",
        (
            "Arrests", "Looting/property destruction", "Change to group/activity", "Agreement",
            "Disrupted weapons use", "Headquarters or base established",
            "Non-violent transfer of territory", "Other",
        ),
    ),
}  # fmt: skip
TYPE_WEIGHTS = (0.3, 0.35, 0.12, 0.1, 0.05, 0.08)
# Three conflicts hold half the events, as in ACLED's data; the rest follow a long tail.
COUNTRIES = [
    "SY",
    "UA",
    "SD",
    "MM",
    "YE",
    "SO",
    "NG",
    "ML",
    "BF",
    "CD",
    "IQ",
    "AF",
    "PK",
    "ET",
    "MX",
    "CO",
    "LY",
    "LB",
    "PS",
    "IL",
    "CM",
    "NE",
    "KE",
    "MZ",
    "CF",
    "SS",
    "TD",
    "IN",
    "PH",
    "BR",
    "HT",
    "VE",
    "TR",
    "IR",
    "EG",
    "DZ",
    "TN",
    "MA",
    "BD",
    "NP",
]
WORDS = [
    "killed",
    "fighters",
    "village",
    "troops",
    "attack",
    "positions",
    "town",
    "forces",
    "heavy",
    "near",
    "area",
]
START = date(2023, 1, 1).toordinal()
DAYS = 3 * 365


@dataclass(slots=True)
class Country:
    iso: str
    places: list[tuple[str, float, float]]
    actors: list[str]


@dataclass(slots=True)
class Corpus:
    """Generated mentions in document order, with each eventive mention's true event id."""

    mentions: list[Mention] = field(default_factory=list)
    truth: dict[str, int] = field(default_factory=dict)


def _country(rnd: random.Random, iso: str, index: int) -> Country:
    lat0, lon0 = rnd.uniform(-30, 50), rnd.uniform(-100, 120)
    span = rnd.uniform(3.0, 8.0)  # degrees: a few hundred km, so most places are > 50 km apart
    places = [
        (f"{iso}-place-{k}", lat0 + rnd.uniform(0, span), lon0 + rnd.uniform(0, span))
        for k in range(rnd.randint(150, 400))
    ]
    actors = [f"Armed Group {iso}-{k}" for k in range(rnd.randint(3, 8))]
    actors += ["Civilians", "Military Forces", "Unidentified Armed Group"]
    return Country(iso, places, actors)


@dataclass(slots=True)
class Truth:
    """One real-world event before reporters jitter it."""

    event: int
    country: Country
    event_type: str
    sub_type: str
    place: tuple[str, float, float]
    actor1: str
    actor2: str
    day: int
    fatalities: int


def _window(rnd: random.Random, day: int) -> tuple[str, str, int]:
    """A reported date window: mostly the day (sometimes off by one), else its week or month."""
    r = rnd.random()
    if r < 0.8:
        d = date.fromordinal(day + (rnd.choice((-1, 1)) if rnd.random() < 0.15 else 0))
        return d.isoformat(), d.isoformat(), 1
    d = date.fromordinal(day)
    if r < 0.92:
        monday = d - timedelta(days=d.weekday())
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), 2
    first = d.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first.isoformat(), last.isoformat(), 3


def _place(rnd: random.Random, t: Truth) -> Place:
    name, lat, lon = t.place
    iso = t.country.iso
    if rnd.random() < 0.01:  # a country-level report ("fighting in Sudan")
        return Place(iso, lat, lon, "country", iso, iso, geo_precision=3, gazetteer_id=f"c:{iso}")
    jitter = rnd.uniform(-0.03, 0.03)  # a few km: outlets geocode to nearby places
    precision = rnd.choice((1, 1, 2))
    return Place(name, lat + jitter, lon - jitter, "city", iso, iso, geo_precision=precision)


def _report(rnd: random.Random, t: Truth, doc: str, offset: int) -> list[Mention]:
    """One document's mentions of one event: a dated, located lead and follow-ups."""
    start, end, precision = _window(rnd, t.day)
    sub = t.sub_type if rnd.random() < 0.9 else rnd.choice(TAXONOMY[t.event_type][1])
    a1, a2 = (t.actor2, t.actor1) if rnd.random() < 0.1 else (t.actor1, t.actor2)
    if rnd.random() < 0.1:
        a1 = "Unidentified Armed Group"
    modality = rnd.choices(("asserted", "claimed", "reported", "possible"), (80, 8, 9, 3))[0]
    out = []
    for k in range(rnd.choice((1, 1, 2, 2, 3))):
        s = offset + 100 * k
        words = " ".join(rnd.sample(WORDS, 5))
        dated, located = k == 0 or rnd.random() < 0.5, k == 0 or rnd.random() < 0.5
        out.append(Mention(
            mention_id=f"{doc}:{s}-{s + 6}", doc_id=doc, start=s, end=s + 6, trigger="struck",
            sentence=f"{a1} {words} {t.place[0]}", sentence_start=s, sentence_end=s + 80,
            disorder_type=TAXONOMY[t.event_type][0], event_type=t.event_type,
            sub_event_type=sub, actor1=a1, actor2=a2,
            date_start=start if dated else None, date_end=end if dated else None,
            time_precision=precision if dated else 3, location=_place(rnd, t) if located else None,
            fatalities_best=max(0, t.fatalities + rnd.randint(-3, 3)),
            modality=modality if k == 0 else "asserted", confidence=0.6,
        ))  # fmt: skip
    return out


def _truth(
    rnd: random.Random, countries: Sequence[Country], weights: Sequence[float], n: int
) -> Truth:
    c = rnd.choices(countries, weights)[0]
    etype = rnd.choices(list(TAXONOMY), TYPE_WEIGHTS)[0]
    a1, a2 = rnd.sample(c.actors, 2)
    return Truth(
        n, c, etype, rnd.choice(TAXONOMY[etype][1]), rnd.choice(c.places), a1, a2,
        START + rnd.randrange(DAYS), rnd.choice((0, 0, 1, 2, 3, 5, 8, 12, 20, 40)),
    )  # fmt: skip


def generate(n_mentions: int, seed: int) -> Corpus:
    """About ``n_mentions`` mentions of real events, each reported by 1-6 documents, with
    same-place, same-actor events at other dates as hard negatives."""
    rnd = random.Random(seed)
    countries = [_country(rnd, iso, i) for i, iso in enumerate(COUNTRIES)]
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(countries))]
    corpus, n_events, n_docs = Corpus(), 0, 0
    while len(corpus.mentions) < n_mentions:
        t = _truth(rnd, countries, weights, n_events)
        n_events += 1
        if rnd.random() < 0.2:  # a hard negative: same place and actors, another date
            t.day = min(START + DAYS - 1, t.day + rnd.randint(2, 60))
        for _ in range(rnd.choices((1, 2, 3, 4, 5, 6), (30, 25, 18, 12, 9, 6))[0]):
            doc = f"doc{n_docs:08d}"
            n_docs += 1
            ms = _report(rnd, t, doc, 0)
            if rnd.random() < 0.3:  # a second event of another type in the same article
                other = _truth(rnd, countries, weights, n_events)
                n_events += 1
                if other.event_type != t.event_type:
                    ms += _report(rnd, other, doc, 1000)
            for m in ms:
                corpus.truth[m.mention_id] = t.event if m.start < 1000 else other.event
            corpus.mentions.extend(ms)
    return corpus


def _progress(out: Mapping[str, object]) -> None:
    """Figures so far on stderr: a long run shows its full-clustering time before the end."""
    print(json.dumps(out), file=sys.stderr, flush=True)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def quality(clusters: Sequence[Sequence[Mention]], truth: Mapping[str, int]) -> dict[str, float]:
    """B-cubed and pairwise precision/recall of predicted clusters against true event ids,
    over the mentions that were clustered (non-eventive ones never are)."""
    pred = {m.mention_id: i for i, c in enumerate(clusters) for m in c}
    both = Counter((pred[mid], truth[mid]) for mid in pred)
    psize = Counter(pred.values())
    tsize = Counter(truth[mid] for mid in pred)
    n = len(pred)
    b3p = sum(k * k / psize[p] for (p, _), k in both.items()) / n
    b3r = sum(k * k / tsize[t] for (_, t), k in both.items()) / n
    same = sum(k * (k - 1) for k in both.values())
    pp = same / max(1, sum(k * (k - 1) for k in psize.values()))
    pr = same / max(1, sum(k * (k - 1) for k in tsize.values()))
    return {
        "bcubed_precision": round(b3p, 4),
        "bcubed_recall": round(b3r, 4),
        "bcubed_f1": round(2 * b3p * b3r / (b3p + b3r), 4),
        "pairwise_precision": round(pp, 4),
        "pairwise_recall": round(pr, 4),
        "true_events": len(tsize),
        "predicted_events": len(psize),
    }


def _held_out(corpus: Corpus, n_new: int, seed: int) -> set[str]:
    """Random documents worth about ``n_new`` mentions: the articles that arrive later."""
    by_doc: dict[str, int] = Counter(m.doc_id for m in corpus.mentions)
    docs = sorted(by_doc)
    random.Random(seed + 1).shuffle(docs)
    chosen, total = set(), 0
    for d in docs:
        if total >= n_new:
            break
        chosen.add(d)
        total += by_doc[d]
    return chosen


def _canonical(partition: Mapping[str, Sequence[Mention]]) -> set[tuple[str, tuple[str, ...]]]:
    return {(eid, tuple(m.mention_id for m in ms)) for eid, ms in partition.items()}


def run(n_mentions: int, seed: int, n_new: int, semantic_text: bool = False) -> dict[str, object]:
    rules = LinkRules(semantic_text=semantic_text)
    t0 = time.perf_counter()
    corpus = generate(n_mentions, seed)
    out: dict[str, object] = {"benchmark": "resolve", "mentions": len(corpus.mentions)}
    out["generate_seconds"] = round(time.perf_counter() - t0, 1)
    out["rss_after_generate_mb"] = _peak_rss_mb()
    _progress(out)
    t0, cpu0 = time.perf_counter(), time.process_time()
    clusters = cluster_mentions(corpus.mentions, rules)
    out["full_seconds"] = round(time.perf_counter() - t0, 1)
    # Sentences embedded for the pairs the coded fields leave undecided (resolve.semantic).
    out["sentences_embedded"] = len(semantic._cache)
    out["full_cpu_seconds"] = round(time.process_time() - cpu0, 1)  # what load cannot inflate
    out["full_peak_rss_mb"] = _peak_rss_mb()
    _progress(out)
    out["quality"] = quality(clusters, corpus.truth)
    out["incremental"] = _incremental(corpus, clusters, rules, n_new, seed)
    out["peak_rss_mb"] = _peak_rss_mb()
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return out


def _incremental(
    corpus: Corpus, full: Sequence[Sequence[Mention]], rules: LinkRules, n_new: int, seed: int
) -> dict[str, object]:
    """Resolve all but ~n_new mentions, add the rest incrementally, compare with ``full``."""
    new_docs = _held_out(corpus, n_new, seed)
    base = [m for m in corpus.mentions if m.doc_id not in new_docs]
    new = [m for m in corpus.mentions if m.doc_id in new_docs]
    t0 = time.perf_counter()
    index = ResolvedIndex.build(base, rules)
    build_s = time.perf_counter() - t0
    previous = {m.mention_id: eid for eid, ms in index.partition().items() for m in ms}
    t0 = time.perf_counter()
    change = index.update(new)
    update_s = time.perf_counter() - t0
    _progress({"index_build_seconds": round(build_s, 1), "update_seconds": round(update_s, 3)})
    # The full run's ids, chosen the way a full re-run over the store would choose them.
    expected = ResolvedIndex.build(corpus.mentions, rules, previous).partition()
    got = index.partition()
    return {
        "new_mentions": len(new),
        "new_documents": len(new_docs),
        "index_build_seconds": round(build_s, 1),
        "update_seconds": round(update_s, 3),
        "relinked_leads": len(change.component),
        "events_replaced": len(change.removed),
        "events_written": len(change.added),
        "same_partition_as_full": sorted(sorted(c) for c in _mention_ids(got.values()))
        == sorted(sorted(m.mention_id for m in c) for c in full),
        "same_ids_as_full": _canonical(got) == _canonical(expected),
    }


def _mention_ids(clusters: Iterable[Sequence[Mention]]) -> list[list[str]]:
    return [[m.mention_id for m in c] for c in clusters]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--new", type=int, default=1_000, help="mentions added incrementally")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_MENTIONS:,} mentions")
    parser.add_argument(
        "--semantic", action="store_true", help="with sentence embeddings (resolve.semantic_text)"
    )
    args = parser.parse_args()
    n = QUICK_MENTIONS if args.quick else args.mentions
    print(json.dumps(run(n, args.seed, args.new, args.semantic), indent=2))


if __name__ == "__main__":
    main()
