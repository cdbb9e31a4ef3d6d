"""events.json objects: every SPEC field, ids paired, deterministic order."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from eventscope.export import EVENT_FIELDS, ExportBundle, event_to_dict, write_format
from eventscope.export.context import build_index

SPEC_FIELDS = {
    "event_id", "event_date", "date_start", "date_end", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "inter1", "inter2", "interaction", "civilian_targeting", "country", "iso", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_best", "fatalities_high", "weapons", "sources",
    "source_count", "article_count", "claims", "contradictions", "mentions", "notes",
    "confidence",
}  # fmt: skip
CLAIM_FIELDS = {"doc_id", "input_id", "source", "attribution", "modality", "fatalities", "date",
                "text"}  # fmt: skip
MENTION_REF_FIELDS = {"doc_id", "input_id", "sentence", "start", "end"}
# Fields eventscope adds beyond SPEC.md (which allows extensions, never renames).
EXTENSION_FIELDS = {"story_id", "fatalities_civilians", "fatalities_children"}


def render(bundle: ExportBundle, fmt: str) -> str:
    buf = io.StringIO(newline="")
    write_format(bundle, fmt, buf)
    return buf.getvalue()


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict nested anywhere in a JSON value."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


def test_every_spec_field_present(bundle: ExportBundle) -> None:
    events = json.loads(render(bundle, "json"))
    assert len(events) == 2
    for event in events:
        assert set(event) == SPEC_FIELDS | EXTENSION_FIELDS
        assert tuple(event) == EVENT_FIELDS
        for claim in event["claims"]:
            assert set(claim) == CLAIM_FIELDS
        for ref in event["mentions"]:
            assert set(ref) >= MENTION_REF_FIELDS
        for item in event["contradictions"]:
            assert {"field", "values"} <= set(item)


@pytest.mark.parametrize("fmt", ["json", "geojson"])
def test_doc_id_always_paired_with_input_id(bundle: ExportBundle, fmt: str) -> None:
    seen = 0
    for obj in walk(json.loads(render(bundle, fmt))):
        if "doc_id" in obj:
            seen += 1
            assert obj.get("input_id"), obj
    assert seen >= 10  # claims, mentions and contradiction values all carry doc ids


def test_input_ids_match_documents(bundle: ExportBundle) -> None:
    for obj in walk(json.loads(render(bundle, "json"))):
        if "doc_id" in obj:
            assert obj["input_id"] == bundle.documents[obj["doc_id"]].input_id


def test_order_by_date_then_id_with_undated_last(bundle: ExportBundle) -> None:
    events = json.loads(render(bundle, "json"))
    assert [e["event_id"] for e in events] == ["ev-aleppo-1", "ev-clash-2"]
    assert events[-1]["event_date"] is None


def test_unresolved_location_is_null(bundle: ExportBundle) -> None:
    clash = json.loads(render(bundle, "json"))[1]
    assert clash["latitude"] is None and clash["longitude"] is None
    assert clash["geo_precision"] is None
    assert clash["location"] == "" and clash["country"] == ""


def test_resolved_event_values(bundle: ExportBundle) -> None:
    strike = json.loads(render(bundle, "json"))[0]
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == (
        36.2021, 37.1343, 1)  # fmt: skip
    assert strike["location"] == "Aleppo" and strike["iso"] == "SY"
    assert [c["fatalities"] for c in strike["claims"]] == [3, 5, 12]
    assert strike["source_count"] == 3 and strike["weapons"] == ["Su-34"]
    assert len(strike["mentions"]) == 3


def test_mentions_found_through_event_of_mention(bundle: ExportBundle) -> None:
    """An event without mention_ids still lists its evidence via the bundle's map."""
    clash = json.loads(render(bundle, "json"))[1]
    assert [m["input_id"] for m in clash["mentions"]] == ["clash.txt"]
    assert clash["mentions"][0]["sentence"].startswith("Fighters of HTS")


def test_index_is_an_optimisation_only(bundle: ExportBundle) -> None:
    index = build_index(bundle)
    for event in bundle.events:
        assert event_to_dict(event, bundle) == event_to_dict(event, bundle, index)


def test_input_id_falls_back_to_claims_and_mention_ids(bundle: ExportBundle) -> None:
    """A document missing from the bundle still gets its input id from its claim."""
    docs = {k: v for k, v in bundle.documents.items() if v.input_id != "ap-17"}
    thin = dataclasses.replace(bundle, documents=docs, mentions=bundle.mentions[:1])
    strike = json.loads(render(thin, "json"))[0]
    ap = [m for m in strike["mentions"] if m["doc_id"].startswith("e")]
    assert ap and ap[0]["input_id"] == "ap-17"
    assert ap[0]["sentence"] is None and ap[0]["end"] - ap[0]["start"] == len("struck")


def test_non_finite_floats_become_null(bundle: ExportBundle) -> None:
    event = dataclasses.replace(bundle.events[0], confidence=float("nan"))
    assert event_to_dict(event, bundle)["confidence"] is None
