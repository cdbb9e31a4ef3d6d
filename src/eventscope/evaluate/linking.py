"""``eventscope eval linking``: a conflict-specific cross-article linking check on raw text.

The gold file (``tests/data/linking_cases.jsonl``) is synthetic data written for eventscope:
real places, fictional incidents. Each line is one case,
``{"case", "kind", "note", "articles": [{"id", "source", "published", "title", "text",
"event"}]}``, and every article reports exactly one real-world event, named by its gold
``event`` label within the case. Kinds: ``paraphrase`` (outlets retelling one event with other
words, spellings, casualty figures and attributions), ``hard-negative`` (same town or actors,
another date, place or event type) and ``mixed``.

Each case runs through the whole pipeline (ingest, clean, extract, geocode, resolve) in a store
of its own, so cases never link to each other; models load once per process. Two articles are
predicted to report the same event when one resolved event holds mentions or claims of both.

Metrics are over all article pairs within a case. A pair with an article that produced no event
at all is an extraction miss, not a linking error: it is left out of the linking scores and
listed under ``excluded_pairs`` (``paraphrase_recall_end_to_end`` counts those as misses).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from eventscope.errors import ConfigError
from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.metrics import prf

KINDS = ("paraphrase", "hard-negative", "mixed")
_ARTICLE_FIELDS = ("id", "source", "published", "title", "text", "event")


@dataclass(frozen=True, slots=True)
class CaseArticle:
    id: str
    source: str
    published: str
    title: str
    text: str
    event: str  # gold label, meaningful only within its case


@dataclass(frozen=True, slots=True)
class LinkCase:
    name: str
    kind: str
    note: str
    articles: tuple[CaseArticle, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the pipeline made of one article: its events and, for failure reasons, what its
    mentions say about date, place and type."""

    events: frozenset[str]
    dates: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    # Modalities of mentions kept out of every event ("possible", "negated", ...): a report
    # hedged as "feared dead" can lose its only eventive mention here.
    dropped: frozenset[str] = frozenset()
    # The article's main event: the one most of its mentions belong to (the earliest such
    # mention breaks ties); "" when it has none. See ``main_event`` in the metrics.
    main: str = ""


def _bad(lineno: int, detail: str) -> ConfigError:
    return ConfigError(
        "ES-EVAL-050",
        f"linking cases line {lineno}: {detail}",
        'Each line: {"case", "kind", "note", "articles": [{"id", "source", "published", '
        '"title", "text", "event"}, ...]} with two or more articles.',
    )


def _parse_article(raw: Any, lineno: int) -> CaseArticle:
    if not isinstance(raw, dict):
        raise _bad(lineno, "an article is not a JSON object")
    for key in _ARTICLE_FIELDS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _bad(lineno, f"article {raw.get('id', '?')!r} lacks a string {key!r}")
    try:
        date.fromisoformat(raw["published"])
    except ValueError:
        raise _bad(lineno, f"article {raw['id']!r}: published is not YYYY-MM-DD") from None
    return CaseArticle(**{key: raw[key] for key in _ARTICLE_FIELDS})


def parse_case(line: str, lineno: int) -> LinkCase:
    """One JSONL line to a case, or a ConfigError that names the line and the problem."""
    try:
        raw = json.loads(line)
    except ValueError as exc:
        raise _bad(lineno, f"not valid JSON ({exc})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("case"), str):
        raise _bad(lineno, "expected an object with a string 'case'")
    if raw.get("kind") not in KINDS:
        raise _bad(lineno, f"kind must be one of {', '.join(KINDS)}")
    items = raw.get("articles")
    if not isinstance(items, list) or len(items) < 2:
        raise _bad(lineno, "a case needs at least two articles (pairs are what is scored)")
    articles = tuple(_parse_article(item, lineno) for item in items)
    if len({a.id for a in articles}) != len(articles):
        raise _bad(lineno, "article ids repeat within the case")
    return LinkCase(raw["case"], raw["kind"], str(raw.get("note", "")), articles)


def read_cases(path: Path, limit: int | None = None) -> list[LinkCase]:
    cases: list[LinkCase] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            cases.append(parse_case(line, lineno))
        if limit is not None and len(cases) >= limit:
            break
    if len({c.name for c in cases}) != len(cases):
        raise _bad(0, "case names repeat")
    if not cases:
        raise _bad(0, f"no cases in {path}")
    return cases


def _profiles(store: Any, input_of: Mapping[str, str], ids: Sequence[str]) -> dict[str, Profile]:
    """Article id -> Profile from a store holding one case; an article the store lacks (skipped
    at ingest, or an exact duplicate of another) gets an empty one."""
    event_of = store.event_assignments()
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    for m in store.iter_mentions():
        aid = input_of.get(m.doc_id, m.doc_id)
        slot = found[aid]
        if m.mention_id not in event_of:
            slot["dropped"].add(m.modality)
            continue
        slot["events"].add(event_of[m.mention_id])
        votes[aid][event_of[m.mention_id]] += 1
        key = (aid, event_of[m.mention_id])
        first[key] = min(first.get(key, m.start), m.start)
        slot["dates"].add(m.date_start or "?")
        slot["places"].add(m.location.name if m.location else "?")
        slot["types"].add(m.sub_event_type)
    for event in store.iter_events():
        # Claims can credit a document whose own mention was folded away; count them too.
        for claim in event.claims:
            found[input_of.get(claim.doc_id, claim.doc_id)]["events"].add(event.event_id)
    keys = ("events", "dates", "places", "types", "dropped")
    main = {
        aid: min(v, key=lambda e: (-v[e], first[(aid, e)], e)) for aid, v in votes.items()
    }  # fmt: skip
    return {
        aid: Profile(*(frozenset(found[aid][k]) for k in keys), main=main.get(aid, ""))
        for aid in ids
    }


def run_case(case: LinkCase, settings: Any, folder: Path) -> dict[str, Profile]:
    """Run one case through the whole pipeline in a fresh store of its own under ``folder``."""
    from eventscope.pipeline.api import run_all
    from eventscope.store import Store

    folder.mkdir(parents=True)
    path = folder / "articles.jsonl"
    fields = ("id", "source", "published", "title", "text")
    lines = [json.dumps({k: getattr(a, k) for k in fields}) for a in case.articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(folder / "store.sqlite") as store:
        run_all(store, settings, [str(path)])
        # The article's "id" is its input id; document ids hash the content.
        input_of = {a.doc_id: a.input_id for a in store.iter_articles()}
        return _profiles(store, input_of, [a.id for a in case.articles])


def _differences(p: Profile, q: Profile) -> str:
    parts = [
        f"{label} {'/'.join(sorted(a))} vs {'/'.join(sorted(b))}"
        for label, a, b in (
            ("date", p.dates, q.dates),
            ("place", p.places, q.places),
            ("type", p.types, q.types),
        )
        if a != b
    ]
    return "; ".join(parts)


def _days_apart(a: CaseArticle, b: CaseArticle) -> int:
    return abs((date.fromisoformat(a.published) - date.fromisoformat(b.published)).days)


def _dropped_note(a: CaseArticle, b: CaseArticle, p: Profile, q: Profile) -> str:
    notes = [
        f"article {x.id} has {'/'.join(sorted(prof.dropped))} mention(s) in no event"
        for x, prof in ((a, p), (b, q))
        if prof.dropped
    ]
    return "; " + "; ".join(notes) if notes else ""


def pair_reason(a: CaseArticle, b: CaseArticle, p: Profile, q: Profile, joined: bool) -> str:
    """A short why for a wrong pair (or an excluded one)."""
    if not p.events or not q.events:
        missing = [x.id for x, prof in ((a, p), (b, q)) if not prof.events]
        return f"no event extracted from article {', '.join(missing)}" + _dropped_note(a, b, p, q)
    diff = _differences(p, q)
    if joined:
        if _days_apart(a, b) > 2:  # beyond "yesterday"/"on Monday" in a next-day report
            where = "merged across dates"
        elif p.places & q.places - {"?"}:
            where = "merged: same place"
        else:
            where = "merged"
        return f"{where} (published {a.published} / {b.published}); {diff or 'same fields'}"
    split = f"split: {diff}" if diff else "split by the linking rule (fields agree)"
    return split + _dropped_note(a, b, p, q)


def _score_case(
    case: LinkCase, profiles: Mapping[str, Profile], counts: Counter[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Count one case's pairs into ``counts``; return its wrong pairs and its excluded ones."""
    wrong: list[dict[str, Any]] = []
    excluded: list[dict[str, Any]] = []
    for a, b in combinations(case.articles, 2):
        p, q = profiles[a.id], profiles[b.id]
        gold, joined = a.event == b.event, bool(p.events & q.events)
        counts["gold_same"] += gold  # every gold-same pair, excluded or not
        row = {"a": a.id, "b": b.id, "gold_same": gold, "predicted_same": joined}
        reason = pair_reason(a, b, p, q, joined)
        if not p.events or not q.events:
            excluded.append({"case": case.name, **row, "reason": reason})
            continue
        counts[("t" if gold == joined else "f") + ("p" if joined else "n")] += 1
        main_same = p.main == q.main
        counts["main_" + ("t" if gold == main_same else "f") + ("p" if main_same else "n")] += 1
        if gold != joined:
            wrong.append({**row, "reason": reason})
    return wrong, excluded


def score_pairs(
    cases: Sequence[LinkCase], found: Mapping[str, Mapping[str, Profile]]
) -> dict[str, Any]:
    """Pairwise scores from gold cases and per-case profiles (a pure function: no pipeline)."""
    counts: Counter[str] = Counter()
    excluded: list[dict[str, Any]] = []
    failing: list[dict[str, Any]] = []
    per_case: dict[str, dict[str, Any]] = {}
    for case in cases:
        before = counts["tp"] + counts["tn"] + counts["fp"] + counts["fn"]
        wrong, skipped = _score_case(case, found[case.name], counts)
        excluded.extend(skipped)
        scored = counts["tp"] + counts["tn"] + counts["fp"] + counts["fn"] - before
        per_case[case.name] = {
            "kind": case.kind,
            "scored_pairs": scored,
            "correct": scored - len(wrong),
        }
        if wrong:
            failing.append({"case": case.name, "kind": case.kind, "pairs": wrong})
    return _summary(counts, excluded, failing, per_case)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _summary(
    counts: Counter[str],
    excluded: list[dict[str, Any]],
    failing: list[dict[str, Any]],
    per_case: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    mtp, mfp, mfn, mtn = (counts["main_" + k] for k in ("tp", "fp", "fn", "tn"))
    return {
        "pairs": prf(tp, fp, fn),
        "paraphrase_recall": _ratio(tp, tp + fn),
        "paraphrase_pairs": tp + fn,
        "hard_negative_separation": _ratio(tn, tn + fp),
        "hard_negative_pairs": tn + fp,
        # The same pairs judged by each article's main event only: an article that also
        # mentions the other article's event in passing ("the governor also reported a
        # deadly drone strike on Rylsk the same day"), and has that mention linked to it,
        # counts as joined above but not here. Reported beside the strict scores, which
        # the floors pin.
        "main_event": {
            "paraphrase_recall": _ratio(mtp, mtp + mfn),
            "hard_negative_separation": _ratio(mtn, mtn + mfp),
        },
        # Extraction misses count against this one: the user-visible joining rate.
        "paraphrase_recall_end_to_end": _ratio(tp, counts["gold_same"]),
        "excluded_pairs": excluded,
        "failing_cases": failing,
        "cases": per_case,
    }


def evaluate_linking(gold: Path, options: EvalOptions) -> EvalResult:
    """``eventscope eval linking --gold tests/data/linking_cases.jsonl`` (``--limit N``: the
    first N cases). Default settings, not eventscope.toml, so the numbers do not depend on the
    directory the command runs in."""
    from eventscope.config import Settings

    cases = read_cases(gold, options.limit)
    settings = Settings()
    started = time.perf_counter()
    found: dict[str, dict[str, Profile]] = {}
    with tempfile.TemporaryDirectory(prefix="eventscope-linking-") as tmp:
        for i, case in enumerate(cases):
            # Numbered folders: a case name is free text, not a safe path.
            found[case.name] = run_case(case, settings, Path(tmp) / f"case-{i:04d}")
    metrics = score_pairs(cases, found)
    silent = sorted(
        aid for profiles in found.values() for aid, p in profiles.items() if not p.events
    )
    articles = sum(len(c.articles) for c in cases)
    metrics.update(
        {
            "articles": articles,
            "articles_without_events": len(silent),
            "articles_without_events_ids": silent,
            "seconds": round(time.perf_counter() - started, 1),
        }
    )
    return EvalResult(task="linking", n=len(cases), metrics=metrics)
