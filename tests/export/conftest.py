"""A small, hostile export bundle: two events, four documents, one skipped input.

Event 1 (Syria) has three claims from three sources with different death tolls and a recorded
contradiction; event 2 has no resolved place and no date. One source's text tries to break out
of HTML and to plant a spreadsheet formula.
"""

from __future__ import annotations

import pytest

from eventscope.export import DocumentInfo, ExportBundle
from eventscope.models import Claim, Event, Evidence, Mention, Place, Skip

HOSTILE_SENTENCE = (
    "Witnesses said </script><script>alert(1)</script> and <img src=x onerror=alert(1)> "
    "after the strike killed 12 people in Aleppo."
)
FORMULA = '=HYPERLINK("http://evil.example/x","click")'

DOCS = {
    "d" * 64: DocumentInfo("d" * 64, "reuters-001", "Reuters", "Strike on Aleppo",
                           "https://example.com/a", "2024-03-02"),
    "e" * 64: DocumentInfo("e" * 64, "ap-17", "AP", "Aleppo strike", None, "2024-03-02"),
    "f" * 64: DocumentInfo("f" * 64, "feeds/hostile.jsonl#3", FORMULA,
                           "<img src=x onerror=alert(1)>", None, "2024-03-03"),
    "a" * 64: DocumentInfo("a" * 64, "clash.txt", "Local Wire", "Clashes", None, None),
}  # fmt: skip

ALEPPO = Place(
    name="Aleppo", latitude=36.2021, longitude=37.1343, feature="city", country="Syria",
    iso="SY", admin1="Aleppo", admin2="Jebel Saman", geo_precision=1, confidence=0.9,
    gazetteer_id="geonames:170063", query="Aleppo",
)  # fmt: skip


def _mention(doc: str, sentence: str, trigger: str, **kw: object) -> Mention:
    start = sentence.index(trigger)
    base = kw.pop("base", 100)
    assert isinstance(base, int)
    coded = {
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", **kw,
    }  # fmt: skip
    return Mention(
        mention_id=f"{doc}:{base + start}-{base + start + len(trigger)}",
        doc_id=doc, start=base + start, end=base + start + len(trigger), trigger=trigger,
        sentence=sentence, sentence_start=base, sentence_end=base + len(sentence),
        **coded,  # type: ignore[arg-type]
    )  # fmt: skip


def _mentions() -> list[Mention]:
    s1 = "A Russian air strike killed 3 civilians in Aleppo on Saturday, the ministry said."
    s2 = "Five people died when jets struck a market in Aleppo, AP reported.\u2028Later more."
    clash = "Fighters of HTS clashed with government forces near the front line."
    return [
        _mention("d" * 64, s1, "air strike", location=ALEPPO, fatalities_best=3,
                 attribution="the ministry", modality="reported", date_start="2024-03-02",
                 evidence=(Evidence("actor1", 102, 109, "Russian"),
                           Evidence("fatalities", 127, 128, "3"))),
        _mention("e" * 64, s2, "struck", location=ALEPPO, fatalities_best=5, base=40),
        _mention("f" * 64, HOSTILE_SENTENCE, "strike", location=ALEPPO, fatalities_best=12,
                 actor1=FORMULA),
        _mention("a" * 64, clash, "clashed", event_type="Battles", sub_event_type="Armed clash",
                 base=0),
        _mention("d" * 64, "Russia plans more strikes on Idlib next week.", "strikes",
                 modality="planned", base=400),
    ]  # fmt: skip


def _events(mentions: list[Mention]) -> list[Event]:
    m = mentions
    claims = (
        Claim("d" * 64, "reuters-001", "Reuters", "the ministry", "reported", 3, "2024-03-02",
              m[0].sentence),
        Claim("e" * 64, "ap-17", "AP", "", "asserted", 5, "2024-03-02", m[1].sentence),
        Claim("f" * 64, "feeds/hostile.jsonl#3", FORMULA, "", "asserted", 12, "2024-03-03",
              HOSTILE_SENTENCE),
    )  # fmt: skip
    strike = Event(
        event_id="ev-aleppo-1", event_date="2024-03-02", date_start="2024-03-02",
        date_end="2024-03-03", time_precision=1, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)", inter1=8, actor2="Civilians (Syria)",
        inter2=7, interaction=78, civilian_targeting="Civilian targeting", location=ALEPPO,
        fatalities=3, fatalities_low=3, fatalities_best=5, fatalities_high=12,
        weapons=("Su-34",), sources=("AP", "Reuters", FORMULA), article_count=3, claims=claims,
        contradictions=(
            {"field": "fatalities", "values": (
                {"value": 3, "doc_id": "d" * 64, "source": "Reuters"},
                {"value": 5, "doc_id": "e" * 64, "source": "AP"},
                {"value": 12, "doc_id": "f" * 64, "source": FORMULA},
            )},
        ),
        mention_ids=tuple(x.mention_id for x in m[:3]),
        notes=FORMULA + " On 2 March 2024, Russian forces struck Aleppo.", confidence=0.8,
    )  # fmt: skip
    clash = Event(
        event_id="ev-clash-2", event_date=None, date_start=None, date_end=None, time_precision=3,
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
        actor1="Hayat Tahrir al-Sham", inter1=2, actor2="Military Forces of Syria (2024-)",
        inter2=1, interaction=12, fatalities=0, sources=("Local Wire",), article_count=1,
        claims=(Claim("a" * 64, "clash.txt", "Local Wire", "", "asserted", None, None,
                      m[3].sentence),),
        notes="-1+1 Clashes near the front line.", confidence=0.4,
    )  # fmt: skip
    return [clash, strike]  # deliberately not in export order


def make_bundle() -> ExportBundle:
    mentions = _mentions()
    events = _events(mentions)
    return ExportBundle(
        events=events,
        mentions=mentions,
        documents=DOCS,
        # The clash event lists no mention ids: its mention is found through this map.
        event_of_mention={mentions[3].mention_id: "ev-clash-2",
                          **{x.mention_id: "ev-aleppo-1" for x in mentions[:3]}},
        skips=(Skip("bad.bin", "binary", "<b>not text</b>"),
               Skip("empty.txt", "empty", stage="clean")),
        generated_at="2024-03-04T12:00:00+00:00",
    )  # fmt: skip


@pytest.fixture
def bundle() -> ExportBundle:
    return make_bundle()
