"""Which date phrases may date a trigger: those of its own clause and comparison, not those
inside another event's motive or clause. Moved out of :mod:`eventscope.extract.mentions`
(session 12) to keep that module under 400 lines; behaviour unchanged."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span

from eventscope.extract import scope
from eventscope.extract.after_dates import anchored_after
from eventscope.extract.dates import DatePhrase, DatePhrases
from eventscope.extract.reprisals import other_motives
from eventscope.extract.triggers import TriggerHit


def dates_in_scope(
    doc: Doc,
    sent: Span,
    hit: TriggerHit,
    dates: Sequence[DatePhrase],
    comparison_preps: Collection[str],
) -> list[DatePhrase]:
    """The date phrases that may date this trigger. In its sentence, drop phrases inside a
    comparison the trigger is not part of ("like the battles in the summer") and phrases in
    another finite clause ("..., as they did in 2019"): they date other events. A trigger
    inside "<distance> after ..." is also offered its sentence's time anchor (the ``anchor`` of
    :class:`eventscope.extract.dates.DatePhrases`, see
    :func:`eventscope.extract.after_dates.anchored_after`)."""
    scopes = scope.comparison_scopes(sent, comparison_preps)
    own = [s for s in scopes if s[0] <= hit.start < s[1]]
    motives = other_motives(sent, hit.head)  # "in retaliation for Monday's strike"
    kept, roots = [], {}
    for phrase in dates:
        if not sent.start_char <= phrase.start < sent.end_char:
            kept.append(phrase)
            continue
        if any(a <= phrase.start < b for a, b in motives):
            continue
        if any(s[0] <= phrase.start < s[1] and s not in own for s in scopes):
            continue
        root = scope.root_at(doc, phrase.start, phrase.end)
        if root is None or not scope.in_other_clause(root, hit.head):
            kept.append(phrase)
            roots[phrase] = root
    chosen = scope.own_clause_dates([r for r in roots.values() if r is not None], hit.head)
    kept = [p for p in kept if p not in roots or roots[p] is None or roots[p] in chosen]
    # "still burying their dead two days after an air strike killed 17": with no date in
    # sight, the strike is two days before the day the sentence is told (choose_date takes
    # the anchor last).
    day = dates.anchor if isinstance(dates, DatePhrases) else None  # an article's phrases
    anchor = anchored_after(hit.head, day)
    return [*kept, anchor] if anchor is not None else kept
