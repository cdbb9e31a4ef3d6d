"""Pairwise rules for linking event mentions: hard constraints first, then a score.

The hard constraints (cannot-link) are what keep two strikes on the same town a year apart
apart: no textual similarity can override an incompatible date window or place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventscope.models import Mention, Place

_WORD = re.compile(r"[a-z]{3,}")
# Generic actor labels that say nothing about identity, so they never block a merge.
GENERIC_ACTORS = frozenset({"", "Unidentified Armed Group", "Civilians"})


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
    return {a for a in (m.actor1, m.actor2) if a not in GENERIC_ACTORS}


def actors_compatible(a: Mention, b: Mention) -> bool:
    """Named actors must overlap. Reports often swap who is actor1 and actor2 ("bombers struck
    IS" vs "IS positions were hit"), so the test is on the set of named actors, and a mention
    naming nobody is compatible with anyone."""
    na, nb = _named_actors(a), _named_actors(b)
    return not na or not nb or bool(na & nb)


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
