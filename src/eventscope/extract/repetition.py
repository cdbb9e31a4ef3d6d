"""Words that make a report a tally of repeated attacks ("shelled Nikopol repeatedly this week",
"daily assaults on Toretsk over the past six days").

Linking reads them (:mod:`eventscope.resolve.compat`): over a window of several days they mark
a campaign summary, which never absorbs one day's report. The word must describe the attacks
themselves. Anywhere in the sentence it also matched a masthead ("the Daily Monitor
reported"), a paper ("the daily Al-Watan"), "daily life" and a comparison ("several times
more than the previous attack"), which made one event's report a campaign (review of session
11). Every pattern is a bounded run of words, so a search stays linear in the sentence.
"""

from __future__ import annotations

import re

# An attack verb or noun: "shelled", "strikes", "struck", "attacks", "bombardment", "raids".
_ATTACK = (
    r"(?:shell|strik|struck|attack|bomb|pound|raid|assault|storm|target|hit|barrage|clash"
    r"|fir(?:e|ed|es|ing)\b|shoot|shot|rocket|missile|drone)\w*"
)

# What may follow an adverbial "daily"/"nightly": the end of a clause or a word that goes on
# with the time ("shelled Pokrovsk daily since March"), never a noun ("the daily Al-Watan",
# "disrupted daily life").
_CLAUSE_GOES_ON = (
    r"(?=\s*(?:[,.;:)—–-]|$)|\s+(?:since|for|over|this|last|in|on|at|and|throughout|during"
    r"|until|from|through|across|along)\b)"
)

# A comparison is no repetition: "several times more than", "many times the toll".
_NOT_A_COMPARISON = (
    r"(?!\s+(?:more|less|fewer|larger|higher|greater|bigger|smaller|lower|longer|wider"
    r"|heavier|deadlier|worse|as|the|that|than)\b)"
)

_ADVERB = r"(?:repeatedly|again\s+and\s+again|day\s+after\s+day|night\s+after\s+night)"
_TIMES = r"(?:several|many|multiple|numerous|dozens\s+of)\s+times\b" + _NOT_A_COMPARISON
# Lower-case only: "Drones hit Kyiv, says Daily." ends with a masthead.
_EVERY = r"(?:every\s+(?:day|night)|(?-i:daily|nightly))" + _CLAUSE_GOES_ON
_WORDS_BETWEEN = r"(?:\s+[\w'’,-]+){0,3}?\s+"  # "shelled the town repeatedly"

_REPEATED_ATTACKS = re.compile(
    # "shelled Nikopol repeatedly", "struck the town several times", "pounded it daily"
    rf"\b{_ATTACK}{_WORDS_BETWEEN}(?:{_ADVERB}\b|{_TIMES}|{_EVERY})"
    # "have repeatedly shelled", "was repeatedly hit"
    rf"|\brepeatedly\s+(?:been\s+)?{_ATTACK}"
    # "daily assaults", "nightly drone attacks", "Daily strikes on Kharkiv ..." opening the
    # sentence; a capitalised "Daily" elsewhere is a masthead ("the Daily Star").
    rf"|(?:\b(?-i:daily|nightly)|^(?:Daily|Nightly))\s+(?:[\w'’-]+\s+)?{_ATTACK}",
    re.IGNORECASE,
)


def tells_repeated_attacks(sentence: str) -> bool:
    """Whether ``sentence`` says its attacks were repeated: "repeatedly", "daily", "several
    times" describing an attack word next to it."""
    return _REPEATED_ATTACKS.search(sentence.strip()) is not None


# A periodic report: "in its monthly update", "the weekly casualty report", "annual tally".
# Lower-case only, like "daily": "the Weekly Standard" is a masthead. The report noun must
# follow (one word may stand between), so "weekly prayers" or "monthly salaries" are no tally.
_PERIODIC_REPORT = re.compile(
    r"\b(?-i:weekly|monthly|quarterly|annual|yearly|bi-?weekly|fortnightly)\s+"
    r"(?:[\w'’-]+\s+)?(?:updates?|reports?|tall(?:y|ies)|summar(?:y|ies)|reviews?|briefings?"
    r"|bulletins?|figures|counts?|overviews?|statistics|data|toll)\b",
    re.IGNORECASE,
)


def tells_periodic_tally(sentence: str) -> bool:
    """Whether ``sentence`` cites a periodic report ("the UN said in its monthly update"):
    over a window of several days ("in June", "last week") such a sentence sums up the
    period's toll, which ACLED never codes as one event (El Fasher's June tally is no day's
    shelling). A one-day date in the same sentence is still one event: the caller decides
    by the mention's window."""
    return _PERIODIC_REPORT.search(sentence) is not None


# Session 17: a plural of events counted vaguely ("several bombings", "a series of attacks",
# "repeated raids"): many events, not one. Event nouns only: "several rockets hit the town"
# is one attack with several rockets.
# Not "a wave of missile strikes" (one night's attack) nor "the latest of several attacks"
# (the sentence's own event is one of them; review).
_SEVERAL_EVENTS = re.compile(
    r"(?<!latest of )(?<!last of )(?<!deadliest of )(?<!worst of )(?<!one of )"
    r"\b(?:several|multiple|numerous|repeated|recurrent|frequent|dozens\s+of|scores\s+of"
    r"|a\s+(?:series|spate|string|number|succession)\s+of)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:attacks|bombings|strikes|airstrikes|raids|assaults|ambushes|killings|clashes"
    r"|shellings|explosions|blasts|abductions|kidnappings|incursions)\b",
    re.IGNORECASE,
)


def counts_several_events(sentence: str, trigger: str) -> bool:
    """Whether ``trigger`` is the head of a vague plural of events in ``sentence``
    ("cells have carried out several bombings ... this month"): over a window of days that
    sums up several events, like a look-back. The trigger must be in the phrase: "killed
    five on Monday, the latest of several attacks" reports one."""
    word = trigger.lower()
    return any(word in m.group(0).lower() for m in _SEVERAL_EVENTS.finditer(sentence))


def tells_summary(sentence: str) -> bool:
    """Repeated attacks or a periodic tally: either makes a window of days a summary."""
    return tells_repeated_attacks(sentence) or tells_periodic_tally(sentence)
