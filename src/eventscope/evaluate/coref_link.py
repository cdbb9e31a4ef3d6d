"""Offline features and clustering for cross-document event coreference on gold mentions.

The pipeline mirrors what eventscope does on live news: first group articles that report one
real-world event (TF-IDF cosine of their content words), then link event mentions inside each
group by head-lemma match and by the overlap of their arguments (who, when, where). The
resolver in :mod:`eventscope.resolve.cluster` does the same kind of best-first merging, but over
ACLED ``Mention`` records with dates and coordinates that ECB+ does not provide, so the
clustering here works on a plain similarity matrix instead.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from eventscope.evaluate.coref_reader import CorefDoc, Markable, arg_kind
from eventscope.resolve.textsim import content_words

_CONTENT_POS = ("VERB", "NOUN", "PROPN", "ADJ")
_ARG_WEIGHTS = {"participant": 0.5, "time": 0.2, "location": 0.3}


@dataclass(frozen=True, slots=True)
class EventNode:
    """One gold event mention with what the linker may see about it."""

    mention: Markable
    doc: str
    topic: str
    subtopic: str
    lemma: str
    args: dict[str, frozenset[str]]


def gold_clusters(nodes: Iterable[EventNode]) -> list[list[str]]:
    """The gold partition of ``nodes``: mention ids grouped by their gold cluster."""
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(n.mention.cluster, []).append(n.mention.mention_id)
    return list(groups.values())


def agglomerate(sim: np.ndarray, threshold: float, linkage: str = "average") -> list[list[int]]:
    """Greedy agglomerative clustering of a symmetric similarity matrix.

    Merges the most similar pair of clusters while their linkage similarity is at least
    ``threshold``; ties go to the lowest indices, so the result is deterministic."""
    n = sim.shape[0]
    if n == 0:
        return []
    link = sim.astype(float).copy()
    np.fill_diagonal(link, -np.inf)
    sums = sim.astype(float).copy()
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(members) > 1:
        flat = int(np.argmax(link))
        i, j = divmod(flat, n)
        if link[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        if linkage == "complete":
            link[i, :] = np.minimum(link[i, :], link[j, :])
        else:
            sums[i, :] += sums[j, :]
            sums[:, i] = sums[i, :]
            sizes[i] += sizes[j]
            link[i, :] = sums[i, :] / (sizes[i] * sizes)
        alive[j] = False
        link[i, ~alive] = -np.inf
        link[i, i] = -np.inf
        link[:, i] = link[i, :]
        link[j, :] = -np.inf
        link[:, j] = -np.inf
        members[i].extend(members.pop(j))
    return [sorted(m) for m in members.values()]


def doc_similarity(docs: Sequence[CorefDoc], stop: set[str]) -> np.ndarray:
    """Cosine of TF-IDF vectors of the documents' content words (log-scaled counts)."""
    bags = [
        Counter(content_words([w for s in d.sentences.values() for w in s], stop)) for d in docs
    ]
    df = Counter(w for bag in bags for w in bag)
    vocab = {w: i for i, w in enumerate(sorted(df))}
    mat = np.zeros((len(docs), len(vocab)))
    for row, bag in enumerate(bags):
        for w, c in bag.items():
            mat[row, vocab[w]] = (1 + math.log(c)) * math.log((1 + len(docs)) / (1 + df[w]))
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    mat = mat / np.where(norms == 0, 1, norms)
    return mat @ mat.T


def cluster_documents(docs: Sequence[CorefDoc], threshold: float, stop: set[str]) -> dict[str, str]:
    """doc name -> predicted sub-topic; documents of different topics are never compared."""
    by_topic: dict[str, list[CorefDoc]] = {}
    for d in docs:
        by_topic.setdefault(d.topic, []).append(d)
    out: dict[str, str] = {}
    for topic, group in sorted(by_topic.items()):
        for k, idx in enumerate(agglomerate(doc_similarity(group, stop), threshold)):
            for i in idx:
                out[group[i].name] = f"{topic}/doccluster{k}"
    return out


def centred_cosine(vectors: np.ndarray) -> np.ndarray:
    """Cosine of the rows after subtracting their mean: within one topic every article shares
    the topic's vocabulary, so what is left says which event an article reports."""
    centred = vectors - vectors.mean(axis=0)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    centred = centred / np.maximum(norms, 1e-9)
    return centred @ centred.T


def cluster_documents_blended(
    docs: Sequence[CorefDoc],
    vectors: np.ndarray,
    stop: set[str],
    threshold: float,
    weight: float,
) -> dict[str, str]:
    """Like :func:`cluster_documents`, on a blend of the TF-IDF cosine (``1 - weight``) and the
    topic-centred cosine of document ``vectors`` (``weight``; one row per document, aligned
    with ``docs``): the words catch names and places, the embeddings paraphrases."""
    row = {d.name: i for i, d in enumerate(docs)}
    by_topic: dict[str, list[CorefDoc]] = {}
    for d in docs:
        by_topic.setdefault(d.topic, []).append(d)
    out: dict[str, str] = {}
    for topic, group in sorted(by_topic.items()):
        emb = centred_cosine(vectors[[row[d.name] for d in group]])
        sim = (1 - weight) * doc_similarity(group, stop) + weight * emb
        for k, idx in enumerate(agglomerate(sim, threshold)):
            for i in idx:
                out[group[i].name] = f"{topic}/doccluster{k}"
    return out


def _head_index(pos: Sequence[str]) -> int:
    """The head of a multi-word trigger: its first verb, else its last noun, else its last word."""
    for i, p in enumerate(pos):
        if p == "VERB":
            return i
    nouns = [i for i, p in enumerate(pos) if p in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else len(pos) - 1


def build_nodes(docs: Sequence[CorefDoc], nlp: object, stop: set[str]) -> list[EventNode]:
    """Event mentions with their head lemma (spaCy tagger + lemmatizer on the gold tokens)
    and the content words of the argument markables in the same sentence."""
    from spacy.tokens import Doc  # deferred: spaCy is heavy to import

    nodes: list[EventNode] = []
    for d in docs:
        sents = sorted({e.sentence for e in d.events})
        parsed = {s: nlp(Doc(nlp.vocab, words=d.sentences[s] or ["."])) for s in sents}  # type: ignore[attr-defined]
        args: dict[int, dict[str, set[str]]] = {}
        for a in d.arguments:
            kind = arg_kind(a.tag) or "participant"
            args.setdefault(a.sentence, {}).setdefault(kind, set()).update(
                content_words(a.words, stop)
            )
        for e in d.events:
            toks = parsed[e.sentence]
            pos = [toks[i].pos_ if i < len(toks) else "X" for i in e.positions]
            head = e.positions[_head_index(pos)]
            lemma = toks[head].lemma_.lower() if head < len(toks) else e.words[0].lower()
            found = {k: frozenset(v) for k, v in args.get(e.sentence, {}).items()}
            nodes.append(EventNode(e, d.name, d.topic, d.subtopic, lemma, found))
    return nodes


def arg_similarity(a: EventNode, b: EventNode) -> float:
    """Weighted Jaccard overlap of the argument words the two mentions share a kind for."""
    total = weight = 0.0
    for kind, w in _ARG_WEIGHTS.items():
        x, y = a.args.get(kind), b.args.get(kind)
        if x and y:
            total += w * len(x & y) / len(x | y)
            weight += w
    return total / weight if weight else 0.0


def pair_matrix(nodes: Sequence[EventNode], lemma_weight: float) -> np.ndarray:
    """Pairwise link scores: head-lemma match blended with argument overlap."""
    n = len(nodes)
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            same = float(nodes[i].lemma == nodes[j].lemma)
            score = lemma_weight * same + (1 - lemma_weight) * arg_similarity(nodes[i], nodes[j])
            sim[i, j] = sim[j, i] = score
    return sim
