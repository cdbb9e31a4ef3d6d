"""Actor coding that needs the event's place: ACLED names and codes actors by country.

* State forces abroad: ACLED's inter code 8 (External/Other Forces).

ACLED codes a state's military or police as State Forces (inter 1) in its own country and as
External/Other Forces (inter 8) anywhere else: Russian forces striking Deir ez-Zor or shelling
Kharkiv, French troops in Mali. Extraction codes the actor before the place is known, so the
correction runs here, once the event location (and so its country) is chosen. Only actors
whose home country is known are touched: dictionary entries of a state kind (military,
police) and the "<Forces> of <country>" names built from demonyms.

* Class labels take the event's country in brackets, as ACLED names them: unnamed victims in
  Mali are "Civilians (Mali)", unnamed gunmen "Unidentified Armed Group (Mali)". Only with a
  known event country; the resolver still treats them as class labels
  (resolve.compat.is_generic_actor). State-force labels ("government troops": "Military
  Forces") are left as they are: named "Military Forces of Mali" they would read as a named
  perpetrator and block links to reports that name the foreign force that really struck.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from eventscope.models import Mention

STATE_FORCES = 1
EXTERNAL_FORCES = 8


def home_country_finder(
    entries: Callable[[str], tuple[str, str] | None], templates: Sequence[str]
) -> Callable[[str], str]:
    """A function from an actor name to its home country name, or "" when not a state force.

    ``entries(name)`` gives a dictionary actor's (country, kind); ``templates`` are the name
    patterns for demonym-built forces, such as "Military Forces of {country}"."""
    patterns = [t.partition("{country}") for t in templates if "{country}" in t]

    def home(actor: str) -> str:
        entry = entries(actor)
        if entry is not None:
            country, kind = entry
            return country if kind else ""
        for prefix, _, suffix in patterns:
            inner = len(actor) - len(prefix) - len(suffix)
            if inner > 0 and actor.startswith(prefix) and actor.endswith(suffix):
                return actor[len(prefix) : len(actor) - len(suffix)]
        return ""

    return home


# Inter codes of armed groups that fight at home: rebels (2), political militias (3) and
# identity militias (4); not external forces (8), such as the Wagner Group abroad.
_HOME_GROUPS = frozenset({2, 3, 4})


def group_country_finder(
    actors: Iterable[tuple[str, str, int]], iso: Callable[[str], str]
) -> Callable[[str], str]:
    """An actor name to the ISO code of the country a named armed group fights in ("" for
    any other actor): the geocoder's context where a story names no country (session 20).
    ``actors``: the lexicon's non-state actors with a country, (name, country, inter)."""
    codes = {name: iso(country) for name, country, inter in actors if inter in _HOME_GROUPS}

    def home(actor: str) -> str:
        return codes.get(actor, "")

    return home


def iso_finder(country_names: Mapping[str, str], key: Callable[[str], str]) -> Callable[[str], str]:
    """Country name -> ISO alpha-2 ("" when unknown) over the gazetteer's country names, also
    when one spelling has an article the other lacks ("Democratic Republic of (the) Congo")."""

    def bare(k: str) -> str:
        return " ".join(w for w in k.split() if w != "the")

    without_articles = {bare(k): iso for k, iso in country_names.items()}

    def iso(name: str) -> str:
        k = key(name)
        return country_names.get(k) or without_articles.get(bare(k), "")

    return iso


def code_foreign_forces(
    mentions: Sequence[Mention],
    home_country: Callable[[str], str],
    country_iso: Callable[[str], str],
) -> list[Mention]:
    """Re-code state forces outside their home country as External/Other Forces (inter 8)."""
    return [_recode(m, home_country, country_iso) for m in mentions]


def _recode(
    m: Mention, home_country: Callable[[str], str], country_iso: Callable[[str], str]
) -> Mention:
    if m.location is None or not m.location.iso:
        return m  # no event country: nothing to compare with
    changes: dict[str, int] = {}
    for actor, inter, field in ((m.actor1, m.inter1, "inter1"), (m.actor2, m.inter2, "inter2")):
        if inter != STATE_FORCES or not actor:
            continue
        home = home_country(actor)
        iso = country_iso(home) if home else ""
        if iso and iso != m.location.iso:
            changes[field] = EXTERNAL_FORCES
    return replace(m, **changes) if changes else m


def generic_namer(labels: frozenset[str]) -> Callable[[str, str], str]:
    """A function (class label, country name) -> the label ACLED would write ("Civilians
    (Mali)"); anything that is not one of ``labels`` is returned unchanged."""

    def name(actor: str, country: str) -> str:
        return f"{actor} ({country})" if actor in labels and country else actor

    return name


def localise_generic_actors(
    mentions: Sequence[Mention], namer: Callable[[str, str], str]
) -> list[Mention]:
    """Class labels of every actor field named after the event's country (see module doc)."""
    out = []
    for m in mentions:
        country = m.location.country if m.location is not None else ""
        fields = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        changes = {f: namer(getattr(m, f), country) for f in fields}
        changes = {f: v for f, v in changes.items() if v != getattr(m, f)}
        out.append(replace(m, **changes) if changes else m)
    return out
