"""Geocode stage: place names to coordinates, with ACLED precision codes.

``build_gazetteer`` turns the installed GeoNames-derived packages plus a curated supplement
into one indexed SQLite file; ``open_gazetteer`` opens it (building it once, lazily, when
missing); ``Geocoder.resolve`` ranks candidates for a toponym and returns a ``Place`` or an
``Unresolved`` with the reason; ``import_geonames`` adds full GeoNames dumps to the gazetteer.
Nothing is loaded at import time.
"""

from eventscope.geocode.build import build_gazetteer, default_gazetteer_path
from eventscope.geocode.countries import find_countries
from eventscope.geocode.gazetteer import Candidate, Gazetteer, open_gazetteer
from eventscope.geocode.importer import import_geonames
from eventscope.geocode.mentions import geocode_mentions, geocode_queries
from eventscope.geocode.resolver import Geocoder, GeoContext, Unresolved

__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoContext",
    "Geocoder",
    "Unresolved",
    "build_gazetteer",
    "default_gazetteer_path",
    "find_countries",
    "geocode_mentions",
    "geocode_queries",
    "import_geonames",
    "open_gazetteer",
]
