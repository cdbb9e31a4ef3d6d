"""Session 17: "in Haiti's Artibonite department" puts a place in Artibonite.

A name the gazetteer lacks is placed by its cue ("X in Y"); when Y possesses another name
("in Haiti's Artibonite department") the place lies in the possessed one, the smaller area,
as "Haiti's Artibonite" already read when no "in" came before it."""

from __future__ import annotations

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.models import Article, Evidence, Mention, PlaceMention

TEXT = (
    "Gang members attacked the town of Dlo Fret in Haiti's Artibonite department on Sunday "
    "night, killing eight people."
)


def _mention(places: tuple[tuple[str, str], ...]) -> Mention:
    start = TEXT.index("attacked")
    found = tuple(
        PlaceMention(name, TEXT.index(name), TEXT.index(name) + len(name), role)
        for name, role in places
    )
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + 8, trigger="attacked",
        sentence=TEXT, sentence_start=0, sentence_end=len(TEXT),
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", places=found,
        evidence=(Evidence("trigger", start, start + 8, "attacked"),),
    )  # fmt: skip


def test_a_possessed_area_holds_the_unknown_town(geocoder: Geocoder) -> None:
    m = _mention((("Dlo Fret", "event"), ("Haiti", "other"), ("Artibonite", "other")))
    (out,) = geocode_mentions(Article("d", "d.txt", TEXT), [m], geocoder)
    assert out.location is not None
    assert (out.location.name, out.location.feature) == ("Artibonite", "admin1")


def test_a_possessor_span_that_keeps_its_s(geocoder: Geocoder) -> None:
    # review: the extractor leaves "Burkina Faso's" with its "'s"
    text = "Gunmen killed five villagers in Dlo Fret, in Burkina Faso's Sanmatenga province."
    start = text.index("killed")
    places = tuple(
        PlaceMention(n, text.index(n), text.index(n) + len(n), r)
        for n, r in (("Dlo Fret", "event"), ("Burkina Faso's", "other"),
                     ("Sanmatenga province", "other"))
    )  # fmt: skip
    m = Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + 6, trigger="killed",
        sentence=text, sentence_start=0, sentence_end=len(text),
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", places=places,
        evidence=(Evidence("trigger", start, start + 6, "killed"),),
    )  # fmt: skip
    (out,) = geocode_mentions(Article("d", "d.txt", text), [m], geocoder)
    assert out.location is not None and out.location.name == "Sanmatenga"
