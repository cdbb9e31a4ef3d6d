"""Resolution metrics for geoparsing: accuracy within 161 km, exact GeoNames match, error
distances and the area under the log-scaled error curve (Gritta et al. 2018, 2019).

Unresolved answers are counted explicitly, two ways: the headline metrics score them as
errors (wrong for accuracy, the largest possible distance, 20,039 km, for AUC), and the
``*_answered`` metrics score only the toponyms the geocoder did answer. ``coverage`` is the
share answered. An answer with the gold's own GeoNames id is 0 km off, whatever point
the gazetteer keeps for that entity. Mean and median error are over answered toponyms
only, because any distance invented for an unanswered one would dominate the mean.

"Answered" means what the pipeline would report: a place with at least the configured
``min_confidence``. The geocoder's best guess below that is kept too, and
``acc_at_161km_best_guess`` scores every toponym that had any candidate, as a geoparser
that never abstains (such as those in the published comparisons) would be scored.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from eventscope.geocode.assemble import haversine_km

ACC_KM = 161.0  # 100 miles, the customary threshold
MAX_ERROR_KM = 20_039.0  # half the Earth's circumference: the worst possible error


@dataclass(frozen=True, slots=True)
class Outcome:
    """One scored toponym: the gold point and id, and what the geocoder answered."""

    gold_lat: float
    gold_lon: float
    gold_id: str  # bare GeoNames id or ""
    answered: bool  # a best guess exists (it may still be below the confidence floor)
    lat: float = 0.0
    lon: float = 0.0
    gazetteer_id: str = ""  # "geonames:123" style
    confidence: float = 0.0

    @property
    def error_km(self) -> float:
        if not self.answered:
            return MAX_ERROR_KM
        if self.exact:
            # The gold's own GeoNames entry: the answer is right whatever point the
            # gazetteer keeps for it. Large areas (Canada, Ontario, Japan at Tokyo) have
            # no agreed point, and the published comparisons, which answer with GeoNames
            # points, score the same entity as 0 km.
            return 0.0
        return haversine_km(self.gold_lat, self.gold_lon, self.lat, self.lon)

    @property
    def exact(self) -> bool:
        return self.answered and self.gazetteer_id == f"geonames:{self.gold_id}"


def auc(errors: Iterable[float]) -> float:
    """Area under the sorted, log-scaled error curve, normalised to 0 (every answer
    exact) .. 1 (every answer antipodal); lower is better (Gritta et al. 2018)."""
    scaled = sorted(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors)
    if len(scaled) < 2:
        return round(scaled[0], 4) if scaled else 0.0
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))
    return round(area / (len(scaled) - 1), 4)


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _abstain(outcome: Outcome, min_confidence: float) -> Outcome:
    if outcome.answered and outcome.confidence < min_confidence:
        return Outcome(outcome.gold_lat, outcome.gold_lon, outcome.gold_id, False)
    return outcome


def resolution_metrics(
    outcomes: list[Outcome], min_confidence: float = 0.0
) -> dict[str, float | int | None]:
    """The resolution metrics of a list of outcomes (see the module docstring); answers
    below ``min_confidence`` count as unresolved, except in ``*_best_guess``."""
    guesses = sum(o.answered and o.error_km <= ACC_KM for o in outcomes)
    outcomes = [_abstain(o, min_confidence) for o in outcomes]
    answered = [o for o in outcomes if o.answered]
    errors = [o.error_km for o in answered]
    close = sum(e <= ACC_KM for e in errors)
    with_id = [o for o in outcomes if o.gold_id]
    answered_with_id = [o for o in with_id if o.answered]
    exact = sum(o.exact for o in with_id)
    return {
        "toponyms": len(outcomes),
        "answered": len(answered),
        "coverage": _share(len(answered), len(outcomes)),
        "acc_at_161km": _share(close, len(outcomes)),
        "acc_at_161km_answered": _share(close, len(answered)),
        "acc_at_161km_best_guess": _share(guesses, len(outcomes)),
        "exact_match": _share(exact, len(with_id)) if with_id else None,
        "exact_match_answered": _share(exact, len(answered_with_id)) if with_id else None,
        "toponyms_with_geonames_id": len(with_id),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        "auc": auc(o.error_km for o in outcomes),
        "auc_answered": auc(errors),
    }
