"""Names that say their area with "de" (session 12): "Petite Rivière de l'Artibonite",
"Petite-Rivière-de-l'Artibonite" (Artibonite is a department of Haiti), read by
:func:`eventscope.geocode.document.resolve_document` as "Petite Rivière, Artibonite".
A name the gazetteer knows whole ("Santiago de Cuba") is never split."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventscope.geocode.resolver import Geocoder

# Session 12: French and Spanish names that say their area with "de": "Petite Rivière de
# l'Artibonite", "Petite-Rivière-de-l'Artibonite" (Haiti's Artibonite department). Where
# the whole name is unknown, or the span stops before " de l'Artibonite", and the words
# after "de" name an area, the name is read as "Petite Rivière, Artibonite": the area's
# own namesake town if it has one, else the area stands in (never the namesake abroad).
_DE_SPLIT = re.compile(r"[- \t]d(?:e|u|es|el)[- \t](?:l['’]|la[- \t])?(?=[A-Z])")
_DE_AFTER = re.compile(
    r"[ \t]d(?:e|u|es|el)[ \t](?:l['’]|la[ \t])?([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
)


def de_area(text: str, end: int, geocoder: Geocoder) -> str:
    """The area named by "de <Area>" right after a name ending at ``end``, or ""."""
    match = _DE_AFTER.match(text, end)
    if not match:
        return ""
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n]).rstrip(",.")
        if geocoder.qualifier_areas(candidate):
            return candidate
    return ""


def de_split(name: str, geocoder: Geocoder) -> str:
    """Read "Petite-Rivière-de-l'Artibonite" as "Petite-Rivière, Artibonite" when the
    gazetteer lacks the whole name and the part after "de" is an area; else ``name``."""
    match = _DE_SPLIT.search(name)
    if not match or geocoder.candidates(name):
        return name
    head, tail = name[: match.start()].strip(" -"), name[match.end() :].strip(" -")
    return f"{head}, {tail}" if head and geocoder.qualifier_areas(tail) else name
