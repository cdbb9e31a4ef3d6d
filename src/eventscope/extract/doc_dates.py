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
    mention of the same disorder type gives its date, for the day of a ceasefire or of a
    deployment is not the day of a strike ("Palestinian reports said those killed were
    civilians. The IDF has reported dozens of similar incidents since the ceasefire took
    effect in October" dated the killing October)."""
    out: list[Mention] = []
    donors: dict[str, Mention] = {}
    firsts: dict[str, Mention] = {}
    for m in mentions:
        if _gives_date(m):
            firsts.setdefault(m.disorder_type, m)
    for mention in mentions:
        kind = mention.disorder_type
        if _gives_date(mention):
            donors[kind] = mention
        elif mention.is_eventive and not mention.date_start:
            donor = donors.get(kind) or firsts.get(kind)
            mention = _dated_like(mention, donor) if donor is not None else mention
        out.append(mention)
    return out


def _dated_like(mention: Mention, donor: Mention) -> Mention:
    evidence = tuple(e for e in donor.evidence if e.field == "date")
    return replace(
        mention,
        date_start=donor.date_start,
        date_end=donor.date_end,
        time_precision=donor.time_precision,
        evidence=mention.evidence + evidence,
    )
