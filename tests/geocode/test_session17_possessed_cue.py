"""Session 17: "in Haiti's Artibonite department" puts a place in Artibonite.

A name the gazetteer lacks is placed by its cue ("X in Y"); when Y possesses another name
("in Haiti's Artibonite department") the place lies in the possessed one, the smaller area,
as "Haiti's Artibonite" already read when no "in" came before it."""

from __future__ import annotations

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.models import Article, Evidence, Mention, Place, PlaceMention


def _located(text: str, trigger: str, places: tuple[tuple[str, str], ...], g: Geocoder) -> Place:
    """Where the one mention of ``trigger`` in ``text``, with ``places`` (name, role), lies."""
    start = text.index(trigger)
    found = tuple(
        PlaceMention(name, text.index(name), text.index(name) + len(name), role)
        for name, role in places
    )
    m = Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + len(trigger),
        trigger=trigger, sentence=text, sentence_start=0, sentence_end=len(text),
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", places=found,
        evidence=(Evidence("trigger", start, start + len(trigger), trigger),),
    )  # fmt: skip
    (out,) = geocode_mentions(Article("d", "d.txt", text), [m], g)
    assert out.location is not None
    return out.location


def test_a_possessed_area_holds_the_unknown_town(geocoder: Geocoder) -> None:
    text = (
        "Gang members attacked the town of Dlo Fret in Haiti's Artibonite department on Sunday "
        "night, killing eight people."
    )
    places = (("Dlo Fret", "event"), ("Haiti", "other"), ("Artibonite", "other"))
    place = _located(text, "attacked", places, geocoder)
    assert (place.name, place.feature) == ("Artibonite", "admin1")


def test_a_possessor_span_that_keeps_its_s(geocoder: Geocoder) -> None:
    # review: the extractor leaves "Burkina Faso's" with its "'s"
    text = "Gunmen killed five villagers in Dlo Fret, in Burkina Faso's Sanmatenga province."
    places = (
        ("Dlo Fret", "event"), ("Burkina Faso's", "other"), ("Sanmatenga province", "other"),
    )  # fmt: skip
    assert _located(text, "killed", places, geocoder).name == "Sanmatenga"
