"""Attribution (who claims it) and modality (how surely), including negation and hypotheticals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.models import MODALITIES, NON_EVENT_MODALITIES, Mention


@pytest.mark.parametrize(
    ("sentence", "modality", "attribution"),
    [
        ("Russian jets struck a market in Idlib on Monday.", "asserted", ""),
        (
            "Russian jets struck a market in Idlib, the Russian Defence Ministry said.",
            "reported",
            "the Russian Defence Ministry",
        ),
        (
            "The Russian Defence Ministry says its jets struck militant positions near Palmyra.",
            "reported",
            "The Russian Defence Ministry",
        ),
        (
            "According to the Syrian Observatory for Human Rights, jets struck a market in Idlib.",
            "reported",
            "the Syrian Observatory for Human Rights",
        ),
        (
            "Jets struck a market in Idlib, as reported by the White Helmets.",
            "reported",
            "the White Helmets",
        ),
        (
            "Local activists reported that warplanes struck a bakery in Ariha.",
            "reported",
            "Local activists",
        ),
        (
            "Watchdog groups have claimed that Russian bombers hit a market in Idlib.",
            "claimed",
            "Watchdog groups",
        ),
        ("Rebels allegedly shelled a school in Aleppo.", "alleged", ""),
        ("Government forces reportedly bombed the town of Daraya.", "alleged", ""),
        (
            "The ministry denied that its jets had struck the hospital in Ariha.",
            "denied",
            "The ministry",
        ),
        ("Moscow denied carrying out airstrikes on civilians.", "denied", "Moscow"),
    ],
)
def test_attribution(
    only_mention: Callable[..., Mention], sentence: str, modality: str, attribution: str
) -> None:
    mention = only_mention(sentence)
    assert (mention.modality, mention.attribution) == (modality, attribution)
    if attribution:
        evidence = next(e for e in mention.evidence if e.field == "attribution")
        assert evidence.text == attribution


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # negation
        ("No airstrikes were reported in Aleppo on Monday.", "negated"),
        ("Russian jets did not strike Idlib on Monday.", "negated"),
        ("The army has never shelled civilian areas in Kharkiv.", "negated"),
        # hypotheticals
        ("Rebels could launch airstrikes on the capital.", "possible"),
        ("Officials said militants may attack the town.", "possible"),
        ("The army would launch an offensive on the city.", "possible"),
        ("The group threatened to bomb the airport.", "possible"),
        ("If the talks fail, troops will storm the village.", "possible"),
        # plans
        ("The army plans to launch an offensive on Raqqa.", "planned"),
        ("Troops are preparing to recapture the town of Bakhmut.", "planned"),
        ("Protesters will rally in Nairobi on Friday.", "planned"),
        # background
        ("The offensive recalled the siege of Aleppo in 2014.", "historical"),
        ("Last year, jihadists attacked the same village.", "historical"),
        ("Years ago, rebels shelled the same market.", "historical"),
    ],
)
def test_modality(only_mention: Callable[..., Mention], sentence: str, modality: str) -> None:
    mention = only_mention(sentence)
    assert mention.modality == modality
    assert not mention.is_eventive


def test_non_event_modalities_are_kept_but_flagged(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "Russian jets struck Saraqib on Tuesday. The ministry denied that its jets struck the "
        "hospital. Rebels could launch airstrikes next week."
    )
    assert [m.modality for m in found] == ["asserted", "denied", "possible"]
    assert all(m.modality in MODALITIES for m in found)
    assert [m.is_eventive for m in found] == [True, True, False]
    assert found[2].modality in NON_EVENT_MODALITIES
    assert found[2].confidence < found[0].confidence


def test_comparison_event_is_historical_but_main_event_is_not(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "The offensive, like the counter-offensives against Aleppo in the summer, killed dozens "
        "of people.",
        published="2016-11-20",
    )
    by_trigger = {m.trigger: m for m in found}
    assert by_trigger["offensive"].modality == "asserted"
    assert by_trigger["counter-offensives"].modality == "historical"
    assert by_trigger["counter-offensives"].date_start == "2016-06-01"
    assert by_trigger["offensive"].date_start is None  # the summer dates the comparison only


def test_modality_cue_is_evidence(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Russian jets did not strike Idlib on Monday.")
    cue = next(e for e in mention.evidence if e.field == "modality")
    assert cue.text == "not"


def test_a_date_in_another_clause_does_not_date_the_event(
    only_mention: Callable[..., Mention],
) -> None:
    mention = only_mention("Jihadists attacked the village, as they did in 2019.")
    assert mention.modality == "asserted"
    assert mention.date_start is None
