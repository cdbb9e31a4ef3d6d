"""The log-odds score of one gazetteer candidate for a toponym, and the softmax that
turns a query's scores into probabilities (moved out of :mod:`eventscope.geocode.resolver`,
behaviour unchanged). A score is the sum of how the candidate matched, its prominence, a
feature prior, and the context's evidence: the caller's hint, the countries and states the
story names, its country shares, closeness to its places, and curated or world-city
bonuses."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.candidates import curated_bonus
from eventscope.geocode.context import GeoContext, world_city_bonus
from eventscope.geocode.gazetteer import Candidate

_MATCH_SCORE = (0.0, -2.0, -2.5, -3.5)  # by Candidate.match_rank
# Facilities and curated features carry no population; their names ("X Air Base") rarely
# collide with a town's, so a match on one is itself strong evidence.
_PRIOR = {
    "country": 2.0, "admin1": -2.5, "admin2": -3.5, "airport": 3.0, "airbase": 3.0,
    "crossing": 3.0, "landmark": 3.0, "river": 2.0, "region": 1.0, "continent": 2.0,
    # Oceans and seas have no population, and their names ("Atlantic") are far better
    # known than the small towns named after them.
    "sea": 5.0,
}  # fmt: skip
# A state or province named after its own town ("Aleppo", "New York") yields to the town
# (the _PRIOR above); one with no same-named town inside it ("Virginia", "Florida" beside
# Virginia, South Africa or Florida, New York) is what the bare name usually means.
_PRIOR_LONE_ADMIN1 = -1.0
_PRIOR_AREA_WANTED = {"admin1": 1.5, "admin2": 1.0, "region": 1.0, "country": 0.0}
_HINT_BONUS = 4.0  # the caller says which country: about 50 to 1
_CONTEXT_BONUS = 2.5  # the article names the country: about 12 to 1
_NEARBY_BONUS = 2.5  # next to another place of the article (decays over _NEARBY_KM)
_NEARBY_KM = 100.0
_AREA_BONUS = 2.0  # inside a state or province the article names or has places in
_SHARE_BONUS = 4.0  # times the share of the article's places in the candidate's country
_SUPPORT_BONUS = 2.0  # another toponym of the article has a candidate right next to it


def score_candidate(
    cand: Candidate,
    area_wanted: bool,
    hints: Iterable[str],
    ctx: GeoContext,
    towns: frozenset[tuple[str, str]] | None = None,
) -> float:
    """The log-odds score of ``cand`` for a query (``area_wanted``: "Idlib province"),
    given the caller's country ``hints``, the story's context ``ctx`` and the areas
    named after the query's towns (``towns``)."""
    score = _MATCH_SCORE[cand.match_rank] + cand.prominence
    if area_wanted:
        wanted = _PRIOR_AREA_WANTED.get(cand.feature)
        score += wanted if wanted is not None else -3.0
    elif cand.feature == "admin1" and towns is not None and (cand.iso, cand.admin1) not in towns:
        score += _PRIOR_LONE_ADMIN1
    else:
        score += _PRIOR.get(cand.feature, 0.0)
    if cand.iso in hints:
        score += _HINT_BONUS
    if cand.iso in ctx.countries:
        score += _CONTEXT_BONUS
    if cand.admin1 and (cand.iso, cand.admin1) in ctx.areas:
        score += _AREA_BONUS
        if cand.feature == "admin1":
            # the story's places lie inside this state: it is as near to them as a
            # namesake town among them ("Florida" beside Orlando, not Florida, NY)
            score += _NEARBY_BONUS
    score += _SHARE_BONUS * dict(ctx.country_shares).get(cand.iso, 0.0)
    score += world_city_bonus(cand, ctx)
    score += curated_bonus(cand)
    if cand.place_id in ctx.supported:
        score += _SUPPORT_BONUS
    if ctx.points:
        km = min(haversine_km(cand.lat, cand.lon, lat, lon) for lat, lon in ctx.points)
        score += _NEARBY_BONUS * math.exp(-km / _NEARBY_KM)
    return score


# Session 18: a name written with accents ("Anorí", "Séno") is first the place of that very
# spelling, before one that matches only once the accents are dropped (Anori, Brazil, for
# Anorí, Colombia): a writer who keeps the accents copies the local name.
_ACCENT_BONUS = 2.0


def accent_bonus(cand: Candidate, written: str) -> float:
    """``_ACCENT_BONUS`` when the name as ``written`` has letters beyond ASCII and is the
    candidate's own name, accents and all (case aside); else 0."""
    if written.isascii():  # most names: no normalising, whatever the candidate
        return 0.0
    head = unicodedata.normalize("NFC", written.strip())  # one code point per accented letter
    same = head.casefold() == unicodedata.normalize("NFC", cand.name).casefold()
    return _ACCENT_BONUS if same else 0.0


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


_AMBIGUOUS_SHARE = 0.05  # a candidate with this probability contends for the answer


def ambiguity_reason(cands: tuple[Candidate, ...], probs: list[float]) -> str:
    """Why a query's winner fell below the floor: rivals in several countries, or not."""
    contenders = [c for c, p in zip(cands, probs, strict=True) if p >= _AMBIGUOUS_SHARE]
    countries = {c.iso for c in contenders}
    if len(contenders) > 1 and len(countries) > 1:
        return f"ambiguous: {len(contenders)} candidates in {len(countries)} countries"
    return "below confidence"
