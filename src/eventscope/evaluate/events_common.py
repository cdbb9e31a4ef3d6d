"""Helpers shared by the event evaluation tasks (WikiEvents, MUC-4, SATP).

* :func:`head_word` - the head noun of a phrase, for the lenient "head-word" matching that
  event-argument and MUC-4 slot scoring use (a system that finds "the Russian military" for the
  gold "military" is right about who acted; only the phrase boundary differs).
* :func:`run_extractor` - the real extract stage over evaluation articles.
* :func:`argument_spans` - the text spans a mention gives for each argument role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from eventscope.extract.arguments import PERSON_NOUNS
from eventscope.extract.quantities import find_counts
from eventscope.models import Article, Evidence, Mention

_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# A noun phrase's head comes before these: "members of the FMLN" -> members,
# "the mayor, who ..." -> mayor, "a bus in Kabul" -> bus.
_HEAD_STOPS = frozenset({"of", "who", "which", "that", "whom", "whose", "in", "at", "on", "near",
                         "from", "with", "by", "for", "to", "during", "after", "before", "and",
                         "or", "as", "where", "when", "while", "were", "was", "is", "are",
                         "had", "has", "have"})  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                          "his", "her", "our", "some", "several", "two", "three"})  # fmt: skip
# Words after a casualty number that end the victim noun ("12 civilians were killed").
_VICTIM_STOPS = _HEAD_STOPS | frozenset({"killed", "dead", "died", "wounded", "injured", "hurt",
                                         "slain", "lost", "including", "among", "also", "said",
                                         "people's"})  # fmt: skip
# The first word may start with a digit: "a 10-year-old girl".
_CASUALTY_NOUN = re.compile(r"\s*((?:[A-Za-z0-9][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)")


def head_word(text: str) -> str:
    """Lower-cased head of a noun phrase: the last word before a preposition, relative pronoun,
    comma or bracket; possessive endings dropped ("Russia's" -> "russia")."""
    first = re.split(r"[,;:()\[\]\"“”]", text, maxsplit=1)[0]
    words: list[str] = []
    for match in _WORD.finditer(first):
        word = match.group(0).lower().rstrip(".")
        if words and word in _HEAD_STOPS:
            break
        words.append(word)
    while len(words) > 1 and words[-1] in _DETERMINERS:
        words.pop()
    if not words:
        return text.strip().lower()
    return re.sub(r"(?:'s|’s|'|’)$", "", words[-1])


def heads_match(predicted: str, gold: str) -> bool:
    return bool(predicted.strip()) and head_word(predicted) == head_word(gold)


@dataclass(frozen=True, slots=True)
class ArgSpan:
    """One argument a mention proposes: role, character span and text."""

    role: str  # "attacker" | "target" | "victim" | "place" | "instrument"
    start: int
    end: int
    text: str
    kind: str = ""  # a casualty count's victims: "fatalities" | "injuries"; "" for any event
    source: str = ""  # the evidence field it comes from ("attacker", "victim", ...)


def run_extractor(articles: Sequence[Article]) -> list[list[Mention]]:
    """The extract stage exactly as the pipeline runs it (default model and lexicon)."""
    from eventscope.extract import extract_mentions  # deferred: imports spaCy

    return extract_mentions(articles)


def argument_spans(mention: Mention) -> Iterator[ArgSpan]:
    """Argument spans of a mention, from its evidence (every value has one).

    actor1 and noun-phrase agents (``attacker`` evidence) -> attacker; each target phrase ->
    target, and victim when its head is a person noun; named victims (``victim`` evidence) ->
    victim; actor2 -> target and victim; the noun of a casualty count ("killed 12 civilians")
    -> victim; a victim inside a casualty phrase is the victim of that count's kind only
    (death or injury); the event place nearest the trigger -> place; weapons -> instrument.
    """
    evidence = {e.field: e for e in mention.evidence}
    if "actor1" in evidence and not _default_actor(mention, evidence["actor1"]):
        e = evidence["actor1"]
        yield ArgSpan("attacker", e.start, e.end, e.text)
    for e in mention.evidence:
        kind = _count_kind(mention, e.start, e.end)
        if e.field == "attacker":  # a noun-phrase agent outside the actor dictionary
            yield ArgSpan("attacker", e.start, e.end, e.text, source=e.field)
        if e.field == "target":  # kind: the phrase is a casualty count's ("killing *3 people*")
            yield ArgSpan("target", e.start, e.end, e.text, kind, source=e.field)
        # "killed *a judge*", "*Tamerlan* was killed": the victim of the death
        if e.field == "victim" or (e.field == "target" and is_person(head_word(e.text))):
            yield ArgSpan("victim", e.start, e.end, e.text, kind, source=e.field)
    if "actor2" in evidence and evidence["actor2"].text != mention.trigger:
        e = evidence["actor2"]
        kind = _count_kind(mention, e.start, e.end)
        yield ArgSpan("target", e.start, e.end, e.text, kind)
        yield ArgSpan("victim", e.start, e.end, e.text, kind)
    yield from casualty_nouns(mention)
    # One location per event, as ACLED codes it: the event place nearest the trigger, passing
    # over a place that is what was attacked ("attacked *Camp Shorabak* in Helmand Province":
    # the camp is the target, the province the place) when there is another.
    places = [p for p in mention.places if p.role == "event"]
    hit = [(e.start, e.end) for e in mention.evidence if e.field == "target"]
    places = [p for p in places if not any(p.start < e and s < p.end for s, e in hit)] or places
    if places:
        place = min(places, key=lambda p: abs(p.start - mention.start))
        yield ArgSpan("place", place.start, place.end, place.text)
    for e in mention.evidence:
        if e.field == "weapons":
            yield ArgSpan("instrument", e.start, e.end, e.text)


def _default_actor(mention: Mention, e: Evidence) -> bool:
    """The default crowd of a protest or riot points its evidence at the trigger (no actor
    word); an actor whose own words are the trigger ("a *suicide bomber* blew himself up") is
    a real attacker."""
    return e.text == mention.trigger and mention.event_type in ("Protests", "Riots")


def _count_kind(mention: Mention, start: int, end: int) -> str:
    """The kind of the casualty phrase that contains a span ("killing *130 people*"), or ""."""
    counts = (e for e in mention.evidence if e.field in ("fatalities", "injuries"))
    return next((e.field for e in counts if e.start <= start and end <= e.end), "")


def is_person(head: str) -> bool:
    """Whether a head word denotes people ("judge", "soldiers", "men")."""
    return (
        head in PERSON_NOUNS
        or head.rstrip("s") in PERSON_NOUNS
        or head in ("men", "women", "children")
    )


def casualty_nouns(mention: Mention) -> Iterator[ArgSpan]:
    """Victims named by the mention's own casualty counts: the noun after the number ("12
    civilians"), else the number itself ("injured another 15"), with the count's kind (the
    dead are victims of the death, the wounded of the injury)."""
    text, offset = mention.sentence, mention.sentence_start
    own = {(e.start, e.end) for e in mention.evidence if e.field in ("fatalities", "injuries")}
    for count in find_counts(text, offset):
        if own and (count.start, count.end) not in own:
            continue  # a count that the extractor gave to another event of the sentence
        start, end = _victim_words(text, count.qty_end - offset)
        if end is None:
            start, end = count.qty_start - offset, count.qty_end - offset
        yield ArgSpan("victim", start + offset, end + offset, text[start:end], count.kind)


def _victim_words(text: str, position: int) -> tuple[int, int | None]:
    """Start and end of the victim noun after a casualty number (end None: no noun)."""
    match = _CASUALTY_NOUN.match(text, position)
    if match is None:
        return position, None
    end = None
    for word in re.finditer(r"\S+", match.group(1)):
        lowered = word.group(0).lower()
        if lowered in _VICTIM_STOPS or (lowered.endswith("ly") and len(lowered) > 4):
            break  # "killing two soldiers instantly": an adverb ends the noun
        end = match.start(1) + word.end()
    return match.start(1), end


def make_article(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, input_id=doc_id, text=text, language="en")
