"""HTML pages: main text, metadata, and pages that are broken or hostile."""

from __future__ import annotations

import pytest

from eventscope.clean import clean_document, decode_source
from eventscope.clean.html import extract_html
from eventscope.models import Article, RawDocument, Skip

P1 = (
    "A missile strike hit a residential building in Kharkiv on Tuesday, killing three people "
    "and wounding twelve, regional officials said."
)
P2 = (
    "The governor said rescue work was continuing through the night and that more victims "
    "could still be under the rubble of the nine-storey block."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Missile strike hits Kharkiv | The Daily Planet</title>
  <meta property="og:site_name" content="The Daily Planet">
  <meta property="og:title" content="Missile strike hits Kharkiv">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-05T10:00:00+02:00">
  <script>var tracking = "SECRET-SCRIPT-TEXT";</script>
  <style>.x {{ color: red }}</style>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
  <article>
    <h1>Missile strike hits Kharkiv</h1>
    <p>{P1}</p>
    <div class="share">Share on Facebook</div>
    <p>{P2}</p>
    <p>Read more: Drone attack on Sumy power plant</p>
  </article>
  <aside><h3>Most read</h3><ul><li>Some other story</li><li>Another story</li></ul></aside>
  <footer>Copyright 2024 The Daily Planet. All rights reserved.</footer>
</body>
</html>"""


def _clean(html: str | bytes, **metadata: str) -> Article | Skip:
    raw = html.encode("utf-8") if isinstance(html, str) else html
    return clean_document(RawDocument("doc", "input", raw, "html", **metadata))  # type: ignore[arg-type]


def test_page_text_and_metadata() -> None:
    article = _clean(PAGE)
    assert isinstance(article, Article)
    assert article.text == f"{P1}\n\n{P2}"
    assert article.title == "Missile strike hits Kharkiv"
    assert article.source == "The Daily Planet"
    assert article.published == "2024-03-05"
    assert article.language == "en"


def test_author_is_extracted() -> None:
    assert extract_html(PAGE).author == "Jane Doe"


def test_input_metadata_wins_over_page_metadata() -> None:
    article = _clean(PAGE, title="Given title", source="Given Source", published="2024-03-04")
    assert isinstance(article, Article)
    assert (article.title, article.source, article.published) == (
        "Given title",
        "Given Source",
        "2024-03-04",
    )


def test_markup_is_recorded_as_one_removed_span() -> None:
    article = _clean(PAGE)
    assert isinstance(article, Article)
    (span,) = article.removed
    source = decode_source(PAGE.encode("utf-8"))
    assert source is not None
    assert span.kind == "html"
    assert (span.start, span.end) == (0, len(source))
    assert source[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "page",
    [
        f"<p>{P1}",  # fragment, unclosed
        f"<html><body><div><p>{P1}<b><i></div></span></body>",  # mis-nested, stray closers
        f"<html><body>{'<div>' * 5000}<p>{P1}</p>{'</div>' * 5000}</body></html>",  # deep
        f"<?xml version='1.0' encoding='utf-8'?><html><body><p>{P1}</p></body></html>",
        f"<!DOCTYPE html [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><p>&b;&b;</p><p>{P1}</p>",
        f"<html><body><script>document.write('{P2}')</script><p>{P1}</p></body></html>",
        f"<html><body><p>{P1}</p><img src=x onerror=alert(1)><iframe src='javascript:1'>",
        f"<<<>>><p>{P1}</p><</<//>",
    ],
)
def test_malformed_and_hostile_pages_do_not_crash(page: str) -> None:
    article = _clean(page)
    assert isinstance(article, Article)
    assert P1 in article.text
    assert "document.write" not in article.text
    assert "alert(" not in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<div></div><span>   </span>",
        "<script>alert('only a script')</script>",
        "<html><body><p>Advertisement</p><p>Share on Facebook</p></body></html>",
    ],
)
def test_pages_without_text_are_skipped(page: str) -> None:
    skip = _clean(page)
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.stage) == ("no-text", "clean")


def test_scripts_never_reach_the_text() -> None:
    article = _clean(PAGE)
    assert isinstance(article, Article)
    assert "SECRET-SCRIPT-TEXT" not in article.text
    assert "color: red" not in article.text


def test_html_sent_as_text_is_treated_as_html() -> None:
    raw = PAGE.encode("utf-8")
    article = clean_document(RawDocument("doc", "input", raw, "text"))
    assert isinstance(article, Article)
    assert "<p>" not in article.text
    assert article.text.startswith(P1)


def test_declared_charset_is_honoured() -> None:
    page = (
        f"<html><head><meta charset='windows-1251'></head><body><p>{P1} Харків.</p></body></html>"
    )
    article = _clean(page.encode("cp1251"))
    assert isinstance(article, Article)
    assert article.text.endswith("Харків.")
