"""A known place answering for an unknown name said to lie in or near it.

A gazetteer of towns of 500 people lacks most villages, streets and venues, but the text
often says where they are: "Al-Salhiya, Deir Ezzor", "Al-Salhiya in Deir Ezzor", "the
Palais des Nations in Geneva". The honest answer is then the known place, read as
"near a town" or "somewhere in this area" (ACLED precision 2, or the area's own coarser
precision), with less confidence than the known place itself, and with the unknown name
said out loud (:func:`unresolved_name` in the geocode command's output), never a point
that pretends to be the village.

The resolver (qualifiers inside a query) and the document reader (a name followed by
"in <toponym>" in the text, :func:`eventscope.geocode.embedded.located_in_text`) both
build their answers here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventscope.models import Place

# "<unknown name> in <toponym>": what may stand between the two (a comma may come first).
LOCATED_IN = re.compile(r",?\s+(?:in|at|near|outside)\s+(?:the\s+)?")
_LOCATED_WORD = re.compile(r"\s+(?:in|at|near|outside)\s+(?:the\s+)?(?=\S)")
# "near X": at most half as sure as of X itself (keeps a stand-in for a confident town
# above the pipeline's floor of 0.35 only when the town is read with 0.7 or more).
CONFIDENCE_SHARE = 0.5
# A country is too coarse to locate an event (ACLED's coarsest precision is a province):
# as a stand-in it stays under the floor, a best guess only.
_COARSE = frozenset({"country", "continent"})
_COARSE_SHARE = 0.5


def stand_in_confidence(confidence: float, feature: str) -> float:
    """How sure a stand-in of ``feature`` is, given how sure its place itself is."""
    return confidence * CONFIDENCE_SHARE * (_COARSE_SHARE if feature in _COARSE else 1.0)


@dataclass(frozen=True, slots=True)
class Located:
    """A query split into the name and where the query says it lies."""

    name: str  # "Al-Salhiya"
    where: str  # "Deir Ezzor" (the rest of the query, further qualifiers included)
    comma: bool  # "X, Y" (Y usually the area X lies in) rather than "X in Y"


def split_located(query: str) -> Located | None:
    """``query`` as a name and where it lies: "Al-Salhiya, Deir Ezzor", "Al-Salhiya in
    Deir Ezzor"; None for a single name. The first comma splits, else the first "in",
    "at", "near" or "outside" between two words."""
    if "," in query:
        name, where = (part.strip() for part in query.split(",", 1))
        return Located(name, where, True) if name and where else None
    found = _LOCATED_WORD.search(query)
    if found is None or found.start() == 0:
        return None
    return Located(query[: found.start()].strip(), query[found.end() :].strip(), False)


def stand_in(place: Place, query: str, confidence: float) -> Place:
    """``place`` answering for the unknown name ``query`` that lies in or near it: ACLED
    precision 2 (near a town, in a district) or the area's own coarser precision (3 for a
    province or country), with ``confidence``."""
    return replace(
        place, geo_precision=max(2, place.geo_precision), confidence=round(confidence, 3),
        query=query,
    )  # fmt: skip
