"""Undated mentions take their report's date.

A report dates its main event once, in the lead ("on Saturday"), and its follow-up sentences
rarely repeat it: "Residents said the insurgents looted shops", "No group has claimed the
abduction". Such a sentence still reports an event of that day, and ACLED codes it with the
report's date. A mention with no date of its own therefore takes the date of the nearest
eventive, dated mention before it in the article (else the nearest after it), with that
mention's date evidence, so the field still points at the words that carry it. Background
mentions ("historical", "possible", ...) neither give nor take a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventscope.models import Mention


def _donor(mentions: Sequence[Mention], i: int) -> Mention | None:
    before = [m for m in mentions[:i] if m.is_eventive and m.date_start]
    if before:
        return before[-1]
    return next((m for m in mentions[i + 1 :] if m.is_eventive and m.date_start), None)


def inherit_dates(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (one article, in text order) with undated eventive ones dated."""
    out = list(mentions)
    for i, mention in enumerate(mentions):
        if mention.date_start or not mention.is_eventive:
            continue
        donor = _donor(mentions, i)
        if donor is None:
            continue
        evidence = tuple(e for e in donor.evidence if e.field == "date")
        out[i] = replace(
            mention,
            date_start=donor.date_start,
            date_end=donor.date_end,
            time_precision=donor.time_precision,
            evidence=mention.evidence + evidence,
        )
    return out
