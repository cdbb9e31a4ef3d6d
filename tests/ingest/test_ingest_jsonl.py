"""Ingest of JSON Lines (files and stdin) and JSON files."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from eventscope.ingest import InputDefaults, iter_inputs
from eventscope.models import RawDocument, Skip

TEXT = "Two soldiers were killed in an ambush near Gao, the army said on Sunday."


def _jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _docs(results: list[RawDocument | Skip]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def _skips(results: list[RawDocument | Skip]) -> list[Skip]:
    return [r for r in results if isinstance(r, Skip)]


def test_stdin_jsonl_records(tmp_path: Path) -> None:
    data = _jsonl(
        {"id": "a-1", "text": TEXT, "source": "AFP", "published": "2024-05-01T08:00:00Z"},
        {"html": "<p>Clashes in Tripoli.</p>", "url": "https://example.org/x", "title": "Clashes"},
    )
    results = list(
        iter_inputs(["-"], InputDefaults(source="CLI", language="en"), stdin=io.BytesIO(data))
    )
    first, second = _docs(results)
    assert (first.input_id, first.media_type, first.source) == ("a-1", "text", "AFP")
    assert first.published == "2024-05-01T08:00:00Z"  # kept as given; clean normalises
    assert first.language == "en"  # from the CLI default
    assert (second.input_id, second.media_type, second.source) == ("<stdin>#L2", "html", "CLI")
    assert (second.url, second.title) == ("https://example.org/x", "Clashes")


def test_doc_id_hashes_the_text_bytes_only(tmp_path: Path) -> None:
    data = _jsonl(
        {"id": "x", "text": TEXT, "source": "A"}, {"id": "y", "text": TEXT, "source": "B"}
    )
    first, second = _docs(list(iter_inputs(["-"], stdin=io.BytesIO(data))))
    expected = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert first.doc_id == second.doc_id == expected
    assert first.raw == TEXT.encode("utf-8")
    # ... and the same text in a .txt file is the same document.
    path = tmp_path / "same.txt"
    path.write_text(TEXT, encoding="utf-8")
    (from_file,) = _docs(list(iter_inputs([str(path)])))
    assert from_file.doc_id == expected


def test_malformed_line_skips_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = _jsonl({"text": "first report"}).decode()
    path.write_text(good + '{"text": "broken\n' + "\n" + _jsonl({"text": "third report"}).decode())
    results = list(iter_inputs([str(path)]))
    assert [r.input_id for r in results] == [f"{path}#L1", f"{path}#L2", f"{path}#L4"]
    (skip,) = _skips(results)
    assert skip.reason == "malformed-json"
    assert skip.detail.startswith("line 2:")
    assert "column" in skip.detail
    assert [d.raw for d in _docs(results)] == [b"first report", b"third report"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"title": "no body"}', "missing-text"),
        (b'{"text": 42}', "missing-text"),
        (b'{"html": ["<p>"]}', "missing-text"),
        (b'{"text": "   \\n "}', "empty"),
        (b'{"text": "nul \\u0000 byte"}', "binary"),
        (b'["a", "list"]', "malformed-json"),
        (b"42", "malformed-json"),
        (b'{"text": "unterminated}', "malformed-json"),
        (b'{"text": "caf\xe9"}', "malformed-json"),  # Latin-1 byte: not UTF-8 JSON
    ],
)
def test_bad_jsonl_lines(line: bytes, reason: str) -> None:
    (skip,) = list(iter_inputs(["-"], stdin=io.BytesIO(line + b"\n")))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.input_id) == (reason, "<stdin>#L1")
    assert skip.detail


def test_record_id_names_the_skip() -> None:
    (skip,) = list(iter_inputs(["-"], stdin=io.BytesIO(b'{"id": 7, "title": "t"}\n')))
    assert isinstance(skip, Skip)
    assert (skip.input_id, skip.reason) == ("7", "missing-text")


def test_text_wins_over_html_and_numeric_id_becomes_string() -> None:
    data = _jsonl({"id": 12, "text": "plain version", "html": "<p>page version</p>"})
    (doc,) = _docs(list(iter_inputs(["-"], stdin=io.BytesIO(data))))
    assert (doc.input_id, doc.media_type, doc.raw) == ("12", "text", b"plain version")


def test_blank_lines_and_bom_are_tolerated() -> None:
    data = b"\xef\xbb\xbf" + _jsonl({"text": "one"}) + b"\n   \n" + _jsonl({"text": "two"})
    results = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.raw for r in _docs(results)] == [b"one", b"two"]
    assert not _skips(results)


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_stdin_without_records_is_empty(data: bytes) -> None:
    (skip,) = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(skip, Skip)
    assert (skip.input_id, skip.reason) == ("<stdin>", "empty")


def test_over_long_line_is_skipped_and_reading_goes_on() -> None:
    data = _jsonl({"text": "short one"}, {"text": "x" * 500}, {"text": "short two"})
    results = list(iter_inputs(["-"], max_bytes=100, stdin=io.BytesIO(data)))
    assert [type(r).__name__ for r in results] == ["RawDocument", "Skip", "RawDocument"]
    assert results[1].reason == "too-large"  # type: ignore[union-attr]
    assert results[1].input_id == "<stdin>#L2"
    assert results[2].input_id == "<stdin>#L3"


def test_jsonl_file_is_streamed_not_limited_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_bytes(_jsonl(*({"text": f"report number {i}"} for i in range(50))))
    results = list(iter_inputs([str(path)], max_bytes=60))
    assert len(_docs(results)) == 50  # the file is far over 60 bytes; each line is not


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"id": "solo", "text": TEXT}, [("solo", "RawDocument")]),
        ({"text": TEXT}, [("{path}", "RawDocument")]),
        ([{"text": "a"}, {"title": "none"}, {"id": "z", "html": "<p>b</p>"}],
         [("{path}#1", "RawDocument"), ("{path}#2", "Skip"), ("z", "RawDocument")]),
        ([], [("{path}", "Skip")]),
        ("just a string", [("{path}", "Skip")]),
    ],
)  # fmt: skip
def test_json_files(tmp_path: Path, content: object, expected: list[tuple[str, str]]) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    results = list(iter_inputs([str(path)]))
    got = [(r.input_id, type(r).__name__) for r in results]
    assert got == [(name.format(path=path), kind) for name, kind in expected]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "a"},\n {"text": }]', encoding="utf-8")
    (skip,) = list(iter_inputs([str(path)]))
    assert isinstance(skip, Skip)
    assert skip.reason == "malformed-json"
    assert skip.detail.startswith("line 2:")


def test_json_file_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "t" * 200}]), encoding="utf-8")
    (skip,) = list(iter_inputs([str(path)], max_bytes=100))
    assert isinstance(skip, Skip)
    assert skip.reason == "too-large"
