"""Resolve all the toponyms of one document together, so that each is read in the light
of the others.

Three kinds of evidence come from the document rather than from the name:
  * a qualifier written right after the name ("Paris, Texas", "Alexandria, La.") narrows
    the candidates, exactly as a qualifier inside the query does;
  * the countries the text names (and its demonyms) favour candidates in them;
  * a first pass over all toponyms tells where the story is: the countries, states and
    points of its confidently resolved places. A second pass scores every toponym again
    with that context, which pulls "Paris" to Texas in a story about Lamar County, Texas.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from eventscope.geocode.actors import located_countries
from eventscope.geocode.areas import prefer_areas, prefer_districts
from eventscope.geocode.article import discount_article_heads
from eventscope.geocode.borders import across_borders
from eventscope.geocode.context import FOREIGN_SHARE
from eventscope.geocode.countries import find_countries
from eventscope.geocode.de_names import de_area, de_split
from eventscope.geocode.embedded import country_readings, embedded_place, located_in_text
from eventscope.geocode.focus import back_off, street_flags
from eventscope.geocode.gazetteer import Candidate
from eventscope.geocode.minimality import supported_candidates
from eventscope.geocode.named_area import named_areas
from eventscope.geocode.named_capital import listed_countries
from eventscope.geocode.normalize import strict_key
from eventscope.geocode.possessive import without_possessive
from eventscope.geocode.resolver import Geocoder, GeoContext, Unresolved
from eventscope.models import Place

# ", Texas" / ", La." / ", N.Y." / ", South Carolina" right after a toponym.
_TRAILING_QUALIFIER = re.compile(r",[ \t]*((?:[A-Z][\w'’.-]*\.?)(?:[ \t]+[A-Z][\w'’.-]*){0,2})")
_ANCHOR_CONFIDENCE = 0.6  # first-pass answers this sure of themselves shape the context
_POINT_PRECISION = 2  # only towns and districts locate a story; a country is too coarse
_COUNTRY_MIN_SHARE = 0.3  # a country holding this share of the anchors joins the context
_CONTEXT_PASSES = 2  # a third pass changed little on the gold sets
_SMALL_TOWN = 20_000  # population under which a town is "small" for the focal backoff
_TOWN_FEATURES = frozenset({"city", "landmark"})
# "Washington, New York and Boston": the name after the comma ends a list, it does not
# qualify the one before it.
_LIST_END = re.compile(r"[ \t]+(?:and|or)[ \t]+[A-Z]")
# "Florida Atlantic University, California Polytechnic State University": an area's name
# that goes on as a longer name does not qualify an unknown name before it.
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
# "Wana, South Waziristan": a compass word alone is the start of a longer name, not the
# qualifier ("South" is also Lebanon's South governorate), whenever a name goes on after it.
_COMPASS_WORD = re.compile(
    r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Middle)"
)


def _trailing_qualifier(text: str, name: str, end: int, geocoder: Geocoder) -> str:
    """The area named right after ``name``, which ends at ``end`` (", Texas"), or ""
    when none is."""
    match = _TRAILING_QUALIFIER.match(text, end)
    if not match:
        return ""
    words = match.group(1).split()
    for n in range(len(words), 0, -1):  # longest first: "New Mexico" before "New"
        candidate = " ".join(words[:n]).rstrip(",")
        if geocoder.qualifier_areas(candidate):
            after = text.find(candidate, match.start(1)) + len(candidate)
            if _LIST_END.match(text, after):
                return ""
            # after an unknown name the area stands in for it: it must be the whole name
            goes_on = _NAME_GOES_ON.match(text, after)
            if goes_on and _COMPASS_WORD.fullmatch(candidate):
                return ""
            return "" if goes_on and not geocoder.candidates(name) else candidate
    return ""


# "the south Lebanon village of Hula": a country named right before a kind word says where
# the name lies, as ", Lebanon" after it does.
_KIND_OF = re.compile(
    r"\s(?:village|town|city|hamlet|locality|district|province|region|port|area)\s+of\s+$"
)


def _leading_country(text: str, start: int, geocoder: Geocoder) -> str:
    """The country named right before "<kind> of" that leads the name at ``start``, or ""
    (session 20: "the south Lebanon village of Hula" went to Kafr Laha, Syria)."""
    before = text[max(0, start - 80) : start]
    kind = _KIND_OF.search(before)
    if kind is None:
        return ""
    window = before[: kind.start()]
    found = find_countries(window, geocoder.gazetteer)
    # a country's name, not its demonym: "the Armenian town of Kessab" lies in Syria, and
    # "the Kurdish town", "the Albanian village" or "the Somali town" say who lives there
    if not found or found[-1].demonym or window[found[-1].end :].strip():
        return ""
    country = geocoder.gazetteer.country(found[-1].iso)
    return country.name if country is not None else ""


# "Residents of Qobo (Kobo) in North Wollo": another spelling of the name in brackets.
_ALT_NAME = re.compile(r"\s*\(([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})\)")


def _spelled_in_brackets(text: str, name: str, end: int, geocoder: Geocoder) -> str:
    """The name in brackets right after ``name`` when the gazetteer knows only that one
    (session 20, round 21), else ``name``."""
    alt = _ALT_NAME.match(text, end)
    if alt is None or geocoder.candidates(name) or not geocoder.candidates(alt.group(1)):
        return name
    return alt.group(1)


def _queries(text: str, spans: Sequence[tuple[int, int]], geocoder: Geocoder) -> list[str]:
    queries = []
    for start, end in spans:
        name = _spelled_in_brackets(
            text, without_possessive(text[start:end], geocoder), end, geocoder
        )
        qualifier = _trailing_qualifier(text, name, end, geocoder) if "," not in name else ""
        if not qualifier and "," not in name:
            qualifier = _leading_country(text, start, geocoder)
        if not qualifier and "," not in name:
            split = de_split(name, geocoder)
            qualifier = "" if split != name else de_area(text, end, geocoder)
            name = split
        queries.append(f"{name}, {qualifier}" if qualifier else name)
    return queries


def _qualifier_countries(query: str, geocoder: Geocoder) -> frozenset[str]:
    """The countries (ISO) the qualifier of ``query`` ("Sidon, Lebanon") may name."""
    if "," not in query:
        return frozenset()
    areas = geocoder.qualifier_areas(query.split(",", 1)[1].strip())
    return frozenset(iso for iso, admin1 in areas if not admin1)


def _context(
    first: dict[str, Place | Unresolved],
    named: dict[str, set[str]],
    query: str,
    loose: frozenset[str] = frozenset(),
) -> GeoContext:
    """The story's countries, states and points as seen from ``query``: from the
    confident first answers and country names of the *other* toponyms (leave one out), so
    that "Georgia" read as the country does not vote for the country reading of itself.
    ``loose`` names the queries whose answers rest only on a loose spelling."""
    own = strict_key(query.split(",")[0])
    skipped = _same_name(first, query, own)
    anchors = {
        q: r for q, r in first.items()
        if q not in skipped and isinstance(r, Place) and r.confidence >= _ANCHOR_CONFIDENCE
    }  # fmt: skip
    weights: Counter[str] = Counter()
    for a in anchors.values():
        weights[a.iso] += a.confidence
    total = sum(weights.values())
    said = frozenset(iso for iso, keys in named.items() if keys - {own})
    countries = set(said)
    countries.update(iso for iso, w in weights.items() if w >= _COUNTRY_MIN_SHARE * total)
    # a country only loose spellings put the story in ("Salif" read as Chlef, Algeria) is
    # no ground to doubt another loose spelling ("Hodeidah") as a namesake abroad
    firm = said | {a.iso for q, a in anchors.items() if q not in loose}
    areas = frozenset((a.iso, a.admin1) for a in anchors.values() if a.admin1)
    points = tuple(
        (a.latitude, a.longitude) for a in anchors.values() if a.geo_precision <= _POINT_PRECISION
    )
    shares = tuple((iso, w / total) for iso, w in weights.items() if iso)
    return GeoContext(
        frozenset(countries), points, areas, shares, named=said,
        loose_only=frozenset(countries - firm),
    )  # fmt: skip


def _story(ctx: GeoContext, listed: frozenset[str], by_name: set[str]) -> GeoContext:
    """``ctx`` with the countries a list's qualifier names, and (session 15) those of its
    named countries that the text calls by their name, not only by a demonym."""
    return replace(ctx, listed=listed, by_name=ctx.named & frozenset(by_name))


def _same_name(first: dict[str, Place | Unresolved], query: str, own: str) -> set[str]:
    """The queries left out of ``query``'s context: itself, the other mentions of its
    name without a qualifier (a dateline "MANSFIELD" and the body's "Mansfield" are one
    toponym and would vote for each other's reading), and its qualified mentions
    ("Belgrade, Minn.", which tell what a bare "Belgrade" means) only where the story
    uses the name for two places: another toponym reads as a place of that name other
    than the qualified one ("Wash." as the state beside "Washington, D.C.": the bare
    "at home in Washington" of that story is the state)."""
    same = {q for q in first if strict_key(q.split(",")[0]) == own}
    senses = {
        r.gazetteer_id for q, r in first.items()
        if q not in same and isinstance(r, Place) and strict_key(r.name) == own
    }  # fmt: skip
    skipped = {query}
    for q in same - {query}:
        answer = first[q]
        two_senses = isinstance(answer, Place) and bool(senses - {answer.gazetteer_id})
        if "," not in q or two_senses:
            skipped.add(q)
    return skipped


def _support(queries: Sequence[str], geocoder: Geocoder) -> dict[str, frozenset[int]]:
    """Spatial minimality: candidates next to another toponym's candidate, per query. Two
    queries for one name ("Paris" and "Paris, Texas") are one toponym, not two."""
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for q in queries:
        if geocoder.unknown_name(q):
            continue  # "Ramor Theatre, Virginia": the area stands in, it is not a reading
        cands = geocoder.candidates(q)
        # A country's name ("Mexico", "Jordan") is also the name of many small towns, some
        # of which always sit next to some other toponym's namesake: no support for those.
        if not any(c.feature == "country" and c.match_rank == 0 for c in cands):
            by_name[strict_key(q.split(",")[0])].extend(cands)
    support = supported_candidates(by_name)
    return {q: support.get(strict_key(q.split(",")[0]), frozenset()) for q in queries}


def _resolve_in_context(
    query: str, geocoder: Geocoder, context: GeoContext, support: dict[str, frozenset[int]]
) -> Place | Unresolved:
    """A context-pass answer; a name the gazetteer does not know ("Windsor Castle",
    "Ramor Theatre, Virginia") is read as near the place that a run of its words names,
    read in the story's context; else as the area its qualifier names (the resolver's
    stand-in), else it is left to the backoffs."""
    answer = geocoder.resolve(
        query, context=replace(context, supported=support.get(query, frozenset()))
    )
    unknown = isinstance(answer, Unresolved) and answer.reason == "no candidate"
    if unknown or geocoder.unknown_name(query):
        found = embedded_place(query, geocoder, context)
        return found if isinstance(found, Place) or unknown else answer
    return answer


def resolve_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    geocoder: Geocoder,
    anchors: Sequence[bool] | None = None,
    actor_countries: frozenset[str] = frozenset(),
) -> list[Place | Unresolved]:
    """One answer per ``(start, end)`` span of ``text``, in order. A toponym the
    gazetteer does not know is placed near the story's focal town (see
    :mod:`eventscope.geocode.focus`) when the geocoder's floor allows such a guess.
    ``anchors`` (one flag per span) says which spans may shape the story's context.
    ``actor_countries``: the home countries of the named armed groups of the story, read as
    named countries where the text names none."""
    named: dict[str, set[str]] = defaultdict(set)  # ISO -> the names it is called by
    by_name: set[str] = set()  # called by its name, not only by a demonym
    # "Russian forces shelled Pokrovsk": the attackers' demonym says who, not where.
    for mention in located_countries(text, find_countries(text, geocoder.gazetteer)):
        named[mention.iso].add(strict_key(mention.text))
        by_name.update(() if mention.demonym else (mention.iso,))
    # A story that names no country is still told of somewhere: the home countries of the
    # armed groups it names ("in combat with members of the Clan del Golfo in a rural area
    # of Cáceres, in Antioquia's Bajo Cauca region" is Colombia, not Spain; session 20).
    for iso in actor_countries if not named else ():
        named[iso] = set()
    queries = _queries(text, spans, geocoder)
    distinct = list(dict.fromkeys(queries))
    base = GeoContext(countries=frozenset(named), by_name=frozenset(by_name))
    first = {q: geocoder.resolve(q, context=base) for q in distinct}
    # Only anchor spans shape the story's context (the pipeline leaves out origins and
    # routes, which lie elsewhere by nature); by default every span does.
    allowed = set(
        queries if anchors is None else (q for q, a in zip(queries, anchors, strict=True) if a)
    ) - across_borders(text, spans, queries, first)  # "near the border with Turkey"
    support = _support(distinct, geocoder)
    # "Tripoli and Sidon, Lebanon": the qualifier after a list says where its names lie
    listed = listed_countries(text, spans, queries, lambda q: _qualifier_countries(q, geocoder))
    latest = first
    # Each pass reads every toponym in the light of the previous pass's answers: a pair
    # such as "Huntsville" and "Walker County" settles in Texas only once Huntsville,
    # backed by the county next to it, has moved there.
    for _ in range(_CONTEXT_PASSES):
        shaping = {q: r for q, r in latest.items() if q in allowed}
        loose = frozenset(q for q, r in shaping.items() if _rests_on_loose(r, geocoder))
        latest = {
            q: _resolve_in_context(
                q,
                geocoder,
                _story(_context(shaping, named, q, loose), listed.get(q, frozenset()), by_name),
                support,
            )
            for q in distinct
        }
    # "New York state", "Ohio, New York and Iowa": the state, not the town.
    answers = prefer_areas(text, spans, [latest[q] for q in queries], geocoder)
    answers = prefer_districts(text, spans, answers, geocoder)  # "Beni territory"
    # "between Russia and the West.": no town takes the article
    answers = discount_article_heads(text, spans, answers, geocoder)
    # "the Palais des Nations in Geneva", "Tawila in North Darfur": the text says where
    # an unknown name, or one read only as a doubtful namesake abroad, lies.
    answers = _located_in_text(text, spans, answers, geocoder, frozenset(named))
    # Unknown streets and venues: near the story's focal town, as a low-confidence guess.
    return _back_off(text, spans, answers, geocoder, frozenset(named))


def _located_in_text(
    text: str,
    spans: Sequence[tuple[int, int]],
    answers: list[Place | Unresolved],
    geocoder: Geocoder,
    named: frozenset[str],
) -> list[Place | Unresolved]:
    """:func:`located_in_text` with the answers it may replace flagged: doubtful
    namesakes abroad, and towns in a country the rest of the story does not back."""
    doubtful = _doubtful(answers, geocoder, named)
    foreign = _foreign_towns(answers, named)
    flags = [d or f for d, f in zip(doubtful, foreign, strict=True)]
    firm = [_firm_town(a, geocoder) for a in answers]
    countries = [country_readings(text[s:e], geocoder) for s, e in spans]

    def namesake(i: int, where: Place) -> Place | None:
        # the name read inside the cue's state, as "Dzerzhinsk, Donetsk" would be
        if not where.admin1:
            return None
        start, end = spans[i]
        found = geocoder.resolve(f"{text[start:end]}, {where.admin1}")
        return found if isinstance(found, Place) and found.geo_precision == 1 else None

    return located_in_text(text, spans, answers, flags, firm, countries, namesake)


# A town this big, read by its own name, is the place the text means even when a cue
# puts it far from another town: "Mosul, north of Baghdad" (400 km), "Kharkiv, northeast
# of Kyiv". Villages and small namesakes are the readings a far cue contradicts.
_FIRM_POPULATION = 100_000


def _firm_town(answer: Place | Unresolved, geocoder: Geocoder) -> bool:
    """Is ``answer`` a large town read by its own strict name?"""
    if not isinstance(answer, Place):
        return False
    return any(
        c.match_rank == 0 and c.population >= _FIRM_POPULATION
        for c in geocoder.candidates_of(answer)
    )


def _back_off(
    text: str,
    spans: Sequence[tuple[int, int]],
    answers: list[Place | Unresolved],
    geocoder: Geocoder,
    named: frozenset[str],
) -> list[Place | Unresolved]:
    """:func:`back_off` with the flags it reads from the answers and the text: small
    towns, names the text calls streets, and loose spellings abroad (``named``: the ISO
    codes of the countries the text names)."""
    small = [_small(a, geocoder) for a in answers]
    doubtful = _doubtful(answers, geocoder, named)
    streets = street_flags(text, spans)
    areas = named_areas([a.query for a in answers], geocoder)
    return back_off(answers, geocoder.min_confidence, small, streets, doubtful, areas)


def _doubtful(
    answers: Sequence[Place | Unresolved], geocoder: Geocoder, named: frozenset[str]
) -> list[bool]:
    """Which answers are namesakes abroad that the story's geography doubts: loose
    spellings and unsure small towns in a country the story neither names (``named``) nor
    has confident places in."""
    countries = named | {a.iso for a in answers if _confident(a)}
    return [
        _loose_abroad(a, geocoder, countries) or _unsure_abroad(a, geocoder, countries)
        for a in answers
    ]


def _foreign_towns(answers: Sequence[Place | Unresolved], named: frozenset[str]) -> list[bool]:
    """Which answers are towns in a country that neither the text names nor the story's
    *other* confident places lie in ("Hatla" read as Hatta, India, beside Deir Ezzor):
    readings the text contradicts where it says where the name lies."""
    out = []
    for answer in answers:
        if not isinstance(answer, Place) or answer.feature not in _TOWN_FEATURES:
            out.append(False)
            continue
        others = {a.iso for a in answers if _confident(a) and a.query != answer.query}
        out.append(answer.iso not in named | others)
    return out


def _confident(answer: Place | Unresolved) -> bool:
    return isinstance(answer, Place) and answer.confidence >= _ANCHOR_CONFIDENCE


def _rests_on_loose(answer: Place | Unresolved, geocoder: Geocoder) -> bool:
    """Is ``answer`` a reading of its query by a loose spelling only?"""
    if not isinstance(answer, Place):
        return False
    return any(c.loose for c in geocoder.candidates_of(answer))


def _loose_abroad(
    answer: Place | Unresolved, geocoder: Geocoder, countries: frozenset[str]
) -> bool:
    """Does ``answer`` rest only on a loose spelling, in a country the story neither names
    nor has confident places in ("Makeen", Pakistan, read as Makin, Kiribati)? The
    resolver already keeps 0.3 of such a guess's confidence (the village is more likely
    missing from the gazetteer than abroad); the backoff treats it as an unknown name."""
    if not isinstance(answer, Place) or answer.iso in countries:
        return False
    return _rests_on_loose(answer, geocoder)


def _unsure_abroad(
    answer: Place | Unresolved, geocoder: Geocoder, countries: frozenset[str]
) -> bool:
    """Is ``answer`` a small town (or one of unknown size) in a country the story neither
    names nor has confident places in, that the resolver already doubts
    (``resolver.foreign_namesake`` leaves it at most ``FOREIGN_SHARE`` of its confidence:
    "Tawila" in a Darfur story read as At Tawilah, Yemen)? The backoff treats it as an
    unknown name."""
    if not isinstance(answer, Place) or answer.iso in countries or answer.feature != "city":
        return False
    if answer.confidence > FOREIGN_SHARE:
        return False
    return _population(answer, geocoder) < _SMALL_TOWN


def _population(answer: Place, geocoder: Geocoder) -> int:
    """The population the gazetteer gives ``answer`` (0 when unknown)."""
    return next((c.population for c in geocoder.candidates_of(answer)), 0)


def _small(answer: Place | Unresolved, geocoder: Geocoder) -> bool:
    """Is ``answer`` a town of known population under ``_SMALL_TOWN``?"""
    if not isinstance(answer, Place) or answer.feature != "city":
        return False
    return 0 < _population(answer, geocoder) < _SMALL_TOWN
