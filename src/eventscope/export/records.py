"""Plain-dict views of events and mentions: the SPEC objects every output format is built from.

One place decides what a field is called and how an absent value looks, so events.json,
events.geojson, events.csv and the report cannot drift apart. Strings that are unknown stay ""
(as in ACLED), numbers that are unknown are null.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from eventscope.export.context import BundleIndex, ExportBundle, build_index
from eventscope.models import Claim, Event, Mention, Place

# The SPEC field order of an events.json object.
EVENT_FIELDS = (
    "event_id", "event_date", "date_start", "date_end", "time_precision",
    "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "inter1", "inter2", "interaction",
    "civilian_targeting", "country", "iso", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "weapons",
    "sources", "source_count", "article_count", "claims", "contradictions", "mentions",
    "notes", "confidence",
    # eventscope's additions: the story (stories.json) the event belongs to, and the
    # civilians and children among the dead where a report states them
    "story_id", "fatalities_civilians", "fatalities_children",
)  # fmt: skip


def json_safe(value: Any) -> Any:
    """Tuples to lists, non-finite floats to null: what strict JSON and GeoJSON can carry."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def place_fields(place: Place | None) -> dict[str, Any]:
    """The location columns of an event or mention; blanks and nulls when unresolved."""
    if place is None:
        return {
            "country": "", "iso": "", "admin1": "", "admin2": "", "admin3": "", "location": "",
            "latitude": None, "longitude": None, "geo_precision": None,
        }  # fmt: skip
    return {
        "country": place.country,
        "iso": place.iso,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "location": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision,
    }


def claim_dict(claim: Claim, index: BundleIndex) -> dict[str, Any]:
    return {
        "doc_id": claim.doc_id,
        "input_id": claim.input_id or index.input_id(claim.doc_id),
        "source": claim.source,
        "attribution": claim.attribution,
        "modality": claim.modality,
        "fatalities": claim.fatalities,
        "date": claim.date,
        "text": claim.text,
    }


def contradiction_dict(item: Mapping[str, Any], index: BundleIndex) -> dict[str, Any]:
    """A contradiction with ``input_id`` set beside every ``doc_id`` in its values."""
    out = dict(json_safe(item))
    values = []
    for value in out.get("values") or []:
        if isinstance(value, dict) and "doc_id" in value:
            value = {**value, "input_id": value.get("input_id") or index.input_id(value["doc_id"])}
        values.append(value)
    out["values"] = values
    return out


def _mention_ref(mention_id: str, index: BundleIndex) -> dict[str, Any] | None:
    mention = index.mentions_by_id.get(mention_id)
    if mention is not None:
        return {
            "mention_id": mention.mention_id,
            "doc_id": mention.doc_id,
            "input_id": index.input_id(mention.doc_id),
            "sentence": mention.sentence,
            "start": mention.start,
            "end": mention.end,
            "trigger": mention.trigger,
            "sentence_start": mention.sentence_start,
            "sentence_end": mention.sentence_end,
        }
    # The id alone still locates the span: models.Mention ids are f"{doc_id}:{start}-{end}".
    doc_id, _, span = mention_id.rpartition(":")
    start, _, end = span.partition("-")
    if not (doc_id and start.isdigit() and end.isdigit()):
        return None
    return {
        "mention_id": mention_id, "doc_id": doc_id, "input_id": index.input_id(doc_id),
        "sentence": None, "start": int(start), "end": int(end),
    }  # fmt: skip


def event_mentions(event: Event, index: BundleIndex) -> list[dict[str, Any]]:
    """Evidence spans of an event, from its own mention ids or else the mention-to-event map."""
    if event.mention_ids:
        refs = [_mention_ref(mid, index) for mid in event.mention_ids]
    else:
        refs = [
            _mention_ref(m.mention_id, index)
            for m in index.mentions_of_event.get(event.event_id, ())
        ]
    return [ref for ref in refs if ref is not None]


def event_to_dict(
    event: Event, bundle: ExportBundle, index: BundleIndex | None = None
) -> dict[str, Any]:
    """The SPEC events.json object for one event (pass ``index`` when converting many)."""
    index = index or build_index(bundle)
    values: dict[str, Any] = {
        "event_id": event.event_id,
        "event_date": event.event_date,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter1": event.inter1,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        **place_fields(event.location),
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "fatalities_civilians": event.fatalities_civilians,
        "fatalities_children": event.fatalities_children,
        "weapons": list(event.weapons),
        "sources": list(event.sources),
        "source_count": event.source_count,
        "article_count": event.article_count,
        "claims": [claim_dict(c, index) for c in event.claims],
        "contradictions": [contradiction_dict(c, index) for c in event.contradictions],
        "mentions": event_mentions(event, index),
        "notes": event.notes,
        "confidence": event.confidence,
        "story_id": index.story_of_event.get(event.event_id),
    }
    return json_safe({name: values[name] for name in EVENT_FIELDS})


def mention_to_dict(mention: Mention, index: BundleIndex) -> dict[str, Any]:
    """One mentions.jsonl record: mention fields, ids to join on, flattened location."""
    data = mention.to_dict()
    data.pop("location", None)
    evidence = data.pop("evidence", [])
    record = {
        "mention_id": mention.mention_id,
        "doc_id": mention.doc_id,
        "input_id": index.input_id(mention.doc_id),
        "event_id": index.event_of_mention.get(mention.mention_id),
        "start": mention.start,
        "end": mention.end,
        **data,
        "is_eventive": mention.is_eventive,
        **place_fields(mention.location),
        "location_feature": mention.location.feature if mention.location else "",
        "gazetteer_id": mention.location.gazetteer_id if mention.location else "",
        "evidence": evidence,
    }
    return json_safe(record)
