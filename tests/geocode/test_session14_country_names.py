"""Session 14: a country's name that ends a longer capitalised name is no fallback country
("The Alliance Fleuve Congo (AFC/M23) said ..." put a DR Congo battle in the Republic of the
Congo, the only country the article's words named). A name that starts a sentence, follows
an area word or a weekday, or stands alone still names the country."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.geocode import Geocoder, geocode_mentions
from factories import article, mention


def _fallback(geocoder: Geocoder, text: str) -> str | None:
    doc = replace(article(), text=text)
    found = mention(doc=doc.doc_id, start=text.index("attack"), sentence=text,
                    sentence_end=len(text), location=None, places=())  # fmt: skip
    (located,) = geocode_mentions(doc, [found], geocoder)
    return located.location.iso if located.location else None


@pytest.mark.parametrize(
    "text",
    [
        "The Alliance Fleuve Congo said its fighters repelled an attack on their positions.",
        "The Radio Okapi Congo service said the attack left four dead.",
    ],
)
def test_a_country_name_ending_an_organisation_is_no_fallback(
    geocoder: Geocoder, text: str
) -> None:
    assert _fallback(geocoder, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Congo said its troops repelled an attack on their positions.",
        "The army said the attack took place in eastern Congo.",
        "On Tuesday Congo said its troops repelled an attack.",
        "Officials said the attack was the worst this year. Meanwhile Congo said it would respond.",
    ],
)
def test_a_country_name_on_its_own_still_locates(geocoder: Geocoder, text: str) -> None:
    assert _fallback(geocoder, text) == "CG"


@pytest.mark.parametrize(
    "text",
    [
        "Separatists in Anglophone Cameroon killed two soldiers in an attack on Tuesday.",
        "Two soldiers died in an attack in Northwest Cameroon on Tuesday.",
        "Jihadists Kill Two Soldiers In Ambush In Cameroon\nThe army said the attack was Tuesday.",
    ],
)
def test_a_word_describing_the_country_leaves_its_name(geocoder: Geocoder, text: str) -> None:
    # Review of session 14: an adjective, a compass word or a title-case headline is no name.
    assert _fallback(geocoder, text) == "CM"


@pytest.mark.parametrize("lead", ["Junta-ruled", "Taliban-ruled", "North-West"])
def test_a_hyphenated_description_leaves_the_country(geocoder: Geocoder, lead: str) -> None:
    assert _fallback(geocoder, f"Jihadists killed 20 soldiers in an attack in {lead} Mali.") == "ML"
