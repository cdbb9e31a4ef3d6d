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

from collections.abc import Iterable, Sequence
from functools import lru_cache

from eventscope.geocode.gazetteer import Candidate, Gazetteer

CAPITAL_BONUS = 2.0  # log-odds: half the share bonus of a story set wholly in one country


@lru_cache(maxsize=256)
def capital_name(iso: str) -> str:
    """The capital countryinfo gives for ``iso`` ("" when it has none)."""
    from countryinfo import CountryInfo  # deferred: reads its data files on first use

    try:
        return str(CountryInfo(iso).capital() or "")
    except (LookupError, AttributeError, TypeError, ValueError, KeyError):  # no such code
        return ""


@lru_cache(maxsize=1024)
def capital_id(gazetteer: Gazetteer, iso: str) -> int | None:
    """Gazetteer id of ``iso``'s capital town, or None when the gazetteer cannot place it."""
    name = capital_name(iso)
    towns = [
        c for c in gazetteer.candidates(name) if c.iso == iso and c.feature == "city"
    ] if name else []  # fmt: skip
    return max(towns, key=lambda c: c.population).place_id if towns else None


def capital_bonuses(
    cands: Sequence[Candidate], named: Iterable[str], gazetteer: Gazetteer
) -> list[float]:
    """``CAPITAL_BONUS`` for each candidate in the country of a capital among ``cands``
    whose country the text names (``named``: ISO codes), else 0. The whole country gains,
    not the capital alone: the bonus settles which country the name means, not which of
    its places ("the state of Washington" against the capital is the area cues' call)."""
    capitals = {capital_id(gazetteer, iso) for iso in named} - {None}
    countries = {c.iso for c in cands if c.place_id in capitals}
    return [CAPITAL_BONUS if c.iso in countries else 0.0 for c in cands]
