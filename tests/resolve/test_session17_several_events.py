"""Link rules revision 18 (session 17): a vague plural of events over days is a summary.

"Cells have carried out several bombings on security forces in the district this month" tells
of many events; dated by the month, it used to link with the one roadside bomb of a day in
it, like a look-back summary before campaigns were told apart. Now it is a campaign
(compat.is_campaign), so it only joins other summaries. The trigger must head the plural:
"killed five on Monday, the latest of several attacks" reports one event."""

from __future__ import annotations

from eventscope.extract.repetition import counts_several_events
from eventscope.models import Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.compat import can_link, features, is_campaign
from factories import mention

RULES = LinkRules()


def _ied(doc: str, sentence: str, trigger: str, day: str, end: str = "", p: int = 1) -> Mention:
    return mention(
        doc, 0, sentence=sentence, sentence_start=0, sentence_end=len(sentence),
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        actor1="", actor2="", inter1=0, inter2=0, trigger=trigger, date_start=day,
        date_end=end or day, time_precision=p,
    )  # fmt: skip


SUMMARY = _ied(
    "d2",
    "Cells have carried out several bombings on security forces in the district this month.",
    "bombings", "2025-03-01", "2025-03-11", 3,
)  # fmt: skip
ONE_DAY = _ied("d1", "A roadside bomb killed two soldiers on Friday.", "bomb", "2025-03-07")


def test_several_bombings_this_month_are_a_summary() -> None:
    assert is_campaign(features(SUMMARY), RULES)
    assert not can_link(SUMMARY, ONE_DAY, RULES)


def test_one_event_beside_a_plural_is_still_one_event() -> None:
    # near miss: the trigger is not the plural's head
    sentence = "A roadside bomb killed two soldiers this week, the latest of several attacks."
    latest = _ied("d3", sentence, "bomb", "2025-03-07", "2025-03-11", 2)
    assert not is_campaign(features(latest), RULES)
    assert can_link(latest, ONE_DAY, RULES)


def test_several_munitions_are_one_attack() -> None:
    assert not counts_several_events("Several rockets hit the town this week.", "rockets")
    assert counts_several_events("a series of deadly raids on villages", "raids")
    assert counts_several_events("Repeated drone strikes hit the port this month.", "strikes")


def test_the_latest_of_several_attacks_and_a_wave_of_strikes_are_one_event() -> None:
    # review: the extractor may pick the plural itself as the trigger
    assert not counts_several_events(
        "Gunmen killed 22 people in Bokkos last week, the latest of several attacks.", "attacks"
    )
    assert not counts_several_events(
        "Russia launched a wave of missile strikes on Kyiv.", "strikes"
    )
