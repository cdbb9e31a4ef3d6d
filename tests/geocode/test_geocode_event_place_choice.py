"""Which place locates a mention: the most specific of its own, else a named country."""

from __future__ import annotations

from test_geocode_mentions import make_mention, pm

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.models import Article

PORT = "A drone strike near the Red Sea port city of Hodeidah in Yemen on Sunday killed four.\n"
HOME = "Russian forces shelled Belgorod on Sunday, killing two civilians, in Russia.\n"


def test_the_town_beats_the_sea_named_before_it(geocoder: Geocoder) -> None:
    mention = make_mention(
        PORT, "strike", (pm(PORT, "Red Sea", "event"), pm(PORT, "Hodeidah", "event"))
    )
    (out,) = geocode_mentions(Article("d", "d.txt", PORT), [mention], geocoder)
    assert out.location is not None
    assert (out.location.iso, out.location.geo_precision) == ("YE", 1)


def test_a_named_country_is_still_a_fallback(geocoder: Geocoder) -> None:
    mention = make_mention(HOME, "shelled")
    (out,) = geocode_mentions(Article("d", "d.txt", HOME), [mention], geocoder)
    assert out.location is not None and out.location.iso == "RU"
