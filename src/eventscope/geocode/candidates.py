"""Operations on a query's candidate set that come before scoring: which areas are named
after the query's towns, one candidate per place, and a country's own name first; and
the bonus a curated facility or sea gets by its own name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.gazetteer import Candidate, Gazetteer
from eventscope.geocode.normalize import strict_tokens

# A curated facility or sea is in the supplement because news names it: by its own name
# ("White House") it outranks the small towns and the translated alternate names
# (Casablanca's "White House") that share the name, which its zero population would
# otherwise favour. Curated areas compete with GeoNames records of the same area instead;
# a curated region without people (a mountain, a plain: "Mount Hermon", "al-Ghab") has no
# such record and is a natural feature as a river is, so it gets the bonus too (review of
# round 12: "Mount Hermon" was a confident Mount Hermon, Virginia, 3,966 people).
_CURATED = "supplement:"
_CURATED_BONUS = 3.0
_CURATED_FEATURES = frozenset({"landmark", "airport", "airbase", "crossing", "river", "sea"})


def named_after_towns(cands: tuple[Candidate, ...]) -> frozenset[tuple[str, str]]:
    """(ISO, admin1) of the areas holding a town of the query's own name: the states and
    provinces that may be named after that town."""
    return frozenset((c.iso, c.admin1) for c in cands if c.feature == "city" and not c.loose)


def best_per_place(cands: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per place, its best match kept ("SA": Saudi Arabia's own alternate
    name beats the same country reached by initials)."""
    best: dict[int, Candidate] = {}
    for cand in cands:
        old = best.get(cand.place_id)
        if old is None or cand.match_rank < old.match_rank:
            best[cand.place_id] = cand
    return tuple(best.values())


def country_name_first(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """A country's own name ("Mexico", "Kuwait") leaves out the places that are called
    so only by an alternate name (Mexico City, Kuwait City): news writes the city's full
    name, while the story's other places would pull the bare name to the capital."""
    if not any(c.feature == "country" and c.match_rank == 0 for c in cands):
        return cands
    return tuple(c for c in cands if c.feature == "country" or c.match_rank == 0)


def curated_bonus(cand: Candidate) -> float:
    """What a curated facility or sea named by its own name gets (see ``_CURATED_BONUS``)."""
    curated = cand.match_rank == 0 and cand.gid.startswith(_CURATED)
    natural = cand.feature == "region" and not cand.population
    return _CURATED_BONUS if curated and (cand.feature in _CURATED_FEATURES or natural) else 0.0


# A district (admin2) and its seat often share a name ("Oicha", Beni territory; "Sirwah",
# Marib): GeoNames may list the town only by another spelling ("Hyosha", "Suq Sirwah"),
# so the district's exact name outscores it. Where the town holds a fifth or more of the
# district's people (``_SEAT_SHARE``), a place named in the news is the town, at
# precision 1, unless the query asks for the area ("Oicha district"). A county of which
# the town is a small part (Riley County, Kansas, 71,000 people, and Riley, 900) stays
# the county.
_SEAT_KM = 30.0  # the resolver's "same place" radius
_SEAT_SHARE = 0.2  # the town holds at least this share of the district's population


def town_of_district(
    top: Candidate, cands: Sequence[Candidate], scores: Sequence[float]
) -> Candidate:
    """The best-scoring town matched by a strict name within ``_SEAT_KM`` of ``top``
    that holds ``_SEAT_SHARE`` of its people, when ``top`` is a district; else ``top``."""
    if top.feature != "admin2":
        return top
    seats = [
        (s, c) for c, s in zip(cands, scores, strict=True)
        if c.feature == "city" and not c.loose and _seat_of(c, top)
    ]  # fmt: skip
    return max(seats, key=lambda pair: pair[0])[1] if seats else top


def district_seat(district: Candidate, gazetteer: Gazetteer) -> Candidate | None:
    """The town a district answer is located at (session 13): its seat, a town of the
    district's own name (by its own or an alternate name, never a loose spelling) in the
    district itself, near its point and holding ``_SEAT_SHARE`` (a fifth) of its people
    (``_seat_of``). ACLED locates a report that names only a district at a town of it, at
    precision 2; the middle of the district's towns (``central_point``) is no place at
    all, and it sits tens of km from both the seat and the next district's towns, so
    "Lakki Marwat district" (seat: Lakki, by its alternate name "Lakki Marwat") read 47 km
    from Bannu, a town of the next district, and two attacks of one night in two
    districts were taken for one. None when the district has no such town (a county
    named after a person)."""
    if district.feature != "admin2":
        return None
    towns = [
        c for c in gazetteer.lookup_tokens(strict_tokens(district.name))
        if c.feature == "city" and not c.loose and c.iso == district.iso
        and (c.admin1, c.admin2) == (district.admin1, district.admin2) and _seat_of(c, district)
    ]  # fmt: skip
    return min(towns, key=lambda c: (c.match_rank, -c.prominence)) if towns else None


def _seat_of(town: Candidate, district: Candidate) -> bool:
    """Is ``town`` near ``district``'s point and a fifth or more of its people (or are
    sizes unknown)?"""
    if haversine_km(district.lat, district.lon, town.lat, town.lon) > _SEAT_KM:
        return False
    sizes = town.population and district.population
    return not sizes or town.population >= _SEAT_SHARE * district.population


# Somali, Arabic and Sahelian names are written as one word or two ("Beledweyne" and
# "Beled Weyne", "Baydhabo", "Ceelasha Biyaha"): the rules of ``normalize`` never touch
# word boundaries, so a name written apart from the gazetteer's spelling found nothing.
# Only a name that found nothing at all is tried joined, only two words of three
# letters or more ("El Fasher" has its own entries; "Al Bab" would read "Albab"), and
# only towns, marked as loose matches so that they rank and are doubted as spellings.
_JOIN_MIN_LETTERS = 3


def joined_words(tokens: Sequence[str], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The towns whose strict name is the two ``tokens`` written as one word."""
    if len(tokens) != 2 or min(map(len, tokens)) < _JOIN_MIN_LETTERS:
        return ()
    found = gazetteer.lookup_tokens(["".join(tokens)])
    return tuple(replace(c, loose=True) for c in found if c.feature == "city" and not c.loose)


def looked_up(head: str, tokens: list[str], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The gazetteer's entries for ``head`` (strict ``tokens``), without readings as a
    country code, else its towns written as one word (``joined_words``). (Round 14's press
    respellings were withdrawn after a review: "Chaqra" in south Lebanon became Shaqra,
    Saudi Arabia; see docs/geocoding.md.)"""
    found = without_country_codes(head, gazetteer.lookup_tokens(tokens))
    return found or joined_words(tokens, gazetteer)


# The gazetteer keeps every country's ISO alpha-3 code among its names ("SUR", "UKR",
# "KEN") and matching ignores case, so the Lebanese town "Sur" read as Suriname and "Ken"
# as Kenya. No country's name or common alias is three letters or fewer except codes
# ("UK", "DRC", "UAE", "CAR"), which news writes in capitals.
_CODE_LETTERS = 3


def without_country_codes(head: str, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """``cands`` less the countries, when ``head`` is a short name not in capitals."""
    letters = head.replace(".", "").strip()
    if len(letters) > _CODE_LETTERS or letters.isupper():
        return cands
    return tuple(c for c in cands if c.feature != "country")


# News writes a town's name in capitals only in a dateline, where a town of two or three
# letters is rare ("OAS", "CHU": organisations, not the towns Oas and Chu), unless the
# dateline's qualifier holds it: "GAO, Mali (AP)".
_SHORT_ACRONYM = 3
Areas = set[tuple[str, str]]  # (ISO, admin1) pairs; admin1 "" for a whole country


def acronym_readings(
    head: str,
    cands: tuple[Candidate, ...],
    quals: Sequence[str],
    areas_of: Callable[[str], Areas],
) -> tuple[Candidate, ...]:
    """``cands`` of the capitalised ``head`` less the towns its qualifiers do not hold,
    when ``head`` is short enough to be an organisation's acronym."""
    if len(head) > _SHORT_ACRONYM:
        return cands
    areas = set().union(*(areas_of(q) for q in quals if q))
    return tuple(
        c for c in cands
        if c.feature != "city" or (c.iso, "") in areas or (c.iso, c.admin1) in areas
    )  # fmt: skip


# Session 12: "Hpakant township, Kachin State". The word "township" is no admin word of
# ``normalize`` (a US township is often named after somewhere else: "Jerome Township",
# Ohio), so the unknown name used to stand in for its qualifier's state (precision 3).
# Where a town of the name lies inside every area the qualifiers name, the township is
# the town's (Myanmar's townships are named after their seat): the town, near (precision
# 2). Without a qualifier, or with no such town inside it, nothing changes.
_TOWNSHIP = "township"


def township_seat(
    tokens: Sequence[str],
    quals: Sequence[str],
    gazetteer: Gazetteer,
    areas_of: Callable[[str], set[tuple[str, str]]],
) -> tuple[Candidate, ...]:
    """The towns named ``tokens`` less a final "township" inside all of ``quals``' areas."""
    if len(tokens) < 2 or tokens[-1] != _TOWNSHIP or not quals:
        return ()
    towns = [c for c in gazetteer.lookup_tokens(list(tokens[:-1])) if c.feature == "city"]
    for qual in quals:
        areas = areas_of(qual)
        towns = [c for c in towns if (c.iso, "") in areas or (c.iso, c.admin1) in areas]
    return tuple(towns)
