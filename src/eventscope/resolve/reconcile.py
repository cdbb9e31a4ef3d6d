"""Turn a cluster of mentions into one Event: best values, ranges, claims, contradictions."""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from eventscope.models import Article, Claim, Event, Mention, Place
from eventscope.resolve.compat import is_generic_actor

_CIVILIAN_TARGET_TYPES = frozenset({"Violence against civilians"})


def new_event_id(cluster: Sequence[Mention]) -> str:
    anchor = min(m.mention_id for m in cluster)
    return "ev-" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:12]


def choose_event_id(
    cluster: Sequence[Mention], previous: Mapping[str, str], taken: set[str]
) -> str:
    """Keep the id most of the cluster's mentions had before, so ids survive new articles."""
    votes = Counter(previous[m.mention_id] for m in cluster if m.mention_id in previous)
    for event_id, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if event_id not in taken:
            return event_id
    return new_event_id(cluster)


def _per_claim(cluster: Sequence[Mention]) -> dict[tuple[str, str], list[Mention]]:
    """Group by (document, claimant): one article can carry several versions ("25 killed,
    according to the Observatory"; "40 fighters, the ministry said"), and each is a claim."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in cluster:
        groups.setdefault((m.doc_id, m.attribution), []).append(m)
    return dict(sorted(groups.items()))


def _doc_fatalities(mentions: Sequence[Mention]) -> tuple[int | None, int | None, int | None]:
    """One claim's figure: its largest stated count (later sentences often update a toll)."""
    withf = [m for m in mentions if m.fatalities_best is not None or m.fatalities_low is not None]
    if not withf:
        return None, None, None
    m = max(withf, key=lambda x: x.fatalities_best or x.fatalities_low or 0)
    best = m.fatalities_best if m.fatalities_best is not None else m.fatalities_low
    return m.fatalities_low if m.fatalities_low is not None else best, best, m.fatalities_high


def _claim(claim_mentions: Sequence[Mention], article: Article | None) -> Claim:
    lead = min(claim_mentions, key=lambda m: m.start)
    low, best, _ = _doc_fatalities(claim_mentions)
    return Claim(
        doc_id=lead.doc_id,
        input_id=article.input_id if article else lead.doc_id,
        source=(article.source if article and article.source else "unknown source"),
        attribution=lead.attribution,
        modality=lead.modality,
        fatalities=best if best is not None else low,
        date=lead.date_start if lead.time_precision == 1 else None,
        text=lead.sentence,
    )


def _best_location(cluster: Sequence[Mention]) -> Place | None:
    places = [m.location for m in cluster if m.location is not None]
    if not places:
        return None
    counts = Counter(p.gazetteer_id or p.name for p in places)
    return min(
        places,
        key=lambda p: (p.geo_precision, -counts[p.gazetteer_id or p.name], -p.confidence, p.name),
    )


def _date_window(cluster: Sequence[Mention]) -> tuple[str | None, str | None, str | None, int]:
    """Intersect the windows; the best estimate is the most precise, most agreed date."""
    dated = [m for m in cluster if m.date_start]
    if not dated:
        return None, None, None, 3
    start = max(m.date_start or "" for m in dated)
    end = min(m.date_end or m.date_start or "" for m in dated)
    if start > end:  # windows only touch within the slack: keep the union
        start = min(m.date_start or "" for m in dated)
        end = max(m.date_end or m.date_start or "" for m in dated)
    precision = min(m.time_precision for m in dated)
    precise = [m.date_start for m in dated if m.time_precision == precision]
    best = Counter(precise).most_common(1)[0][0] if precision == 1 else start
    return best, start, end, precision


def _most_common(values: Sequence[str]) -> str:
    real = [v for v in values if v]
    return Counter(real).most_common(1)[0][0] if real else ""


def _disagreement(fieldname: str, vals: Sequence[tuple[Any, Claim]]) -> list[dict]:
    """A contradiction entry when the claims state more than one value for a field."""
    if len({v for v, _ in vals}) < 2:
        return []
    return [{
        "field": fieldname,
        "values": [{"value": v, "doc_id": c.doc_id, "input_id": c.input_id, "source": c.source}
                   for v, c in vals],
    }]  # fmt: skip


def _contradictions(
    claims: Sequence[Claim],
    claim_mentions: Sequence[Sequence[Mention]],
    claim_types: Sequence[str],
) -> list[dict]:
    out = []
    for fieldname in ("fatalities", "date"):
        vals = [(getattr(c, fieldname), c) for c in claims if getattr(c, fieldname) is not None]
        out += _disagreement(fieldname, vals)
    # Reports of one event coded with different event types (a clash / an attack on civilians:
    # only cross-type links put them in one event): each claim's own type.
    typed = [(t, c) for t, c in zip(claim_types, claims, strict=True) if t]
    out += _disagreement("event_type", typed)
    # Only named perpetrators can disagree: "Military Forces" does not contradict
    # "Military Forces of Russia (2000-)", it is just less specific.
    named = [
        (actor, claim, _parties(ms, claim_type, actor))
        for claim, ms, claim_type in zip(claims, claim_mentions, claim_types, strict=True)
        if (actor := _pick_actor([(m.actor1, m.inter1) for m in ms])[0])
        and not is_generic_actor(actor)
    ]
    if not _perpetrators_differ(named):
        return out
    return out + _disagreement("actor1", [(actor, claim) for actor, claim, _ in named])


def _parties(mentions: Sequence[Mention], claim_type: str, actor: str) -> frozenset[str]:
    """Who a claim says did it: a battle report names both its sides, and either may be named
    first ("the army clashed with JNIM" / "JNIM attacked the army"), so both are its value."""
    if claim_type != "Battles":
        return frozenset({actor})
    return frozenset(a for m in mentions for a in (m.actor1, m.actor2) if a) | {actor}


def _perpetrators_differ(named: Sequence[tuple[str, Claim, frozenset[str]]]) -> bool:
    """Two claims disagree on the perpetrator when neither's is among the other's parties: a
    battle told from its other end is no dispute over who did it (second review, session 12)."""
    return any(
        a not in parties_b and b not in parties_a
        for i, (a, _, parties_a) in enumerate(named)
        for b, _, parties_b in named[i + 1 :]
    )


# Which event type a merged event takes when its claims tie (linking round 8): remote violence
# first, as ACLED codes an air strike or shelling by its means even when civilians are its
# target (with the civilian-targeting tag); then a battle, since an account of armed
# resistance is evidence of an exchange; then violence against civilians.
TYPE_PRECEDENCE = ("Explosions/Remote violence", "Battles", "Violence against civilians")


def _type_rank(event_type: str) -> tuple[int, str]:
    known = event_type in TYPE_PRECEDENCE
    return (TYPE_PRECEDENCE.index(event_type) if known else len(TYPE_PRECEDENCE), event_type)


def _majority_type(types: Sequence[str]) -> str:
    """The most frequent type, ties broken by :data:`TYPE_PRECEDENCE`; "" when none."""
    counts = Counter(t for t in types if t)
    return min(counts, key=lambda t: (-counts[t], _type_rank(t))) if counts else ""


def claim_event_type(mentions: Sequence[Mention]) -> str:
    """One claim's event type: the type most of its mentions have."""
    return _majority_type([m.event_type for m in mentions])


def choose_event_type(claim_types: Sequence[str]) -> str:
    """The merged event's type: the type most claims (one per source and claimant, so a long
    article does not outvote two short ones) give, ties by :data:`TYPE_PRECEDENCE`."""
    return _majority_type(claim_types)


def _of_type(cluster: Sequence[Mention], event_type: str) -> list[Mention]:
    """The cluster's reports of the chosen type; the whole cluster only when there are none
    (an event type chosen from the cluster's own mentions always has some)."""
    return [m for m in cluster if m.event_type == event_type] or list(cluster)


def _typed_mention(cluster: Sequence[Mention], event_type: str) -> Mention:
    """The mention the event takes its types from: of the chosen event type, with the majority
    sub-event type among that type's mentions (so event, sub-event and disorder types always
    agree), asserted and confident first."""
    of_type = _of_type(cluster, event_type)
    sub_event_type = _most_common([m.sub_event_type for m in of_type])
    ranked = sorted(of_type, key=lambda m: (m.modality != "asserted", -m.confidence, m.mention_id))
    return next(m for m in ranked if m.sub_event_type == sub_event_type)


def _targets_civilians(event: dict[str, Any], event_type: str) -> bool:
    """ACLED's civilian-targeting tag, read from the chosen type's reports like the actors:
    violence against civilians, or civilians as the second actor; never a battle (ACLED's
    battles are between armed sides). A tag is not borrowed from another type's claim: it
    would contradict the event's own actor2 and interaction (second review, session 12)."""
    if event_type == "Battles":
        return False
    return event_type in _CIVILIAN_TARGET_TYPES or event["inter2"] == 7


def _fatality_range(claims: Sequence[Claim]) -> tuple[int, int | None, int | None, int | None]:
    figures = sorted(c.fatalities for c in claims if c.fatalities is not None)
    if not figures:
        return 0, None, None, None
    # ACLED codes the most conservative credible figure; UCDP keeps low/best/high.
    return figures[0], figures[0], int(statistics.median_low(figures)), figures[-1]


def _least(values: Sequence[int | None]) -> int | None:
    """ACLED's conservative reading of one breakdown across reports: the smallest stated."""
    stated = [v for v in values if v is not None]
    return min(stated) if stated else None


def _pick_actor(pairs: Sequence[tuple[str, int]]) -> tuple[str, int]:
    """The most reported actor with its own inter code; named actors win over generic labels
    ("Military Forces of Russia (2000-)" over "Military Forces")."""
    real = [(name, inter) for name, inter in pairs if name]
    if not real:
        return "", 0
    named = [p for p in real if not is_generic_actor(p[0])] or real
    counts = Counter(named)
    return min(counts, key=lambda p: (-counts[p], p[0], p[1]))


def _actors(cluster: Sequence[Mention], event_type: str) -> dict[str, Any]:
    # The actors come from the chosen type's reports (linking round 8 merges types): a
    # battle's opponent is never "Civilians" from a merged attack report, nor an attack on
    # civilians' victim the army from a merged battle report. Only a perpetrator that the
    # chosen type's reports leave out is read from the others (the link rules made them agree).
    pool = _of_type(cluster, event_type)
    actor1, inter1 = _pick_actor([(m.actor1, m.inter1) for m in pool])
    if not actor1:
        actor1, inter1 = _pick_actor([(m.actor1, m.inter1) for m in cluster])
    # A battle's opponent is an armed side: a report's "Civilians" (inter 7) is its victims.
    armed_only = event_type == "Battles"
    actor2, inter2 = _pick_actor(
        [
            (m.actor2, m.inter2)
            for m in pool
            if m.actor2 != actor1 and not (armed_only and m.inter2 == 7)
        ]
    )
    if not actor2 and event_type == "Battles":
        # One side of a battle is named as actor1 by some reports and the other side by
        # others ("the army repelled ...", "the RSF said its fighters ..."): the side that
        # is not actor1 is the opponent, never actor1 itself on both sides.
        others = [(m.actor1, m.inter1) for m in pool if m.actor1 != actor1]
        actor2, inter2 = _pick_actor(others)
    # ACLED interaction: both inter codes, smaller first (17 = state forces vs civilians);
    # a one-sided event is the actor's code times ten.
    interaction = (
        int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else (inter1 * 10)
    )
    return {
        "actor1": actor1,
        "inter1": inter1,
        "actor2": actor2,
        "inter2": inter2,
        "interaction": interaction,
        "assoc_actor_1": _most_common([m.assoc_actor_1 for m in cluster]),
        "assoc_actor_2": _most_common([m.assoc_actor_2 for m in cluster]),
    }


def _confidence(cluster: Sequence[Mention], article_count: int) -> float:
    """The best mention's confidence, raised a little by each independent article."""
    return round(min(1.0, max(m.confidence for m in cluster) + 0.1 * (article_count - 1)), 3)


def build_event(
    cluster: Sequence[Mention], articles: Mapping[str, Article], event_id: str
) -> Event:
    groups = _per_claim(cluster)
    claims = tuple(_claim(ms, articles.get(doc)) for (doc, _), ms in groups.items())
    article_count = len({m.doc_id for m in cluster})
    event_date, start, end, precision = _date_window(cluster)
    claim_types = [claim_event_type(ms) for ms in groups.values()]
    typed = _typed_mention(cluster, choose_event_type(claim_types))
    sub_event_type = typed.sub_event_type
    fatalities, low, best, high = _fatality_range(claims)
    actors = _actors(cluster, typed.event_type)
    targets_civilians = _targets_civilians(actors, typed.event_type)
    event = Event(
        event_id=event_id, event_date=event_date, date_start=start, date_end=end,
        time_precision=precision, disorder_type=typed.disorder_type, event_type=typed.event_type,
        sub_event_type=sub_event_type, **actors,
        civilian_targeting="Civilian targeting" if targets_civilians else "",
        location=_best_location(cluster), fatalities=fatalities, fatalities_low=low,
        fatalities_best=best, fatalities_high=high,
        fatalities_civilians=_least([m.fatalities_civilians for m in cluster]),
        fatalities_children=_least([m.fatalities_children for m in cluster]),
        weapons=tuple(sorted({w for m in cluster for w in m.weapons})),
        sources=tuple(sorted({c.source for c in claims})), article_count=article_count,
        claims=claims,
        contradictions=tuple(_contradictions(claims, list(groups.values()), claim_types)),
        mention_ids=tuple(sorted(m.mention_id for m in cluster)),
        confidence=_confidence(cluster, article_count),
    )  # fmt: skip
    return _with_notes(event)


def _with_notes(event: Event) -> Event:
    where = f" in {event.location.name}, {event.location.country}" if event.location else ""
    when = (
        f"On {event.event_date}"
        if event.event_date and event.time_precision == 1
        else (f"Around {event.event_date}" if event.event_date else "On an unknown date")
    )
    who = event.actor1 or "unidentified actors"
    against = f" against {event.actor2}" if event.actor2 else ""
    span = ""
    if event.fatalities_high is not None:
        span = (
            f" Reported fatalities: {event.fatalities_low}-{event.fatalities_high}"
            f" across {len(event.sources)} source(s)."
        )
    notes = f"{when}, {who}: {event.sub_event_type.lower()}{against}{where}.{span}"
    return replace(event, notes=notes)
