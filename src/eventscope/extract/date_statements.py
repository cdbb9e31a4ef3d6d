"""Dates of statements and of "when" clauses, as they bear on the events they tell
(session 16, held-out linking round 14).

* A date that hangs on a verb of speech ("a district officer told reporters on Friday", "the
  army said on Wednesday", "the army on Monday rejected claims that ...") is the day of the
  statement. The events the statement reports (its complement, its object, or the clause it
  is a parenthesis of) happened on or before that day. Where the statement tells the event as
  the background of its news (it rejects a claim, or the clause telling the event is a
  present perfect or a figure's update: "the toll from the ambush has climbed to 15, an
  officer told reporters on Friday"), the day is not the event's: a follow-up report would
  otherwise date the ambush by the day of the update and never meet the first report of it.
  Such an event is given :func:`statement_bound`, the week that ends on the statement's day,
  which :func:`eventscope.extract.dates.choose_date` takes only when nothing else in the
  sentence dates it (:func:`undated_by_statement`). A plain report of the day's news ("police
  said on Monday that gunmen killed five") and an event that is the statement's own subject
  ("protesters on Saturday condemned ...", "fighting on Saturday claimed 40 lives") keep the
  date.
* A trigger whose clause is modified by a "when" clause ("eleven guards were killed when
  gunmen stormed the depot two days ago") happened at that clause's time, and so did a
  casualty clause coordinated after it ("a guard was killed and two others were injured on
  Sunday"): such a clause's date dates the trigger when its own clause has none (either is
  otherwise another finite clause, whose dates belong to its own events).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Token

from eventscope.extract.dates import BOUND, DatePhrase
from eventscope.extract.scope import is_clause_edge

# Lemmas of verbs whose date is the day of a statement, not of the event it reports.
SPEECH_VERBS = frozenset({
    "say", "tell", "confirm", "announce", "reject", "dismiss", "deny", "report", "claim",
    "state", "add", "accuse", "blame", "condemn", "allege", "acknowledge", "admit", "insist",
    "disclose", "reveal", "declare", "note", "explain", "stress", "tweet", "refute", "dispute",
    "reiterate", "assert", "maintain", "brief", "inform", "quote",
})  # fmt: skip
# Nouns of a statement a date may hang on before its verb: "said in a statement on Tuesday",
# "told Friday's briefing".
_STATEMENT_NOUNS = frozenset({"statement", "briefing", "conference", "interview", "post",
                              "message", "communique", "address", "speech", "remark"})  # fmt: skip
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# How far before the statement a reported event may lie: a toll update, a denial or a claim
# of responsibility comes days after the event, rarely more than a week.
BOUND_DAYS = 6


def statement_verb(root: Token) -> Token | None:
    """The verb of speech a date phrase (its syntactic root) hangs on: directly ("said
    Monday"), through a preposition ("said on Monday") or through a statement noun ("said in a
    statement on Tuesday"); None when the date hangs on anything else ("the attack on
    Monday", "killed on Monday")."""
    current = root
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head if _speech(head) else None
        if _speaker_before_verb(head, root):
            return head.head  # "The police on Monday dismissed ...": the parser hangs the
            # date on the subject, but it dates the verb that follows
        if head.pos_ != "ADP" and head.lemma_.lower() not in _STATEMENT_NOUNS:
            return None
        current = head
    return None


def _speech(verb: Token) -> bool:
    return verb.lemma_.lower() in SPEECH_VERBS


def _speaker_before_verb(noun: Token, root: Token) -> bool:
    """A subject of a verb of speech with the date between them: "The police on Monday
    dismissed ..." (the subject keeps its own event: see :func:`reports`)."""
    verb = noun.head
    subject = noun.dep_ in _SUBJECTS and verb.pos_ in ("VERB", "AUX") and _speech(verb)
    return subject and noun.i < root.i < verb.i


def reports(verb: Token, trigger: Token) -> bool:
    """Whether the statement of ``verb`` tells the trigger's event: the trigger sits below the
    verb but not in its subject ("rejected claims that troops died in fighting"), or the verb
    is a parenthesis of the trigger's clause ("The attack, police said on Monday, killed
    five"). Not the verb itself, nor its subject ("fighting on Saturday claimed 40 lives")."""
    if trigger.i == verb.i:
        return False
    if any(trigger in s.subtree for s in verb.children if s.dep_ in _SUBJECTS):
        return False
    line = {trigger.i} | {a.i for a in trigger.ancestors}
    if verb.i in line:
        return True
    return verb.dep_ in ("parataxis", "ccomp") and verb.head.i in line


# Verbs of a statement that contradicts what it reports: the claimed event's day is not the
# denial's ("the army on Monday rejected claims that thirty troops died in fighting").
_REJECTIONS = frozenset({"reject", "dismiss", "deny", "refute", "dispute"})
# Verbs of a figure's update ("the toll rose to 15"): the event counted is older. Only with a
# figure as their subject ("a missile hit a market" is the event).
_UPDATES = frozenset({"rise", "climb", "reach", "increase", "grow", "mount", "jump", "hit",
                      "raise", "revise", "update", "double", "triple"})  # fmt: skip
_FIGURES = frozenset({"toll", "tally", "count", "number", "figure"})


def undated_by_statement(verb: Token, trigger: Token) -> bool:
    """Whether the day of the statement ``verb`` (which reports the trigger) is not the
    trigger's day. A plain report of the day's news keeps it, as before: "the army on
    Thursday said rebels attacked Beni", "five people were killed in an attack on a bus,
    police said on Monday". Not so when the statement rejects a claim, or when the clause
    that tells the trigger is a present perfect or a figure's update ("has climbed to 15",
    "has died of wounds sustained in a bombing"): the event happened on or before the
    statement's day, on a day the sentence does not say."""
    if verb.lemma_.lower() in _REJECTIONS:
        return True
    predicate = _predicate(trigger)
    if predicate is None or predicate.i == verb.i:
        return False
    return _figure_update(predicate) or _present_perfect(predicate)


def _figure_update(verb: Token) -> bool:
    """ "the death toll from the ambush rose to 15": a figure changing, not an event."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    figure = any(c.lemma_.lower() in _FIGURES for c in subjects)
    return figure and verb.lemma_.lower() in _UPDATES


def _predicate(token: Token) -> Token | None:
    """The verb of the clause that tells ``token``: the token itself or the nearest verb
    above it, past participles that modify a noun skipped ("wounds sustained in a bombing"
    is told by "has died")."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("acl", "amod"):
            return node
    return None


def _present_perfect(verb: Token) -> bool:
    """ "has died", "have been killed": a state reached by the time of speaking."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children
    )


def statement_bound(phrase: DatePhrase) -> DatePhrase:
    """The window of an event a statement reports: the week ending on the statement's last
    day, week precision (kind :data:`eventscope.extract.dates.BOUND`)."""
    if phrase.date_start is None or phrase.date_end is None:
        return replace(phrase, kind=BOUND, reporting=True)
    start = date.fromisoformat(phrase.date_start) - timedelta(days=BOUND_DAYS)
    days = (date.fromisoformat(phrase.date_end) - start).days
    return replace(
        phrase,
        date_start=start.isoformat(),
        precision=2 if days <= 7 else 3,
        kind=BOUND,
        reporting=True,
    )


def shares_time(root: Token, trigger: Token) -> bool:
    """Whether a date (its root) in another finite clause than the trigger's still tells the
    trigger's time: every clause it crosses on the way up to the trigger's clause is a "when"
    clause ("were killed when gunmen stormed the depot two days ago") or a later casualty
    clause coordinated with it ("a guard was killed and two others were injured on Sunday").
    Not a "when" clause of another verb, nor another coordinated happening ("..., and police
    arrested two men on Monday")."""
    line = [trigger, *trigger.ancestors]
    current, crossed = root, False
    while current not in line and current.head.i != current.i:
        if not is_clause_edge(current):
            current = current.head
            continue
        if _when_clause(current) or _casualty_conjunct(current):
            current, crossed = current.head, True
            continue
        sibling = _coordinated_sibling(current, line)
        if sibling is None:
            return False
        current, crossed = sibling, True
    return crossed and current in line


def _when_clause(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(_when(c) for c in clause.children)


def _coordinated_sibling(clause: Token, line: list[Token]) -> Token | None:
    """The trigger's clause when ``clause`` is a casualty clause the parser made its sibling
    rather than its conjunct: "[a guard was killed] and [two others were injured on Sunday],
    officials said", both hung on "said"."""
    if not _casualty(clause):
        return None
    for first in line:
        joined = any(c.dep_ == "cc" and first.i < c.i < clause.i for c in first.children)
        if first.head.i == clause.head.i and first.i < clause.i and joined:
            return first if _casualty(first) else None
    return None


# Verbs of a casualty clause coordinated with its event's ("and two others were injured").
_CASUALTY_VERBS = frozenset({"kill", "injure", "wound", "hurt", "die", "maim", "abduct",
                             "kidnap"})  # fmt: skip


def _casualty_conjunct(clause: Token) -> bool:
    """ "[a guard was killed] and [two others were injured ...]": two casualty clauses, the
    second coordinated after the first. Not "[militants have repeatedly attacked posts], and
    [on Tuesday they killed five]": a casualty clause after another happening is news of
    its own."""
    later = clause.dep_ == "conj" and clause.i > clause.head.i
    return later and _casualty(clause) and _casualty(clause.head)


def _casualty(verb: Token) -> bool:
    return verb.lemma_.lower() in _CASUALTY_VERBS


def _when(token: Token) -> bool:
    return token.lower_ == "when" and token.dep_ in ("advmod", "mark")


# Verbs of a relative clause that tells what its event noun did or when it happened: "the
# attack that killed two marines on Friday", "the strike, which took place on Tuesday".
# Not "the attack, which was condemned (or claimed) on Sunday": that clause is a statement.
_HAPPENING_VERBS = _CASUALTY_VERBS | frozenset({"leave", "hit", "target", "strike", "destroy",
                                                "damage", "happen", "occur", "take"})  # fmt: skip


def describes_trigger(root: Token, trigger: Token) -> bool:
    """Whether a date (its root) sits in a relative clause on the trigger noun itself that
    tells what the event did or when it took place (session 20): "The attack that killed two
    marines and wounded three on Friday was the work of ..., the governor said on Sunday" is
    Friday's attack, though the parse puts Friday in another finite clause than "attack"."""
    current = root
    while current.head.i != current.i and not is_clause_edge(current):
        current = current.head
    lemma = current.lemma_.lower()
    if lemma == "take" and not any(c.lower_ == "place" for c in current.children):
        return False  # "took place", not "took responsibility for" (review)
    return current.dep_ == "relcl" and current.head.i == trigger.i and lemma in _HAPPENING_VERBS
