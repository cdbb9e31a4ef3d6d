"""Session 15: an event place the gazetteer lacks is kept as ``unresolved_place`` evidence
(geocode/mentions.py), which the resolver reads to link reports of one unlisted village
(resolve/unplaced.py). The village names are made up."""

from __future__ import annotations

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.models import Article, Mention, PlaceMention

TEXT = "Rebels killed 12 villagers in Kalembwexo, near Bunia, on Monday, officials said."


def _mention(*places: PlaceMention) -> Mention:
    start = TEXT.index("killed")
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + 6, trigger="killed",
        sentence=TEXT, sentence_start=0, sentence_end=len(TEXT),
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", places=places,
    )  # fmt: skip


def _place(name: str, role: str) -> PlaceMention:
    start = TEXT.index(name)
    return PlaceMention(name, start, start + len(name), role)


def _unresolved(out: Mention) -> list[tuple[str, int, int]]:
    return [(e.text, e.start, e.end) for e in out.evidence if e.field == "unresolved_place"]


def test_an_unknown_event_place_is_kept_as_evidence(geocoder: Geocoder) -> None:
    village, town = _place("Kalembwexo", "event"), _place("Bunia", "event")
    (out,) = geocode_mentions(Article("d", "d.txt", TEXT), [_mention(village, town)], geocoder)
    assert out.location is not None and out.location.name == "Bunia"
    assert _unresolved(out) == [("Kalembwexo", village.start, village.end)]
    assert TEXT[village.start : village.end] == "Kalembwexo"


def test_a_known_place_or_another_role_is_not(geocoder: Geocoder) -> None:
    village, town = _place("Kalembwexo", "origin"), _place("Bunia", "event")
    (out,) = geocode_mentions(Article("d", "d.txt", TEXT), [_mention(village, town)], geocoder)
    assert _unresolved(out) == []
