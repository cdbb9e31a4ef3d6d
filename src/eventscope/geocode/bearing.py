"""The compass direction a cue states ("Adra, northeast of Damascus") against the
direction in which a reading of the name actually lies from the cue's place.

A bearing in conflict news is rough (a village "east of" a town may lie east-northeast of
it), but never opposite: "Adra, northeast of Damascus" cannot be Daraa, 100 km south of
Damascus (GeoNames lists "Adra" among Daraa's old names). A reading that lies more than a
right angle away from the stated direction is somewhere the text says it is not.
"""

from __future__ import annotations

import math
import re

# "north", "south-east", "southwestern", "North" (the cue's own words)
_COMPASS = re.compile(r"\b(north|south)?-?(east|west)?(?:ern)?[ \t]+of\b", re.IGNORECASE)
_DEGREES = {
    ("north", ""): 0.0,
    ("north", "east"): 45.0,
    ("", "east"): 90.0,
    ("south", "east"): 135.0,
    ("south", ""): 180.0,
    ("south", "west"): 225.0,
    ("", "west"): 270.0,
    ("north", "west"): 315.0,
}
_MAX_OFF = 90.0  # a right angle: rough bearings pass, opposite or crosswise ones do not
# Points of a village and a nearby town are each placed within a few km; nearer than this,
# the direction between them says nothing.
_MIN_KM = 15.0


def stated_bearing(cue: str) -> float | None:
    """Degrees clockwise from north that ``cue`` states (", 30 km southeast of" -> 135),
    or None when it states no direction (" in", ", near")."""
    found = _COMPASS.search(cue)
    if found is None or not (found.group(1) or found.group(2)):
        return None
    return _DEGREES[((found.group(1) or "").lower(), (found.group(2) or "").lower())]


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Degrees clockwise from north of the great circle from point 1 to point 2."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360.0


def against_bearing(cue: str, origin: tuple[float, float], point: tuple[float, float],
                    km: float) -> bool:  # fmt: skip
    """Does ``point`` (``km`` from ``origin``) lie more than a right angle away from the
    direction ``cue`` states from ``origin``? False when the cue states none or the two
    lie too close for a direction to mean anything."""
    stated = stated_bearing(cue)
    if stated is None or km < _MIN_KM:
        return False
    actual = initial_bearing(*origin, *point)
    off = abs((actual - stated + 180.0) % 360.0 - 180.0)
    return off > _MAX_OFF
