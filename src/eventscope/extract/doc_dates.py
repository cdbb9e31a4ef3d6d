"""Undated mentions take their report's date.

A report dates its main event once, in the lead ("on Saturday"), and its follow-up sentences
rarely repeat it: "Residents said the insurgents looted shops", "No group has claimed the
abduction". Such a sentence still reports an event of that day, and ACLED codes it with the
report's date. A mention with no date of its own therefore takes the date of the nearest
eventive, dated mention of the same disorder type before it in the article (else the nearest
after it), with that mention's date evidence, so the field still points at the words that
carry it. Background mentions ("historical", "possible", ...) neither give nor take a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventscope.models import Mention


def _gives_date(m: Mention) -> bool:
    return m.is_eventive and bool(m.date_start)


def inherit_dates(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (one article, in text order) with undated eventive ones dated: the latest
    dated mention so far as the donor (the first dated one before any). Session 20: only a
    mention that shares a disorder type gives its date, for the day of a ceasefire or of a
    deployment is not the day of a strike ("Palestinian reports said those killed were
    civilians. The IDF has reported dozens of similar incidents since the ceasefire took
    effect in October" dated the killing October). A combined type ("Political violence;
    Demonstrations") shares each of its parts (review)."""
    dated = [(i, _kinds(m)) for i, m in enumerate(mentions) if _gives_date(m)]
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        if mention.is_eventive and not mention.date_start:
            kinds = _kinds(mention)
            sharing = [j for j, k in dated if k & kinds]
            before = [j for j in sharing if j < i]
            donor = before[-1] if before else (sharing[0] if sharing else None)
            mention = _dated_like(mention, mentions[donor]) if donor is not None else mention
        out.append(mention)
    return out


def _kinds(m: Mention) -> frozenset[str]:
    return frozenset(part.strip() for part in m.disorder_type.split(";"))


def _dated_like(mention: Mention, donor: Mention) -> Mention:
    evidence = tuple(e for e in donor.evidence if e.field == "date")
    return replace(
        mention,
        date_start=donor.date_start,
        date_end=donor.date_end,
        time_precision=donor.time_precision,
        evidence=mention.evidence + evidence,
    )
