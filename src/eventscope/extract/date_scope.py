"""Which date phrases may date a trigger: those of its own clause and comparison, not those
inside another event's motive or clause. Moved out of :mod:`eventscope.extract.mentions`
(session 12) to keep that module under 400 lines. Session 16: a statement's day bounds the
event it tells as background, and a "when" or casualty clause's date is offered to a clause
with none (:mod:`eventscope.extract.date_statements`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from eventscope.extract import scope
from eventscope.extract.after_dates import after_offset, anchored_after
from eventscope.extract.date_statements import (
    describes_trigger,
    reports,
    shares_time,
    statement_bound,
    statement_verb,
    undated_by_statement,
)
from eventscope.extract.dates import DatePhrase, DatePhrases
from eventscope.extract.place_aftermath import superlative_since
from eventscope.extract.reprisals import other_motives
from eventscope.extract.triggers import TriggerHit


def dates_in_scope(
    doc: Doc,
    sent: Span,
    hit: TriggerHit,
    dates: Sequence[DatePhrase],
    comparison_preps: Collection[str],
) -> list[DatePhrase]:
    """The date phrases that may date this trigger. In its sentence, drop phrases inside a
    comparison the trigger is not part of ("like the battles in the summer") and phrases in
    another finite clause ("..., as they did in 2019"): they date other events, except a
    "when" clause of the trigger's own ("were killed when gunmen stormed the depot two days
    ago") or a casualty clause coordinated with it ("... and two others were injured on
    Sunday"), offered when its own clause has no date. A statement's date ("an official told
    reporters on Friday") becomes the week ending that day for the events it reports
    (:mod:`eventscope.extract.date_statements`). A trigger inside "<distance> after ..." is
    also offered its sentence's time anchor (the ``anchor`` of
    :class:`eventscope.extract.dates.DatePhrases`, see
    :func:`eventscope.extract.after_dates.anchored_after`)."""
    kept, roots, updated = [], {}, False
    shared: list[DatePhrase] = []
    for phrase in dates:
        if not sent.start_char <= phrase.start < sent.end_char:
            kept.append(phrase)
            continue
        verdict, root = _in_sentence(doc, sent, hit, phrase, comparison_preps)
        updated = updated or verdict == "update"
        if verdict == "bound":
            kept.append(statement_bound(phrase))
        elif verdict == "shared":
            shared.append(phrase)
        elif verdict == "keep":
            kept.append(phrase)
            roots[phrase] = root
    chosen = scope.own_clause_dates([r for r in roots.values() if r is not None], hit.head)
    kept = [p for p in kept if p not in roots or roots[p] is None or roots[p] in chosen]
    if updated:  # the filing day is the update's day too: "KYIV, Jan 7 - The toll ... rose"
        kept = [p for p in kept if not p.dateline]
    if not any(p in roots and not (p.reporting or p.dateline) for p in kept):
        kept += shared  # a "when" or casualty clause's date, where the own clause has none
    # "still burying their dead two days after an air strike killed 17": with no date in
    # sight, the strike is two days before the day the sentence is told (choose_date takes
    # the anchor last).
    day = dates.anchor if isinstance(dates, DatePhrases) else None  # an article's phrases
    anchor = anchored_after(hit.head, day)
    return [*kept, anchor] if anchor is not None else kept


def _in_sentence(
    doc: Doc,
    sent: Span,
    hit: TriggerHit,
    phrase: DatePhrase,
    comparison_preps: Collection[str],
) -> tuple[str, Token | None]:
    """What a date phrase of the trigger's sentence is to the trigger, with its root: "keep",
    "drop", "update" (it dates a figure's update), "bound" (it dates a statement that reports
    the trigger) or "shared" (it dates a "when" clause of the trigger's clause or a casualty
    clause coordinated with it)."""
    if phrase.owner_only and not owned_by(doc, phrase, hit):
        return "drop", None  # "have left Titao since Thursday's attack": the attack's only
    if any(a <= phrase.start < b for a, b in other_motives(sent, hit.head)):
        return "drop", None  # "in retaliation for Monday's strike"
    if dates_figure_update(doc, phrase, hit.head):
        return "update", None
    scopes = scope.comparison_scopes(sent, comparison_preps)
    own = [s for s in scopes if s[0] <= hit.start < s[1]]
    if any(s[0] <= phrase.start < s[1] and s not in own for s in scopes):
        return "drop", None
    root = scope.root_at(doc, phrase.start, phrase.end)
    if root is None:
        return "keep", None
    if _bound_by_statement(hit, root):
        return "bound", root
    if not scope.in_other_clause(root, hit.head) or describes_trigger(root, hit.head):
        return "keep", root
    return ("shared" if shares_time(root, hit.head) else "drop"), root


def _bound_by_statement(hit: TriggerHit, root: Token) -> bool:
    """Whether the date (its root) is the day of a statement that reports the trigger's event
    without dating it (:mod:`eventscope.extract.date_statements`). An event inside "<distance>
    after ..." keeps the statement's day: it is counted back from it
    (:func:`eventscope.extract.after_dates.shift_after`)."""
    verb = statement_verb(root)
    if verb is None or hit.token_start <= verb.i < hit.token_end:
        return False
    if verb.i < hit.head.i < root.i:
        # "claimed responsibility for the attack on the station late on 2 June": a date
        # after the trigger, itself after the verb, may be the trigger's own (where the
        # parser hangs it is a guess), so it dates it as before
        return False
    told = reports(verb, hit.head) and undated_by_statement(verb, hit.head)
    return told and after_offset(hit.head) is None


# Verbs that update a figure: "the death toll from the attack rose to eight on Wednesday".
_FIGURE_VERBS = frozenset({"rise", "climb", "reach", "stand", "jump", "increase", "grow", "mount",
                           "soar", "hit", "top", "pass", "exceed", "surpass", "raise", "revise",
                           "update", "double", "triple"})  # fmt: skip
# Nouns that are such a figure (the subject of the updating verb).
_FIGURE_NOUNS = frozenset({"toll", "tally", "count", "number", "figure", "casualty", "death",
                           "fatality"})  # fmt: skip


def dates_figure_update(doc: Doc, phrase: DatePhrase, trigger: Token) -> bool:
    """Whether ``phrase`` dates the update of a figure whose subject holds the trigger. In
    "the death toll from a missile attack on X rose to eight on Wednesday" Wednesday is when
    the count changed, not when the attack happened (session 14); a date inside the subject
    ("the toll from Tuesday's attack rose ...") still dates the attack."""
    root = scope.root_at(doc, phrase.start, phrase.end)
    verb = scope.nearest_verb(root) if root is not None else None
    if verb is None or verb.lemma_.lower() not in _FIGURE_VERBS:
        return False
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.lemma_.lower() not in _FIGURE_NOUNS or subject.i == trigger.i:
            continue
        if _counts_trigger(subject, trigger):  # "the number of drone attacks hit a record"
            return False
        inside = {t.i for t in subject.subtree}
        # Before the verb in the text, the date is the subject's even where the parser hangs
        # it on the verb ("the toll from the attack on X on Wednesday rose to eight").
        return trigger.i in inside and root.i not in inside and root.i > verb.i
    return False


# Figure nouns that may count the events themselves ("the number of drone attacks"); a toll
# or a casualty count always counts an event's victims ("the death toll of the attack").
_PLAIN_COUNTS = frozenset({"number", "tally", "count", "figure"})
_CASUALTY_WORDS = frozenset({"death", "casualty", "fatality", "injury", "victim", "dead",
                             "killed", "wounded", "injured"})  # fmt: skip


def _counts_trigger(figure: Token, trigger: Token) -> bool:
    """Whether the figure counts the trigger's events: "The number of Russian drone attacks
    on Ukraine hit a record on Tuesday night", "the tally of Israeli airstrikes rose on
    Tuesday" (second review of session 14). The update's day is then the events' day; a
    count of victims ("the death count of the attack", "the number of people killed in the
    attack") stays an update of an earlier event."""
    if figure.lemma_.lower() not in _PLAIN_COUNTS:
        return False
    modifiers = [c for c in figure.children if c.dep_ in ("compound", "amod")]
    if any(m.lemma_.lower() in _CASUALTY_WORDS or m.lower_ in _CASUALTY_WORDS for m in modifiers):
        return False
    counted = [o for p in figure.children if p.dep_ == "prep" and p.lower_ == "of"
               for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]  # fmt: skip
    return any(o.i == trigger.i for o in counted)


# What lies between a possessive date and the event noun it owns: "'s", up to two modifiers.
_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")


def owned_by(doc: Doc, phrase: DatePhrase, hit: TriggerHit) -> bool:
    """Whether ``hit`` is the event noun that a possessive date owns: "since last Thursday's
    (deadly) attack" (session 15). By the parse (the date is the noun's possessor), else by
    the words when the parser made the date no possessor: "'s", up to two modifiers, then
    the trigger noun."""
    date = scope.root_at(doc, phrase.start, phrase.end)
    if date is not None and date.dep_ == "poss":
        return hit.token_start <= date.head.i < hit.token_end
    text = _OWNED.fullmatch(doc.text, phrase.end, hit.start) is not None
    return text and hit.head.pos_ in ("NOUN", "PROPN")


def compared(trigger: Token, phrase: DatePhrase | None, preps: Collection[str]) -> bool:
    """Whether the trigger sits inside a comparison ("like the counter-offensives against
    Aleppo in the summer", "the worst since the 2019 war"). An event after "since" that its
    own possessive date dates ("have fled since last Thursday's attack") is told, not
    compared with (session 15): its date says whether it is background."""
    owned = phrase is not None and phrase.owner_only
    return any(
        a.lower_ in preps and a.dep_ in ("prep", "mark") and not (owned and _told_since(a, trigger))
        for a in trigger.ancestors
    )


def _told_since(prep: Token, trigger: Token) -> bool:
    """ "since" whose own object is the trigger, after no superlative ("have fled since last
    Thursday's attack"; not "the heaviest fighting since last week's ambush": review)."""
    return prep.lower_ == "since" and trigger.head.i == prep.i and not superlative_since(prep)
