"""Read-side queries over the store, shared by the CLI (and later the web API)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventscope.store.sqlite import Store


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None


def filter_events(store: Store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Events matching the filter, as flat summaries, in date order."""
    for e in store.iter_events():
        if flt.since and (not e.event_date or e.event_date < flt.since):
            continue
        if flt.until and (not e.event_date or e.event_date > flt.until):
            continue
        if flt.country and (not e.location or e.location.iso.upper() != flt.country.upper()):
            continue
        if flt.event_type and flt.event_type.lower() not in (
            e.event_type.lower(),
            e.sub_event_type.lower(),
        ):
            continue
        low, high = e.fatalities_low, e.fatalities_high
        yield {
            "event_id": e.event_id,
            "event_date": e.event_date,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": e.actor1,
            "actor2": e.actor2,
            "location": e.location.name if e.location else "(unresolved)",
            "iso": e.location.iso if e.location else None,
            "fatalities": e.fatalities,
            "fatalities_range": ""
            if high is None
            else (f"{low}" if low == high else f"{low}-{high}"),
            "source_count": e.source_count,
        }
