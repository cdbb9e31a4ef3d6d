"""Incidents an article introduces as separate from what it told before (link rules revision 17).

"Separately, five men were shot dead in an ambush ..." or "In a separate incident, gunmen
kidnapped a councillor ..." tells the reader that the event is not the one of the sentences
before it, even when the place (a province) and the date (a window) cannot tell them apart.
Such a mention never joins a mention of its own article from an earlier sentence. Mentions of
its own sentence, and of later sentences, may still join it ("The victims were miners.").

The cue is read from the sentence here, in the resolver, because the mention has no field for
it. A report's lead carries its members' cue as evidence (``with_separate_cue``), so the
rule still holds between the leads of one article in the cross-article phase, where a lead
that is not the cue's own mention would otherwise lose it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from eventscope.models import Evidence, Mention

SEPARATE_CUE = "separate_incident"  # the evidence field a lead carries the cue in

# Journalistic openers of another incident. "Separately" only opens a sentence: inside one it
# is mostly manner ("the two men were buried separately"). The others may stand anywhere
# ("Gunmen also killed two farmers in a separate attack on Sunday"), but only in the singular:
# "killed in separate attacks" sums up several incidents that may include the one told before.
# A separate statement is another voice, not another incident (review, session 18); an
# adjective may come between ("a separate written statement"), and the word must end there
# ("a separate reported attack" is an incident).
_VOICE = (
    r"(?:[\w-]+ )?(?:statement|report|interview|message|post|video|briefing|communiqu\w*"
    r"|press|letter|comment|remarks|tweet|conversation|release)\b"
)
_CUE = re.compile(
    r"^\W*separately\b"
    r"|\b(?:in|during) (?:a|another) (?:separate|unrelated)\b(?! " + _VOICE + r")"
    r"|\b(?:was|is|in) an unrelated\b"
    r"|\bin another (?:incident|attack|ambush|raid|shooting)\b",
    re.IGNORECASE,
)
# Revision 19: "a separate" before an act noun introduces one wherever it stands ("The attack
# came on the same night as a separate assault on a military position in Karimama"), with an
# ordinal or a word of kind between ("a second, separate attack", "a separate suicide
# bombing"); singular only, and not "a separate strike by teachers" (review).
_ACT_CUE = re.compile(
    r"\b(?:a|an|another)(?: (?:second|third|fourth),?)? (?:separate|unrelated)(?: [\w-]+)? "
    r"(?:attack|assault|ambush|raid|incident|shooting|bombing|explosion|blast|clash|killing"
    r"|airstrike|(?:air|drone|missile|rocket) strike)\b",
    re.IGNORECASE,
)
# ... unless the sentence doubts or denies it: "whether the blast was a separate attack",
# "The army denied that there had been a separate attack", "it was not a separate incident".
_DOUBT = re.compile(r"\b(?:whether|if|not|no|never|denied|denies|deny|rather than)\b", re.I)


# One sentence is read for each of its mentions and once more per report lead; bounded, since
# a million-mention corpus holds nearly as many sentences.
@lru_cache(maxsize=1 << 14)
def opens_separate_incident(sentence: str) -> bool:
    """Whether the sentence introduces its event as another incident than the ones before."""
    if _CUE.search(sentence) is not None:
        return True
    act = _ACT_CUE.search(sentence)
    return act is not None and _DOUBT.search(sentence, 0, act.start()) is None


def separate_from(m: Mention) -> int:
    """The offset before which this mention's article tells other incidents: its sentence's
    start when the sentence has the cue, the cue carried by a report's lead, else -1."""
    if opens_separate_incident(m.sentence):
        return m.sentence_start
    carried = [e.start for e in m.evidence if e.field == SEPARATE_CUE]
    return max(carried, default=-1)


def with_separate_cue(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead with the cue of a member of its report: every member of a report starts at
    or after the cue's sentence (the rule keeps earlier ones out), so the boundary holds for
    the whole report."""
    if opens_separate_incident(lead.sentence):
        return lead
    cues = [m for m in report if opens_separate_incident(m.sentence)]
    if not cues:
        return lead
    cue = max(cues, key=lambda m: m.sentence_start)
    evidence = Evidence(SEPARATE_CUE, cue.sentence_start, cue.sentence_end, cue.sentence)
    return replace(lead, evidence=(*lead.evidence, evidence))


class _Told(Protocol):
    doc_id: str
    sentence_start: int
    separate_from: int  # ``separate_from`` of the mention


def one_incident(a: _Told, b: _Told) -> bool:
    """Whether two mentions may be one event: always across articles; within one, when
    neither is told as separate from the other's (earlier) sentence."""
    if a.doc_id != b.doc_id:
        return True
    return not (a.sentence_start < b.separate_from or b.sentence_start < a.separate_from)
