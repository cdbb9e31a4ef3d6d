"""Small builders for records used across test modules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventscope.models import Article, Evidence, Mention, Place

DEIR = Place(
    name="Deir ez-Zor",
    latitude=35.336,
    longitude=40.141,
    feature="city",
    country="Syria",
    iso="SY",
    admin1="Deir ez-Zor",
    geo_precision=1,
    confidence=0.9,
    gazetteer_id="geonames:170794",
)
RAQQA = Place(
    name="Raqqa",
    latitude=35.95,
    longitude=39.01,
    feature="city",
    country="Syria",
    iso="SY",
    admin1="Raqqa",
    geo_precision=1,
    confidence=0.9,
    gazetteer_id="geonames:172955",
)


def stub_place(name: str, iso: str, feature: str = "city", precision: int = 1) -> Place:
    """A resolved place named ``name`` in ``iso`` at a fixed point, confidence 0.9, for
    rules that look only at its country, feature and precision."""
    return Place(
        name=name, latitude=10.0, longitude=8.0, feature=feature, country=iso, iso=iso,
        admin1="", admin2="", admin3="", geo_precision=precision, confidence=0.9,
        gazetteer_id=f"geonames:{name}", query=name,
    )  # fmt: skip


def mention(doc: str = "d1", start: int = 0, **kw: Any) -> Mention:
    base = Mention(
        mention_id=f"{doc}:{start}-{start + 6}",
        doc_id=doc,
        start=start,
        end=start + 6,
        trigger="struck",
        sentence="Russian bombers struck positions near Deir ez-Zor.",
        sentence_start=0,
        sentence_end=50,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)",
        inter1=8,
        actor2="Islamic State (Syria)",
        inter2=2,
        date_start="2025-03-11",
        date_end="2025-03-11",
        time_precision=1,
        location=DEIR,
        confidence=0.6,
    )
    return replace(base, **kw)


def week_mention(doc: str, sentence: str, phrase: str = "this week") -> Mention:
    """A mention dated by a week phrase (Monday 7 to Friday 11 July 2025, precision 2), the
    phrase being its date evidence."""
    return mention(
        doc,
        sentence=sentence,
        date_start="2025-07-07",
        date_end="2025-07-11",
        time_precision=2,
        evidence=(Evidence("date", 0, len(phrase), phrase),),
    )


def bomb_mention(sentence: str, trigger: str, /, **kw: Any) -> Mention:
    """A bare IED mention of doc "d" whose trigger is the first ``trigger`` in ``sentence``:
    no actors, date or place, for tests of how one field maps. ``kw`` overrides any field
    (``sentence`` and ``trigger`` too, after the span is placed)."""
    start = sentence.index(trigger)
    base = Mention(
        mention_id=f"d:{start}-{start + len(trigger)}", doc_id="d", start=start,
        end=start + len(trigger), trigger=trigger, sentence=sentence, sentence_start=0,
        sentence_end=len(sentence), disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
    )  # fmt: skip
    return replace(base, **kw)


def article(doc: str = "d1", source: str = "Outlet", **kw: Any) -> Article:
    return Article(
        doc_id=doc,
        input_id=f"{doc}.txt",
        text="text",
        source=source,
        published=kw.pop("published", "2025-03-12"),
        **kw,
    )


def es(*args: str, cwd: Path | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    """Run the ``eventscope`` command as a user would, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "eventscope", *args],
        capture_output=True,
        input=stdin,
        cwd=cwd,
        timeout=900,
    )


# ../shared/data beside the repository: evaluation data is read there, never copied in.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_path(relative: str | Path = "") -> Path:
    """A path under ../shared/data, or a clean skip with a message where it is absent."""
    import pytest

    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (see ../shared/data/README.md)")
    return path


def resolve_names(
    geocoder: Any, text: str, names: list[str], *, floor: bool = True
) -> dict[str, Place | None]:
    """Resolve ``text`` as one document whose toponyms are every occurrence of ``names``;
    each name's first answer: a Place (at or above the geocoder's confidence floor when
    ``floor``), else None."""
    from eventscope.geocode.document import resolve_document  # deferred: loads the geocoder

    found = {(m.start(), m.end()) for n in names for m in re.finditer(rf"(?<!\w){n}(?!\w)", text)}
    spans = sorted(found)
    out: dict[str, Place | None] = {}
    for (start, end), answer in zip(spans, resolve_document(text, spans, geocoder), strict=True):
        ok = isinstance(answer, Place) and (
            not floor or answer.confidence >= geocoder.min_confidence
        )
        out.setdefault(text[start:end], answer if ok else None)
    return out


def by_trigger(found: list[Mention], trigger: str) -> Mention:
    """The one mention of ``found`` whose trigger is ``trigger`` (fails listing them all)."""
    hits = [m for m in found if m.trigger == trigger]
    assert len(hits) == 1, [(m.trigger, m.sub_event_type, m.modality) for m in found]
    return hits[0]


def pipeline_mentions(
    tmp_path: Path, gazetteer_path: Path, text: str, published: str = "2026-01-21"
) -> list[Mention]:
    """The mentions of one article (no title) run through the whole pipeline into a SQLite
    store in ``tmp_path``, with the gazetteer at ``gazetteer_path`` (the pipeline is imported
    here: most users of this module need none of it)."""
    from eventscope.config import GeocodeSettings, Settings
    from eventscope.pipeline.api import run_all
    from eventscope.store import Store

    path = tmp_path / "a.jsonl"
    record = {"id": "a1", "source": "s", "published": published, "title": "", "text": text}
    path.write_text(json.dumps(record) + "\n")
    settings = Settings(geocode=GeocodeSettings(gazetteer_path=str(gazetteer_path)))
    with Store.open(tmp_path / "es.sqlite") as store:
        run_all(store, settings, [str(path)])
        return list(store.iter_mentions())
