"""Read ECB+ (Cybulska & Vossen 2014) CAT XML into event mentions with gold clusters.

One file is one document, its folder is the topic, and its name says the sub-topic: ``N_Kecb``
files report one seminal event, ``N_Kecbplus`` files a different event of the same type (the
hard negatives ECB+ was built for). Markables anchored to tokens are mentions; markables
without anchors are the instance descriptors that CROSS_DOC_COREF / INTRA_DOC_COREF relations
point at. A mention in no relation is a singleton.

When the release's ``ECBplus_coreference_sentences.csv`` is beside the topic folders, only the
validated sentences are kept (the usual ECB+ convention); otherwise every annotated event
mention counts, which the result reports as ``sentence_filter: "none"``.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
_EVENT_TAGS = ("ACTION_", "NEG_ACTION_")
# Entity kinds used as event arguments; the tag prefix is the kind.
_ARG_KINDS = {"HUMAN": "participant", "NON": "participant", "TIME": "time", "LOC": "location"}
_DOC_NAME = re.compile(r"^(?P<topic>\d+)_(?P<num>\d+)(?P<part>ecbplus|ecb)\.xml$")


@dataclass(frozen=True, slots=True)
class Markable:
    mention_id: str  # "<doc>:<m_id>", unique across the corpus
    tag: str
    sentence: int
    token_ids: tuple[int, ...]
    positions: tuple[int, ...]  # word positions within the sentence
    words: tuple[str, ...]
    cluster: str  # gold cluster id, topic-prefixed so clusters never span topics


@dataclass(slots=True)
class CorefDoc:
    name: str
    topic: str
    subtopic: str  # "<topic>_ecb" or "<topic>_ecbplus"
    sentences: dict[int, list[str]] = field(default_factory=dict)
    events: list[Markable] = field(default_factory=list)
    arguments: list[Markable] = field(default_factory=list)


def arg_kind(tag: str) -> str | None:
    return _ARG_KINDS.get(tag.split("_")[0])


def _gold_clusters(root: ET.Element, doc: str, topic: str) -> dict[str, str]:
    """m_id -> cluster id from the relations; the instance id names cross-doc chains."""
    instance = {
        m.get("m_id", ""): m.get("instance_id", "")
        for m in root.iter()
        if m.get("instance_id") is not None
    }
    clusters: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        target = rel.find("target")
        tid = target.get("m_id", "") if target is not None else ""
        chain = instance.get(tid) or rel.get("note") or f"{doc}/r{rel.get('r_id')}"
        for src in rel.findall("source"):
            clusters[src.get("m_id", "")] = f"{topic}/{chain}"
    for rel in root.iter("INTRA_DOC_COREF"):
        for src in rel.findall("source"):
            # a mention already in a cross-doc chain keeps that chain
            clusters.setdefault(src.get("m_id", ""), f"{doc}/intra{rel.get('r_id')}")
    return clusters


def parse_doc(path: Path, topic: str | None = None) -> CorefDoc:
    root = ET.parse(path).getroot()
    name = root.get("doc_name") or path.name
    match = _DOC_NAME.match(name)
    topic = topic or (match.group("topic") if match else path.parent.name)
    part = match.group("part") if match else "ecb"
    doc = CorefDoc(name=name, topic=topic, subtopic=f"{topic}_{part}")
    token_at: dict[int, tuple[int, int, str]] = {}
    for tok in root.iter("token"):
        t_id, sent = int(tok.get("t_id", "0")), int(tok.get("sentence", "0"))
        words = doc.sentences.setdefault(sent, [])
        token_at[t_id] = (sent, len(words), tok.text or "")
        words.append(tok.text or "")
    clusters = _gold_clusters(root, name, topic)
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        ids = tuple(int(a.get("t_id", "0")) for a in m.findall("token_anchor"))
        ids = tuple(t for t in ids if t in token_at)
        if not ids:
            continue  # an instance descriptor, not a mention
        m_id = m.get("m_id", "")
        mark = Markable(
            mention_id=f"{name}:{m_id}",
            tag=m.tag,
            sentence=token_at[ids[0]][0],
            token_ids=ids,
            positions=tuple(token_at[t][1] for t in ids),
            words=tuple(token_at[t][2] for t in ids),
            cluster=clusters.get(m_id, f"{name}/singleton{m_id}"),
        )
        if m.tag.startswith(_EVENT_TAGS):
            doc.events.append(mark)
        elif arg_kind(m.tag):
            doc.arguments.append(mark)
    doc.events.sort(key=lambda e: e.token_ids)
    return doc


def read_validated_sentences(root: Path) -> dict[str, set[int]] | None:
    """doc name -> validated sentence numbers, or None where the release file is absent."""
    for path in (root / SENTENCES_CSV, root.parent / SENTENCES_CSV):
        if path.is_file():
            keep: dict[str, set[int]] = {}
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    doc = f"{row['Topic']}_{row['File']}.xml"
                    keep.setdefault(doc, set()).add(int(row["Sentence Number"]))
            return keep
    return None


def topic_dirs(root: Path) -> list[Path]:
    """Topic folders under ``root`` in numeric order; ``root`` itself when it holds files."""
    if any(root.glob("*.xml")):
        return [root]
    dirs = [p for p in root.iterdir() if p.is_dir() and any(p.glob("*.xml"))]
    return sorted(
        dirs, key=lambda p: (not p.name.isdigit(), int(p.name) if p.name.isdigit() else 0, p.name)
    )


def read_corpus(
    root: Path, topics: set[str] | None = None, limit: int | None = None
) -> list[CorefDoc]:
    """Documents of the chosen topics (all, or the first ``limit`` folders)."""
    dirs = [d for d in topic_dirs(root) if topics is None or d.name in topics]
    keep = read_validated_sentences(root)
    docs: list[CorefDoc] = []
    for folder in dirs[:limit] if limit else dirs:
        for path in sorted(folder.glob("*.xml")):
            doc = parse_doc(path, folder.name if folder != root else None)
            if keep is not None:
                chosen = keep.get(doc.name, set())
                doc.events = [e for e in doc.events if e.sentence in chosen]
            docs.append(doc)
    return docs
