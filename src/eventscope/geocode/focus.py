"""The story's focal town, and a low-confidence backoff to it for toponyms the gazetteer
does not know.

Streets, buildings, venues and neighbourhoods ("Royal Street", "Barclays Center") are not
in a gazetteer of towns, but a news story usually happens in one place: when most of its
confidently resolved towns and districts lie around one town, an unknown toponym is far
more likely near that town than anywhere else. The backoff answers it with ACLED
precision 2 ("near a town") and a confidence kept *below* the pipeline's floor, so that
a geocoder with ``min_confidence`` 0.35 still reports it as unresolved (an honest
"unresolved" beats a confident wrong point) while a caller that wants a best guess, such
as the evaluation's ``acc_at_161km_best_guess``, gets one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.resolver import Unresolved
from eventscope.models import Place

_ANCHOR_CONFIDENCE = 0.6  # only places the geocoder is sure of say where the story is
_CLUSTER_KM = 50.0  # a town's suburbs, streets and venues lie within this of it
_MIN_SHARE = 0.5  # the focal town's surroundings hold at least this share of the places
_MAX_CONFIDENCE = 0.3  # under the pipeline's default floor (0.35): a guess, not an answer


def focal_town(answers: Sequence[Place | Unresolved]) -> tuple[Place, float] | None:
    """The town most of the story's confident towns and districts cluster around, and the
    share of them it holds; None when the story has no such centre.

    ``answers`` has one entry per mention, so a town named five times weighs five times."""
    local = [
        a for a in answers
        if isinstance(a, Place) and a.confidence >= _ANCHOR_CONFIDENCE and a.geo_precision <= 2
    ]  # fmt: skip
    towns = [a for a in local if a.geo_precision == 1]
    if not towns:
        return None

    def support(town: Place) -> int:
        return sum(
            haversine_km(town.latitude, town.longitude, a.latitude, a.longitude) <= _CLUSTER_KM
            for a in local
        )

    best = max(towns, key=lambda t: (support(t), sum(t.name == o.name for o in towns)))
    share = support(best) / len(local)
    return (best, share) if share >= _MIN_SHARE else None


def back_off(
    answers: Sequence[Place | Unresolved], min_confidence: float
) -> list[Place | Unresolved]:
    """``answers`` with each "no candidate" toponym placed near the story's focal town,
    where the backoff's confidence reaches ``min_confidence`` (else left unresolved)."""
    focus = focal_town(answers)
    if focus is None:
        return list(answers)
    town, share = focus
    confidence = round(_MAX_CONFIDENCE * share, 3)
    if confidence < min_confidence:
        return list(answers)
    out: list[Place | Unresolved] = []
    for answer in answers:
        if isinstance(answer, Unresolved) and answer.reason == "no candidate":
            answer = replace(town, geo_precision=2, confidence=confidence, query=answer.query)
        out.append(answer)
    return out
