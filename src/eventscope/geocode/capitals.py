"""A country's capital named by its role: "the Ukrainian capital", "Sudan's capital", "the
capital" (found by :func:`eventscope.extract.place_shapes.capital_spans`).

Conflict news names capitals this way more often than by name ("a drone attack on the
capital"); read as a toponym the phrase matches nothing, or a town called Capital. The
country comes from the phrase (a demonym or a possessive country name, read as the
geocoder reads country mentions) or, for a bare "the capital", from the country the article
is about; the capital's name from countryinfo (a PyPI data package the gazetteer is built
from), resolved in that country like any toponym. No country, or a capital the gazetteer
cannot place in it: no answer, and the caller falls back as for any unknown place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from eventscope.geocode.named_capital import capital_name
from eventscope.geocode.resolver import Geocoder
from eventscope.models import Place, PlaceMention

_CAPITAL = re.compile(r"^(?:(?P<who>.+?)\s+)?capital$", re.IGNORECASE)

# Country mentions in a phrase: (iso codes named) for "Ukrainian" or "Sudan's".
CountryReader = Callable[[str], set[str]]


def is_capital_phrase(text: str) -> bool:
    return _CAPITAL.match(text.strip()) is not None


def capital_country(text: str, countries_in: CountryReader, story_iso: str | None) -> str | None:
    """The country whose capital ``text`` names: the one its words name, else (bare
    "capital") the story's; None when the words name none or several."""
    found = _CAPITAL.match(text.strip())
    if found is None:
        return None
    who = found.group("who")
    if who is None:
        return story_iso
    named = countries_in(who)
    return named.pop() if len(named) == 1 else None


def capital_places(
    places: Iterable[PlaceMention],
    geocoder: Geocoder,
    countries_in: CountryReader,
    story_iso: str | None,
) -> dict[str, Place]:
    """Place text -> the capital it names, for the capital phrases among ``places`` that
    resolve to a town of their country."""
    out: dict[str, Place] = {}
    for pm in places:
        iso = capital_country(pm.text, countries_in, story_iso)
        name = capital_name(iso) if iso else ""
        if not name:
            continue
        answer = geocoder.resolve(name, country_hint=iso)
        if isinstance(answer, Place) and answer.iso == iso and answer.feature == "city":
            out[pm.text] = replace(answer, query=pm.text, geo_precision=1)
    return out
