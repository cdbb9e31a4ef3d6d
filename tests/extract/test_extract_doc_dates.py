"""Undated mentions take their report's date (eventscope.extract.doc_dates)."""

from __future__ import annotations

from collections.abc import Callable

from eventscope.extract.doc_dates import inherit_dates
from eventscope.models import Evidence, Mention
from factories import mention

DATE = Evidence("date", 40, 48, "Saturday")


def _undated(start: int, **kw: object) -> Mention:
    return mention(start=start, date_start=None, date_end=None, time_precision=3, **kw)


def test_a_follow_up_takes_the_preceding_date_and_its_evidence() -> None:
    lead = mention(start=10, evidence=(DATE,))
    follow = _undated(200)
    out = inherit_dates([lead, follow])
    assert (out[1].date_start, out[1].date_end, out[1].time_precision) == (
        lead.date_start, lead.date_end, lead.time_precision,
    )  # fmt: skip
    assert DATE in out[1].evidence and out[0] == lead


def test_a_headline_takes_the_next_date_and_the_nearest_before_wins() -> None:
    first = mention(start=100, date_start="2025-03-10", date_end="2025-03-10")
    second = mention(start=300, date_start="2025-03-11", date_end="2025-03-11")
    out = inherit_dates([_undated(0), first, _undated(200), second, _undated(400)])
    assert [m.date_start for m in out] == [
        "2025-03-10", "2025-03-10", "2025-03-10", "2025-03-11", "2025-03-11",
    ]  # fmt: skip


def test_background_mentions_neither_give_nor_take() -> None:
    past = mention(start=10, modality="historical", date_start="2020-01-01", date_end="2020-01-01")
    hedged = _undated(200, modality="possible")
    follow = _undated(300)
    out = inherit_dates([past, hedged, follow])
    assert out[1].date_start is None and out[2].date_start is None


def test_an_article_without_any_date_stays_undated(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of("Gunmen killed five villagers. The attackers burned homes.", None)
    assert found and all(m.date_start is None for m in found)
