"""A town's name takes no article: "the West", "the Valley", "the Golan", "the Badia".

English writes a town's name bare ("in Aleppo", not "in the Aleppo"), except where the
article belongs to the name itself (The Hague, The Bronx, The Valley, Anguilla). A name
written after "the" and standing as the head of its phrase ("between Russia and the
West.", "here in the Valley.", "atop the Mesa,") is a region, a landscape or a common
noun; read as a town (West, Texas; Valley, Alabama; Golan, a village in Iran) it is a
namesake, not what the text means. Such a reading keeps ``ARTICLE_SHARE`` of its
confidence, under the pipeline's floor: an honest "unresolved" instead of a confident
point. A name that modifies a noun after it ("the Gainesville police", "the Birmingham
festival") is left alone: English puts the article before the noun phrase, not the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.resolver import Geocoder, Unresolved
from eventscope.models import Place

ARTICLE_SHARE = 0.3  # as for a namesake abroad (``context.FOREIGN_SHARE``)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# the name ends its clause or sentence (a comma may still be followed by the rest of a
# name, "the Norfolk, Va.-based ..."; a word may be the noun it modifies)
_HEAD_AFTER = re.compile(r"\s*(?:[.;:!?)\]\"”]|$)")
_TOWN_FEATURES = frozenset({"city"})
_LOOKBEHIND = 8  # enough for "the " and spacing


def article_heads(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Which spans are written "the <name>" and end their phrase."""
    flags = []
    for start, end in spans:
        before = text[max(0, start - _LOOKBEHIND) : start]
        flags.append(bool(_THE_BEFORE.search(before)) and bool(_HEAD_AFTER.match(text, end)))
    return flags


def discount_article_heads(
    text: str,
    spans: Sequence[tuple[int, int]],
    answers: Sequence[Place | Unresolved],
    geocoder: Geocoder,
) -> list[Place | Unresolved]:
    """``answers`` with each one-word name written as a "the <name>" head
    (:func:`article_heads`) and read as a town by that name kept at ``ARTICLE_SHARE`` of
    its confidence, unless the town's own name begins with the article (The Hague). Names
    of several words are left alone (neighbourhoods take the article: "the Near North
    Side"), and so are stand-ins (a town near "the South Kilburn Estate")."""
    out = list(answers)
    for i, head in enumerate(article_heads(text, spans)):
        answer = answers[i]
        if not head or not isinstance(answer, Place) or answer.feature not in _TOWN_FEATURES:
            continue
        if len(answer.query.split()) > 1 or answer.name.lower().startswith("the "):
            continue
        if geocoder.unresolved_name(answer):
            continue  # a stand-in or backoff guess for another name
        out[i] = replace(answer, confidence=round(answer.confidence * ARTICLE_SHARE, 3))
    return out
