"""What a story says about where it is (:class:`GeoContext`), what a world city keeps
against it (:func:`world_city_bonus`), and the namesakes abroad that it makes doubtful
(:func:`foreign_namesake`).

A gazetteer of towns of 500 people lacks most villages; the same name often belongs to a
small town elsewhere ("Tawila", North Darfur, is not in cities500; At Tawilah, Yemen, is).
When the story is clearly about another country, such a namesake is more likely the
gazetteer's gap than the place meant: the resolver keeps ``FOREIGN_SHARE`` of its
confidence (under the pipeline's floor) and the document's backoffs treat it as an
unknown name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.gazetteer import Candidate

POINT_FEATURES = frozenset({"city", "airbase", "airport", "crossing", "landmark"})
_AREAS = frozenset({"country", "admin1"})
FOREIGN_SHARE = 0.3  # confidence left to a namesake abroad (see ``foreign_namesake``)
_SMALL_ABROAD = 20_000  # population under which a town abroad is a doubtful namesake
_FOCUS_SHARE = 0.5  # a story with this share of its confident places in one country
_FAR_ABROAD_KM = 500.0  # a namesake abroad this far from all the story's towns
_FOCUS_PLACES = 2  # confident towns behind a focus country the text does not name
_ALTERNATE_SMALL = 5_000  # a town reached only by an alternate name, doubted in a named story
_HAMLET = 1_000  # a town abroad this small is doubtful even where no town locates the story
_ALTERNATE = 1  # Candidate.match_rank of a strict match to an alternate name only
# A world city (prominence above _WORLD_PROMINENCE: about a million people and many
# names) is named in foreign news far more often than its small namesakes in the story's
# own country: country-level context alone ("London" in a US story) should not hand the
# name to London, Kentucky. Local evidence (a nearby place, the state) still can.
_WORLD_WEIGHT = 1.0
_WORLD_PROMINENCE = 10.0


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What an article says about where it is: the countries it names (ISO alpha-2) and
    the coordinates of its other resolved places."""

    countries: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    # (ISO, admin1) of the article's states and provinces: "Paris" in a story that also
    # names Texas, or Lamar County, Texas, is Paris, Texas
    areas: frozenset[tuple[str, str]] = frozenset()
    # (ISO, share) of the article's confidently resolved places per country: a story whose
    # places are 90% in the US reads "Georgia" and "Lebanon" as US places
    country_shares: tuple[tuple[str, float], ...] = ()
    # gazetteer place ids of this toponym's candidates that lie next to a candidate of
    # another toponym of the article ("Paris" and "Henry County" both in Tennessee)
    supported: frozenset[int] = frozenset()
    # the countries the text itself names (by name or demonym), a subset of ``countries``
    named: frozenset[str] = frozenset()
    # countries of ``countries`` that only loose-spelling readings of other toponyms put
    # the story in: too weak to doubt a loose spelling elsewhere as a namesake abroad
    loose_only: frozenset[str] = frozenset()
    # countries a qualifier written after a list that holds this toponym names ("Tripoli
    # and Sidon, Lebanon"): where the text puts the name, which a capital abroad does not
    # outweigh (review of round 12)
    listed: frozenset[str] = frozenset()
    # countries of ``named`` the text calls by their name ("Mozambique's army"), not only
    # by a demonym ("the Turkish border", "the Russian defence ministry"): where the story
    # is, rather than who acts or what lies next to it (session 15)
    by_name: frozenset[str] = frozenset()


def foreign_namesake(cand: Candidate, ctx: GeoContext, hints: Iterable[str] = ()) -> bool:
    """Is ``cand`` a point abroad that more likely stands for a village the gazetteer
    lacks? Never in the story's countries (``ctx.countries``) or the caller's ``hints``.
    A loose spelling is doubtful wherever the story names countries ("Kuriga" in a
    Nigerian story read as Khouribga, Morocco), unless only other loose spellings put the
    story there (``ctx.loose_only``: "Salif" misread as Chlef, Algeria, beside
    "Hodeidah", itself a loose spelling); an exact small town only where the story
    has a focus elsewhere (:func:`_focused_elsewhere`: "Tawila" in a Darfur story read as
    At Tawilah, Yemen; Tawila, Sudan is not in cities500)."""
    hint_set = set(hints)
    if cand.iso in ctx.countries or cand.iso in hint_set:
        return False
    if cand.loose:
        # "" is no country: a sea or an ocean among the story's places ("the Red Sea port
        # of Hodeidah") favours other seas, but puts the story in no country abroad
        story = ctx.countries - ctx.loose_only - {""}
        return bool(story) and (cand.feature in POINT_FEATURES or _weak_area(cand))
    small = cand.feature == "city" and cand.population < _SMALL_ABROAD
    return small and (bool(hint_set) or _focused_elsewhere(cand, ctx))


def unbacked(cand: Candidate, ctx: GeoContext, hints: Iterable[str] = ()) -> bool:
    """Session 16: whether the countries the text names (and the caller's hints) leave out
    ``cand``, a guessed reading ("Lower Tana" read as an area named Tana): Tana, Norway
    is no reading of it in a story that speaks of Kenya. Where the text names no country
    the guess stands, as any other name's reading would."""
    wanted = ctx.named | set(hints)
    return bool(wanted) and cand.iso not in wanted


def _weak_area(cand: Candidate) -> bool:
    """A country or state reached only by a loose spelling of one of its other names
    ("Manin", a village north of Damascus, as the Isle of Man, "Mannin" in Manx): as
    doubtful abroad as a town would be. A loose spelling of its own name ("Phillipines")
    still reads the area."""
    return cand.feature in _AREAS and not cand.primary


def _focused_elsewhere(cand: Candidate, ctx: GeoContext) -> bool:
    """Does the story have a focus country, holding ``_FOCUS_SHARE`` of its confident
    places, and confident towns, all of them over ``_FAR_ABROAD_KM`` from ``cand``, whose
    state it does not name? Only the context passes know the places: the first knows only
    the countries the text names. A focus the text does not name needs
    ``_FOCUS_PLACES`` confident towns: one misread place (Nelson, New Zealand, read
    first) would push Castlegar, British Columbia, abroad. A town across a nearby border
    stays (Syrian stories name Turkish border towns)."""
    if (cand.iso, cand.admin1) in ctx.areas:
        return False
    shares = ctx.country_shares
    if not ctx.points:
        # only areas and countries are confident ("the island of Java" in a story that
        # names Indonesia and the US): a focus the text names still makes a hamlet of
        # another country (Java, Georgia, 426 people) doubtful; a town of some size may be
        # a border town of the focus (Tal Abyad beside "Turkey") or named after a
        # country the story also means ("Lebanon" and "Jordan", Pennsylvania)
        hamlet = 0 < cand.population < _HAMLET
        focus = any(s >= _FOCUS_SHARE and iso in ctx.named for iso, s in shares)
        # session 15: a small town reached only by one of its alternate names ("Metoro"
        # for Métro, Ivory Coast) is doubtful in a story that calls other countries by
        # name and has nothing confident elsewhere: such names are often a village's the gazetteer
        # lacks (``foreign_namesake`` has already found it small and abroad)
        # (of known size, as a hamlet: a town of unknown size may be a border town)
        # (review of session 15: of a village's size, not any town under _SMALL_ABROAD;
        # "Ugledar" for Vuhledar, 14,000 people, in a story that also names Germany)
        alternate = cand.match_rank == _ALTERNATE and 0 < cand.population < _ALTERNATE_SMALL
        return (hamlet and focus) or (alternate and bool(ctx.by_name) and (focus or not shares))
    # a focus the text does not name needs more than one confident place behind it, or
    # one against a town reached only by an alternate name: GeoNames lists "Konna" (a
    # Malian town it lacks) among the names of Conna, Ireland; Castlegar, pushed abroad by
    # one misread town, was read by its own name
    backed = len(ctx.points) >= _FOCUS_PLACES or cand.match_rank == _ALTERNATE
    if not any(s >= _FOCUS_SHARE and (backed or iso in ctx.named) for iso, s in shares):
        return False
    return all(
        haversine_km(cand.lat, cand.lon, lat, lon) > _FAR_ABROAD_KM for lat, lon in ctx.points
    )


def doubtful_outside(cand: Candidate, areas: set[tuple[str, str]], named: bool) -> bool:
    """Is ``cand``, which lies outside a qualifier's ``areas``, too weak a reading to
    override it: a loose spelling, or a small town, or any town reached only by an
    alternate name ("Mambasa, Ituri" read as Mombasa, Kenya), in another country than
    the one a qualifier written out in full (``named``) says? A town's own name outside
    the qualifier stays ("Hong Kong, China"; a list misread as a qualifier)."""
    abroad = all(cand.iso != iso for iso, _ in areas)
    town = cand.feature == "city"
    weak = town and (cand.population < _SMALL_ABROAD or cand.match_rank == 1)
    return cand.loose or (named and abroad and weak)


def world_city_bonus(cand: Candidate, ctx: GeoContext) -> float:
    """What a world city named by its own name keeps against the story's country
    evidence when it lies in another country (see ``_WORLD_PROMINENCE``)."""
    if not ctx.country_shares or cand.iso in ctx.countries:
        return 0.0
    if cand.feature != "city" or cand.match_rank != 0:
        return 0.0
    return _WORLD_WEIGHT * max(0.0, cand.prominence - _WORLD_PROMINENCE)
