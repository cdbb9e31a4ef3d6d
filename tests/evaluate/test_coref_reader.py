"""The ECB+ CAT XML reader and the linking helpers, on tiny documents written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eventscope.evaluate.coref_link import agglomerate
from eventscope.evaluate.coref_reader import parse_doc, read_corpus

DOC = """<Document doc_name="{name}" doc_id="D1">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">arrested</token>
<token t_id="3" sentence="0" number="2">a</token>
<token t_id="4" sentence="0" number="3">man</token>
<token t_id="5" sentence="0" number="4">Monday</token>
<token t_id="6" sentence="1" number="0">The</token>
<token t_id="7" sentence="1" number="1">arrest</token>
<token t_id="8" sentence="1" number="2">followed</token>
<token t_id="9" sentence="1" number="3">a</token>
<token t_id="10" sentence="1" number="4">car</token>
<token t_id="11" sentence="1" number="5">chase</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="7"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="10"/><token_anchor t_id="11"/></ACTION_OCCURRENCE>
<NEG_ACTION_STATE m_id="4"><token_anchor t_id="8"/></NEG_ACTION_STATE>
<HUMAN_PART_ORG m_id="5"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<TIME_DATE m_id="6"><token_anchor t_id="5"/></TIME_DATE>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="t9_arrest" instance_id="ACT123"/>
<ACTION_OCCURRENCE m_id="10" TAG_DESCRIPTOR="t9_chase"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="77" note="ACT123"><source m_id="1"/><source m_id="2"/>
<target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="78"><source m_id="3"/><target m_id="10"/></INTRA_DOC_COREF>
</Relations>
</Document>"""


def _write(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(DOC.format(name=name), encoding="utf-8")
    return path


def test_mentions_clusters_and_singletons(tmp_path: Path) -> None:
    doc = parse_doc(_write(tmp_path / "9", "9_1ecbplus.xml"), "9")
    assert (doc.topic, doc.subtopic) == ("9", "9_ecbplus")
    by_id = {e.mention_id.split(":")[1]: e for e in doc.events}
    assert sorted(by_id) == ["1", "2", "3", "4"]  # descriptors 9 and 10 are not mentions
    assert by_id["1"].cluster == by_id["2"].cluster == "9/ACT123"
    assert by_id["3"].cluster == "9_1ecbplus.xml/intra78"
    assert by_id["4"].cluster.endswith("singleton4")  # NEG_ACTION counts, in no relation
    assert by_id["3"].words == ("car", "chase") and by_id["3"].positions == (4, 5)
    assert by_id["3"].sentence == 1
    assert {a.tag for a in doc.arguments} == {"HUMAN_PART_ORG", "TIME_DATE"}
    assert doc.sentences[0][1] == "arrested"


def test_corpus_reads_topic_folders_in_numeric_order(tmp_path: Path) -> None:
    for topic in ("10", "9"):
        _write(tmp_path / topic, f"{topic}_1ecb.xml")
        _write(tmp_path / topic, f"{topic}_2ecbplus.xml")
    docs = read_corpus(tmp_path, limit=1)
    assert [d.name for d in docs] == ["9_1ecb.xml", "9_2ecbplus.xml"]
    # a chain id is shared across the topic's files, never across topics
    everything = read_corpus(tmp_path)
    chains = {d.topic: {e.cluster for e in d.events if "ACT123" in e.cluster} for d in everything}
    assert chains == {"9": {"9/ACT123"}, "10": {"10/ACT123"}}


def test_validated_sentences_filter(tmp_path: Path) -> None:
    _write(tmp_path / "9", "9_1ecb.xml")
    csv = "Topic,File,Sentence Number\n9,1ecb,1\n"
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(csv, encoding="utf-8")
    docs = read_corpus(tmp_path)
    assert {e.sentence for e in docs[0].events} == {1}


def test_agglomerate_average_and_complete_link() -> None:
    sim = np.array([[1, 0.9, 0.5], [0.9, 1, 0.1], [0.5, 0.1, 1]])
    assert agglomerate(sim, 0.6) == [[0, 1], [2]]
    assert sorted(agglomerate(sim, 0.3)) == [[0, 1, 2]]  # average of 0.5 and 0.1 is 0.3
    assert sorted(agglomerate(sim, 0.3, "complete")) == [[0, 1], [2]]
