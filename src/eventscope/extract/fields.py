"""Flat Mention fields from coded parts: actors, the date window, casualty counts and the
confidence heuristic. Kept apart from :mod:`mentions`, which decides *what* the parts are."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from eventscope.extract import coding
from eventscope.extract.attribution import Attribution
from eventscope.extract.breakdown import fatality_breakdown, typed_quantities
from eventscope.extract.dates import DatePhrase
from eventscope.extract.quantities import Count, combine
from eventscope.extract.triggers import TriggerHit
from eventscope.models import NON_EVENT_MODALITIES, Evidence, Mention, PlaceMention


def actor_fields(
    actor1: coding.CodedActor | None, actor2: coding.CodedActor | None
) -> dict[str, Any]:
    return {
        "actor1": actor1.name if actor1 else "",
        "actor2": actor2.name if actor2 else "",
        "inter1": actor1.inter if actor1 else 0,
        "inter2": actor2.inter if actor2 else 0,
    }


def date_fields(phrase: DatePhrase | None) -> dict[str, Any]:
    """Unknown date: no window and ACLED precision 3."""
    if phrase is None:
        return {"date_start": None, "date_end": None, "time_precision": 3}
    return {
        "date_start": phrase.date_start,
        "date_end": phrase.date_end,
        "time_precision": phrase.precision,
    }


def count_fields(counts: list[Count]) -> dict[str, Any]:
    low, best, high = combine(counts, "fatalities")
    return {
        "fatalities_low": low,
        "fatalities_best": best,
        "fatalities_high": high,
        "injuries": combine(counts, "injuries")[1],
    }


def breakdown_fields(
    sentence: str, offset: int, counts: list[Count]
) -> tuple[dict[str, Any], list[Evidence]]:
    """Civilians and children among the fatalities, and the sentence's typed counts (aircraft,
    sorties, vehicles, fighters, munitions), with one Evidence per value."""
    parts = fatality_breakdown(sentence, offset, counts)
    quantities = typed_quantities(sentence, offset, counts)
    evidence = [
        *parts.evidence,
        *(Evidence("quantities", q.start, q.end, q.text) for q in quantities),
    ]
    fields = {
        "fatalities_civilians": parts.civilians,
        "fatalities_children": parts.children,
        "quantities": tuple(quantities),
    }
    return fields, evidence


def with_confidence(mention: Mention, hit: TriggerHit) -> Mention:
    """A transparent heuristic: how much of an ACLED record the sentence itself supports."""
    score = 0.35 + (0.0 if hit.rule.weak else 0.15)
    score += 0.1 if mention.actor1 else 0.0
    score += 0.05 if mention.actor2 else 0.0
    score += 0.1 if mention.date_start else 0.0
    score += 0.1 if any(p.role == "event" for p in mention.places) else 0.0
    counted = mention.fatalities_low is not None or mention.fatalities_high is not None
    score += 0.05 if counted else 0.0
    if mention.modality in NON_EVENT_MODALITIES:
        score *= 0.6
    return replace(mention, confidence=round(min(score, 0.95), 2))


class _Told(Protocol):
    """What :func:`field_evidence` reads of a coded trigger (``mentions._Candidate``)."""

    hit: TriggerHit
    date: DatePhrase | None
    attribution: Attribution
    modality: str


class _Facts(Protocol):
    counts: list[Count]
    places: list[PlaceMention]


def field_evidence(
    lead: _Told,
    actors: tuple[coding.CodedActor | None, coding.CodedActor | None],
    facts: _Facts,
) -> list[Evidence]:
    """One Evidence per filled field (list fields: one per item), all exact text spans."""
    hit = lead.hit
    items: list[tuple[str, int, int, str]] = [("trigger", hit.start, hit.end, hit.text)]
    for name, actor in zip(("actor1", "actor2"), actors, strict=True):
        if actor is not None:
            items.append((name, actor.span.start, actor.span.end, actor.span.text))
    if lead.date is not None and lead.date.resolved:
        items.append(("date", lead.date.start, lead.date.end, lead.date.text))
    items += [(c.kind, c.start, c.end, c.text) for c in facts.counts]
    items += [("places", p.start, p.end, p.text) for p in facts.places]
    if lead.attribution.claimant is not None:
        claimant = lead.attribution.claimant
        items.append(("attribution", claimant.start, claimant.end, claimant.text))
    if lead.attribution.cue is not None and lead.modality == lead.attribution.modality:
        cue = lead.attribution.cue
        items.append(("modality", cue.start, cue.end, cue.text))
    return [Evidence(name, start, end, text) for name, start, end, text in items]
