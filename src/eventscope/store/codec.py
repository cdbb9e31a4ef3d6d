"""JSON round-trips for the pipeline records, so the store can keep them as one column.

Records nest (a Mention holds a Place, PlaceMentions and Evidence); JSON keeps that shape while
the tables index the few fields that queries need.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any, TypeVar

from eventscope.models import (
    Article,
    Claim,
    Event,
    Evidence,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    RemovedSpan,
)

T = TypeVar("T")


def to_json(record: Any) -> str:
    """Serialise a record compactly and deterministically."""
    return json.dumps(asdict(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Instantiate ``cls`` from a dict, ignoring unknown keys (forward compatibility)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def place_from_dict(data: dict[str, Any] | None) -> Place | None:
    return None if data is None else _build(Place, data)


def mention_from_dict(data: dict[str, Any]) -> Mention:
    data = dict(data)
    data["weapons"] = tuple(data.get("weapons") or ())
    data["places"] = tuple(_build(PlaceMention, p) for p in data.get("places") or ())
    data["evidence"] = tuple(_build(Evidence, e) for e in data.get("evidence") or ())
    data["quantities"] = tuple(_build(Quantity, q) for q in data.get("quantities") or ())
    data["location"] = place_from_dict(data.get("location"))
    data["headline_place"] = place_from_dict(data.get("headline_place"))
    data["headline_names"] = tuple(data.get("headline_names") or ())
    return _build(Mention, data)


def mention_from_json(text: str) -> Mention:
    return mention_from_dict(json.loads(text))


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    data["removed"] = tuple(_build(RemovedSpan, r) for r in data.get("removed") or ())
    return _build(Article, data)


def event_from_json(text: str) -> Event:
    data = json.loads(text)
    data["location"] = place_from_dict(data.get("location"))
    data["claims"] = tuple(_build(Claim, c) for c in data.get("claims") or ())
    for key in ("weapons", "sources", "contradictions", "mention_ids"):
        data[key] = tuple(data.get(key) or ())
    return _build(Event, data)
