"""RAMS (Ebner et al. 2020): arguments of attacks, deaths and injuries in five-sentence windows.

Each RAMS example is a tokenised five-sentence news window with ONE annotated event (a trigger
word and its arguments, which may sit in any of the five sentences). Other events in the window
are not annotated, so precision over whole windows cannot be measured; what can be measured is:

* ``events``: recall of the annotated events, as units ``(sentence, class)`` like WikiEvents
  (a mention of the same class in the trigger's sentence finds it);
* ``arguments``: for the annotated event, the arguments eventscope gives it (the mentions of
  that unit, mapped with :func:`events_kairos.class_arguments`) against the gold ones, as
  ``(role, head word)``; precision counts only the found event's arguments, so it is exact.

Classes: ``conflict.attack.*`` -> attack; ``life.die.*`` and ``life.injure.*`` -> die / injure,
except the non-violent subtypes (``nonviolentdeath``, ``illnessdegradation*``), which are not
conflict events. Roles: killer and injurer are the attacker; attacker, target, victim,
instrument and place as named. The text is rebuilt from the tokens with the usual spacing
(no space before closing punctuation, clitics and after opening brackets).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventscope.evaluate import EvalOptions, EvalResult
from eventscope.evaluate.events_common import head_word, make_article, run_extractor
from eventscope.evaluate.events_kairos import ATTACK, DIE, INJURE, class_arguments
from eventscope.evaluate.events_kairos import mention_classes as kairos_classes
from eventscope.evaluate.metrics import Tally
from eventscope.models import Mention

_CLASS_PREFIXES = {"conflict.attack.": ATTACK, "life.die.": DIE, "life.injure.": INJURE}
_NON_VIOLENT = ("nonviolentdeath", "illnessdegradation")
_ROLES = {"attacker": "attacker", "killer": "attacker", "injurer": "attacker",
          "target": "target", "victim": "victim", "instrument": "instrument",
          "place": "place"}  # fmt: skip
_ROLE_NAME = re.compile(r"^evt\d+arg\d+(?P<role>[a-z]+)$")
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.I)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})

ArgUnit = tuple[str, str]  # (role, head word)


@dataclass(frozen=True, slots=True)
class RamsExample:
    doc_id: str
    text: str
    cls: str
    sentence_starts: tuple[int, ...]
    trigger_sentence: int
    arguments: frozenset[ArgUnit]


def event_class(event_type: str) -> str | None:
    """ "life.die.deathcausedbyviolentevents" -> "die"; None for other or non-violent types."""
    if any(part in event_type for part in _NON_VIOLENT):
        return None
    return next((c for p, c in _CLASS_PREFIXES.items() if event_type.startswith(p)), None)


def read_rams(path: Path, limit: int | None = None) -> list[RamsExample]:
    """The examples whose event is an attack, a violent death or a violent injury."""
    examples: list[RamsExample] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            example = parse_example(json.loads(line))
            if example is not None:
                examples.append(example)
            if limit is not None and len(examples) >= limit:
                break
    return examples


def parse_example(raw: dict) -> RamsExample | None:  # type: ignore[type-arg]
    start, _end, types = raw["evt_triggers"][0]
    cls = event_class(types[0][0])
    if cls is None:
        return None
    tokens = [t for sentence in raw["sentences"] for t in sentence]
    text, spans = detokenize(tokens)
    sentence_starts, first = [], 0
    for sentence in raw["sentences"]:
        sentence_starts.append(spans[first][0])
        first += len(sentence)
    args = set()
    for _trigger, (a_start, a_end), name in raw["gold_evt_links"]:
        match = _ROLE_NAME.match(name)
        role = _ROLES.get(match["role"]) if match else None
        if role is not None:
            args.add((role, head_word(text[spans[a_start][0] : spans[a_end][1]])))
    trigger_sentence = _sentence_index(sentence_starts, spans[start][0])
    return RamsExample(
        raw["doc_key"], text, cls, tuple(sentence_starts), trigger_sentence, frozenset(args)
    )


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text and each token's character span, spaced as running English text."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i, token in enumerate(tokens):
        glue = i == 0 or _NO_SPACE_BEFORE.match(token) or tokens[i - 1] in _NO_SPACE_AFTER
        if not glue:
            parts.append(" ")
            offset += 1
        parts.append(token)
        spans.append((offset, offset + len(token)))
        offset += len(token)
    return "".join(parts), spans


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1  # as WikiDoc.sentence_of


def system_arguments(example: RamsExample, mentions: Iterable[Mention]) -> set[ArgUnit] | None:
    """The arguments eventscope gives the annotated event; None when it did not find it."""
    found = False
    args: set[ArgUnit] = set()
    for mention in mentions:
        if _sentence_index(example.sentence_starts, mention.start) != example.trigger_sentence:
            continue
        classes = kairos_classes(mention)
        if example.cls not in classes:
            continue
        found = True
        for cls, arg in class_arguments(mention, classes):
            if cls == example.cls:
                args.add((arg.role, head_word(arg.text)))
    return args if found else None


def score(examples: list[RamsExample], mentions: list[list[Mention]]) -> dict[str, dict]:  # type: ignore[type-arg]
    tally = Tally()
    for example, found in zip(examples, mentions, strict=True):
        system = system_arguments(example, found)
        hit = (int(system is not None), 0, int(system is None))
        tally.add_counts("events", hit)
        tally.add_counts(f"events_{example.cls}", hit)
        predicted = system or set()
        for role in sorted(set(_ROLES.values())):
            gold_r = {a for a in example.arguments if a[0] == role}
            tally.add(f"arguments_{role}", gold_r, {a for a in predicted if a[0] == role})
        tally.add("arguments", set(example.arguments), predicted)
    return tally.metrics()


def evaluate_rams(gold: Path, options: EvalOptions) -> EvalResult:
    """``eventscope eval rams --gold dev.jsonlines``."""
    examples = read_rams(gold, options.limit)
    mentions = run_extractor([make_article(e.doc_id, e.text) for e in examples])
    return EvalResult("rams", len(examples), score(examples, mentions))
