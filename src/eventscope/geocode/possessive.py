"""A toponym span that kept its possessive "'s" (session 15).

An extractor may hand over "Cabo Delgado's" from "in Cabo Delgado's Ancuabe district": as
a name it found nothing, so the province that places the town before it was lost. The
bare name is read instead, but only when the whole span is unknown and the bare name is
known: "St. John's" is a name of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventscope.geocode.resolver import Geocoder

_POSSESSIVE_END = re.compile(r"['’]s$")


def without_possessive(name: str, geocoder: Geocoder) -> str:
    """``name`` without a trailing "'s" when only the bare name has candidates."""
    bare = _POSSESSIVE_END.sub("", name).rstrip()
    if bare == name or geocoder.candidates(name) or not geocoder.candidates(bare):
        return name
    return bare
