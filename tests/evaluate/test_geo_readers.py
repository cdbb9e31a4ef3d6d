"""The geoparsing gold readers (format detection, offsets, literal filter) and the
resolution metrics, on tiny samples written for these tests."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eventscope.errors import ConfigError
from eventscope.evaluate.geo import recognition_counts
from eventscope.evaluate.geo_metrics import MAX_ERROR_KM, Outcome, auc, resolution_metrics
from eventscope.evaluate.geo_readers import GoldDoc, GoldToponym, detect_format, read_gold

GWN = """<articles><article file="7"><title>t</title>
<text>Shelling hit Kharkiv; Russian jets flew.</text>
<toponyms>
 <toponym><extractedName>Kharkiv</extractedName><type>Literal</type><start>13</start><end>20</end>
  <geonamesID>706483</geonamesID><latitude>49.98</latitude><longitude>36.25</longitude></toponym>
 <toponym><extractedName>Russian</extractedName><type>Non_Literal_Modifier</type><start>22</start>
  <end>29</end><geonamesID>2017370</geonamesID><latitude>60</latitude><longitude>100</longitude></toponym>
 <toponym><extractedName>jets</extractedName><type>Non_Lit_Expression</type><start>30</start><end>34</end></toponym>
</toponyms></article></articles>"""

LGL = """<articles><article docid="42"><text><![CDATA[Paris, Texas police said.]]></text>
<toponyms count="2">
 <toponym><start>0</start><end>5</end><phrase>Paris</phrase>
  <gaztag geonameid="4717560"><name>Paris</name><lat>33.66</lat><lon>-95.56</lon></gaztag></toponym>
 <toponym><start>7</start><end>12</end><phrase>Texas</phrase></toponym>
</toponyms></article></articles>"""

# GeoVirus counts from 1: every span is one character late.
GEOVIRUS = """<articles><article><source>x</source><text>Cases rose in Lagos today.</text>
<locations><location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat>
<lon>3.39</lon><page>w</page></location></locations></article></articles>"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("sample", "fmt"), [(GWN, "gwn"), (LGL, "lgl"), (GEOVIRUS, "geovirus")])
def test_format_is_detected(sample: str, fmt: str) -> None:
    assert detect_format(ET.fromstring(sample)) == fmt


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        detect_format(ET.fromstring("<articles><article><text>x</text></article></articles>"))


def test_gwn_keeps_only_literal_toponyms_resolvable(tmp_path: Path) -> None:
    fmt, docs = read_gold(_write(tmp_path, GWN))
    assert fmt == "gwn" and docs[0].doc_id == "7"
    kinds = {t.text: (t.literal, t.resolvable) for t in docs[0].toponyms}
    assert kinds == {"Kharkiv": (True, True), "Russian": (False, False), "jets": (False, False)}
    assert docs[0].toponyms[0].geonames_id == "706483"


def test_lgl_reads_gaztag_and_keeps_untagged_for_recognition(tmp_path: Path) -> None:
    _, docs = read_gold(_write(tmp_path, LGL))
    paris, texas = docs[0].toponyms
    assert (paris.lat, paris.lon, paris.geonames_id) == (33.66, -95.56, "4717560")
    assert paris.resolvable and texas.literal and not texas.resolvable


def test_geovirus_offsets_are_realigned(tmp_path: Path) -> None:
    _, docs = read_gold(_write(tmp_path, GEOVIRUS))
    (lagos,) = docs[0].toponyms
    assert docs[0].text[lagos.start : lagos.end] == "Lagos"


def test_limit_keeps_the_first_documents(tmp_path: Path) -> None:
    two = GWN.replace("</articles>", GWN.split("<articles>")[1].replace('file="7"', 'file="8"'))
    _, docs = read_gold(_write(tmp_path, two), limit=1)
    assert [d.doc_id for d in docs] == ["7"]


def test_unresolved_counts_as_error_and_separately() -> None:
    outcomes = [
        Outcome(50.0, 30.0, "1", True, 50.0, 30.0, "geonames:1", 0.9),  # exact
        Outcome(50.0, 30.0, "2", True, 52.0, 30.0, "geonames:3", 0.9),  # ~222 km: wrong
        Outcome(50.0, 30.0, "4", True, 50.1, 30.0, "geonames:9", 0.2),  # right, unsure
        Outcome(50.0, 30.0, "5", False),  # no candidate
    ]
    m = resolution_metrics(outcomes, min_confidence=0.35)
    assert (m["answered"], m["coverage"]) == (2, 0.5)
    assert m["acc_at_161km"] == 0.25 and m["acc_at_161km_answered"] == 0.5
    assert m["acc_at_161km_best_guess"] == 0.5
    assert m["exact_match"] == 0.25 and m["exact_match_answered"] == 0.5


def test_auc_bounds() -> None:
    assert auc([0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM, MAX_ERROR_KM]) == 1.0
    assert 0.0 < auc([1.0, 100.0, 1000.0]) < 1.0


def test_recognition_ignores_hits_on_associative_toponyms() -> None:
    doc = GoldDoc("d", "x" * 40, (
        GoldToponym(13, 20, "Kharkiv"), GoldToponym(22, 29, "Russian", literal=False),
    ))  # fmt: skip
    counts = recognition_counts([doc], [[(13, 20), (22, 29), (30, 34)]])
    assert (counts["exact"]["tp"], counts["exact"]["fp"], counts["exact"]["fn"]) == (1, 1, 0)


def test_the_gold_entity_itself_is_zero_km_off_whatever_point_the_gazetteer_keeps() -> None:
    # Canada: GeoNames' point vs a centroid 1,000+ km away; same id, so right and 0 km.
    same = Outcome(60.1, -113.6, "6251999", True, 56.1, -96.8, "geonames:6251999", 0.9)
    other = Outcome(60.1, -113.6, "6251999", True, 56.1, -96.8, "geonames:42", 0.9)
    assert same.exact and same.error_km == 0.0
    assert not other.exact and other.error_km > 1000
