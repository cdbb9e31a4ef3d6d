"""Ingest of files, directories and globs: documents, skip reasons, order, identity."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from eventscope.ingest import SKIP_REASONS, InputDefaults, iter_inputs
from eventscope.models import RawDocument, Skip

ARTICLE = b"Shelling hit the town of Kupiansk on Monday, killing two civilians, officials said.\n"


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _only(results: list[RawDocument | Skip]) -> RawDocument | Skip:
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(
    ("name", "media_type"),
    [("story.txt", "text"), ("page.html", "html"), ("page.htm", "html"), ("UPPER.TXT", "text")],
)
def test_single_file_becomes_one_document(tmp_path: Path, name: str, media_type: str) -> None:
    path = _write(tmp_path / name, ARTICLE)
    doc = _only(list(iter_inputs([str(path)])))
    assert isinstance(doc, RawDocument)
    assert doc.media_type == media_type
    assert doc.raw == ARTICLE  # bytes exactly as read
    assert doc.doc_id == hashlib.sha256(ARTICLE).hexdigest()
    assert doc.input_id == str(path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  ", "empty"),
        ("bom-only.txt", b"\xef\xbb\xbf \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("controls.html", bytes(range(1, 9)) * 50, "binary"),
        ("README.md", b"# Read me\n", "unsupported-format"),
        ("table.csv", b"a,b\n1,2\n", "unsupported-format"),
        ("noextension", b"text", "unsupported-format"),
        ("story.meta.json", b'{"source": "X"}', "unsupported-format"),
    ],
)
def test_bad_files_are_skipped_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = _write(tmp_path / name, data)
    skip = _only(list(iter_inputs([str(path)])))
    assert isinstance(skip, Skip)
    assert skip.reason == reason
    assert skip.input_id == str(path)
    assert skip.stage == "ingest"
    assert skip.detail  # always says something a user can act on


def test_too_large_is_judged_from_stat_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "big.txt", b"x" * 101)

    def refuse(self: Path) -> bytes:
        raise AssertionError("the whole file must not be read to find out it is too large")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    skip = _only(list(iter_inputs([str(path)], max_bytes=100)))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.input_id) == ("too-large", str(path))
    assert "101" in skip.detail


def test_file_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path / "edge.txt", b"y" * 100)
    assert isinstance(_only(list(iter_inputs([str(path)], max_bytes=100))), RawDocument)


@pytest.mark.parametrize("item", ["does/not/exist.txt", "nowhere/*.txt", "nowhere/**/*.html"])
def test_missing_paths_and_empty_globs(tmp_path: Path, item: str) -> None:
    target = str(tmp_path / item)
    skip = _only(list(iter_inputs([target])))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.input_id) == ("missing", target)


def test_read_error_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", ARTICLE)

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    skip = _only(list(iter_inputs([str(path)])))
    assert isinstance(skip, Skip)
    assert skip.reason == "unreadable"
    assert "Permission denied" in skip.detail


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_file_without_permission_is_unreadable(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        skip = _only(list(iter_inputs([str(path)])))
    finally:
        path.chmod(0o600)
    assert isinstance(skip, Skip)
    assert skip.reason == "unreadable"


def test_directory_is_recursed_sorted_skipping_hidden_and_sidecars(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "b.txt", b"second article text")
    _write(root / "a.txt", b"first article text")
    _write(root / "a.meta.json", b'{"source": "Kyiv Independent"}')
    _write(root / "sub" / "c.html", b"<p>third article</p>")
    _write(root / ".hidden.txt", b"hidden text")
    _write(root / ".git" / "d.txt", b"inside a hidden folder")
    _write(root / "README.md", b"# notes")
    results = list(iter_inputs([str(root)]))
    ids = [r.input_id for r in results]
    assert ids == [str(root / n) for n in ("README.md", "a.txt", "b.txt", "sub/c.html")]
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Skip", "RawDocument", "RawDocument", "RawDocument"]
    assert results[0].reason == "unsupported-format"  # type: ignore[union-attr]
    assert results[1].source == "Kyiv Independent"  # type: ignore[union-attr]


def test_directory_order_is_deterministic(tmp_path: Path) -> None:
    for name in ("z.txt", "m.txt", "a/b.txt", "a/a.txt", "k.jsonl"):
        _write(tmp_path / name, b'{"text": "t"}' if name.endswith("jsonl") else name.encode())
    first = [r.input_id for r in iter_inputs([str(tmp_path)])]
    second = [r.input_id for r in iter_inputs([str(tmp_path)])]
    assert first == second
    assert first[0].endswith("k.jsonl#L1")
    assert first[-2:] == [str(tmp_path / "a" / "a.txt"), str(tmp_path / "a" / "b.txt")]


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    skip = _only(list(iter_inputs([str(tmp_path / "empty")])))
    assert isinstance(skip, Skip)
    assert skip.reason == "empty"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["one.txt", "two.txt"]),
        ("**/*.txt", ["deep/three.txt", "one.txt", "two.txt"]),
        ("t*", ["two.txt"]),
        ("*", ["deep/three.txt", "one.txt", "two.txt"]),  # a folder match is recursed
    ],
)
def test_glob_patterns(tmp_path: Path, pattern: str, expected: list[str]) -> None:
    for name in ("one.txt", "two.txt", "deep/three.txt"):
        _write(tmp_path / name, name.encode() + b" article")
    _write(tmp_path / "one.meta.json", b'{"title": "One"}')  # never an input of its own
    results = list(iter_inputs([str(tmp_path / pattern)]))
    assert all(isinstance(r, RawDocument) for r in results)
    assert sorted(r.input_id for r in results) == [str(tmp_path / n) for n in expected]


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", ARTICLE)
    results = list(iter_inputs([str(path), str(tmp_path), str(tmp_path / "*.txt")]))
    assert [r.input_id for r in results] == [str(path)]


def test_same_content_in_two_files_is_the_same_document(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.txt", ARTICLE)
    second = _write(tmp_path / "two.txt", ARTICLE)
    docs = list(iter_inputs([str(first), str(second)]))
    assert isinstance(docs[0], RawDocument) and isinstance(docs[1], RawDocument)
    assert docs[0].doc_id == docs[1].doc_id
    assert docs[0].input_id != docs[1].input_id


def test_defaults_fill_metadata_of_plain_files(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", ARTICLE)
    defaults = InputDefaults(source="Reuters", published="2024-03-05", language="en")
    doc = _only(list(iter_inputs([str(path)], defaults)))
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.published, doc.language) == ("Reuters", "2024-03-05", "en")


def test_every_skip_reason_is_documented(tmp_path: Path) -> None:
    _write(tmp_path / "x.csv", b"a")
    _write(tmp_path / "e.txt", b"")
    _write(tmp_path / "bad.jsonl", b'{"title": "no text"}\n{oops\n')
    reasons = {r.reason for r in iter_inputs([str(tmp_path), "missing.txt"]) if isinstance(r, Skip)}
    assert reasons == {"unsupported-format", "empty", "missing-text", "malformed-json", "missing"}
    assert reasons <= set(SKIP_REASONS)
