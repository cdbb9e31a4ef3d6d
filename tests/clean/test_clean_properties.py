"""Property tests: cleaning only removes recorded spans, and never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.clean import clean_document, decode_source, remove_boilerplate
from eventscope.models import Article, RawDocument, RemovedSpan, Skip

BOILERPLATE = [
    "Advertisement",
    "Share  Facebook  Twitter  Email",
    "23 Comments",
    "Leave a comment",
    "Sign up for our newsletter",
    "We use cookies to improve your experience.",
    "Related headlines:",
    "Read more:",
    "By Jane Doe, Staff Reporter",
    "Published: 5 March 2024",
    "(Photo by John Smith/AFP via Getty Images)",
    "© 2024 Example News. All rights reserved.",
    "Home | World | Europe",
    "* * *",
]
CONTENT = [
    "Shelling killed two civilians in Kherson on Monday, officials said.",
    "Troops advance near Kupiansk",
    "The army said it had repelled the attack.",
    "share the burden",
    "Advertisement",  # a content line may equal a boilerplate line: both then appear
]
_LINE = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.sampled_from(CONTENT),
    st.text(max_size=60),
    st.just(""),
)
DOCUMENTS = st.one_of(st.text(), st.lists(_LINE, max_size=25).map("\n".join))


def _words(text: str) -> str:
    return " ".join(text.split())


def _kept_source(source: str, removed: tuple[RemovedSpan, ...]) -> str:
    """The source with every removed span cut out (a line break in its place)."""
    pieces, position = [], 0
    for span in removed:
        pieces.append(source[position : span.start])
        pieces.append("\n")
        position = span.end
    pieces.append(source[position:])
    return "".join(pieces)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_removed_spans_are_exact_ordered_slices(source: str) -> None:
    _, removed = remove_boilerplate(source)
    previous_end = 0
    for span in removed:
        assert source[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text  # the visible extent, never empty
        assert previous_end <= span.start < span.end <= len(source)
        previous_end = span.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_cleaning_only_removes_recorded_spans(source: str) -> None:
    text, removed = remove_boilerplate(source)
    kept = _words(_kept_source(source, removed))
    # Up to whitespace, the cleaned text is exactly the source minus the removed spans.
    assert _words(text) == kept
    # So a removed line shows up in the text only where the source also has it elsewhere.
    for span in removed:
        for line in span.text.split("\n"):
            if _words(line) and _words(line) in _words(text):
                assert _words(line) in kept
    assert "\n\n\n" not in text and text == text.strip()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["text", "html"]))
def test_clean_document_never_raises_on_bytes(raw: bytes, media_type: str) -> None:
    result = clean_document(RawDocument("d", "i", raw, media_type))
    assert isinstance(result, Article | Skip)
    if isinstance(result, Article):
        assert result.text.strip()
        source = decode_source(raw)
        assert source is not None
        assert all(source[s.start : s.end] == s.text for s in result.removed)


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<br>",
                         "<!--", "-->", "<", ">", "&amp;", "&#0;", "<html>", "<body>"])  # fmt: skip


@settings(max_examples=75, deadline=None)
@given(st.lists(st.one_of(_TAGS, st.sampled_from(CONTENT), st.text(max_size=20)), max_size=30))
def test_clean_document_never_raises_on_tag_soup(parts: list[str]) -> None:
    result = clean_document(RawDocument("d", "i", "".join(parts).encode("utf-8"), "html"))
    assert isinstance(result, Article | Skip)
    if isinstance(result, Skip):
        assert result.reason in {"no-text", "binary", "undecodable"}
