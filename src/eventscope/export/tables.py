"""The data exports: ACLED-style CSV, events JSON, GeoJSON and mentions JSONL.

Every writer takes the bundle and a text stream and is deterministic: events in date-then-id
order, mentions in document-then-offset order, keys in a fixed order, no clock reads.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

from eventscope.export.context import ExportBundle, build_index, sorted_events
from eventscope.export.countries import country
from eventscope.export.records import event_to_dict, mention_to_dict

# ACLED's own column order, then eventscope's columns.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
EXTRA_COLUMNS = (
    "event_id", "date_start", "date_end", "fatalities_low", "fatalities_best", "fatalities_high",
    "fatalities_civilians", "fatalities_children", "weapons", "source_count", "article_count",
    "contradictions", "confidence", "iso_alpha2", "story_id",
)  # fmt: skip
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

# A spreadsheet treats a cell starting with one of these as a formula; article text is
# untrusted, so such cells get a leading apostrophe (OWASP's CSV-injection advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def event_dicts(bundle: ExportBundle) -> list[dict[str, Any]]:
    """All events as SPEC dicts, in the deterministic export order."""
    index = build_index(bundle)
    return [event_to_dict(e, bundle, index) for e in sorted_events(bundle.events)]


def mention_dicts(bundle: ExportBundle) -> list[dict[str, Any]]:
    """All mentions as mentions.jsonl records, grouped by input then ordered by offset."""
    index = build_index(bundle)
    records = [mention_to_dict(m, index) for m in bundle.mentions]
    return sorted(
        records,
        key=lambda r: (r["input_id"] or "", r["doc_id"], r["start"], r["end"], r["mention_id"]),
    )


def csv_cell(value: Any) -> str:
    """One CSV cell: blanks for null, "; "-joined lists, formula-looking text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def unix_timestamp(iso: str) -> int | None:
    """ACLED's ``timestamp`` (seconds since the epoch) from the run's ISO time; naive means UTC."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def acled_row(event: dict[str, Any], timestamp: int | None) -> dict[str, Any]:
    """A CSV row (typed values; :func:`csv_cell` formats them) from an events.json object."""
    facts = country(event["iso"])
    date = event["event_date"]
    return {
        **{k: event.get(k) for k in CSV_COLUMNS if k in event},
        # ACLED's own ids are ISO3 + a serial number we cannot mint; ours is stable and unique.
        "event_id_cnty": event["event_id"],
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        # ACLED's iso is the numeric ISO 3166 code; the alpha-2 goes to our own column.
        "iso": facts.numeric if facts else None,
        "iso_alpha2": event["iso"],
        "region": facts.region if facts else "",
        "source": event["sources"],
        "source_scale": "",
        "tags": "",
        "timestamp": timestamp,
        "contradictions": json.dumps(
            event["contradictions"], ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ),
    }


def write_acled_csv(bundle: ExportBundle, fp: TextIO) -> None:
    """events.csv. Open ``fp`` with ``newline=""`` (the csv module writes its own CRLFs)."""
    writer = csv.writer(fp)
    writer.writerow(CSV_COLUMNS)
    timestamp = unix_timestamp(bundle.generated_at)
    for event in event_dicts(bundle):
        row = acled_row(event, timestamp)
        writer.writerow([csv_cell(row.get(col)) for col in CSV_COLUMNS])


def _dump(value: Any, fp: TextIO, indent: int | None) -> None:
    json.dump(value, fp, ensure_ascii=False, indent=indent, allow_nan=False)


def write_events_json(bundle: ExportBundle, fp: TextIO) -> None:
    """events.json: a list of SPEC event objects."""
    _dump(event_dicts(bundle), fp, indent=2)
    fp.write("\n")


def geojson_feature(event: dict[str, Any]) -> dict[str, Any]:
    """RFC 7946 Feature: Point [lon, lat], or null geometry when the place is unresolved."""
    lat, lon = event["latitude"], event["longitude"]
    geometry = None
    if lat is not None and lon is not None:
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": event}


def write_geojson(bundle: ExportBundle, fp: TextIO) -> None:
    """events.geojson: a FeatureCollection with the event objects as properties."""
    features = [geojson_feature(e) for e in event_dicts(bundle)]
    _dump({"type": "FeatureCollection", "features": features}, fp, indent=2)
    fp.write("\n")


# Characters str.splitlines() breaks on that JSON leaves raw: escaped so each record stays on
# one line for every JSONL reader.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _write_lines(records: Iterable[dict[str, Any]], fp: TextIO) -> None:
    for record in records:
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        fp.write(line.translate(_LINE_BREAKS) + "\n")


def write_mentions_jsonl(bundle: ExportBundle, fp: TextIO) -> None:
    """mentions.jsonl: one JSON object per mention, eventive or not."""
    _write_lines(mention_dicts(bundle), fp)
