"""A kind word after a name ("Jiribam district", "Mrauk Oo township", "Nassir town") when
the name is known but the name with the word is not, or only by a loose spelling.

Session 13b (round 10 of the linking check). Three readings the resolver lacked:

* "<town> town" / "<town> village": no entry carries the word, and ``strip_qualifiers``
  deliberately does not peel it (as a same-place word it cost GWN answers such as "Cavan
  Town Hall"), so "Nassir town" had no candidate at all. It is peeled here only when the
  whole query found nothing, and only as the last word.
* "<name> township": Burmese townships are named after their seat town, and "township"
  is no admin word, so "Mrauk Oo township" (the town's alternate name) found nothing; it
  is now the town, at precision 2.
* "<name> district" matched only loosely ("Tarmiyah district" ~ "Al Tarmia District",
  score far below the floor) although the town matches by its own name: the strict
  reading of the core is tried too.

An area asked for by a district-sized word and found only as a town is answered by the
town's own district (admin2), when the gazetteer has it, not by its province.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventscope.geocode.candidates import joined_words
from eventscope.geocode.gazetteer import Candidate, Gazetteer
from eventscope.geocode.normalize import (
    loose_key_from_tokens,
    strict_tokens,
    strip_admin_words,
    strip_qualifiers,
)

# last word -> whether it means the place around the town (precision 2): a Burmese township
# is named after its seat and answered there, as ``candidates.township_seat`` answers
# "Hpakant township, Kachin State" (its GeoNames district is Mohnyin, another name)
_SETTLEMENT_WORDS = {"town": False, "village": False, "township": True}
# words for a division below the province: answered by the town's admin2 when asked.
# Not "county" or "township": a US county or township is often named after a town
# elsewhere (LGL's "Jackson Township", "Oconee County" moved when they were read so).
DISTRICT_WORDS = frozenset({"district", "subdistrict", "municipality", "lga"})
AREA_FEATURES = frozenset({"admin1", "admin2", "region"})
# Session 16: words naming a part of an area the gazetteer lists only whole ("Lower Kurram"
# of Kurram District, "Upper Tana" of Tana River); listed names ("Upper Nile", "Lower
# Shabelle") are found by their full name first and never peeled.
PART_PREFIXES = frozenset({"upper", "lower", "middle"})
# where "township" is a civil division named after anything, not a Burmese seat town
_TOWNSHIP_ELSEWHERE = frozenset({"US", "CA"})


def settlement_head(
    head: str, tokens: list[str], gazetteer: Gazetteer
) -> tuple[tuple[Candidate, ...], bool]:
    """Candidates of ``tokens`` without a last settlement word written in lower case (a
    capital makes it part of a name: "Cavan Town Hall", "Washington Township"), and
    whether the word means the place around the town; ``((), False)`` when there is no
    such word, or when "township" may be a US or Canadian one. A township named after its
    region ("Sagaing township") is the township of the region's seat town, as ACLED codes
    it; "a Mandalay township" (any of the region's) is read the same way, a known limit."""
    words = head.split()
    if len(tokens) < 2 or tokens[-1] not in _SETTLEMENT_WORDS or not words[-1].islower():
        return (), False
    # session 16: "Kyauk Taw township", the town written as one word (Kyauktaw)
    found = gazetteer.lookup_tokens(tokens[:-1]) or joined_words(tokens[:-1], gazetteer)
    if tokens[-1] == "township" and any(c.iso in _TOWNSHIP_ELSEWHERE for c in found):
        return (), False
    return found, _SETTLEMENT_WORDS[tokens[-1]]


def inside_qualifiers(
    found: tuple[Candidate, ...],
    quals: Sequence[str],
    areas_of: Callable[[str], set[tuple[str, str]]],
) -> tuple[Candidate, ...]:
    """``found`` inside every qualifier that names a known area ("Bentiu town, Unity
    state"): a peeled name whose places all lie elsewhere is no reading of the query
    ("Lashio township, Kachin": Lashio is in Shan State, so Kachin stands in)."""
    for qual in quals:
        areas = areas_of(qual)
        if areas:
            found = tuple(c for c in found if (c.iso, "") in areas or (c.iso, c.admin1) in areas)
    return found


def asks_for_area(tokens: list[str], cands: tuple[Candidate, ...]) -> bool:
    """A full-name match that ends in a district word and holds an area ("Jiribam
    district" as the district's own indexed name): the area is meant, as when the word
    is peeled off ("Aleppo province")."""
    return (
        len(tokens) >= 2
        and tokens[-1] in DISTRICT_WORDS
        and any(c.feature in AREA_FEATURES for c in cands)
    )


def only_loose(tokens: list[str], cands: tuple[Candidate, ...]) -> bool:
    """Whether a query ending in a district word (``DISTRICT_WORDS``) matched only by
    loose spellings: then its core's strict reading ("Tarmiyah" of "Tarmiyah district")
    deserves a try."""
    ends_in_district = len(tokens) >= 2 and tokens[-1] in DISTRICT_WORDS
    return ends_in_district and bool(cands) and all(c.loose for c in cands)


def asks_district(query: str) -> bool:
    """Whether ``query`` ends in a district word ("Tarmiyah district")."""
    tokens = strict_tokens(query.split(",")[0])
    return len(tokens) >= 2 and tokens[-1] in DISTRICT_WORDS


def _core_key(tokens: list[str]) -> str:
    return loose_key_from_tokens(strip_admin_words(tokens) or tokens)


def town_district(town: Candidate, query: str, gazetteer: Gazetteer) -> Candidate | None:
    """The admin2 area ``town`` lies in, when ``query`` asks for a district-sized area
    and the district bears the name asked for ("Tarmiyah district": "Al Tarmia
    District"); None otherwise, as for a town GeoNames puts in a district of another
    name ("Khalis district": Khalis lies in "Al-Muqdadiya District")."""
    if not asks_district(query) or not town.admin2:
        return None
    wanted = _core_key(strict_tokens(query.split(",")[0]))
    for cand in gazetteer.lookup_tokens(strict_tokens(town.admin2)):
        same = (cand.iso, cand.admin1, cand.name) == (town.iso, town.admin1, town.admin2)
        if cand.feature == "admin2" and same and _core_key(strict_tokens(cand.name)) == wanted:
            return cand
    return None


def area_part(tokens: list[str], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The divisions (or country) a name of an unlisted part of an area belongs to: "Lower
    Kurram district" is Kurram District. Tried only when the whole name, and every other
    peeling, found nothing. Towns of the bare name are no reading: upper and lower parts
    are of districts, provinces and river basins, and "Lower Tana" is not Antananarivo
    (alternate name "Tana")."""
    if len(tokens) < 2 or tokens[0] not in PART_PREFIXES:
        return ()
    rest = tokens[1:]
    peeled = strip_qualifiers(rest)
    found = gazetteer.lookup_tokens(peeled.tokens if peeled else rest)
    return tuple(c for c in found if c.feature in AREA_FEATURES or c.feature == "country")
