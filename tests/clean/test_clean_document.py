"""clean_document end to end on plain text: the Article it builds and the Skips it returns."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from eventscope.clean import clean_document, decode_source, simhash64
from eventscope.models import Article, RawDocument, Skip

SCRAPED = (Path(__file__).parent / "data" / "scraped_article.txt").read_bytes()
STORY = "Militants attacked a police post in Borno state on Friday, killing four officers."


def _raw(data: bytes, **metadata: str) -> RawDocument:
    digest = hashlib.sha256(data).hexdigest()
    return RawDocument(digest, "input-7", data, "text", **metadata)  # type: ignore[arg-type]


def _article(data: bytes, **metadata: str) -> Article:
    article = clean_document(_raw(data, **metadata))
    assert isinstance(article, Article), article
    return article


def test_scraped_document_becomes_a_clean_article() -> None:
    article = _article(SCRAPED, source="Example News")
    assert article.doc_id == hashlib.sha256(SCRAPED).hexdigest()
    assert article.input_id == "input-7"
    assert article.source == "Example News"
    assert article.language == "en"
    assert article.published == "2024-03-05"  # read from the removed "Published:" line
    assert article.fingerprint == simhash64(article.text)
    assert "Advertisement" not in article.text
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_removed_spans_point_into_the_decoded_source() -> None:
    article = _article(SCRAPED)
    source = decode_source(SCRAPED)
    assert source is not None
    assert len(article.removed) >= 10
    for span in article.removed:
        assert source[span.start : span.end] == span.text
    starts = [span.start for span in article.removed]
    assert starts == sorted(starts)


def test_given_date_wins_over_the_printed_one() -> None:
    assert _article(SCRAPED, published="2024-03-06T01:00:00+02:00").published == "2024-03-06"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("not a date", None),
        ("2024-02-30", None),
    ],
)
def test_published_is_normalised(published: str, expected: str | None) -> None:
    assert _article(STORY.encode(), published=published).published == expected


@pytest.mark.parametrize(
    "printed",
    ["Published: March 5, 2024", "Updated: 5 March 2024 10:32 GMT", "Posted 2024-03-05"],
)
def test_printed_date_fills_a_missing_published(printed: str) -> None:
    assert _article(f"{printed}\n{STORY}".encode()).published == "2024-03-05"


def test_ambiguous_printed_date_is_not_guessed() -> None:
    article = _article(f"Published: 05/03/2024\n{STORY}".encode())
    assert article.published is None  # 5 March or 3 May? Unknown beats wrong.


@pytest.mark.parametrize(
    "data",
    [b"Advertisement\nShare on Facebook\n23 Comments\n", b"* * *\n----\n", b"   \n\n  "],
)
def test_nothing_but_boilerplate_is_no_text(data: bytes) -> None:
    skip = clean_document(_raw(data))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.stage, skip.input_id) == ("no-text", "clean", "input-7")
    assert skip.doc_id == hashlib.sha256(data).hexdigest()


def test_unknown_media_type_is_skipped() -> None:
    skip = clean_document(RawDocument("d", "i", b"%PDF-1.7", "pdf"))
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.stage) == ("unsupported-format", "clean")


def test_cleaning_is_deterministic_and_picklable() -> None:
    first, second = _article(SCRAPED), _article(SCRAPED)
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first


def test_metadata_passes_through() -> None:
    article = _article(STORY.encode(), title="Police post attacked", url="https://example.org/a")
    assert (article.title, article.url, article.text) == (
        "Police post attacked",
        "https://example.org/a",
        STORY,
    )
