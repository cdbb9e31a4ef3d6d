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
# verbs that tell the protest itself when a noun trigger is their subject or object
_PROTEST_VERBS = frozenset(
    {"take", "march", "rally", "protest", "demonstrate", "gather", "hold", "stage",
     "organise", "organize", "join", "continue", "erupt", "spread", "block"}
)  # fmt: skip
# "..., where police fired tear gas", "..., during which two were shot"
_SCENE_WORDS = frozenset({"where", "when", "during"})
# a noun trigger ("protesters", "a rally") takes its cause from the verb it is the subject
# or object of as well ("a rally was held against ...")
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def effect_context(
    rule: TriggerRule, sent: Span, head: Token, asides: frozenset[int] = frozenset()
) -> SentenceContext | None:
    """:func:`cause_free_context` where one of ``rule``'s refinements reads it, else None."""
    if not any(r.effect_only for r in rule.refine):
        return None
    return cause_free_context(sent, head, asides)


def cause_free_context(
    sent: Span, head: Token, asides: frozenset[int] = frozenset()
) -> SentenceContext:
    """The words of ``sent`` outside the phrases that state ``head``'s cause and outside
    ``asides`` (a protest action's demand: :func:`protest_actions.action_asides`)."""
    dropped: set[int] = set()
    for phrase in _cause_phrases(head):
        dropped.update(t.i for t in phrase.subtree)
        # "gathered for a rally, where police fired tear gas": what happened at the protest
        for scene in _scenes(phrase):
            dropped.difference_update(t.i for t in scene.subtree)
    kept = [t for t in sent if t.i not in dropped and t.i not in asides]
    words = {t.lower_ for t in kept} | {t.lemma_.lower() for t in kept}
    return SentenceContext(frozenset(words), "".join(t.text_with_ws for t in kept).lower())


def _cause_phrases(head: Token) -> Iterator[Token]:
    for child in head.children:
        if _states_cause(child):
            yield child
    verb = head.head
    if head.dep_ in _ARGUMENT_DEPS and verb.i != head.i:
        # "a rally was held against ...", "protesters took to the streets after ...": the
        # verb of a noun trigger; another verb's clauses tell its own event ("demonstrators
        # fled after police fired tear gas"), only its phrases may state the cause
        protest_verb = verb.lemma_.lower() in _PROTEST_VERBS
        for child in verb.children:
            if (protest_verb or child.dep_ == "prep") and _states_cause(child):
                yield child


def _scenes(phrase: Token) -> Iterator[Token]:
    """Relative clauses inside a cause phrase that say where or when the protest was."""
    for token in phrase.subtree:
        if token.dep_ == "relcl" and any(
            c.lower_ in _SCENE_WORDS and c.dep_ in ("advmod", "prep") for c in token.children
        ):
            yield token


def _states_cause(child: Token) -> bool:
    lemma = child.lemma_.lower()
    if child.dep_ == "prep":
        objects = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
        return lemma in _CAUSE_PREPS or any(o in _CAUSE_NOUNS for o in objects)
    if child.dep_ in ("advcl", "xcomp", "acl"):
        marks = {g.lemma_.lower() for g in child.children if g.dep_ == "mark"}
        return lemma in _CAUSE_VERBS or bool(marks & _CAUSE_MARKS)
    return False
