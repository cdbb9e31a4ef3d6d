"""Town or same-named state? "New York", "Washington", "Ontario" name both a town and a
state or province, and the resolver's prior (towns first) is right only when the text does
not say otherwise. Two kinds of text evidence ask for the area instead:

  * the text calls it one: "New York state", "the state of Washington";
  * it stands in a list with areas of the same rank: "Ohio, New York and Iowa" (a
    neighbouring toponym, joined only by a comma, "and" or "or", resolved to a state,
    province or country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.normalize import strict_key
from eventscope.geocode.resolver import Geocoder, Unresolved
from eventscope.models import Place

Span = tuple[int, int]
_AREA_FEATURES = frozenset({"admin1", "country"})
# A smaller town listed with states is the same-named state wherever it lies ("Ohio,
# Oklahoma, Oregon and Tennessee": not Oregon, Ohio, though it lies nearer its peers);
# only a world city keeps the distance test (the same threshold as the resolver's).
_WORLD_PROMINENCE = 10.0
# The words after a name that call it a first-level area: conflict news writes "Kherson
# oblast", "Ar Raqqah governorate", "the Gao region", "the Hama countryside" (its rural
# province) as often as "state" or "province". Lower case only: not "State University",
# "Region Hannover". The area must still bear the name itself (see ``prefer_areas``).
_AREA_WORDS_AFTER = r"[ \t]+(?:state|province|governorate|governate|oblast|region|countryside)\b"
_STATE_AFTER = re.compile(_AREA_WORDS_AFTER)
_STATE_BEFORE = re.compile(
    r"\b(?:state|province|[Gg]overnorate|[Gg]overnate)[ \t]+of[ \t]+(?:the[ \t]+)?$"
)
# "Homs, Syria's third-largest city": a possessive after the comma opens an apposition
# about the name, it does not list the name with its peers.
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_LIST_JOINER = re.compile(r"[ \t]*(?:,|,?[ \t]+(?:and|or)[ \t]+|/)[ \t]*")


def _called_an_area(text: str, start: int, end: int) -> bool:
    return bool(_STATE_AFTER.match(text, end) or _STATE_BEFORE.search(text, 0, start))


def _listed_with_areas(
    text: str,
    spans: Sequence[Span],
    answers: Sequence[Place | Unresolved],
    i: int,
    geocoder: Geocoder,
) -> list[Place]:
    """The toponyms next to span ``i``, in a list with it, that were read as states or
    countries (empty when it is not in such a list)."""
    peers: list[Place] = []
    own = answers[i]
    # "Gao, Mali": the name after a qualified toponym is its qualifier, not a list peer
    qualified = isinstance(own, Place) and "," in own.query
    for j in (i - 1, i + 1):
        if not 0 <= j < len(spans) or (j == i + 1 and qualified):
            continue
        left, right = sorted((spans[i], spans[j]))
        joined = _LIST_JOINER.fullmatch(text[left[1] : right[0]])
        if j == i + 1 and _POSSESSIVE.match(text, spans[j][1]):
            continue
        peer = answers[j]
        # "Mount Chaambi, Kasserine" read as the province it lies in: that comma
        # qualifies, it does not list (a stand-in for an unknown name is no list peer)
        if (
            joined and isinstance(peer, Place) and peer.feature in _AREA_FEATURES
            and not geocoder.unknown_name(peer.query)
        ):  # fmt: skip
            peers.append(peer)
    return peers


def _closer(area: Place, town: Place, peers: Sequence[Place]) -> bool:
    """Is the area at least as close to its list peers as the town? "Maryland, Virginia
    and Washington" lists the capital next to its neighbours, not the far-off state."""

    def km(p: Place) -> float:
        return min(haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) for q in peers)

    return km(area) <= km(town)


def _world_city(answer: Place, geocoder: Geocoder) -> bool:
    """Is ``answer`` a world city (prominence of about a million people and many names),
    which a list of states may name beside them ("Maryland, Virginia and Washington")?"""
    return any(c.prominence >= _WORLD_PROMINENCE for c in geocoder.candidates_of(answer))


def _placed_by_qualifier(answer: Place, geocoder: Geocoder) -> bool:
    """Does ``answer`` lie inside the area its query's qualifier names ("Washington,
    D.C.")? A list misread as a qualifier ("New Mexico, New York, Ohio" gives the query
    "New York, Ohio") placed nothing and leaves the list cue its say."""
    _, _, qualifier = answer.query.partition(",")
    if not qualifier.strip():
        return False
    areas = geocoder.qualifier_areas(qualifier.strip())
    return (answer.iso, "") in areas or (answer.iso, answer.admin1) in areas


# Russian and Belarusian regions are named by an adjective of their centre's name:
# GeoNames' "Kurskaya oblast'" is what the press calls "the Kursk region", "Belgorodskaya"
# Belgorod's, "Krasnodarskiy kray" Krasnodar's.
_ADJECTIVAL_AREA = re.compile(r"(?:sk)?(?:aya|iy|ij|ya) (?:oblast|voblasts|kray|krai)")


def _adjectival_form(area_key: str, name_key: str) -> bool:
    """Is the area's (strict) name the adjectival form of ``name_key`` ("kurskaya
    oblast" of "kursk")?"""
    rest = area_key.removeprefix(name_key)
    # a stem of four letters or more: "Kur" is not the stem of "Kurskaya"
    return len(name_key) >= 4 and rest != area_key and bool(_ADJECTIVAL_AREA.fullmatch(rest))


def _bears_name(area: Place, name: str, geocoder: Geocoder, loose_ok: bool = False) -> bool:
    """Is ``name`` the area's own name or one of its strict alternate names (or, with
    ``loose_ok``, a loose spelling of one)? "Ar Raqqah governorate" is GeoNames' "Raqqa"
    (alternate name "Ar Raqqah"); an area reached only through the town inside it does
    not count."""
    own, key = strict_key(area.name), strict_key(name)
    if own == key or _adjectival_form(own, key):
        return True
    cands = geocoder.candidates(name)
    return any(c.gid == area.gazetteer_id and (loose_ok or not c.loose) for c in cands)


def _area_at_home(answer: Place, name: str, geocoder: Geocoder, level: str = "admin1") -> bool:
    """Has the town ``answer``'s own country an area of that ``level`` (for a first-level
    one, of either level) called ``name``? Only where it has none may an area of that name
    abroad replace the town: Spain's provinces are second-level areas ("Córdoba province"
    in Spain is not Argentina's Córdoba province)."""
    levels = {"admin1", "admin2"} if level == "admin1" else {level}
    return any(c.feature in levels and c.iso == answer.iso for c in geocoder.candidates(name))


def _loose_reading(answer: Place, name: str, geocoder: Geocoder) -> bool:
    """Does the town ``answer`` rest only on a loose spelling of ``name``?"""
    cands = geocoder.candidates(name)
    return not any(c.gid == answer.gazetteer_id and not c.loose for c in cands)


def _takes_area(
    area: Place | Unresolved,
    answer: Place,
    name: str,
    peers: Sequence[Place],
    called: bool,
    geocoder: Geocoder,
) -> bool:
    """Should the first-level ``area`` replace the town ``answer`` of ``name``?"""
    if not (isinstance(area, Place) and area.feature == "admin1"):
        return False
    # "the Hiraan region": a town read only by a loose spelling (Hīrān, Iraq) is no
    # better a reading than an area of that spelling elsewhere (Hiiraan, Somalia), and
    # the text asks for an area
    loose = called and _loose_reading(answer, name, geocoder)
    if not _bears_name(area, name, geocoder, loose_ok=loose):  # not the town's region
        return False
    # the town's own country, or that of its peers in the list ("Texas, Virginia"); round
    # 13: or, where the text calls the name an area, any country when the town's own has
    # no area of that name ("Rada'a, in al-Bayda province": Yemen's, not Libya's town)
    abroad = area.iso not in {answer.iso, *(p.iso for p in peers)}
    if abroad and not (loose or (called and not _area_at_home(answer, name, geocoder))):
        return False
    return called or _closer(area, answer, peers) or not _world_city(answer, geocoder)


def prefer_areas(
    text: str,
    spans: Sequence[Span],
    answers: Sequence[Place | Unresolved],
    geocoder: Geocoder,
) -> list[Place | Unresolved]:
    """``answers`` (one per span, in text order) with towns read as their same-named
    state or province where the text asks for the area."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    ordered_spans = [spans[k] for k in order]
    ordered = [answers[k] for k in order]
    out = list(answers)
    for pos, k in enumerate(order):
        answer = answers[k]
        if not isinstance(answer, Place) or answer.feature in _AREA_FEATURES:
            continue
        start, end = spans[k]
        peers = _listed_with_areas(text, ordered_spans, ordered, pos, geocoder)
        called = _called_an_area(text, start, end)
        # "Guam, Hawaii and Washington, D.C.": a name its qualifier placed says which
        # place it is; only the text calling it a state overrides that
        if not (called or (peers and not _placed_by_qualifier(answer, geocoder))):
            continue
        name = text[start:end]
        area = geocoder.resolve(f"{name} state")
        if _takes_area(area, answer, name, peers, called, geocoder):
            out[k] = replace(area, query=answer.query)
    return out


# "Beni territory", "the Bakhmut district", "Oicha raion": the second-level area of the
# town's name (precision 2), where the text calls the name one. Lower case only ("Riley
# County" is a name of its own, which the gazetteer reads whole). A province is the second
# level in many countries (Burkina Faso, Spain, Peru): "the province of Seno" that no
# first-level area bears (``prefer_areas`` runs first) is Séno province, not Ban Xénô, Laos
# (round 17).
_DISTRICT_AFTER = re.compile(r"[ \t]+(district|territory|raion|county|province)\b")
# Only "the district of X": "a (busy) district of Kandahar" is a part of the city (review).
_DISTRICT_BEFORE = re.compile(r"\bthe[ \t]+(district|province)[ \t]+of[ \t]+$")


def _district_of(
    area: Place, answer: Place, name: str, geocoder: Geocoder, province: bool = False
) -> bool:
    """May the district ``area`` replace the town ``answer``? One in the town's own state;
    round 13: or one abroad when the town is read only by an alternate or loose name and
    its country has no district of that name ("Kech district" is Balochistan's, not
    Ketsch, Germany). A town read by its own name keeps its country: LGL's "the
    Lancaster district" is Lancaster, England, not a Lancaster County abroad."""
    if (area.iso, area.admin1) == (answer.iso, answer.admin1):
        return True
    if province and area.iso != answer.iso:
        # review of session 18: a town is no province, whatever its name: "the province of
        # Soum" is Soum, Burkina Faso, not the town Soum, Senegal, whose country has no area
        # of that name
        return not _area_at_home(answer, name, geocoder)
    by_own_name = any(c.match_rank == 0 for c in geocoder.candidates_of(answer))
    return (
        area.iso != answer.iso
        and not by_own_name
        and not _area_at_home(answer, name, geocoder, "admin2")
    )


def _district_word(text: str, start: int, end: int) -> str:
    """The word that calls the name at ``start:end`` a district or province ("Beni territory",
    "the province of Seno"), the one after it first; "" when none does."""
    found = _DISTRICT_AFTER.match(text, end) or _DISTRICT_BEFORE.search(
        text, max(0, start - 30), start
    )
    return found.group(1) if found else ""


def prefer_districts(
    text: str,
    spans: Sequence[Span],
    answers: Sequence[Place | Unresolved],
    geocoder: Geocoder,
) -> list[Place | Unresolved]:
    """``answers`` with towns read as their same-named district (admin2) in the same
    state where the text calls the name a district, territory, raion or county."""
    out = list(answers)
    for k, ((start, end), answer) in enumerate(zip(spans, answers, strict=True)):
        if not isinstance(answer, Place) or answer.feature != "city":
            continue
        word = _district_word(text, start, end)
        if not word:
            continue
        name = text[start:end]
        area = geocoder.resolve(f"{name} district")
        if (
            isinstance(area, Place) and area.feature == "admin2"
            and _district_of(area, answer, name, geocoder, province=word == "province")
            and _bears_name(area, name, geocoder)
        ):  # fmt: skip
            # the text's own word settles which reading is meant: as sure as the town
            sure = max(area.confidence, answer.confidence)
            out[k] = replace(area, query=answer.query, confidence=sure)
    return out
