"""A country's capital by its name, in a story that names the country: "Washington" in a
London story that also names the United States is the US capital, not Washington, Tyne
and Wear; "Moscow" beside "Russia" is not Moscow, Idaho.

The story's country shares favour the namesake where most of its places lie; a capital is
named in foreign news far more often than its small namesakes, and a story that names the
capital's country says which country it has in mind. The capital's name comes from
countryinfo (a PyPI data package the gazetteer is built from); its place is the most
populous town of that name in the country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from weakref import WeakKeyDictionary

from eventscope.geocode.gazetteer import Candidate, Gazetteer

CAPITAL_BONUS = 2.0  # log-odds: half the share bonus of a story set wholly in one country
# "Tripoli and Sidon, Lebanon", "Binnish, Sarmin, Syria": names listed before a qualified one
_LISTED = re.compile(r",?[ \t]+(?:and|or)[ \t]+|,[ \t]*")


@lru_cache(maxsize=256)
def capital_name(iso: str) -> str:
    """The capital countryinfo gives for ``iso`` ("" when it has none)."""
    from countryinfo import CountryInfo  # deferred: reads its data files on first use

    try:
        return str(CountryInfo(iso).capital() or "")
    except (LookupError, AttributeError, TypeError, ValueError, KeyError):  # no such code
        return ""


# Per gazetteer, weakly held: a cache keyed on the gazetteer itself (an lru_cache) kept
# every gazetteer, and its SQLite connection, alive after forget_gazetteer dropped it.
_CAPITAL_IDS: WeakKeyDictionary[Gazetteer, dict[str, int | None]] = WeakKeyDictionary()


def capital_id(gazetteer: Gazetteer, iso: str) -> int | None:
    """Gazetteer id of ``iso``'s capital town, or None when the gazetteer cannot place it
    (cached for as long as ``gazetteer`` lives)."""
    known = _CAPITAL_IDS.setdefault(gazetteer, {})
    if iso not in known:
        known[iso] = _find_capital(gazetteer, iso)
    return known[iso]


def _find_capital(gazetteer: Gazetteer, iso: str) -> int | None:
    name = capital_name(iso)
    towns = [
        c for c in gazetteer.candidates(name) if c.iso == iso and c.feature == "city"
    ] if name else []  # fmt: skip
    return max(towns, key=lambda c: c.population).place_id if towns else None


def capital_bonuses(
    cands: Sequence[Candidate],
    named: Iterable[str],
    gazetteer: Gazetteer,
    listed: frozenset[str] = frozenset(),
) -> list[float]:
    """``CAPITAL_BONUS`` for each candidate in the country of a capital among ``cands``
    whose country the text names (``named``: ISO codes), else 0. The whole country gains,
    not the capital alone: the bonus settles which country the name means, not which of
    its places ("the state of Washington" against the capital is the area cues' call).
    None where the text puts the name in another country that holds a candidate
    (``listed``, :func:`listed_countries`: "Tripoli and Sidon, Lebanon" in a story that
    names Libya too)."""
    capitals = {capital_id(gazetteer, iso) for iso in named} - {None}
    countries = {c.iso for c in cands if c.place_id in capitals}
    if any(c.iso in listed and c.iso not in countries for c in cands):
        return [0.0] * len(cands)
    return [CAPITAL_BONUS if c.iso in countries else 0.0 for c in cands]


def listed_countries(
    text: str,
    spans: Sequence[tuple[int, int]],
    queries: Sequence[str],
    countries_of: Callable[[str], frozenset[str]],
) -> dict[str, frozenset[str]]:
    """Per query without a qualifier of its own, the countries that the qualifier of a
    later name of the same list names (``countries_of`` a query: the countries its own
    qualifier names): "Tripoli" in "Tripoli and Sidon, Lebanon". Spans are in text order."""
    out: dict[str, frozenset[str]] = {}
    shared: frozenset[str] = frozenset()
    for i in range(len(spans) - 1, -1, -1):  # from the end: the qualifier comes last
        own = countries_of(queries[i])
        listed = i + 1 < len(spans) and _LISTED.fullmatch(text, spans[i][1], spans[i + 1][0])
        shared = own or (shared if listed else frozenset())
        if shared and not own:
            out[queries[i]] = out.get(queries[i], frozenset()) | shared
    return out
