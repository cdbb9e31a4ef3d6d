"""Session 20 (held-out linking round 20): a mention placed by another sentence's place also
carries the unknown villages of that sentence. "At least three civilians were killed by stray
bullets" takes "Rutshuru territory" from "Clashes ... in <village>, in Rutshuru territory";
the village came with it, or the toll read as one of any place in the territory and joined
another town's fighting that day. The village name is made up (the gazetteer lacks it)."""

from __future__ import annotations

from pathlib import Path

from eventscope.geocode import Geocoder
from factories import pipeline_mentions

_TEXT = (
    "Clashes pitted the M23 rebels against Wazalendo fighters on Thursday in Kabwelakanya, "
    "in Rutshuru territory in North Kivu. At least three civilians were killed by stray "
    "bullets and several homes were hit, the president of local civil society said."
)


def test_a_borrowed_place_brings_its_unknown_village(
    tmp_path: Path, gazetteer_path: Path, geocoder: Geocoder
) -> None:
    assert not geocoder.gazetteer.candidates("Kabwelakanya")  # an unknown village
    found = pipeline_mentions(tmp_path, gazetteer_path, _TEXT, "2026-07-24")
    mentions = {m.trigger: m for m in found}
    killed = mentions["killed"]
    assert killed.location is not None and killed.location.name == "Rutshuru"
    unknown = [e.text for e in killed.evidence if e.field == "unresolved_place"]
    assert unknown == ["Kabwelakanya"]
    # the span points at the village in the other sentence, as evidence must
    span = next(e for e in killed.evidence if e.field == "unresolved_place")
    assert _TEXT[span.start : span.end] == "Kabwelakanya"
