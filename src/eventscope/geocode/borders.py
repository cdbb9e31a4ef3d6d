"""A country named across a border is where the story's places are not.

"Fighting in Ras al-Ayn, near the border with Turkey": conflict news places border towns
by the neighbour they face, and read as a country of the story "Turkey" pulled Ras al-Ayn
to Ceylanpinar, its Turkish twin across the line (a loose alternate name). A country
named right after "the border with" says where the place is *not*: it neither shapes the
story's context nor serves as the article's fallback location. The toponym itself still
resolves (it is a country the text names), and a country named elsewhere in the text
("... in Turkey") counts as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from eventscope.models import Place

if TYPE_CHECKING:  # actors.py, which mentions.py imports, imports this module
    from eventscope.geocode.resolver import Unresolved

# "near the border with Turkey", "along the borders with the DRC"; searched in the few
# characters before a name
_BORDER_WITH = re.compile(r"\bborders?[ \t]+with[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_REACH = 24


def beyond_border(text: str, start: int) -> bool:
    """Does the name starting at ``start`` follow "the border with"?"""
    return _BORDER_WITH.search(text, max(0, start - _REACH), start) is not None


# Session 13: "withdrew towards the Malian border", "near the Turkish border": a demonym on
# "border" names the neighbour a story's place faces, as "the border with Mali" does, so it
# is never the article's fallback location (a Niger story was located in Mali). It still
# counts as context for the toponyms: the story lies near that country ("Laiza, near the
# Chinese border", is no Leitza in Spain). Not when a place or a force of that side
# follows: "the Turkish border town of Akcakale" is in Turkey.
# Shared with ``extract.place_names`` (session 13 review): "Moreh border town" is Moreh.
NOT_ACROSS = (
    r"(?![ \t-]+(?:towns?|cit(?:y|ies)|villages?|crossings?|posts?|gates?|provinces?|"
    r"regions?|areas?|districts?|guards?|police|forces|troops|points?|zones?|outposts?|"
    r"camps?)\b)"
)
_DEMONYM_BORDER = re.compile(r"[ \t]+(?:borders?|frontiers?)\b" + NOT_ACROSS, re.IGNORECASE)


def faces_border(text: str, end: int) -> bool:
    """Does "border" follow the demonym ending at ``end`` ("the Malian border"), naming
    the country across it rather than a place on this side?"""
    return _DEMONYM_BORDER.match(text, end) is not None


def across_borders(
    text: str,
    spans: Sequence[tuple[int, int]],
    queries: Sequence[str],
    first: Mapping[str, Place | Unresolved],
) -> frozenset[str]:
    """The queries read as countries that the text names only after "the border with"
    (a query also named elsewhere is not one)."""
    beyond = {q for (s, _), q in zip(spans, queries, strict=True) if beyond_border(text, s)}
    beyond -= {q for (s, _), q in zip(spans, queries, strict=True) if not beyond_border(text, s)}
    return frozenset(
        q for q in beyond if isinstance(first[q], Place) and first[q].feature == "country"
    )
