"""Attacks told as the motive of another: "in retaliation for Monday's drone strike", "in
revenge for the killing of their commander", "to avenge the raid on Jenin".

The attack inside such a phrase happened before the sentence's own event and is coded (if at
all) from its own report: here it is background, like an event "a day after" which the news
happened (after_dates.py), and its date ("Monday's") is not the date of the reprisal ("on
Tuesday"). Round 7 (session 11): a roadside bomb "in retaliation for Monday's drone strike"
was dated Monday and coded a second drone strike, so it joined Monday's strike.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

# "in retaliation for", "in revenge for", "in reprisal for", "as revenge for": the noun
# whose "for" phrase names the earlier attack. "In response to" is left out: what police
# respond to ("fired tear gas in response to stone-throwing") is part of the same event.
_MOTIVE_NOUNS = frozenset({"retaliation", "revenge", "reprisal", "vengeance"})
_AVENGE = frozenset({"avenge", "retaliate"})  # "to avenge the raid", "retaliating for ..."


def _motive_objects(token: Token) -> Iterator[Token]:
    """The heads of the phrases naming the earlier attack that ``token`` introduces."""
    lemma = token.lemma_.lower()
    if lemma in _MOTIVE_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "against"):
                yield from (c for c in prep.children if c.dep_ == "pobj")
    elif lemma in _AVENGE:
        for child in token.children:
            if child.dep_ == "dobj":
                yield child
            elif child.dep_ == "prep" and child.lower_ == "for":
                yield from (c for c in child.children if c.dep_ == "pobj")


def motive_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans (start, end) of the phrases in ``sent`` that name an earlier attack
    as a motive."""
    spans = []
    for token in sent:
        for obj in _motive_objects(token):
            sub = list(obj.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def is_motive(head: Token) -> bool:
    """Whether the trigger ``head`` names the attack another one avenges."""
    return any(start <= head.idx < end for start, end in motive_spans(head.sent))


def other_motives(sent: Span, head: Token) -> list[tuple[int, int]]:
    """The motive phrases of ``sent`` that do not hold ``head``: their dates ("Monday's" in
    "in retaliation for Monday's drone strike") date the earlier attack, never the reprisal."""
    return [s for s in motive_spans(sent) if not s[0] <= head.idx < s[1]]
