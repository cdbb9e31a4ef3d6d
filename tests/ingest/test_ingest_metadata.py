"""Metadata precedence (record > sidecar > CLI defaults), sidecars and date validation."""

from __future__ import annotations

import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from eventscope.ingest import InputDefaults, iter_inputs, parse_iso_date
from eventscope.ingest.metadata import sidecar_path
from eventscope.models import RawDocument

CLI = InputDefaults(source="cli-source", published="2020-01-01", language="fr")


def _one_doc(inputs: list[str], **kwargs: object) -> RawDocument:
    results = list(iter_inputs(inputs, **kwargs))  # type: ignore[arg-type]
    assert len(results) == 1 and isinstance(results[0], RawDocument), results
    return results[0]


def test_sidecar_overrides_defaults_field_by_field(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Gunmen attacked a convoy near Mopti.", encoding="utf-8")
    sidecar = {"id": "mali-17", "source": "Studio Tamani", "url": "https://example.org/17"}
    (tmp_path / "story.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    doc = _one_doc([str(story)], defaults=CLI)
    assert doc.input_id == "mali-17"
    assert (doc.source, doc.url) == ("Studio Tamani", "https://example.org/17")
    assert (doc.published, doc.language) == ("2020-01-01", "fr")  # not in the sidecar


def test_record_fields_override_sidecar_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "t", "source": "record-source"}) + "\n", encoding="utf-8")
    (tmp_path / "feed.meta.json").write_text(
        json.dumps({"source": "sidecar-source", "title": "sidecar-title"}), encoding="utf-8"
    )
    doc = _one_doc([str(path)], defaults=CLI)
    assert (doc.source, doc.title, doc.language) == ("record-source", "sidecar-title", "fr")


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_sidecar_id_does_not_name_every_record(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    records = [{"text": "first"}, {"text": "second"}]
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "feed.meta.json").write_text('{"id": "one-id", "source": "S"}', encoding="utf-8")
    results = list(iter_inputs([str(path)]))
    ids = [r.input_id for r in results]
    assert len(set(ids)) == 2 and "one-id" not in ids
    assert all(isinstance(r, RawDocument) and r.source == "S" for r in results)


def test_sidecar_path_convention() -> None:
    assert sidecar_path(Path("a/b/foo.txt")) == Path("a/b/foo.meta.json")
    assert sidecar_path(Path("page.html")) == Path("page.meta.json")


@pytest.mark.parametrize("sidecar", [b"{not json", b'["a list"]', b"\xff\xfe\x00garbage"])
def test_malformed_sidecar_keeps_document_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, sidecar: bytes
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Protesters clashed with police in Nairobi.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_bytes(sidecar)
    with caplog.at_level(logging.WARNING, logger="eventscope.ingest"):
        doc = _one_doc([str(story)], defaults=CLI)
    assert doc.source == "cli-source"  # the broken sidecar is ignored, defaults still apply
    assert any("sidecar" in record.getMessage() for record in caplog.records)


def test_non_string_metadata_is_ignored_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    line = json.dumps({"text": "t", "title": ["not", "a", "string"], "source": "OK"}).encode()
    with caplog.at_level(logging.WARNING, logger="eventscope.ingest"):
        doc = _one_doc(["-"], stdin=io.BytesIO(line))
    assert (doc.title, doc.source) == (None, "OK")
    assert any("title" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    ("published", "kept"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:32:00+02:00", "2024-03-05T10:32:00+02:00"),
        ("2024-03-05T10:32Z", "2024-03-05T10:32Z"),
        ("yesterday", None),
        ("2024-02-30", None),
        ("05/03/2024", None),
    ],
)
def test_published_is_validated(
    published: str, kept: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    line = json.dumps({"text": "t", "published": published}).encode()
    with caplog.at_level(logging.WARNING, logger="eventscope.ingest"):
        doc = _one_doc(["-"], stdin=io.BytesIO(line))
    assert doc.published == kept
    assert (kept is None) == any("published" in r.getMessage() for r in caplog.records)


def test_invalid_record_date_is_dropped_not_replaced_by_the_default() -> None:
    # The record did state a date, just a broken one: guessing the CLI default instead would
    # invent a date for this article, so the date becomes unknown.
    line = json.dumps({"text": "t", "published": "not a date"}).encode()
    doc = _one_doc(["-"], defaults=CLI, stdin=io.BytesIO(line))
    assert doc.published is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("20240305", date(2024, 3, 5)),
        ("2024-03-05T23:59:59-05:00", date(2024, 3, 5)),  # the local day, not the UTC day
        ("2024-03-05 10:00", date(2024, 3, 5)),
        (" 2024-03-05 ", date(2024, 3, 5)),
        ("2024-13-01", None),
        ("March 5, 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso_date(value: str | None, expected: date | None) -> None:
    assert parse_iso_date(value) == expected
