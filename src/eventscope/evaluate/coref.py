"""``eventscope eval coref``: cross-document event coreference on ECB+ with gold mentions.

Modes:

* ``lemma``: mentions of one topic whose head lemma matches form one cluster (the same-lemma
  baseline; lemmas from the spaCy tagger and lemmatizer run over the gold tokens).
* ``lemma-subtopic``: the same inside each gold sub-topic (``ecb`` vs ``ecbplus`` files), the
  literature's "lemma baseline with document clustering" given perfect document clusters.
* ``eventscope`` (default): predicted document clusters (TF-IDF cosine blended with sentence
  embeddings, average link), then inside each, average-link clustering of mentions by small
  neural pair models learned on the training topics (lemma, embedding, argument and
  story-position features: :mod:`coref_pairs`; a second, stacked model also reads the first
  one's scores of each pair's neighbours: :mod:`coref_stack`).
* ``rules``: document clusters by TF-IDF cosine alone, mentions scored by lemma match and
  argument overlap with hand-set weights (no training, no embeddings).

Scores are pooled over the topics read (``--limit N``: the first N topic folders) and also
broken down into the conventional ECB+ development topics and the remaining training topics;
the thresholds of the ``eventscope`` mode were set on the training topics only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventscope.errors import ConfigError
from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.coref_learned import build_blocks, learned_link
from eventscope.evaluate.coref_link import (
    EventNode,
    agglomerate,
    build_nodes,
    cluster_documents,
    gold_clusters,
    pair_matrix,
)
from eventscope.evaluate.coref_metrics import conll_scores
from eventscope.evaluate.coref_reader import CorefDoc, read_corpus, read_validated_sentences

# Development topics of Cybulska & Vossen (2015) and Barhom et al. (2019); the rest of 1-35 is
# training. Topics 36-45 (test) are held out of the shared data.
DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})
MODES = ("eventscope", "rules", "lemma", "lemma-subtopic")


@dataclass(frozen=True, slots=True)
class LinkParams:
    """Set on the training topics (see docs/resolution.md); never on development topics."""

    doc_threshold: float = 0.05
    mention_threshold: float = 0.55
    lemma_weight: float = 0.5
    linkage: str = "average"


Clusters = list[list[str]]


def _group_by_lemma(nodes: Sequence[EventNode], block: Callable[[EventNode], str]) -> Clusters:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in nodes:
        groups[(block(n), n.lemma)].append(n.mention.mention_id)
    return list(groups.values())


def link_mentions(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], params: LinkParams, stop: set[str]
) -> Clusters:
    """The eventscope mode: document clusters first, then mention clusters inside each."""
    doc_cluster = cluster_documents(docs, params.doc_threshold, stop)
    blocks: dict[str, list[EventNode]] = defaultdict(list)
    for n in nodes:
        blocks[doc_cluster[n.doc]].append(n)
    out: Clusters = []
    for key in sorted(blocks):
        block = blocks[key]
        sim = pair_matrix(block, params.lemma_weight)
        for idx in agglomerate(sim, params.mention_threshold, params.linkage):
            out.append([block[i].mention.mention_id for i in idx])
    return out


def predict(
    mode: str,
    nodes: Sequence[EventNode],
    docs: Sequence[CorefDoc],
    params: LinkParams,
    stop: set[str],
) -> Clusters:
    if mode == "lemma":
        return _group_by_lemma(nodes, lambda n: n.topic)
    if mode == "lemma-subtopic":
        return _group_by_lemma(nodes, lambda n: n.subtopic)
    return link_mentions(nodes, docs, params, stop)


def predict_learned(
    nodes: Sequence[EventNode], docs: Sequence[CorefDoc], stop: set[str]
) -> tuple[Clusters, dict[str, Any]]:
    """The eventscope mode: trained on the topics outside DEV_TOPICS only."""
    blocks = build_blocks(nodes, docs, stop)
    return learned_link(blocks, lambda topic: topic not in DEV_TOPICS)


def score(
    nodes: Sequence[EventNode], response: Clusters, topics: set[str] | None = None
) -> dict[str, Any]:
    """CoNLL scores pooled over ``topics`` (all when None), with mention and cluster counts."""
    chosen = [n for n in nodes if topics is None or n.topic in topics]
    ids = {n.mention.mention_id for n in chosen}
    key = gold_clusters(chosen)
    resp = [[m for m in c if m in ids] for c in response]
    resp = [c for c in resp if c]
    out: dict[str, Any] = conll_scores(key, resp)
    out.update({"mentions": len(ids), "gold_clusters": len(key), "predicted_clusters": len(resp)})
    return out


def load_nodes(gold: Path, limit: int | None) -> tuple[list[CorefDoc], list[EventNode], set[str]]:
    from eventscope.extract import load_nlp  # deferred: loading spaCy takes a second or two

    docs = read_corpus(gold, limit=limit)
    if not docs:
        raise ConfigError(
            "ES-EVAL-040",
            f"no ECB+ documents under {gold}",
            "Point --gold at the ECB+ folder that holds the numbered topic folders.",
        )
    nlp = load_nlp()
    stop = set(nlp.Defaults.stop_words)
    with nlp.select_pipes(
        enable=[
            p for p in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer") if p in nlp.pipe_names
        ]
    ):
        nodes = build_nodes(docs, nlp, stop)
    return docs, nodes, stop


def evaluate_coref(gold: Path, options: EvalOptions) -> EvalResult:
    mode = options.mode or "eventscope"
    if mode not in MODES:
        raise ConfigError(
            "ES-EVAL-041", f"unknown coref mode '{mode}'", f"Use one of: {', '.join(MODES)}."
        )
    docs, nodes, stop = load_nodes(gold, options.limit)
    params = LinkParams(**options.extra.get("params", {}))
    linker: dict[str, Any] = {}
    if mode == "eventscope":
        response, linker = predict_learned(nodes, docs, stop)
    else:
        response = predict(mode, nodes, docs, params, stop)
    metrics = score(nodes, response)
    topics = {d.topic for d in docs}
    for split, chosen in (("dev", topics & DEV_TOPICS), ("train", topics - DEV_TOPICS)):
        if chosen:
            metrics[split] = {
                "topics": sorted(chosen, key=lambda t: t.zfill(6)),
                **score(nodes, response, chosen),
            }
    metrics.update(
        {
            "mode": mode,
            "documents": len(docs),
            "topics": len(topics),
            "sentence_filter": "validated"
            if read_validated_sentences(gold) is not None
            else "none",
            "lemmatizer": "spacy",
        }
    )
    if linker:
        metrics["linker"] = linker
    return EvalResult(task="coref", n=len(nodes), metrics=metrics)
