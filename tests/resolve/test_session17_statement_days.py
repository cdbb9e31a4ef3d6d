"""Link rules revision 18 (session 17): a statement's day is no exact day of the event.

"A resident told our correspondent on Thursday that the attackers rode into the village" dates
the telling; the extractor keeps Thursday for the raid when nothing else dates it, but another
report may rightly say Wednesday night. Two exact days never link (revision 17), so such a
statement's day must not count as one, nor narrow its report's date."""

from __future__ import annotations

from eventscope.models import Evidence, Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import can_link
from eventscope.resolve.summaries import statement_dated
from factories import mention

RULES = LinkRules()


def _raid(doc: str, start: int, sentence: str, phrase: str, day: str, end: str = "") -> Mention:
    at = start + sentence.index(phrase)
    return mention(
        doc, start, sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
        event_type="Violence against civilians", sub_event_type="Attack", actor1="", actor2="",
        inter1=0, inter2=0, trigger="killed", date_start=day, date_end=end or day,
        time_precision=1, evidence=(Evidence("date", at, at + len(phrase), phrase),),
    )  # fmt: skip


MONDAY = _raid(
    "d1", 0, "Gunmen killed five people in the town on Monday.", "on Monday", "2025-03-10"
)
TOLD = _raid(
    "d2", 0, "A resident told reporters on Tuesday that gunmen killed five people in the town.",
    "on Tuesday", "2025-03-11",
)  # fmt: skip
TUESDAY = _raid(
    "d3", 0, "Gunmen killed five people in the town on Tuesday.", "on Tuesday", "2025-03-11"
)


def test_a_statement_s_day_links_with_the_day_before() -> None:
    assert statement_dated(TOLD) and not statement_dated(MONDAY)
    assert can_link(MONDAY, TOLD, RULES)


def test_two_told_days_still_stay_apart() -> None:
    # near miss: the event's own day, not a statement's
    assert not can_link(MONDAY, TUESDAY, RULES)


def test_a_statement_s_day_does_not_narrow_its_report() -> None:
    night = _raid(
        "d4", 0, "Gunmen killed five people in the town on Monday night.", "on Monday night",
        "2025-03-10", "2025-03-11",
    )  # fmt: skip
    told = _raid(
        "d4", 100, "A resident told reporters on Tuesday that the gunmen burned houses.",
        "on Tuesday", "2025-03-11",
    )  # fmt: skip
    events = cluster_mentions([MONDAY, night, told], RULES)
    assert len(events) == 1, [[m.mention_id for m in e] for e in events]
