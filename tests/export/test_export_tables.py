"""events.csv, events.geojson and mentions.jsonl."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventscope.errors import ConfigError
from eventscope.export import ACLED_COLUMNS, ExportBundle, write_format
from eventscope.export.countries import acled_region, country
from eventscope.export.tables import csv_cell, unix_timestamp

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


def render(bundle: ExportBundle, fmt: str) -> str:
    buf = io.StringIO(newline="")
    write_format(bundle, fmt, buf)
    return buf.getvalue()


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_rows(bundle: ExportBundle) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(bundle, "acled-csv"), newline="")))


def test_csv_header_starts_with_acled_order(bundle: ExportBundle) -> None:
    header = next(csv.reader(io.StringIO(render(bundle, "acled-csv"), newline="")))
    assert header[: len(ACLED_ORDER)] == ACLED_ORDER == list(ACLED_COLUMNS)
    assert {"event_id", "fatalities_low", "fatalities_high", "contradictions"} <= set(header)


def test_csv_parses_and_carries_values(bundle: ExportBundle) -> None:
    rows = csv_rows(bundle)
    assert [r["event_id"] for r in rows] == ["ev-aleppo-1", "ev-clash-2"]
    strike = rows[0]
    assert strike["iso"] == "760" and strike["iso_alpha2"] == "SY"  # ACLED's numeric code
    assert strike["region"] == "Middle East" and strike["year"] == "2024"
    assert strike["source"].startswith("AP; Reuters; ")
    assert float(strike["latitude"]) == pytest.approx(36.2021)
    assert json.loads(strike["contradictions"])[0]["field"] == "fatalities"
    assert strike["timestamp"] == str(unix_timestamp("2024-03-04T12:00:00+00:00"))
    assert rows[1]["latitude"] == "" and rows[1]["geo_precision"] == ""


def test_csv_formula_injection_neutralised(bundle: ExportBundle) -> None:
    for row in csv_rows(bundle):
        for column, cell in row.items():
            if cell.lstrip(" ")[:1] in ("=", "+", "-", "@"):
                assert is_number(cell), (column, cell)  # only numbers may start with "-"
    notes = csv_rows(bundle)[0]["notes"]
    assert notes.startswith("'=HYPERLINK(")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("  =x", "'  =x"),
        ("plain", "plain"),
        (-33.5, "-33.5"),
        (0, "0"),
        (None, ""),
        (["a", "=b"], "a; =b"),
    ],
)
def test_csv_cell(value: object, expected: str) -> None:
    assert csv_cell(value) == expected


def test_countries_numeric_iso_and_acled_regions() -> None:
    assert country("sy") is not None and country("SY").numeric == 760  # type: ignore[union-attr]
    assert country("UA").region == "Europe"  # type: ignore[union-attr]
    assert country("ML").region == "Western Africa"  # type: ignore[union-attr]
    assert country("AM").region == "Caucasus and Central Asia"  # type: ignore[union-attr]
    assert country("XX") is None and country("") is None
    assert acled_region("BR", "Latin America and the Caribbean", "South America") == (
        "South America")  # fmt: skip


def test_geojson_valid(bundle: ExportBundle) -> None:
    doc = json.loads(render(bundle, "geojson"), parse_constant=pytest.fail)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    strike, clash = doc["features"]
    assert strike["type"] == "Feature" and strike["id"] == "ev-aleppo-1"
    assert strike["geometry"] == {"type": "Point", "coordinates": [37.1343, 36.2021]}  # lon, lat
    assert strike["properties"]["event_id"] == "ev-aleppo-1"
    assert clash["geometry"] is None
    assert "claims" in clash["properties"]


def test_mentions_jsonl_one_line_per_mention(bundle: ExportBundle) -> None:
    text = render(bundle, "mentions-jsonl")
    # splitlines() also splits on U+2028, which one sentence contains: it must be escaped.
    lines = text.splitlines()
    assert len(lines) == len(bundle.mentions) == len(text.split("\n")) - 1
    records = [json.loads(line) for line in lines]
    assert {r["mention_id"] for r in records} == {m.mention_id for m in bundle.mentions}
    for r in records:
        assert r["input_id"] and r["doc_id"] and "start" in r and "end" in r
        assert {"country", "iso", "admin1", "admin2", "location", "latitude", "longitude",
                "geo_precision", "evidence"} <= set(r)  # fmt: skip
    planned = next(r for r in records if r["modality"] == "planned")
    assert planned["event_id"] is None and planned["is_eventive"] is False
    strike = next(r for r in records if r["input_id"] == "reuters-001" and r["event_id"])
    assert strike["event_id"] == "ev-aleppo-1" and strike["location"] == "Aleppo"
    assert strike["evidence"][0] == {"field": "actor1", "start": 102, "end": 109,
                                     "text": "Russian"}  # fmt: skip


def test_unknown_format_is_a_config_error(bundle: ExportBundle) -> None:
    with pytest.raises(ConfigError) as info:
        write_format(bundle, "xlsx", io.StringIO())
    assert info.value.code == "ES-EXPORT-001"
