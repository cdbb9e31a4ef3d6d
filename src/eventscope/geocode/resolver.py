"""Rank gazetteer candidates for a toponym and pick one, or say why not.

Each candidate gets a log-odds score, the sum of
  * how it matched: own name > alternate name > loose transliteration match;
  * its prominence: log population and log number of alternate names (fame);
  * a feature prior: countries for country names, towns ahead of same-named admin areas
    unless the query asks for the area ("Idlib province");
  * context: the caller's country hint, the countries the article names, and closeness to
    places already resolved in the article.
(:mod:`eventscope.geocode.scoring`). Scores become probabilities by softmax. Confidence
is the probability mass within ``_SAME_PLACE_KM`` of the winner (a town and its airport
are one answer, not two), scaled down when even the winner is implausible (an obscure
alternate name).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from eventscope.config import GeocodeSettings
from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.candidates import (
    acronym_readings,
    best_per_place,
    country_name_first,
    district_seat,
    looked_up,
    named_after_towns,
    town_of_district,
    township_seat,
)
from eventscope.geocode.context import (
    FOREIGN_SHARE,
    POINT_FEATURES,
    GeoContext,
    doubtful_outside,
    foreign_namesake,
    unbacked,
)
from eventscope.geocode.curated import (
    NATION_DEMONYMS,
    POSTAL_CODES,
    abbreviation_area,
    mexican_state,
)
from eventscope.geocode.gazetteer import Candidate, Gazetteer, open_gazetteer
from eventscope.geocode.kind_words import (
    area_part,
    asks_district,
    asks_for_area,
    inside_qualifiers,
    only_loose,
    settlement_head,
    town_district,
)
from eventscope.geocode.named_capital import capital_bonuses
from eventscope.geocode.normalize import strict_tokens, strip_qualifiers
from eventscope.geocode.rivals import favour_broad
from eventscope.geocode.scoring import accent_bonus, ambiguity_reason, score_candidate, softmax
from eventscope.geocode.skeleton import skeleton_reading
from eventscope.geocode.standin import split_located, stand_in, stand_in_confidence
from eventscope.geocode.uk_spelling import russian_readings, russian_story
from eventscope.models import Place

# ACLED geo_precision: 1 the place itself, 2 part of / near it, 3 a region-sized area.
FEATURE_PRECISION = {
    "city": 1, "airbase": 1, "airport": 1, "crossing": 1, "landmark": 1,
    "admin2": 2, "admin1": 3, "region": 3, "country": 3, "river": 3, "continent": 3, "sea": 3,
}  # fmt: skip
_PLAUSIBLE_SCORE = 2.0  # a winner scoring below this is more likely a spurious match
_SAME_PLACE_KM = 30.0
_CODE_CHARS = 3  # a qualifier this short may be a code, or a word misread as one
_MAX_CANDIDATES = 200  # scored per query; more only for names like "San Jose"
# "SA", "B.C.", "NSW": capitals that may be an area's initials.
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,4}")


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A toponym that could not be placed, and why (a value, not an exception)."""

    query: str
    reason: str  # "no candidate", "ambiguous: 3 candidates in 3 countries", "below confidence"


@dataclass(frozen=True, slots=True)
class _Parsed:
    candidates: tuple[Candidate, ...]
    area_wanted: bool = False  # "Aleppo province"
    near: bool = False  # "eastern Aleppo", "outskirts of Gao"
    hint_isos: frozenset[str] = frozenset()
    # the head name the gazetteer lacks when the candidates are its qualifier's areas
    # ("Al-Salhiya" of "Al-Salhiya, Deir Ezzor"): they answer as stand-ins
    unknown: str = ""
    respelled: bool = False  # the candidates are Russian readings of a Ukrainian spelling
    part: bool = False  # areas of an unlisted part ("Lower Kurram"): kind_words.area_part


class Geocoder:
    """Resolves toponyms against a gazetteer. Picklable: a copy on a worker process
    re-opens the gazetteer there (once per process)."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        min_confidence: float = 0.35,
        path: Path | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self._path = Path(path) if path else (gazetteer.path if gazetteer else None)
        self.min_confidence = min_confidence

    @classmethod
    def from_settings(cls, settings: GeocodeSettings) -> Geocoder:
        path = Path(settings.gazetteer_path) if settings.gazetteer_path else None
        return cls(path=path, min_confidence=settings.min_confidence)

    def __reduce__(self) -> tuple:
        return (Geocoder, (None, self.min_confidence, self._path))

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer(self._path)
        return self._gazetteer

    def resolve(
        self, query: str, country_hint: str | None = None, context: GeoContext | None = None
    ) -> Place | Unresolved:
        """The best place for ``query``, or :class:`Unresolved` with the reason."""
        parsed = self._parse(query)
        hints = parsed.hint_isos | self._country_isos(country_hint)
        ctx = context or GeoContext()
        if parsed.respelled and not russian_story(ctx.countries | hints):
            return Unresolved(query, "a Ukrainian respelling, outside a Ukrainian or Russian story")
        if not parsed.candidates:
            # session 14: "Touz Khormato", a town of the story's countries by its consonants
            isos = (ctx.countries - ctx.loose_only) | hints
            head = query.split(",")[0]
            same = skeleton_reading(head, self.gazetteer, frozenset(isos), ctx.points)
            if same is None:
                return self._located(query, country_hint, context)
            parsed = replace(parsed, candidates=(same,))
        cands = parsed.candidates
        towns = named_after_towns(cands)
        written = query.split(",")[0]
        scores = [
            score_candidate(c, parsed.area_wanted, hints, ctx, towns) + accent_bonus(c, written)
            for c in cands
        ]
        if ctx.named and not parsed.area_wanted:  # round 12: the named country's capital
            bonuses = capital_bonuses(cands, ctx.named, self.gazetteer, ctx.listed)
            scores = [s + b for s, b in zip(scores, bonuses, strict=True)]
        if not parsed.area_wanted:  # a sea or a state over a town only the country backs
            scores = favour_broad(cands, scores, ctx, towns)
        probs = softmax(scores)
        top, confidence = self._pick(cands, scores, probs)
        top = top if parsed.area_wanted else town_of_district(top, cands, scores)
        abroad = foreign_namesake(top, ctx, hints) or (parsed.part and unbacked(top, ctx, hints))
        if abroad:
            # The village is more likely missing from the gazetteer than abroad: say so
            # (a confidence under the floor), not a point in another country.
            confidence = round(confidence * FOREIGN_SHARE, 3)
        if parsed.unknown or (parsed.near and top.feature == "continent"):
            # round 12: "North Africa", "Northern Europe" (regions the gazetteer lacks)
            # read as the whole continent stand in for them, as coarsely as a country does
            confidence = round(stand_in_confidence(confidence, top.feature), 3)
        if confidence < self.min_confidence:
            abroad_reason = f"below confidence: only a namesake abroad ({top.country})"
            return Unresolved(query, abroad_reason if abroad else ambiguity_reason(cands, probs))
        return self._place(top, parsed, query, confidence)

    def _place(self, top: Candidate, parsed: _Parsed, query: str, confidence: float) -> Place:
        """The answer for the winning candidate ``top``, at the precision the query asks."""
        if parsed.area_wanted and top.feature in POINT_FEATURES and top.admin1:
            # "Kursk region" with no area of that name: the region the town lies in;
            # "Tarmiyah district" (session 13b): the district of that name it lies in,
            # else the town, as part of it (precision 2)
            area = town_district(top, query, self.gazetteer)
            if area is None and asks_district(query):
                parsed = replace(parsed, near=True)
            else:
                top = area or self.gazetteer.area(top.iso, top.admin1) or top
        precision = FEATURE_PRECISION.get(top.feature, 1)
        if (parsed.near or parsed.unknown) and top.feature in POINT_FEATURES:
            precision = 2
        seat = district_seat(top, self.gazetteer)  # session 13: a district at its seat town
        if seat is not None:
            top = replace(top, lat=seat.lat, lon=seat.lon)
        return Place(
            name=top.name, latitude=top.lat, longitude=top.lon, feature=top.feature,
            country=top.country, iso=top.iso, admin1=top.admin1, admin2=top.admin2,
            geo_precision=precision, confidence=confidence, gazetteer_id=top.gid, query=query,
        )  # fmt: skip

    def _located(
        self, query: str, country_hint: str | None, context: GeoContext | None
    ) -> Place | Unresolved:
        """A query with no candidate that says where its name lies: "Paris in Texas" as
        "Paris, Texas"; a name the gazetteer lacks ("Al-Salhiya in Deir Ezzor", or
        "Al-Salhiya, Abu Kamal" after a town) answered by that place as its stand-in."""
        located = split_located(query)
        if located is None:
            return Unresolved(query, "no candidate")
        if not located.comma and self._parse(located.name).candidates:
            found = self.resolve(f"{located.name}, {located.where}", country_hint, context)
            return replace(found, query=query)
        found = self.resolve(located.where, country_hint, context)
        if not isinstance(found, Place):
            return Unresolved(query, "no candidate")
        confidence = stand_in_confidence(found.confidence, found.feature)
        if confidence < self.min_confidence:
            return Unresolved(query, f"below confidence: {located.name} not in the gazetteer")
        return stand_in(found, query, confidence)

    @staticmethod
    def _pick(
        cands: tuple[Candidate, ...], scores: list[float], probs: list[float]
    ) -> tuple[Candidate, float]:
        """The winner and its confidence: the probability of the winner's spot (all
        candidates within ``_SAME_PLACE_KM``), times how plausible the winner is at all."""
        best = max(range(len(cands)), key=scores.__getitem__)
        top = cands[best]
        mass = sum(
            p for c, p in zip(cands, probs, strict=True)
            if haversine_km(top.lat, top.lon, c.lat, c.lon) <= _SAME_PLACE_KM
        )  # fmt: skip
        plausibility = 1.0 / (1.0 + math.exp(_PLAUSIBLE_SCORE - scores[best]))
        return top, round(min(1.0, mass) * plausibility * (0.9 if top.loose else 1.0), 3)

    # -- parsing -------------------------------------------------------------------------

    def _parse(self, query: str) -> _Parsed:
        """Look the head up (peeling qualifier words only when the full name is unknown),
        then narrow it by the ", Region, Country" parts that follow it."""
        head, *quals = [part.strip() for part in query.split(",")]
        tokens = strict_tokens(head)
        gaz = self.gazetteer
        cands = self._abbreviated(head) or looked_up(head, tokens, gaz)
        if _ACRONYM.fullmatch(head):
            cands = best_per_place((*cands, *gaz.by_initials(head.replace(".", ""))))
            # "OAS": an organisation, not the town Oas; "GAO, Mali (AP)": a dateline's town
            cands = acronym_readings(head, cands, quals, self.qualifier_areas)
        cands, area_wanted, near = self._peeled(head, tokens, cands, quals)
        part = not cands
        if part:  # session 16: "Lower Kurram district", a part of a listed area
            cands = area_part(tokens, gaz)
            area_wanted = near = part = bool(cands)
        # session 13b: "Shebekyne" (Ukrainian) for Shebekino, Russia
        russian = () if cands else russian_readings(tokens, gaz)
        cands = cands or russian
        if not cands and quals:
            # session 12: "Hpakant township, Kachin State": the town inside the area
            cands = township_seat(tokens, quals, gaz, self._areas)
            near = bool(cands)
        # A demonym ("Greek", "Canadian") means its country more often than the small
        # towns or loose matches that share the word ("Gerik", Canadian, Texas).
        demonym = self._demonym(tokens) if not (cands and area_wanted) else ()
        cands = country_name_first(tuple(dict.fromkeys((*cands, *demonym))))
        cands, hint_isos, substituted = self._narrow(cands, quals, area_wanted)
        if len(cands) > _MAX_CANDIDATES:
            cands = tuple(sorted(cands, key=lambda c: (c.match_rank, -c.prominence)))
            cands = cands[:_MAX_CANDIDATES]
        unknown = head if substituted else ""
        respelled = bool(cands) and set(cands) <= set(russian)
        return _Parsed(cands, area_wanted, near, hint_isos, unknown, respelled, part)

    def _peeled(
        self, head: str, tokens: list[str], cands: tuple[Candidate, ...], quals: list[str]
    ) -> tuple[tuple[Candidate, ...], bool, bool]:
        """Candidates with qualifier words peeled off (only when the full name is unknown,
        or, session 13b, known only by a loose spelling), whether the area is meant, and
        whether a part of or a place near it (see :mod:`kind_words`). A settlement word
        is peeled whether or not qualifiers follow, keeping the towns inside them (session
        13 review: "Bentiu town, Unity state" read as Unity state)."""
        if cands and not only_loose(tokens, cands):
            return cands, asks_for_area(tokens, cands), False
        peeled = strip_qualifiers(tokens)
        if peeled is not None:
            core = self.gazetteer.lookup_tokens(peeled.tokens)
            if (core and not all(c.loose for c in core)) or not cands:
                return core, peeled.admin, peeled.near
        if cands:
            return cands, False, False
        found, around = settlement_head(head, tokens, self.gazetteer)
        found = inside_qualifiers(found, quals, self._areas)
        return found, False, around and bool(found)

    def _narrow(
        self, cands: tuple[Candidate, ...], quals: list[str], area_wanted: bool
    ) -> tuple[tuple[Candidate, ...], frozenset[str], bool]:
        """Candidates inside the ", Region, Country" qualifiers, the countries those name
        where no candidate lies inside them (kept as hints), and whether the candidates
        are the qualifier's own areas, standing in for an unknown name."""
        hint_isos: set[str] = set()
        substituted = False
        for qual in quals:
            areas = self._areas(qual)
            narrowed = tuple(c for c in cands if self._inside(c, areas))
            if narrowed:
                cands = narrowed
                continue
            if not cands and not areas:
                break  # "Al-Salhiya, Abu Kamal": near a town (``_located``)
            named = len(qual.strip(" .")) > _CODE_CHARS  # "ST" may be "St Gregory's"
            if areas and not area_wanted and all(doubtful_outside(c, areas, named) for c in cands):
                # "Kuriga, Kaduna", "Al-Salhiya, Deir Ezzor": a place we do not know
                # inside an area we do. A guess by loose spelling elsewhere (Khouribga,
                # Morocco) or a small namesake abroad (At Tawilah, Yemen, for "Tawila,
                # North Darfur") contradicts the text; the area itself is the honest
                # answer, at its own (coarser) precision and with less confidence. Other
                # names outside the area stay ("Hong Kong, China", or a list read as a
                # qualifier: "Beijing, Shanghai").
                found = self._area_places(areas)
                cands, substituted = (found, True) if found else (cands, substituted)
            # the qualifier says something we cannot check: keep it as a hint
            hint_isos.update(iso for iso, _ in areas)
        return cands, frozenset(hint_isos), substituted

    def candidates(self, query: str) -> tuple[Candidate, ...]:
        """The candidates :meth:`resolve` would score for ``query``."""
        return self._parse(query).candidates

    def candidates_of(self, answer: Place) -> list[Candidate]:
        """The candidates of ``answer``'s query that are its own entry (one per name that
        matched it): how it was read, and its size."""
        return [c for c in self.candidates(answer.query) if c.gid == answer.gazetteer_id]

    def unknown_name(self, query: str) -> str:
        """The name in ``query`` the gazetteer lacks where the query says where it lies
        ("Al-Salhiya" of "Al-Salhiya, Deir Ezzor" or "Al-Salhiya in Deir Ezzor"): its
        answer is a stand-in. All of ``query`` when nothing of it is known; "" when the
        query's own name has candidates."""
        parsed = self._parse(query)
        if parsed.candidates:
            return parsed.unknown
        located = split_located(query)
        if located is None:
            return query
        known = not located.comma and self._parse(located.name).candidates
        return "" if known else located.name

    def unresolved_name(self, place: Place) -> str:
        """The name ``place`` stands in for, or "" when it is a reading of its query's own
        name: an unknown name placed by its qualifier (:meth:`unknown_name`), or by the
        document's backoffs (a venue near the story's town, a small namesake abroad
        replaced by the story's town)."""
        unknown = self.unknown_name(place.query)
        if unknown:
            return unknown
        parsed = self._parse(place.query)
        located = split_located(place.query)
        if not parsed.candidates and located is not None:  # "Paris in Texas"
            parsed = self._parse(f"{located.name}, {located.where}")
        if any(c.gid == place.gazetteer_id for c in parsed.candidates):
            return ""
        if parsed.area_wanted and place.feature == "admin1":
            return ""  # "Kursk region": the region its town lies in
        return place.query.split(",")[0].strip()

    def _abbreviated(self, head: str) -> tuple[Candidate, ...]:
        """The state or province an abbreviation such as "Ga." or "W. Va." stands for."""
        known = abbreviation_area(head)
        area = self.gazetteer.area(*known) if known else None
        return (area,) if area else ()

    def _demonym(self, tokens: list[str]) -> tuple[Candidate, ...]:
        """A demonym ("Russian", "Palestinians") used as a toponym: its country; a UK nation's
        ("English", "Welsh"): that nation."""
        key = " ".join(tokens)
        if key in NATION_DEMONYMS:
            nation = self.gazetteer.area(*NATION_DEMONYMS[key])
            return (nation,) if nation else ()
        demonyms = self.gazetteer.demonyms()
        iso = demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)
        country = self.gazetteer.country(iso) if iso else None
        return (country,) if country else ()

    def qualifier_areas(self, name: str) -> set[tuple[str, str]]:
        """(iso, admin1) pairs a qualifier ("Syria", "Texas", "La.", "SC") can mean;
        admin1 is "" for a country. Empty when ``name`` is not such an area."""
        return self._areas(name)

    def _areas(self, name: str) -> set[tuple[str, str]]:
        """(iso, admin1) pairs a qualifier such as "Syria", "Texas" or "SC" can mean."""
        mexican = mexican_state(name)  # beside the other readings ("Mich.": Michigan too)
        known = abbreviation_area(name) or POSTAL_CODES.get(name.strip())
        if known:
            return {known} | mexican
        areas: set[tuple[str, str]] = set()
        for cand in self.gazetteer.lookup_tokens(strict_tokens(name)):
            if cand.match_rank > 2:
                continue
            if cand.feature == "country":
                areas.add((cand.iso, ""))
            elif cand.feature == "admin1":
                areas.add((cand.iso, cand.admin1))
        return areas | mexican

    def _area_places(self, areas: set[tuple[str, str]]) -> tuple[Candidate, ...]:
        """The gazetteer records of (iso, admin1) areas; admin1 "" is the country."""
        gaz = self.gazetteer
        found = [gaz.area(iso, admin1) if admin1 else gaz.country(iso) for iso, admin1 in areas]
        return tuple(sorted({c for c in found if c is not None}, key=lambda c: c.place_id))

    @staticmethod
    def _inside(cand: Candidate, areas: set[tuple[str, str]]) -> bool:
        return (cand.iso, "") in areas or (cand.iso, cand.admin1) in areas

    def _country_isos(self, hint: str | None) -> frozenset[str]:
        if not hint:
            return frozenset()
        if len(hint) == 2 and hint.isalpha():
            return frozenset({hint.upper()})
        return frozenset(iso for iso, admin1 in self._areas(hint) if not admin1)
