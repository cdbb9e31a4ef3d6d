"""What a protest is *about* is not what happened *at* it.

"Hundreds marched at the funeral of a teenager killed by soldiers the day before", "a rally
against the arrest of the mayor", "protests erupted after police shot dead two men": the
killing, the arrest and the shooting are the protest's cause, coded (if at all) as events of
their own. Read as the protest's context they would make it "Excessive force against
protesters" or "Protest with intervention". :func:`cause_free_context` gives the words of a
sentence without the phrases that state a trigger's cause, for the refinements marked
``effect_only`` in triggers.json.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventscope.extract.lexicon import TriggerRule
from eventscope.extract.triggers import SentenceContext

# "a protest over / against / after / following / for ..." states the cause
_CAUSE_PREPS = frozenset({"over", "against", "after", "following", "for", "about"})
# "... marched at the funeral of ...", "a vigil on the anniversary of ..."
_CAUSE_NOUNS = frozenset(
    {"funeral", "burial", "memorial", "anniversary", "commemoration", "killing", "death"}
)
# "... marched to denounce / condemn / mourn ...", "demanding justice for ..."
_CAUSE_VERBS = frozenset(
    {"denounce", "condemn", "mourn", "demand", "decry", "commemorate", "protest", "honour",
     "honor", "remember"}
)  # fmt: skip
# "... took to the streets after / because police shot ..."
_CAUSE_MARKS = frozenset({"after", "because", "since", "following"})
# a noun trigger ("protesters", "a rally") takes its cause from the verb it is the subject
# or object of as well ("a rally was held against ...")
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def effect_context(rule: TriggerRule, sent: Span, head: Token) -> SentenceContext | None:
    """:func:`cause_free_context` where one of ``rule``'s refinements reads it, else None."""
    if not any(r.effect_only for r in rule.refine):
        return None
    return cause_free_context(sent, head)


def cause_free_context(sent: Span, head: Token) -> SentenceContext:
    """The words of ``sent`` outside the phrases that state ``head``'s cause."""
    dropped: set[int] = set()
    for phrase in _cause_phrases(head):
        dropped.update(t.i for t in phrase.subtree)
    kept = [t for t in sent if t.i not in dropped]
    words = {t.lower_ for t in kept} | {t.lemma_.lower() for t in kept}
    return SentenceContext(frozenset(words), "".join(t.text_with_ws for t in kept).lower())


def _cause_phrases(head: Token) -> Iterator[Token]:
    anchors = [head]
    if head.dep_ in _ARGUMENT_DEPS and head.head is not head:
        anchors.append(head.head)
    for anchor in anchors:
        for child in anchor.children:
            if _states_cause(child):
                yield child


def _states_cause(child: Token) -> bool:
    lemma = child.lemma_.lower()
    if child.dep_ == "prep":
        objects = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
        return lemma in _CAUSE_PREPS or any(o in _CAUSE_NOUNS for o in objects)
    if child.dep_ in ("advcl", "xcomp", "acl"):
        marks = {g.lemma_.lower() for g in child.children if g.dep_ == "mark"}
        return lemma in _CAUSE_VERBS or bool(marks & _CAUSE_MARKS)
    return False
