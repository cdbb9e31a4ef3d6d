"""Geocode a whole article: its country context, its toponyms, and each mention's location."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from eventscope.geocode.actors import located_countries
from eventscope.geocode.borders import faces_border
from eventscope.geocode.capitals import capital_places, is_capital_phrase
from eventscope.geocode.countries import CountryMention, find_countries
from eventscope.geocode.document import resolve_document
from eventscope.geocode.fallback import choose_place, relative_clauses, spelled_out
from eventscope.geocode.gazetteer import Gazetteer
from eventscope.geocode.headline import headline_hint
from eventscope.geocode.resolver import Geocoder, Unresolved
from eventscope.models import Article, Evidence, Mention, Place, PlaceMention

_DEMONYM_WEIGHT = 0.5  # "Russian jets" says less about where a story is than "in Russia"
_CONTEXT_ROLES = frozenset({"event", "other"})  # origins and routes lie elsewhere by nature
# Where an armed actor of the story was (``actors.located_countries``'s home): a patrol on
# its road ("south of Gao") was there; where its jets took off from says nothing of the event
_PRESENCE_ROLES = frozenset({"event", "other", "route", "destination"})
_DOMINANT_SHARE = 0.6
_DOMINANT_LEAD = 2.0


def _resolve_toponyms(
    text: str,
    places: Sequence[PlaceMention],
    geocoder: Geocoder,
    actor_countries: frozenset[str] = frozenset(),
) -> dict[str, Place | Unresolved]:
    """Resolve the article's toponyms together (:func:`~eventscope.geocode.document.
    resolve_document`: qualifiers after a name, named countries, and the story's states
    and points), with only event and other places shaping the context. A place whose
    offsets do not match the text is resolved on its own."""
    aligned = [p for p in places if text[p.start : p.end] == p.text]
    answers = resolve_document(
        text, [(p.start, p.end) for p in aligned], geocoder,
        anchors=[p.role in _CONTEXT_ROLES for p in aligned], actor_countries=actor_countries,
    )  # fmt: skip
    resolved: dict[str, Place | Unresolved] = {}
    for p, answer in zip(aligned, answers, strict=True):
        resolved.setdefault(p.text, answer)
    for p in places:
        if p.text not in resolved:
            resolved[p.text] = geocoder.resolve(p.text)
    return resolved


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the paragraph (line) holding ``[start, end)``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def _dominant_country(
    countries: list[CountryMention],
    resolved: dict[str, Place | Unresolved],
    places: list[PlaceMention],
) -> tuple[str, float, tuple[int, int, str]] | None:
    """(ISO, share, evidence span) of the one country the article is clearly about."""
    weights: Counter[str] = Counter()
    spans: dict[str, tuple[int, int, str]] = {}
    for c in countries:
        weights[c.iso] += _DEMONYM_WEIGHT if c.demonym else 1.0
    # Evidence: the first time the country is named, else its first demonym.
    for c in sorted(countries, key=lambda c: c.demonym):
        spans.setdefault(c.iso, (c.start, c.end, c.text))
    # a sea or a continent lies in no country: it neither backs nor dilutes one
    for text in {p.text for p in places if p.role in _CONTEXT_ROLES}:
        place = resolved.get(text)
        if isinstance(place, Place) and place.iso:
            weights[place.iso] += 1.0
    for p in places:
        place = resolved.get(p.text)
        if isinstance(place, Place) and place.iso and p.role in _CONTEXT_ROLES:
            spans.setdefault(place.iso, (p.start, p.end, p.text))
    ranked = weights.most_common(2)
    if not ranked:
        return None
    iso, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    share = top / sum(weights.values())
    if share < _DOMINANT_SHARE or top < _DOMINANT_LEAD * runner_up or iso not in spans:
        return None
    return iso, round(share, 3), spans[iso]


def _countries_reader(gazetteer: Gazetteer) -> Callable[[str], set[str]]:
    """The countries a few words name, by name or demonym ("Ukrainian", "Sudan's")."""
    return lambda words: {c.iso for c in find_countries(words, gazetteer)}


def _home(places: Sequence[PlaceMention], resolved: dict[str, Place | Unresolved]) -> set[str]:
    """The countries (ISO) of the article's resolved places where its actors were."""
    found = (resolved.get(p.text) for p in places if p.role in _PRESENCE_ROLES)
    return {place.iso for place in found if isinstance(place, Place) and place.iso}


# Words that may precede a country's name inside a place span without making it part of
# another name: "Northern Syria", "Upper Egypt", "Central African Republic" is matched whole.
_AREA_PREFIXES = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "upper", "lower", "the"})  # fmt: skip


def _inside_name(country: CountryMention, text: str, places: Sequence[PlaceMention]) -> bool:
    """Whether a country word is only part of a longer place name (session 13b): "Saudi"
    of "Datu Saudi town", a Philippine municipality, is no Saudi Arabia."""
    for p in places:
        if p.start < country.start and country.end <= p.end:
            before = text[p.start : country.start].split()
            if any(w[:1].isupper() and w.lower() not in _AREA_PREFIXES for w in before):
                return True
    return False


# A capitalised word right before a country's name ends an organisation's or a place's
# longer name ("Alliance Fleuve Congo", "Radio Okapi Congo"), unless it starts the sentence.
_WORD_BEFORE = re.compile(r"([A-Z][\w-]*) $")
_NOT_NAME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                             "sunday", "january", "february", "march", "april", "may", "june",
                             "july", "august", "september", "october", "november",
                             "december"})  # fmt: skip


def _ends_a_name(country: CountryMention, text: str) -> bool:
    """Session 14: whether a country's name (not a demonym) ends a longer capitalised name."""
    if country.demonym:
        return False
    head = text[: country.start]
    word = _WORD_BEFORE.search(head, max(0, country.start - 60))
    if word is None:
        return False
    before = head[: word.start()].rstrip()
    if not before or before[-1] in '.!?:;"“”(\n':
        return False  # the word starts a sentence or a clause: "Meanwhile Sudan said"
    lower = word.group(1).lower()
    if lower in _AREA_PREFIXES or lower in _NOT_NAME_WORDS or _describes_area(word.group(1)):
        return False
    return not _title_case_line(text, country.start)


# Words that describe a country's part or people, no name: "Northwest Syria", "Anglophone
# Cameroon", "Sahelian Mali" (review, session 14).
_COMPASS_RUN = re.compile(r"(?:north|south|east|west|central|upper|lower)+(?:ern)?")
_ADJECTIVE_END = ("an", "ese", "ish", "phone", "ic", "ern", "ite")


def _describes_area(word: str) -> bool:
    """Also hyphenated descriptions: "Junta-ruled Mali", "Houthi-controlled Yemen",
    "North-West Nigeria" (second review)."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return tail.islower() or _describes_area(head + tail)
    lower = word.lower()
    return _COMPASS_RUN.fullmatch(lower) is not None or lower.endswith(_ADJECTIVE_END)


def _title_case_line(text: str, at: int) -> bool:
    """A headline in title case ("Jihadists Kill 12 Soldiers In Burkina Faso"): every word
    capitalised, so capitals tell no names apart."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _fallback_countries(
    text: str, gazetteer: Gazetteer, home: set[str], places: Sequence[PlaceMention] = ()
) -> list[CountryMention]:
    """The country mentions that may locate the article's events. The same reading of
    demonyms as the toponyms' context (``resolve_document``): the attackers' ("Russian jets
    bombed <an unknown village>") do not make the story Russian, unless the story's own
    places (``home``) show those forces at home. And "withdrew towards the Malian border"
    names the neighbour, no location of the event (session 13; it still tells the toponyms'
    context which region the story is in: "Laiza, near the Chinese border", is no Leitza in
    Spain). Session 16: nor does a country named in a relative clause about an organisation
    or a person ("The alliance, which the United States has designated ..."), nor a code
    the text spells out for a group ("Barisan Revolusi Nasional (BRN)" is no Brunei)."""
    found = find_countries(text, gazetteer)
    acronyms = spelled_out(text, [(c.start, c.end) for c in found if not c.demonym])
    countries = located_countries(text, found, home)
    asides = relative_clauses(text, 0, len(text), places)
    return [
        c for c in countries
        if not (c.demonym and faces_border(text, c.end))
        and not _inside_name(c, text, places)
        and not _ends_a_name(c, text)
        and not any(a <= c.start < b for a, b in asides)
        and c.text not in acronyms
    ]  # fmt: skip


def _country_place(gazetteer: Gazetteer, iso: str, share: float, query: str) -> Place | None:
    cand = gazetteer.country(iso)
    if cand is None:
        return None
    return Place(
        name=cand.name, latitude=cand.lat, longitude=cand.lon, feature="country",
        country=cand.country, iso=cand.iso, geo_precision=3, confidence=share,
        gazetteer_id=cand.gid, query=query,
    )  # fmt: skip


def geocode_mentions(
    article: Article,
    mentions: Sequence[Mention],
    geocoder: Geocoder,
    actor_country: Callable[[str], str] | None = None,
) -> list[Mention]:
    """Set ``location`` (and a "location" Evidence) on every mention of one article.

    Only places in the "event" role locate an event, never origins, routes or
    destinations. A mention without one takes an event place of its paragraph's eventive
    sentences (:func:`~eventscope.geocode.fallback.choose_place`), else the country the
    article is clearly about (precision 3), else None."""
    if not mentions:
        return []
    gazetteer = geocoder.gazetteer
    all_places = list({(p.start, p.end, p.text): p for m in mentions for p in m.places}.values())
    # "the Ukrainian capital", "the capital": read after the story's country is known, and
    # kept out of the toponyms' context (as a name, "capital" reads as some town Capital)
    capitals = [p for p in all_places if is_capital_phrase(p.text)]
    named = [p for p in all_places if p not in capitals]
    resolved = _resolve_toponyms(
        article.text, named, geocoder, _actor_isos(mentions, actor_country)
    )
    home = _home(all_places, resolved)
    countries = _fallback_countries(article.text, gazetteer, home, all_places)
    event_places = [p for p in all_places if p.role == "event"]
    dominant = _dominant_country(countries, resolved, all_places)
    story_iso = dominant[0] if dominant else None
    resolved.update(capital_places(capitals, geocoder, _countries_reader(gazetteer), story_iso))
    fallback = None
    if dominant is not None:
        iso, share, (start, end, span_text) = dominant
        place = _country_place(gazetteer, iso, share, span_text)
        fallback = (place, Evidence("location", start, end, span_text)) if place else None
    unknown = _unknown_names(event_places, resolved, geocoder)
    owners = {(p.start, p.end): m for m in mentions for p in m.places}
    out = []
    for mention in mentions:
        paragraph = _paragraph(article.text, mention.sentence_start, mention.sentence_end)
        chosen = choose_place(mention, article.text, mentions, resolved, paragraph, story_iso)
        lender = None
        if chosen is not None:
            place, pm = chosen
            evidence: Evidence | None = Evidence("location", pm.start, pm.end, pm.text)
            lender = owners.get((pm.start, pm.end)) if pm not in mention.places else None
        else:
            place, evidence = fallback if fallback else (None, None)
        extra = (evidence,) if evidence is not None else ()
        extra += _unresolved_evidence(mention, unknown, lender)
        out.append(replace(mention, location=place, evidence=mention.evidence + extra))
    story = home | ({story_iso} if story_iso else set())
    return _with_headline(out, article.title or "", frozenset(story), geocoder)


def _with_headline(
    mentions: list[Mention], title: str, countries: frozenset[str], geocoder: Geocoder
) -> list[Mention]:
    """The headline's place (read in the light of the body's ``countries``) on each mention
    that wants it (:func:`_wants_headline`); the headline is read only when one does."""
    wanting = [_wants_headline(m) for m in mentions]
    if not any(wanting):
        return mentions
    hint = headline_hint(title, countries, geocoder)
    if hint.place is None and not hint.names:
        return mentions
    return [
        replace(m, headline_place=hint.place, headline_names=hint.names) if wants else m
        for m, wants in zip(mentions, wanting, strict=True)
    ]


def _wants_headline(m: Mention) -> bool:
    """Whether the headline's place is kept on ``m`` (a hint for linking: geocode/headline.py):
    it has no place, or only the country the article is about. A mention whose own sentence
    names its country or region ("ambushed a convoy in the east of Burkina Faso") keeps to it:
    the headline tells the main story, and that sentence may tell another (review)."""
    if m.location is None:
        return True
    return m.location.feature == "country" and not _placed_here(m)


def _placed_here(m: Mention) -> bool:
    """Whether ``m``'s location comes from a name in its own sentence."""
    return any(
        e.field == "location" and m.sentence_start <= e.start < m.sentence_end for e in m.evidence
    )


# Evidence field of an event place the gazetteer lacks ("a village near Komanda"): the name
# still says where the event was, and two reports naming it are about one place
# (resolve/unplaced.py).
UNRESOLVED_PLACE = "unresolved_place"


def _actor_isos(
    mentions: Sequence[Mention], actor_country: Callable[[str], str] | None
) -> frozenset[str]:
    """The home countries (ISO) of the named armed groups among the mentions' actors
    (``actor_country``: an actor name to its ISO code, "" for none)."""
    if actor_country is None:
        return frozenset()
    names = {a for m in mentions for a in (m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2)}
    return frozenset(iso for name in names if name and (iso := actor_country(name)))


def _unknown_names(
    places: Sequence[PlaceMention], resolved: dict[str, Place | Unresolved], geocoder: Geocoder
) -> set[str]:
    """The names among ``places`` that the gazetteer lacks: left unresolved, or answered by
    a stand-in (the town or area they lie in: "Kalembwe, near Bunia"). "The capital" and
    its like are no names. Once per article: many mentions share its places."""
    out = set()
    for text in {p.text for p in places}:
        answer = resolved.get(text)
        if answer is None or is_capital_phrase(text):
            continue
        if isinstance(answer, Unresolved) or geocoder.unresolved_name(answer):
            out.add(text)
    return out


def _unresolved_evidence(
    mention: Mention, unknown: set[str], lender: Mention | None = None
) -> tuple[Evidence, ...]:
    """One evidence span per own event place of ``mention`` that the gazetteer lacks
    (``unknown``: :func:`_unknown_names` of the article's event places), and per such place
    of the mention whose place it borrowed (``lender``, session 20): "At least three civilians
    were killed by stray bullets" takes "Rutshuru territory" from "Clashes ... in Kiwanja, in
    Rutshuru territory", and Kiwanja with it, which tells it from another town's toll."""
    places = [*mention.places, *(lender.places if lender is not None else ())]
    spans = {(pm.start, pm.end, pm.text) for pm in places if pm.role == "event"}
    return tuple(
        Evidence(UNRESOLVED_PLACE, start, end, text)
        for start, end, text in sorted(spans)
        if text in unknown
    )


def place_record(place: Place, unresolved_name: str = "") -> dict[str, Any]:
    """A resolved place as the SPEC's ``eventscope geocode`` JSON object. A place that
    stands in for a name the gazetteer lacks ("Al-Salhiya, Deir Ezzor" answered by the
    province) adds ``unresolved_name``, that name (:meth:`Geocoder.unresolved_name`)."""
    record = {
        "query": place.query, "name": place.name, "latitude": place.latitude,
        "longitude": place.longitude, "feature": place.feature, "country": place.country,
        "iso": place.iso, "admin1": place.admin1, "admin2": place.admin2,
        "geo_precision": place.geo_precision, "confidence": place.confidence,
    }  # fmt: skip
    if unresolved_name:
        record["unresolved_name"] = unresolved_name
    return record


def geocode_queries(
    queries: Iterable[str], country: str | None, geocoder: Geocoder
) -> Iterator[dict[str, Any]]:
    """Resolve free-standing place names (the ``eventscope geocode`` command): one SPEC
    dict per query, ``{query, unresolved: REASON}`` when it cannot be placed, and
    ``unresolved_name`` when the answer is the area or town a name it lacks lies in."""
    for query in queries:
        result = geocoder.resolve(query, country_hint=country)
        if isinstance(result, Unresolved):
            yield {"query": query, "unresolved": result.reason}
        else:
            yield place_record(result, geocoder.unresolved_name(result))
