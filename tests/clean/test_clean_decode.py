"""Decoding raw bytes into the normalised source text."""

from __future__ import annotations

import pytest

from eventscope.clean import clean_document, decode_source
from eventscope.models import RawDocument, Skip

FR = "Les forces russes ont bombardé Kharkiv mardi, tuant trois personnes, a déclaré le maire."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (FR.encode("utf-8"), FR),
        (b"\xef\xbb\xbf" + FR.encode("utf-8"), FR),  # UTF-8 byte-order mark stripped
        (FR.encode("latin-1"), FR),
        (FR.encode("cp1252"), FR),
        ("“Quoted” – text € naïve".encode("cp1252"), "“Quoted” – text € naïve"),
        (FR.encode("utf-16"), FR),  # byte-order mark says UTF-16
        ("Российские войска обстреляли Харьков во вторник.".encode("cp1251"),
         "Российские войска обстреляли Харьков во вторник."),
        ("القوات الروسية قصفت مدينة خاركيف يوم الثلاثاء".encode("cp1256"),
         "القوات الروسية قصفت مدينة خاركيف يوم الثلاثاء"),
        (b"<meta charset=iso-8859-15><p>\xa4 caf\xe9</p>",
         "<meta charset=iso-8859-15><p>€ café</p>"),
    ],
)  # fmt: skip
def test_decoding(raw: bytes, expected: str) -> None:
    assert decode_source(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("a\u2028b\u2029c\x0cd".encode(), "a\nb\nc\nd"),
        ("cafe\u0301".encode(), "café"),  # NFC: combining accent composed
        ("zero\u200bwidth soft\u00adhyphen".encode(), "zerowidth softhyphen"),
        (b"bell\x07 and escape", "bell and escape"),
        (b"tab\tkept", "tab\tkept"),
    ],
)
def test_normalisation(raw: bytes, expected: str) -> None:
    assert decode_source(raw) == expected


def test_undecodable_bytes() -> None:
    # Every high byte once: not UTF-8, not Windows-1252 (0x81 is undefined) and as Latin-1 a
    # quarter of it would be C1 control characters.
    assert decode_source(bytes(range(0x80, 0x100)) * 3) is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (bytes(range(0x80, 0x100)) * 3, "undecodable"),
        (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "binary"),
        (b"text with a NUL \x00 byte", "binary"),
    ],
)
def test_clean_skips_what_cannot_be_text(raw: bytes, reason: str) -> None:
    skip = clean_document(RawDocument("doc-1", "input-1", raw, "text"))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.stage, skip.doc_id, skip.input_id) == (
        reason,
        "clean",
        "doc-1",
        "input-1",
    )


def test_latin1_document_cleans_to_unicode_text() -> None:
    raw = (FR + "\n\nPublicité\nLes secours ont fouillé les décombres toute la nuit.").encode(
        "latin-1"
    )
    article = clean_document(RawDocument("d", "i", raw, "text"))
    assert not isinstance(article, Skip)
    assert article.text.startswith("Les forces russes ont bombardé Kharkiv")
    assert "décombres" in article.text
    assert article.language == "fr"
