"""SATP (South Asia Terrorism Portal) incident reports: four document labels.

Reader: tab-separated ``text, armed_assault, bombing, kidnapping, other`` (0/1 each; checked on
the data: an IED report is ``0 1 0 0``, a kidnap-and-kill report ``1 0 1 1``), no header, no
quoting (the ConfliBERT release).

The system labels come from eventscope's ACLED coding of the document's mentions
(:func:`labels_from_mentions`, the rule mapping documented in docs/extraction.md); nothing is
trained on SATP.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.events_common import make_article, run_extractor
from eventscope.evaluate.metrics import prf
from eventscope.models import Mention

LABELS = ("Armed Assault", "Bombing/Explosion", "Kidnapping", "Other")
ASSAULT, BOMBING, KIDNAPPING, OTHER = LABELS

# ACLED sub-event types -> SATP label.
SUB_EVENT_LABELS = {
    "Armed clash": ASSAULT,
    "Attack": ASSAULT,
    "Excessive force against protesters": ASSAULT,
    "Mob violence": ASSAULT,
    "Remote explosive/landmine/IED": BOMBING,
    "Suicide bomb": BOMBING,
    "Grenade": BOMBING,
    "Air/drone strike": BOMBING,
    "Shelling/artillery/missile attack": BOMBING,
    "Chemical weapon": BOMBING,
    "Abduction/forced disappearance": KIDNAPPING,
}


@dataclass(frozen=True, slots=True)
class SatpDoc:
    text: str
    labels: frozenset[str]


def read_satp(path: Path, limit: int | None = None) -> list[SatpDoc]:
    docs: list[SatpDoc] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 1 + len(LABELS):
                continue  # a malformed line: skipped rather than guessed at
            flags = row[1 : 1 + len(LABELS)]
            labels = frozenset(label for label, flag in zip(LABELS, flags, strict=True)
                               if flag.strip() == "1")  # fmt: skip
            docs.append(SatpDoc(row[0], labels))
            if limit is not None and len(docs) >= limit:
                break
    return docs


# GTD-style incident types (SATP follows them): arson on property is a "facility attack" (Other),
# and a bombing report's generic "attack"/"killed" words describe the bombing, not a second,
# armed assault, unless the sentence names firearms.
_ARSON = re.compile(r"\b(?:torch|set ablaze|set fire|set on fire|burn|arson)", re.IGNORECASE)
_FIREARMS = re.compile(
    r"\b(?:fire[ds]?|firing|gun\w*|shot|shoot\w*|bullets?|rifles?|ak-?47|pistol|ambush\w*"
    r"|encounter|exchange of fire|stabb\w*|hacked)\b",
    re.IGNORECASE,
)


def labels_from_mentions(mentions: Iterable[Mention]) -> frozenset[str]:
    """SATP labels from ACLED-coded mentions: violent sub-event types map to the three incident
    labels; arson, any other coded event (arrests, protests, strategic developments), or no
    event at all gives "Other"."""
    kept = [m for m in mentions if m.modality not in ("negated", "planned", "possible")]
    labels: set[str] = set()
    other = False
    for mention in kept:
        label = SUB_EVENT_LABELS.get(mention.sub_event_type)
        if label is None or (label == ASSAULT and _ARSON.search(mention.trigger)):
            other = True
        else:
            labels.add(label)
    if (
        BOMBING in labels
        and ASSAULT in labels
        and not any(
            SUB_EVENT_LABELS.get(m.sub_event_type) == ASSAULT and _FIREARMS.search(m.sentence)
            for m in kept
        )
    ):
        labels.discard(ASSAULT)
    if other or not labels:
        labels.add(OTHER)
    return frozenset(labels)


def score(gold: list[frozenset[str]], system: list[frozenset[str]]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 over all (document, label) decisions, plus one score per label."""
    metrics: dict[str, dict[str, float]] = {}
    totals = [0, 0, 0]
    for label in LABELS:
        tp = sum(1 for g, s in zip(gold, system, strict=True) if label in g and label in s)
        fp = sum(1 for g, s in zip(gold, system, strict=True) if label not in g and label in s)
        fn = sum(1 for g, s in zip(gold, system, strict=True) if label in g and label not in s)
        metrics[label] = prf(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    metrics["micro"] = prf(*totals)
    macro = sum(metrics[label]["f1"] for label in LABELS) / len(LABELS)
    metrics["macro"] = {"f1": round(macro, 4)}
    return metrics


def evaluate_satp(gold: Path, options: EvalOptions) -> EvalResult:
    """``eventscope eval satp --gold dev.tsv``."""
    docs = read_satp(gold, options.limit)
    found = run_extractor([make_article(f"satp-{i}", d.text) for i, d in enumerate(docs)])
    system = [labels_from_mentions(m) for m in found]
    return EvalResult("satp", len(docs), score([d.labels for d in docs], system))
