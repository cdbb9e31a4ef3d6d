"""Background statements that tell a pattern or a long-running state, not one dated event
(session 14, round 11).

* Habitual: "Kryvyi Rih has been repeatedly targeted by Russian missiles", "the town is
  regularly shelled", "militants have often attacked convoys on this road". A present or
  present-perfect attack verb with a repetition adverb sums up many attacks over an open
  period; ACLED codes each attack on its own day, never the pattern. (A past-tense "was
  repeatedly stabbed" is one event told in detail, and a sentence with a date of its own stays
  with :mod:`eventscope.extract.repetition`, which marks a campaign over its window.)
* A cause of a state: "Guanajuato remains the state with the most homicides, driven by
  fighting between two cartels". The fighting named as what drives a present-tense state
  ("remains", "is", "continues", "stays") is a long-running conflict, not an event of the
  article's day; what drives a change ("have fled, driven by fresh fighting") is an event.

The caller (:func:`eventscope.extract.mentions._is_historical`) asks only for triggers whose
sentence gives them no date of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.scope import nearest_verb

_REPEAT_ADVERBS = frozenset({"repeatedly", "regularly", "frequently", "often", "routinely",
                             "constantly", "continually", "continuously", "persistently",
                             "periodically", "habitually", "sometimes",
                             "occasionally"})  # fmt: skip
_CALENDAR = frozenset({"daily", "nightly", "weekly"})  # "near-daily strikes" (session 14)
_MASS_NOUNS = frozenset({"bombardment", "shelling", "fighting", "fire", "gunfire", "violence",
                         "bombing", "shooting", "looting"})  # fmt: skip
_REPEAT_ADJECTIVES = _CALENDAR | frozenset({
                                "repeated", "frequent", "regular", "constant", "routine",
                                "continual", "persistent", "incessant", "recurring",
                                "recurrent", "periodic", "occasional"})  # fmt: skip
# Participles that name a cause: "driven by", "fuelled by", "caused by", "stoked by".
_CAUSE_PARTICIPLES = frozenset({"drive", "fuel", "cause", "stoke", "spur", "fan", "feed",
                                "exacerbate", "worsen", "compound"})  # fmt: skip
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "relcl", "advcl", "conj", "xcomp", "parataxis"})


def is_habitual(head: Token) -> bool:
    """Whether the trigger tells a repeated pattern or the cause of a present state."""
    verb = _clause_verb(head)
    if verb is not None and _present_or_perfect(verb) and _repeated(head, verb):
        return True
    return _cause_of_state(head)


def _clause_verb(head: Token) -> Token | None:
    """The verb of the trigger's own clause: the trigger itself when it is one, else the verb
    its noun phrase hangs from ("has come under repeated attack")."""
    current = head
    while current.pos_ not in ("VERB", "AUX") or current.dep_ in ("amod", "compound"):
        if current.head.i == current.i:
            return None
        current = current.head
    return current


def _present_or_perfect(verb: Token) -> bool:
    """A present simple ("is shelled", "strike") or present perfect ("has been targeted")
    verb; a progressive ("are fleeing") tells what is going on now, and is no pattern."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "would", "could", "might", "may", "should") for a in auxes):
        return False
    if any(a.lower_ in ("has", "have") for a in auxes):
        return verb.tag_ == "VBN"
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _repeated(head: Token, verb: Token) -> bool:
    """A repetition adverb on the verb ("has repeatedly targeted"), or a repetition adjective
    on the trigger noun ("has faced repeated attacks")."""
    if any(c.dep_ == "advmod" and c.lower_ in _REPEAT_ADVERBS for c in verb.children):
        return True
    if head.i == verb.i:
        return False
    adjectives = {c.lower_ for c in head.children if c.dep_ == "amod"} & _REPEAT_ADJECTIVES
    # "daily strikes", "(the) nightly bombardment" are many; "the weekly rally", "Weekly rally
    # turns violent" is one of them, this one (reviews): calendar words on plurals and on
    # mass or verbal nouns only
    many = head.tag_ == "NNS" or head.lemma_.lower() in _MASS_NOUNS
    return bool(adjectives - _CALENDAR) or (bool(adjectives) and many)


# A state told in the present: "X remains / is still / continues to be ..., driven by".
# Any other present-perfect verb tells a change, whose cause is an event of its own:
# "Thousands have fled El Fasher, driven by fresh fighting" (second review of session 14).
_STATE_VERBS = frozenset({"remain", "be", "continue", "stay", "become"})
# A trigger told as new is the news, not a long-running cause: "driven by fresh fighting".
_FRESH = frozenset({"fresh", "new", "renewed", "latest", "recent", "heavy", "heavier",
                    "intensified", "intensifying", "escalating", "sudden"})  # fmt: skip


def _cause_of_state(head: Token) -> bool:
    """The trigger is the agent of a cause participle ("driven by fighting") or the action of
    a "with" phrase ("with several armed groups fighting over coca crops") whose clause is a
    present-tense (or present-perfect) state verb: "X remains ..., driven by fighting
    between", "Cauca has become one of the most violent parts of Colombia ..., with armed
    groups fighting over ..."; not a trigger told as new ("driven by fresh fighting")."""
    if any(c.dep_ == "amod" and c.lower_ in _FRESH for c in head.children):
        return False
    cause, action = _cause_participle(head), _with_action(head)
    anchor = cause or action
    if anchor is None:
        return False
    main = anchor.head
    while main.dep_ not in _CLAUSE_DEPS or main.pos_ not in ("VERB", "AUX"):
        if main.head.i == main.i:
            return False
        main = main.head
    state = _state_verb(main)
    if state is None or not _present_or_perfect(state):
        return False
    # "with X fighting" only under a lasting state ("has become", "remains"), not a moment's
    # ("Goma is tense, with armed groups fighting on its outskirts": review)
    return cause is not None or state.lemma_.lower() in ("become", "remain")


def _cause_participle(head: Token) -> Token | None:
    """ "driven by <trigger>": the participle."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ not in ("agent", "prep"):
        return None
    participle = prep.head
    cause = participle.lemma_.lower() in _CAUSE_PARTICIPLES and participle.tag_ == "VBN"
    return participle if cause else None


def _with_action(head: Token) -> Token | None:
    """ "with <people> <trigger>ing": the "with" (session 14, the demo's Cauca sentence)."""
    holder = head.head
    if head.dep_ != "acl" or head.tag_ != "VBG" or holder.dep_ != "pobj":
        return None
    return holder.head if holder.head.lower_ == "with" else None


def _state_verb(verb: Token) -> Token | None:
    """The state verb of the clause: the verb itself, or the one it hangs from ("continues
    to *rise*"); None for a verb of change ("have fled", "has been suspended")."""
    if verb.lemma_.lower() in _STATE_VERBS:
        return verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _STATE_VERBS:
        return verb.head
    return None


# Verbs of telling whose subject names the event the complement retells.
_TELLING = frozenset({"say", "tell", "recount", "describe", "recall", "report"})
_SEQUEL = frozenset({"then", "again", "later", "subsequently", "afterwards", "next"})


def retold(event: Token, telling: Token) -> bool:
    """Whether ``telling`` (a weak trigger) retells ``event`` (a noun trigger in the speakers'
    phrase): "Survivors of the massacre in Solino say gunmen killed 12 people there on
    Saturday" (session 14). Not a sequel ("gunmen then attacked the survivors"), nor an event
    the speakers date themselves ("Survivors of the 2023 massacre")."""
    # the clause's own verb, past relative clauses ("Survivors who fled the massacre say")
    verb = nearest_verb(event, past=("relcl", "acl"))
    if verb is None or verb.lemma_.lower() not in _TELLING:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(event.i in {t.i for t in s.subtree} for s in subjects):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not any(telling.i in {t.i for t in c.subtree} for c in clauses):
        return False
    around = [*telling.children, *telling.head.children]
    if any(t.lower_ in _SEQUEL for t in around):
        return False
    return not any(c.like_num or c.ent_type_ == "DATE" for c in event.children)
