"""Pairwise rules for linking event mentions: hard constraints first, then a score.

The hard constraints (cannot-link) are what keep two strikes on the same town a year apart
apart: no textual similarity can override an incompatible date window or place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from eventscope.models import Mention, Place

_WORD = re.compile(r"[a-z]{3,}")


@cache
def generic_actors() -> frozenset[str]:
    """Actor labels that describe a class, not an identity ("Civilians", "Military Forces"):
    they never block a merge. The actor dictionary is the one source of that list."""
    from eventscope.extract import generic_actor_names

    return generic_actor_names()


@dataclass(frozen=True, slots=True)
class LinkRules:
    max_distance_km: float = 50.0
    date_slack_days: int = 1
    min_score: float = 0.5


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _window(m: Mention) -> tuple[date, date] | None:
    if not m.date_start:
        return None
    start = date.fromisoformat(m.date_start[:10])
    end = date.fromisoformat((m.date_end or m.date_start)[:10])
    return start, end


def dates_compatible(a: Mention, b: Mention, slack_days: int) -> bool:
    """Windows must overlap (with slack). A mention without a date can only join mentions of
    its own document: follow-up sentences of one report rarely repeat the date, but across
    reports an undated mention could be any event."""
    wa, wb = _window(a), _window(b)
    if wa is None or wb is None:
        return a.doc_id == b.doc_id
    slack = timedelta(days=slack_days)
    return wa[0] <= wb[1] + slack and wb[0] <= wa[1] + slack


def places_compatible(a: Mention, b: Mention, max_km: float) -> bool:
    """Resolved places must be close. An unresolved place only joins mentions of its own
    document, for the same reason as undated mentions."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return a.doc_id == b.doc_id
    if la.iso and lb.iso and la.iso != lb.iso:
        return False
    # A country-level location (precision 3) is compatible with any place inside that country.
    if la.geo_precision == 3 or lb.geo_precision == 3:
        return la.iso == lb.iso
    return haversine_km(la, lb) <= max_km


def _named_actors(m: Mention) -> set[str]:
    generic = generic_actors()
    return {a for a in (m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2) if a not in generic}


def actors_compatible(a: Mention, b: Mention) -> bool:
    """Two named, different perpetrators mean two events, unless one report's perpetrator
    appears among the other's actors (reports swap roles: "bombers struck IS" vs "IS positions
    were hit"). A generic or missing perpetrator is compatible with anyone, and a disagreement
    on the victim side alone never blocks a merge (outlets name victims differently)."""
    generic = generic_actors()
    a1 = a.actor1 if a.actor1 not in generic else ""
    b1 = b.actor1 if b.actor1 not in generic else ""
    if not a1 or not b1 or a1 == b1:
        return True
    return a1 in _named_actors(b) or b1 in _named_actors(a)


def can_link(a: Mention, b: Mention, rules: LinkRules) -> bool:
    return (
        a.event_type == b.event_type
        and dates_compatible(a, b, rules.date_slack_days)
        and places_compatible(a, b, rules.max_distance_km)
        and actors_compatible(a, b)
    )


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def link_score(a: Mention, b: Mention) -> float:
    """0..1 evidence that two compatible mentions report the same event."""
    score = 0.4  # compatibility on type, date, place and actors is already strong evidence
    if a.sub_event_type == b.sub_event_type:
        score += 0.2
    if _named_actors(a) & _named_actors(b):
        score += 0.15
    if a.date_start and a.date_start == b.date_start and a.time_precision == 1:
        score += 0.1
    wa, wb = _words(a.sentence), _words(b.sentence)
    if wa and wb:
        score += 0.15 * len(wa & wb) / len(wa | wb)
    if set(a.weapons) & set(b.weapons):
        score += 0.05
    return min(score, 1.0)
