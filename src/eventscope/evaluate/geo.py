"""``eventscope eval geo``: toponym resolution and recognition on geoparsing gold sets.

* ``--mode resolve`` (default) hands the geocoder the gold toponym spans of each article
  and scores its answers on the resolvable ones (literal toponyms with gold coordinates).
* ``--mode end2end`` finds toponyms itself (:mod:`eventscope.geocode.recognize`), scores
  recognition against the literal gold toponyms by exact character span, then scores
  resolution on the correctly recognised ones.
* ``--mode mordecai3`` scores resolution on the toponyms Mordecai 3's own evaluation keeps,
  literal or not (:mod:`eventscope.evaluate.geo_protocol`), to compare with its numbers.

How unresolved answers count is spelled out in :mod:`eventscope.evaluate.geo_metrics`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventscope.config import GeocodeSettings
from eventscope.errors import ConfigError
from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.geo_metrics import Outcome, resolution_metrics
from eventscope.evaluate.geo_protocol import (
    filter_counts,
    gold_in_candidates,
    mordecai3_docs,
    protocol_metrics,
    scored_by_mordecai3,
)
from eventscope.evaluate.geo_readers import GoldDoc, GoldToponym, read_gold
from eventscope.evaluate.metrics import prf
from eventscope.geocode.document import resolve_document
from eventscope.geocode.resolver import Geocoder
from eventscope.models import Place

log = logging.getLogger(__name__)
MODES = ("resolve", "end2end", "mordecai3")
Span = tuple[int, int]


def _outcome(gold: GoldToponym, answer: object) -> Outcome:
    assert gold.lat is not None and gold.lon is not None
    if isinstance(answer, Place):
        return Outcome(
            gold.lat, gold.lon, gold.geonames_id, True,
            answer.latitude, answer.longitude, answer.gazetteer_id, answer.confidence,
        )  # fmt: skip
    return Outcome(gold.lat, gold.lon, gold.geonames_id, False)


def resolve_outcomes(
    docs: Sequence[GoldDoc], geocoder: Geocoder, spans: Sequence[Sequence[Span]] | None = None
) -> list[Outcome]:
    """Outcomes of the resolvable gold toponyms. The geocoder sees ``spans[i]`` for
    document i (default: the gold resolvable spans); a gold toponym whose span it did not
    see is skipped (recognition already counted it as missed)."""
    outcomes = []
    for i, doc in enumerate(docs):
        golds = [t for t in doc.toponyms if t.resolvable]
        seen = list(spans[i]) if spans is not None else [(t.start, t.end) for t in golds]
        answers = dict(zip(seen, resolve_document(doc.text, seen, geocoder), strict=True))
        outcomes.extend(
            _outcome(t, answers[(t.start, t.end)]) for t in golds if (t.start, t.end) in answers
        )
    return outcomes


def recognition_counts(
    docs: Sequence[GoldDoc], predicted: Sequence[Sequence[Span]]
) -> dict[str, dict[str, float]]:
    """Precision/recall/F1 against the literal gold toponyms, exact span and overlap.

    A prediction that hits a gold toponym of an associative type ("Russian", "Paris said")
    is neither credited nor penalised: those are place names, just not literal ones, and
    the gold set does not ask for them either way (Gritta et al. 2019, section 5)."""
    exact = [0, 0, 0]  # tp, fp, fn
    overlap = [0, 0, 0]
    for doc, preds in zip(docs, predicted, strict=True):
        literal = {(t.start, t.end) for t in doc.toponyms if t.literal}
        other = [(t.start, t.end) for t in doc.toponyms if not t.literal]
        for counts, hit in ((exact, _same), (overlap, _overlaps)):
            kept = [p for p in preds if any(hit(p, g) for g in literal)
                    or not any(hit(p, o) for o in other)]  # fmt: skip
            tp = sum(any(hit(p, g) for p in kept) for g in literal)
            counts[0] += tp
            counts[1] += sum(not any(hit(p, g) for g in literal) for p in kept)
            counts[2] += len(literal) - tp
    return {"exact": prf(*exact), "overlap": prf(*overlap)}


def _same(a: Span, b: Span) -> bool:
    return a == b


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _end2end(docs: list[GoldDoc], geocoder: Geocoder, floor: float) -> dict[str, Any]:
    from eventscope.extract.nlp import load_nlp
    from eventscope.geocode.recognize import recognise_toponyms

    nlp = load_nlp()
    predicted = list(recognise_toponyms((d.text for d in docs), nlp, geocoder.gazetteer))
    recognition = recognition_counts(docs, predicted)
    matched = resolution_metrics(resolve_outcomes(docs, geocoder, predicted), floor)
    n_gold = sum(t.resolvable for d in docs for t in d.toponyms)
    hits = matched["acc_at_161km"] * matched["toponyms"]
    return {
        **recognition["exact"],
        "recognition_overlap": recognition["overlap"],
        "resolution_on_recognised": matched,
        # every resolvable gold toponym: missed ones count as wrong
        "acc_at_161km_end2end": round(hits / n_gold, 4) if n_gold else 0.0,
    }


def _mordecai3(docs: list[GoldDoc], geocoder: Geocoder, floor: float) -> dict[str, Any]:
    from eventscope.extract.nlp import load_nlp

    scored = mordecai3_docs(docs)
    kept = [keep for row in scored_by_mordecai3(scored, load_nlp()) for keep in row]
    outcomes = resolve_outcomes(scored, geocoder)
    metrics = protocol_metrics(outcomes, kept, floor, gold_in_candidates(scored, geocoder))
    metrics.update(filter_counts(docs, kept))
    return metrics


def evaluate_geo(gold: Path, options: EvalOptions) -> EvalResult:
    """Run the geo evaluation on a GeoWebNews, LGL/TR-News or GeoVirus file."""
    mode = options.mode or "resolve"
    if mode not in MODES:
        raise ConfigError(
            "ES-EVAL-012", f"unknown geo mode '{mode}'", f"Use one of: {', '.join(MODES)}."
        )
    fmt, docs = read_gold(gold, options.limit)
    # The geocoder never abstains here; answers under the pipeline's confidence floor are
    # counted as unresolved by the metrics, which also report the best guesses.
    floor = float(options.extra.get("min_confidence", GeocodeSettings().min_confidence))
    geocoder = Geocoder(min_confidence=0.0)
    if mode == "resolve":
        outcomes = resolve_outcomes(docs, geocoder)
        metrics: dict[str, Any] = resolution_metrics(outcomes, floor)
    elif mode == "mordecai3":
        metrics = _mordecai3(docs, geocoder, floor)
    else:
        metrics = _end2end(docs, geocoder, floor)
    metrics.update({"mode": mode, "format": fmt, "documents": len(docs), "min_confidence": floor})
    n = sum(t.resolvable for d in docs for t in d.toponyms)
    return EvalResult(task="geo", n=n, metrics=metrics)
