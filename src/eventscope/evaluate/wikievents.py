"""WikiEvents (Li, Ji & Han 2021): attack / death / injury detection and their arguments.

Reader: one JSON document per line with ``sentences`` (tokens with offsets, sentence text),
``entity_mentions`` and ``event_mentions`` (KAIROS types, trigger token span, arguments linked to
entity mentions). The distributed ``text`` field runs sentences together ("SyriaThe"), so the
article text is rebuilt from the sentences: a space after a sentence that ends in punctuation,
a line break after one that does not (headlines), so that no sentence runs into the next.

Scoring (see docs/extraction.md): eventscope codes one event per sentence and type, so events
are scored as units ``(sentence, class)`` with classes from
:mod:`eventscope.evaluate.events_kairos`; arguments as ``(sentence, class, role, head word)``
with roles attacker, target, victim, place (instrument reported on its own). A stricter
trigger-level score (a mention's trigger overlaps a gold trigger of the same class) is
reported beside it.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.events_common import (
    head_word,
    make_article,
    run_extractor,
)
from eventscope.evaluate.events_kairos import (
    HEADLINE_ROLES,
    ROLE_MAP,
    class_arguments,
    kairos_class,
    mention_classes,
)
from eventscope.evaluate.metrics import Tally
from eventscope.models import Mention

EventUnit = tuple[int, str]  # (sentence index, class)
ArgUnit = tuple[int, str, str, str]  # (sentence index, class, role, head word)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    cls: str
    sentence: int
    start: int  # trigger character span in the rebuilt text
    end: int
    arguments: tuple[tuple[str, str], ...]  # (role, head word)


@dataclass(frozen=True, slots=True)
class WikiDoc:
    doc_id: str
    text: str
    sentence_starts: tuple[int, ...]
    events: tuple[GoldEvent, ...]

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1


def read_wikievents(path: Path, limit: int | None = None) -> list[WikiDoc]:
    """Documents with their attack/death/injury events (other KAIROS types are dropped)."""
    docs: list[WikiDoc] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                docs.append(parse_document(json.loads(line)))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def parse_document(raw: dict) -> WikiDoc:  # type: ignore[type-arg]
    text, starts, token_spans = _rebuild_text(raw["sentences"])
    entities = {e["id"]: e for e in raw.get("entity_mentions", [])}
    events: list[GoldEvent] = []
    for event in raw.get("event_mentions", []):
        cls = kairos_class(event["event_type"])
        if cls is None:
            continue
        trigger = event["trigger"]
        start = token_spans[trigger["start"]][0]
        end = token_spans[trigger["end"] - 1][1]
        args = tuple(
            (ROLE_MAP[a["role"]], head_word(entities.get(a["entity_id"], a)["text"]))
            for a in event.get("arguments", [])
            if a["role"] in ROLE_MAP
        )
        events.append(GoldEvent(cls, trigger["sent_idx"], start, end, args))
    return WikiDoc(raw["doc_id"], text, tuple(starts), tuple(events))


def _rebuild_text(sentences: list) -> tuple[str, list[int], list[tuple[int, int]]]:  # type: ignore[type-arg]
    """Article text, sentence start offsets and doc-level token character spans."""
    parts: list[str] = []
    starts: list[int] = []
    token_spans: list[tuple[int, int]] = []
    offset = 0
    for tokens, sentence in sentences:
        starts.append(offset)
        cursor = 0
        for token, *_ in tokens:
            found = sentence.find(token, cursor)
            if found < 0:  # token text not verbatim in the sentence: keep the last position
                found = cursor
            token_spans.append((offset + found, offset + found + len(token)))
            cursor = found + len(token)
        separator = " " if sentence.rstrip()[-1:] in ".!?\"”’'" else "\n"
        parts.append(sentence + separator)
        offset += len(sentence) + 1
    return "".join(parts), starts, token_spans


def gold_units(doc: WikiDoc) -> tuple[set[EventUnit], set[ArgUnit]]:
    events = {(e.sentence, e.cls) for e in doc.events}
    args = {(e.sentence, e.cls, role, head) for e in doc.events for role, head in e.arguments}
    return events, args


def system_units(doc: WikiDoc, mentions: Iterable[Mention]) -> tuple[set[EventUnit], set[ArgUnit]]:
    events: set[EventUnit] = set()
    args: set[ArgUnit] = set()
    for mention in mentions:
        sentence = doc.sentence_of(mention.start)
        classes = mention_classes(mention)
        for cls in classes:
            events.add((sentence, cls))
        for cls, arg in class_arguments(mention, classes):
            args.add((sentence, cls, arg.role, head_word(arg.text)))
    return events, args


def trigger_counts(doc: WikiDoc, mentions: Iterable[Mention]) -> tuple[int, int, int]:
    """Strict trigger level: a mention class is right when its trigger overlaps a gold trigger
    of that class (each gold trigger matched once)."""
    used: set[int] = set()
    tp = fp = 0
    for mention in mentions:
        for cls in mention_classes(mention):
            match = next(
                (i for i, e in enumerate(doc.events)
                 if i not in used and e.cls == cls and e.start < mention.end
                 and mention.start < e.end),
                None,
            )  # fmt: skip
            if match is None:
                fp += 1
            else:
                used.add(match)
                tp += 1
    return tp, fp, len(doc.events) - len(used)


def score(docs: list[WikiDoc], mentions: list[list[Mention]]) -> dict[str, dict[str, float]]:
    tally = Tally()
    for doc, found in zip(docs, mentions, strict=True):
        gold_events, gold_args = gold_units(doc)
        sys_events, sys_args = system_units(doc, found)
        tally.add("events", gold_events, sys_events)
        for cls in ("attack", "die", "injure"):
            tally.add(f"events_{cls}", _of(gold_events, cls), _of(sys_events, cls))
        headline = lambda units: {u for u in units if u[2] in HEADLINE_ROLES}  # noqa: E731
        tally.add("arguments", headline(gold_args), headline(sys_args))
        for role in ("attacker", "target", "victim", "place", "instrument"):
            tally.add(f"arguments_{role}", _role(gold_args, role), _role(sys_args, role))
        tally.add_counts("triggers_strict", trigger_counts(doc, found))
    return tally.metrics()


def _of(units: set[EventUnit], cls: str) -> set[EventUnit]:
    return {u for u in units if u[1] == cls}


def _role(units: set[ArgUnit], role: str) -> set[ArgUnit]:
    return {u for u in units if u[2] == role}


def evaluate_wikievents(gold: Path, options: EvalOptions) -> EvalResult:
    """``eventscope eval wikievents --gold dev.jsonl``."""
    docs = read_wikievents(gold, options.limit)
    mentions = run_extractor([make_article(d.doc_id, d.text) for d in docs])
    return EvalResult("wikievents", len(docs), score(docs, mentions))
