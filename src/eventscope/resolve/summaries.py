"""What a mention's date says for linking (session 17).

Which mentions sum up several events over their window (moved out of ``compat``): a look-back
date ("over the past three days"), attacks told as repeated ("shelled Nikopol repeatedly this
week"), a periodic tally ("in its monthly update") or a vague plural of events ("several
bombings ... this month"). Over a window of days such a mention is a campaign summary
(``compat.is_campaign``), which never absorbs one day's report.

And which exact days are only a statement's: "a resident told our correspondent on Thursday
that the attackers rode into the village" dates the telling; the extractor keeps that day for
the event when nothing else dates it (a plain report of the day's news), but the raid may have
been the night before, as another report says. Such a day is no exact day for the rule that
two exact days never link (``compat._exact_days``): the usual slack applies."""

from __future__ import annotations

from functools import cache

from eventscope.models import Mention


def is_lookback(m: Mention, start: int | None, end: int | None) -> bool:
    """Whether a mention dated ``start``..``end`` (ordinals) sums up several events over its
    window: a look-back phrase ("over the past three days"), repeated attacks, a periodic
    tally, or a vague plural of events (session 17)."""
    if start is None or end is None or end - start < 1:  # a one-day window is never a summary
        return False
    if _tells_several(m.sentence, m.trigger):
        # "shelled Nikopol repeatedly this week", "210 killed in June, the UN said in its
        # monthly update": several events over the window
        return True
    return any(e.field == "date" and _lookback_phrase(e.text) for e in m.evidence)


def _tells_several(sentence: str, trigger: str) -> bool:
    """Whether the sentence says its attacks were repeated ("shelled Nikopol repeatedly",
    "daily assaults"), cites a periodic tally ("in its monthly update") or counts its trigger
    among a vague plural ("several bombings", session 17): over a window of several days that
    makes a summary, like a look-back.
    A one-day date is never a summary ("repeatedly on Monday" is one day's shelling)."""
    from eventscope.extract.repetition import counts_several_events, tells_summary

    return tells_summary(sentence) or counts_several_events(sentence, trigger)


@cache
def _lookback_phrase(text: str) -> bool:
    """Whether a date phrase is a look-back window, read by the extractor's own date rules
    (the mention records the phrase, not the rule that resolved it)."""
    from eventscope.extract.dates import find_date_phrases

    return any(p.kind == "window" for p in find_date_phrases(text, None))


def statement_dated(m: Mention) -> bool:
    """Whether the mention's one-day date is read from a statement's date ("told our
    correspondent on Thursday that ..."), not told of the event itself."""
    if m.time_precision != 1:
        return False
    dates = [e for e in m.evidence if e.field == "date"]
    if len(dates) != 1 or not m.sentence_start <= dates[0].start <= m.sentence_end:
        return False
    from eventscope.extract.dates import dates_a_statement

    return dates_a_statement(m.sentence[: dates[0].start - m.sentence_start])
