"""Evidence highlighting in the report: marks never lose or inject text."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from eventscope.export.report_events import claim_mention, highlighted_sentence
from eventscope.models import Claim, Evidence, Mention

MARK = re.compile(r'<mark class="(?:trigger|ev" title="[^"<>]*)">|</mark>')


def mention(sentence: str, start: int, end: int, *, evidence: tuple[Evidence, ...] = (),
            doc: str = "d", base: int = 50) -> Mention:  # fmt: skip
    return Mention(
        mention_id=f"{doc}:{base + start}-{base + end}", doc_id=doc, start=base + start,
        end=base + end, trigger=sentence[start:end], sentence=sentence, sentence_start=base,
        sentence_end=base + len(sentence), disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", evidence=evidence,
    )  # fmt: skip


@given(st.text(min_size=1, max_size=60), st.data())
def test_highlight_round_trips(sentence: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    ev_start = data.draw(st.integers(0, len(sentence) - 1))
    ev = Evidence("<actor1>", 50 + ev_start, 50 + len(sentence), sentence[ev_start:])
    out = highlighted_sentence(mention(sentence, start, end, evidence=(ev,)))
    stripped = MARK.sub("", out)
    assert "<" not in stripped and ">" not in stripped  # only our own marks are markup
    assert html.unescape(stripped) == sentence


def test_trigger_marked_and_overlaps_dropped() -> None:
    m = mention("Rebels shelled the town of Kidal.", 7, 14, evidence=(
        Evidence("actor1", 50, 56, "Rebels"), Evidence("weapon", 57, 64, "shelled"),
    ))  # fmt: skip
    assert highlighted_sentence(m) == (
        '<mark class="ev" title="actor1">Rebels</mark> <mark class="trigger">shelled</mark> '
        "the town of Kidal."
    )


def test_bad_offsets_fall_back_to_text_search() -> None:
    m = mention("Two <soldiers> died.", 0, 3)
    shifted = Mention(**{**{f: getattr(m, f) for f in m.__slots__}, "start": 900, "end": 903})
    assert (
        highlighted_sentence(shifted) == '<mark class="trigger">Two</mark> &lt;soldiers&gt; died.'
    )


def test_claim_mention_prefers_same_sentence() -> None:
    first, second = mention("A said X.", 2, 6), mention("B said Y.", 2, 6, base=90)
    claim = Claim("d", "in-1", "Outlet", "", "asserted", None, None, "B said Y.")
    assert claim_mention(claim, [first, second]) is second
    other_doc = Claim("zz", "in-2", "Outlet", "", "asserted", None, None, "B said Y.")
    assert claim_mention(other_doc, [first, second]) is None
