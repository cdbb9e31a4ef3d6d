"""Pairwise rules for linking event mentions: hard constraints first, then a score.

The hard constraints (cannot-link) are what keep two strikes on the same town a year apart
apart: no textual similarity can override an incompatible date window or place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventscope.models import Mention, Place
from eventscope.resolve.crosstype import cross_type_ok
from eventscope.resolve.means import means_families, means_ok
from eventscope.resolve.separate import one_incident, separate_from
from eventscope.resolve.sides import CROWD_TYPES, crowds_ok, kinds_agree, side, sides_swapped
from eventscope.resolve.summaries import is_lookback, statement_dated
from eventscope.resolve.unplaced import (
    headline_only_keys,
    lead_keys,
    other_villages,
    share_unknown_place,
    village_keys,
)

_WORD = re.compile(r"[a-z]{3,}")


@cache
def generic_actors() -> frozenset[str]:
    """Actor labels that describe a class, not an identity ("Civilians", "Military Forces"):
    they never block a merge. The actor dictionary is the one source of that list."""
    from eventscope.extract import generic_actor_names

    return generic_actor_names()


_COUNTRY_SUFFIX = re.compile(r" \([^()]*\)$")


@cache
def is_generic_actor(name: str) -> bool:
    """A class label, also with the country the geocode stage appends ("Civilians (Mali)",
    ACLED's naming), but never a named group whose name ends in brackets: "Islamic State
    (Syria)" minus its suffix is not a class label."""
    generic = generic_actors()
    return name in generic or _COUNTRY_SUFFIX.sub("", name) in generic


@dataclass(frozen=True, slots=True)
class LinkRules:
    max_distance_km: float = 50.0
    date_slack_days: int = 1
    min_score: float = 0.5
    # A look-back window of at least this many days ("over the past three days", "in recent
    # days") sums up a campaign, which ACLED codes as several events: such a mention only
    # links with other campaign summaries, never with one day's event. 0 turns this off.
    campaign_min_days: int = 3
    # Let sentence embeddings decide the pairs that fall just short of min_score on the
    # structured evidence (eventscope.resolve.semantic); off: word overlap only. Off by
    # default: dense corpora put many pairs there (23% of the mentions of 1,000,000 generated
    # ones, about 15 minutes of encoding on 2 cores), far more than the clustering costs.
    semantic_text: bool = False
    # Two reports that each name a town (precision 1) name two places when the towns are
    # further apart than this: ACLED codes each town's shelling as its own event, even on one
    # day by one actor (Nikopol and Marhanets, 20 km apart). Closer entries are usually one
    # town and its suburb or district.
    distinct_town_km: float = 10.0
    # Raised whenever a cannot-link rule changes meaning without a setting of its own (round 3:
    # no slack between two reports' exact days, suicide bombs never link with shelling or air
    # strikes; 4: a report's lead takes the specific means another of its mentions names;
    # 5: a roadside bomb, IED, landmine or car bomb never links with shelling or an air strike;
    # a report of a window of days with "repeatedly", "daily", ... is a campaign summary;
    # 6 (resolve/sides.py): two protests whose crowds are different named groups never
    # link; a battle told from each end with the other side generic links; 7: "repeatedly",
    # "daily", "several times" make a summary only when they describe the attacks, not as
    # a masthead ("the Daily Monitor"), "daily life" or a comparison ("several times more");
    # 8: a window of days cited from a periodic report ("in its monthly update") is a summary;
    # 9 (resolve/means.py): two reports naming means of different families, a drone and
    # artillery, a drone and a glide bomb, an air strike and an anti-tank missile, never link;
    # 10: an air strike or a named aircraft always carries the families of the air;
    # 11 (resolve/crosstype.py): Battles, Violence against civilians and Explosions/Remote
    # violence share a block and link across types on one exact day, one town and agreeing
    # perpetrators; 12: that agreement needs positive evidence, a missing perpetrator is none,
    # a battle's sides are read as a set, and a force target keeps its force word; 13: a ground
    # bomb meets a battle only on the same force hit, remote violence only an Attack on
    # civilians not told as a killing by hand, and cross-type tolls within a factor of two;
    # 14 (resolve/sides.py): two things done to civilians, an abduction and a killing, by
    # perpetrators of two kinds, gunmen and soldiers, are two events even when neither is named;
    # a missile named by kind or model is a means family of its own (resolve/means.py), and a
    # report's lead takes the weapons its members name (resolve/cluster.py); two battle
    # reports that each name only their own side, of opposite kinds, are one battle;
    # 15: two reports' towns in two first-level areas are two places, however close;
    # 16 (resolve/unplaced.py): reports placed by no town share a block when they name an
    # unknown place, and link across articles when they name the same one; 17: two exact
    # single days never link within one article either, and a mention told as a separate
    # incident ("Separately, ...", resolve/separate.py) never joins its article's earlier ones;
    # 18: a vague plural of events over days ("several bombings ... this month") is a summary,
    # and a day read from a statement ("told reporters on Thursday that ...") is no exact day;
    # 19: "a separate assault" anywhere in a sentence opens another incident, as "Separately,"
    # does (resolve/separate.py); 20: a report with no place finer than a country is placed
    # for linking by its article's headline (resolve/unplaced.with_headline); 21: a report
    # placed by an area that names a village the gazetteer lacks is not a report of another
    # such village (resolve/unplaced.other_villages), and within one article an exact day
    # before a night's window is another day's event (_day_before_night).
    # It is part of repr(rules), the rules key stored with a resolution, so a store resolved
    # under older rules is re-resolved in full once instead of mixing the two.
    revision: int = 21


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class Features:
    """What the link rules read from one mention, parsed once: dates as day ordinals, the place
    in radians, the perpetrator with generic labels blanked. Clustering compares each mention
    with many others, and re-parsing ISO dates and sentences per pair dominated its cost."""

    doc_id: str
    event_type: str
    sub_event_type: str
    start: int | None  # day ordinal of date_start, None when undated
    end: int | None
    date_start: str | None
    day_precise: bool  # time_precision == 1
    iso: str | None  # None when the place is unresolved
    country_level: bool  # geo_precision 3: a region or the whole country
    town: str  # the gazetteer id of a precision-1 place, "" otherwise
    admin1: str  # the place's first-level area, "" for a country or when unknown
    admin2: str  # the place's second-level area (district), "" when unknown
    district: bool  # the place is a second-level area itself ("Lakki Marwat district")
    province: str  # a town's first-level area as a comparable key, "" for any other place
    lat: float  # radians
    lon: float
    cos_lat: float
    actor1: str  # "" when generic or missing
    named: frozenset[str]
    words: frozenset[str]
    sentence: str
    weapons: frozenset[str]
    means: frozenset[str]  # the named means' families (resolve/means.py), empty when none
    lookback: bool  # the date is a look-back window ending at publication ("the past week")
    crowd: str  # a protest's named group ("Lawyers", "Farmers"), "" when none or no protest
    sides: tuple[str, str]  # "state" / "armed" / "" per actor, from the ACLED inter codes
    actor2_named: bool  # actor2 is a named, non-generic actor
    deaths: int | None  # the report's best death toll, None when it states none
    unknown: frozenset[str]  # its event places the gazetteer lacks, near spellings included
    headline_keys: frozenset[str]  # those of ``unknown`` only its headline names
    villages: frozenset[str]  # those its text names, as compared (unplaced.village_keys)
    sentence_start: int
    separate_from: int  # told as separate from its article's earlier sentences (separate.py)


def features(m: Mention) -> Features:
    start = end = None
    if m.date_start:
        start = date.fromisoformat(m.date_start[:10]).toordinal()
        end = date.fromisoformat((m.date_end or m.date_start)[:10]).toordinal()
    loc = m.location
    lat = math.radians(loc.latitude) if loc else 0.0
    return Features(
        doc_id=m.doc_id, event_type=m.event_type, sub_event_type=m.sub_event_type,
        start=start, end=end, date_start=m.date_start,
        day_precise=m.time_precision == 1 and not statement_dated(m),
        iso=loc.iso if loc else None, country_level=bool(loc and loc.geo_precision == 3),
        town=(loc.gazetteer_id or loc.name) if loc and loc.geo_precision == 1 else "",
        admin1=loc.admin1 if loc else "", admin2=loc.admin2 if loc else "",
        district=bool(loc and loc.feature == "admin2"),
        province=province_key(loc.admin1) if loc and loc.feature == "city" else "",
        lat=lat, lon=math.radians(loc.longitude) if loc else 0.0, cos_lat=math.cos(lat),
        actor1="" if is_generic_actor(m.actor1) else m.actor1,
        named=frozenset(_named_actors(m)), words=frozenset(_words(m.sentence)), sentence=m.sentence,
        weapons=frozenset(m.weapons), means=means_families(m.weapons, m.trigger),
        lookback=is_lookback(m, start, end),
        crowd=m.assoc_actor_1 if m.event_type in CROWD_TYPES else "",
        sides=(side(m.inter1), side(m.inter2)), actor2_named=not is_generic_actor(m.actor2),
        deaths=m.fatalities_best if m.fatalities_best is not None else m.fatalities_low,
        unknown=lead_keys(m), headline_keys=headline_only_keys(m),
        villages=village_keys(m),
        sentence_start=m.sentence_start, separate_from=separate_from(m),
    )  # fmt: skip


_AREA_WORDS = frozenset({"oblast", "state", "region", "province", "governorate", "county",
                         "department", "prefecture", "territory", "wilaya"})  # fmt: skip
_COMPASS = {
    "southern": "south",
    "northern": "north",
    "eastern": "east",
    "western": "west",
    "nord": "north",
    "sud": "south",
    "ouest": "west",
}  # French sources: "Nord-Kivu"


@cache  # per mention in the hot path of features(); a corpus names few provinces
def province_key(admin1: str) -> str:
    """A first-level area's name as the gazetteer's sources agree on it: "Southern Darfur" and
    "South Darfur", "Red-Sea" and "Red Sea", "Northern State" and "Northern" (review of
    revision 15)."""
    folded = unicodedata.normalize("NFKD", admin1.lower())
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())
    return "".join(_COMPASS.get(w, w) for w in words if w not in _AREA_WORDS)


def _same_province(a: str, b: str) -> bool:
    """Equal keys, or one the other's stem with a short ending ("Donetsk" and "Donetska
    oblast"; not "Centre" and "Centre-Nord")."""
    shorter, longer = sorted((a, b), key=len)
    stem = len(shorter) >= 5 and len(longer) - len(shorter) <= 2 and longer.startswith(shorter)
    return a == b or stem


def _two_provinces_of_crowds(a: Features, b: Features) -> bool:
    """Demonstrations in towns of two first-level areas (Kitengela, Kajiado, and Mlolongo,
    Machakos: one national protest day, two protests). Only crowds: a car bomb told at
    Damascus and at Jaramana, its suburb across the provincial line, is one event (review)."""
    crowds = a.event_type in CROWD_TYPES and b.event_type in CROWD_TYPES
    return crowds and bool(a.province and b.province) and not _same_province(a.province, b.province)


def _same_kind_of_date(a: Features, b: Features, rules: LinkRules) -> bool:
    """Both one event's dates, or both campaign summaries; an undated mention (which only
    links inside its own document) may join either."""
    if not (a.lookback or b.lookback):  # nearly every pair: decided by one attribute each
        return True
    return a.start is None or b.start is None or is_campaign(a, rules) == is_campaign(b, rules)


def is_campaign(f: Features, rules: LinkRules) -> bool:
    """A multi-day summary: a look-back window of at least ``rules.campaign_min_days``."""
    if not (rules.campaign_min_days and f.lookback) or f.start is None or f.end is None:
        return False
    return f.end - f.start + 1 >= rules.campaign_min_days


def dates_compatible(a: Mention, b: Mention, slack_days: int) -> bool:
    """Windows must overlap (with slack). A mention without a date can only join mentions of
    its own document: follow-up sentences of one report rarely repeat the date, but across
    reports an undated mention could be any event."""
    return _dates_ok(features(a), features(b), slack_days)


def _dates_ok(a: Features, b: Features, slack: int) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return a.doc_id == b.doc_id
    if _exact_days(a, b):
        # Two reports that each give exact days ("on Monday", "on Tuesday", "overnight",
        # "on Monday night") name those days and no others: ACLED codes one event per day,
        # and the ambush of Tuesday is not Monday's, nor is the drone attack of the night into
        # Monday the one of the night into Saturday. A night is already the window of the two
        # days it spans, so it needs no slack to meet the next morning's report. The slack is
        # for vaguer dates ("last week", "earlier this month").
        slack = 0
    elif _day_before_night(a, b):
        return False
    return a.start <= b.end + slack and b.start <= a.end + slack


def _day_before_night(a: Features, b: Features) -> bool:
    """Within one article, an exact day before a night's window is another day's event
    (revision 21, round 20): "Russian drones struck Konotop overnight [into Friday] ... It was
    the second attack this week: on Wednesday, a strike on energy facilities". The slack
    kept within one article is for a day after the window, which may date the night's
    attack by the next morning."""
    if a.doc_id != b.doc_id or not (a.day_precise and b.day_precise):
        return False
    day, night = (a, b) if a.start == a.end else (b, a)
    return day.start == day.end and night.end > night.start and day.end < night.start


def _exact_days(a: Features, b: Features) -> bool:
    """Whether both mentions name exact days, so that no slack applies between them. Within
    one article too (revision 17): "Thursday's clan fight" and "an ambush on Friday" are two
    events, as they would be in two articles. There a window of two days or more keeps the
    slack, since a follow-up sentence may date the night's attack by the next day."""
    if not (a.day_precise and b.day_precise):
        return False
    return a.doc_id != b.doc_id or (a.start == a.end and b.start == b.end)


def places_compatible(a: Mention, b: Mention, max_km: float) -> bool:
    """Resolved places must be close. An unresolved place only joins mentions of its own
    document, for the same reason as undated mentions, or a report naming the same place the
    gazetteer lacks (resolve/unplaced.py)."""
    return _places_ok(features(a), features(b), max_km)


def _places_ok(a: Features, b: Features, max_km: float, town_km: float = math.inf) -> bool:
    """Compatible places: close enough (``max_km``), and two named towns of two reports no
    farther apart than ``town_km`` unless they are the same entry (one distance for both)."""
    if a.iso is None or b.iso is None:
        return a.doc_id == b.doc_id or share_unknown_place(
            a.unknown, b.unknown, a.headline_keys, b.headline_keys
        )
    if a.iso and b.iso and a.iso != b.iso:
        return False
    if a.doc_id != b.doc_id and other_villages(a, b):
        return False  # revision 21: two unknown villages of one district
    # A region-level location (precision 3) is compatible with any place inside it: a whole
    # country with anything in the country, a province ("Kaduna state") only with places in
    # that province, never with a place in the next one ("Katsina state").
    if a.country_level or b.country_level:
        return a.iso == b.iso and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1)
    # A district likewise holds the places inside it and no others: the police post attacked
    # in "Lakki Marwat district" is not the one in Bannu town, and a town of a large district
    # is inside it however far from the district's point. Distance decides only where a
    # place's district is unknown.
    if (a.district or b.district) and a.admin2 and b.admin2:
        return a.admin2 == b.admin2
    if _distinct_towns(a, b):
        if _two_provinces_of_crowds(a, b):
            return False  # protests in towns of two provinces are two events (revision 15)
        max_km = min(max_km, town_km)
    return _km(a, b) <= max_km


def _km(a: Features, b: Features) -> float:
    # haversine_km on the precomputed radians: the same arithmetic, so the same floats.
    h = (
        math.sin((b.lat - a.lat) / 2) ** 2
        + a.cos_lat * b.cos_lat * math.sin((b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _distinct_towns(a: Features, b: Features) -> bool:
    """Two reports that each name a town, not the same entry: one place only when close
    enough to be a town and its suburb."""
    return bool(a.town and b.town and a.town != b.town and a.doc_id != b.doc_id)


def _named_actors(m: Mention) -> set[str]:
    actors = (m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2)
    return {a for a in actors if not is_generic_actor(a)}


def actors_compatible(a: Mention, b: Mention) -> bool:
    """Two named, different perpetrators mean two events, unless one report's perpetrator
    appears among the other's actors (reports swap roles: "bombers struck IS" vs "IS positions
    were hit"). A generic or missing perpetrator is compatible with anyone, and a disagreement
    on the victim side alone never blocks a merge (outlets name victims differently)."""
    return _actors_ok(features(a), features(b))


def _actors_ok(a: Features, b: Features) -> bool:
    if not a.actor1 or not b.actor1 or a.actor1 == b.actor1:
        return kinds_agree(a, b)
    # Swapped roles are one event only where the two reports agree on what happened: a battle
    # has two sides whichever is named first, and one kind of strike told from both ends is
    # one strike. RSF shelling and an army air strike on the RSF the same day are two events.
    if a.event_type != "Battles" and a.sub_event_type != b.sub_event_type:
        return False
    return a.actor1 in b.named or b.actor1 in a.named or sides_swapped(a, b)


def compatible(a: Features, b: Features, rules: LinkRules) -> bool:
    """can_link on precomputed features. Two event types link only on the stronger evidence
    of :func:`crosstype.cross_type_ok` (one day, one town, agreeing perpetrators)."""
    if not one_incident(a, b):  # "Separately, ..." (revision 17)
        return False
    if a.event_type != b.event_type:
        # The cheap cross-type tests first: most pairs of a mixed block fail on day or town.
        return cross_type_ok(a, b, _km, rules.distinct_town_km) and means_ok(a, b)
    return (
        means_ok(a, b)
        and _dates_ok(a, b, rules.date_slack_days)
        and _places_ok(a, b, rules.max_distance_km, rules.distinct_town_km)
        and _actors_ok(a, b)
        and crowds_ok(a.crowd, b.crowd)
        and _same_kind_of_date(a, b, rules)
    )


def can_link(a: Mention, b: Mention, rules: LinkRules) -> bool:
    return compatible(features(a), features(b), rules)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


TEXT_WEIGHT = 0.15  # the most the wording adds to a link score


def link_score(a: Mention, b: Mention, rules: LinkRules | None = None) -> float:
    """0..1 evidence that two compatible mentions report the same event."""
    return score(features(a), features(b), rules)


def score(a: Features, b: Features, rules: LinkRules | None = None) -> float:
    """link_score on precomputed features. With ``rules``, a cross-document pair that the
    structured evidence leaves just short of ``rules.min_score`` is decided by its sentences'
    embeddings (:mod:`eventscope.resolve.semantic`) instead of their shared words."""
    total = structured_score(a, b)
    text = word_overlap(a, b)
    if rules is not None and needs_wording(a, b, rules, total, text):
        from eventscope.resolve.semantic import agreement

        text = max(text, agreement(a.sentence, b.sentence))
    return min(total + TEXT_WEIGHT * text, 1.0)


def word_overlap(a: Features, b: Features) -> float:
    wa, wb = a.words, b.words
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def needs_wording(
    a: Features,
    b: Features,
    rules: LinkRules,
    total: float | None = None,
    overlap: float | None = None,
) -> bool:
    """Whether the embeddings decide this pair: across documents, short of ``min_score`` on
    the coded fields and the shared words, but within reach of it with the wording."""
    total = structured_score(a, b) if total is None else total
    overlap = word_overlap(a, b) if overlap is None else overlap
    return (
        rules.semantic_text
        and a.doc_id != b.doc_id
        and total + TEXT_WEIGHT * overlap < rules.min_score <= total + TEXT_WEIGHT
    )


def structured_score(a: Features, b: Features) -> float:
    """The part of the score that comes from coded fields, not from the wording."""
    total = 0.4  # compatibility on type, date, place and actors is already strong evidence
    if a.sub_event_type == b.sub_event_type:
        total += 0.2
    if a.named & b.named:
        total += 0.15
    if a.date_start and a.date_start == b.date_start and a.day_precise:
        total += 0.1
    if a.weapons & b.weapons:
        total += 0.05
    return total
