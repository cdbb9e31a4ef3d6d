"""Who says an event happened (attribution) and how surely (modality).

The scope of a cue is the trigger's chain of syntactic heads up to the sentence root, nearest
first, stopping at the first reporting verb: in "the ministry denied that jets struck the
hospital", "denied" governs "struck"; in "rebels could launch airstrikes", "could" sits on
"launch", which governs "airstrikes". The first cue found on that chain decides:

* a negator on a chain word ("did not strike", "no airstrikes") -> negated;
* could/may/might/would, "if", threaten/fear -> possible; will, plan/prepare/vow -> planned;
* a reporting verb -> its modality from the cues file (say -> reported, claim -> claimed,
  allege -> alleged, deny -> denied), and its subject (or "by" agent) is the claimant.

Then, if nothing was found: a hedge anywhere in the sentence (allegedly, reportedly) -> alleged;
"according to X" or a reporting clause beside the event clause ("..., the ministry said")
-> reported, with X as claimant. Otherwise the outlet itself asserts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventscope.extract.actor_phrases import ATTACK_NOUNS, VERSION_NOUNS
from eventscope.extract.lexicon import Cues
from eventscope.extract.scope import nearest_verb
from eventscope.extract.triggers import TriggerHit

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NEG_DEPS = frozenset({"neg", "det", "advmod", "preconj"})


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int  # character offsets into the document text
    end: int
    text: str

    @classmethod
    def of(cls, span: Span | Token) -> TextSpan:
        if isinstance(span, Token):
            return cls(span.idx, span.idx + len(span.text), span.text)
        return cls(span.start_char, span.end_char, span.text)


@dataclass(frozen=True, slots=True)
class Attribution:
    modality: str = "asserted"
    claimant: TextSpan | None = None
    cue: TextSpan | None = None


def claimant_spans(sent: Span, cues: Cues) -> list[TextSpan]:
    """Every claimant in the sentence (the subjects of reporting verbs, 'according to' objects).

    Actors and places inside these spans are sources, not participants.
    """
    spans = [_claimant_of_verb(t) for t in sent if _is_reporting_verb(t, cues)]
    spans += [_according_to(t) for t in sent]
    return [s for s in spans if s is not None]


def not_the_event(spans: Sequence[TextSpan], triggers: Sequence[Token]) -> list[TextSpan]:
    """Claimants other than an event itself. A misparse can make the event noun the subject
    of the reporting verb ("Fierce fighting ... in Taiz left ten dead, a source said" read as
    "fighting ... said"), and blocking that span would hide the event's own place and actors:
    whoever speaks, it is never the fighting."""
    kept = [
        s
        for s in spans
        if not any(t.dep_ == "nsubj" and s.start <= t.idx < s.end for t in triggers)
    ]
    return [_before_the_event(s, triggers) for s in kept]


def _before_the_event(span: TextSpan, triggers: Sequence[Token]) -> TextSpan:
    """The claimant cut before an event it names (session 14): "Survivors *of the attack on
    Cabaret* say" and "Witnesses *to the shooting in Beni* said" speak about the event, whose
    place and actors must stay free. A trigger that only qualifies the speaker ("a militia
    commander said": compound or modifier) leaves the claimant whole."""
    inside = [
        t for t in triggers
        if span.start < t.idx < span.end and t.dep_ not in ("compound", "amod", "nmod", "poss")
    ]  # fmt: skip
    if not inside:
        return span
    first = min(inside, key=lambda t: t.idx)
    cut = first.left_edge
    if cut.i > 0 and cut.doc[cut.i - 1].dep_ == "prep" and cut.doc[cut.i - 1].idx > span.start:
        cut = cut.doc[cut.i - 1]  # the preposition that ties the event to the speaker
    end = len(span.text[: cut.idx - span.start].rstrip())
    return TextSpan(span.start, span.start + end, span.text[:end]) if end > 0 else span


def describes_speaker(trigger: Token, claimants: Sequence[TextSpan]) -> bool:
    """A trigger word that only qualifies the speaker inside a claimant phrase ("a local
    *vigilante* leader said", "a *militia* commander told us") says who is talking, not that
    anything happened."""
    head = trigger.head
    if trigger.dep_ not in ("compound", "amod") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(s.start <= trigger.idx < s.end and s.start <= head.idx < s.end for s in claimants)


# Verbs that set a version against the sentence's own telling: "contradicting reports of".
_DISPUTING = frozenset({"contradict", "dispute", "deny", "reject", "question", "challenge",
                        "refute", "dismiss", "differ"})  # fmt: skip


def in_told_version(trigger: Token) -> bool:
    """Whether the trigger lies in the "of" phrase of a version noun within its own clause,
    that noun being someone's (a possessor, "an account by X") or disputed ("contradicting
    reports of"): "..., contradicting the army's account *of a repelled attack*" cites another
    party's telling of the event the sentence reports (session 13: that strong "repelled"
    outranked the sentence's own weak "killed" and "stormed", and took the event without its
    date). "Police confirmed reports of an attack" tells the attack (review)."""
    for token in trigger.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return False  # a clause of its own: "reports said militants attacked ..."
        if token.lower_ == "of" and token.head.lemma_.lower() in VERSION_NOUNS:
            return _someones_version(token.head)
    return False


def _someones_version(noun: Token) -> bool:
    owned = any(
        c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ == "by")
        for c in noun.children
    )
    return owned or _disputed(noun)


def _disputed(noun: Token) -> bool:
    """Whether a disputing verb, not negated, sets the noun against the sentence's telling:
    the noun's own verb ("contradicting reports of an attack"), or the verb above a
    complement clause whose subject or object the noun is ("the army denied that reports of
    an attack were accurate"). Not a verb of another clause ("Officials rejected criticism
    after police confirmed reports of an attack"), nor one above an infinitive ("denied
    failing to act on reports of an attack" tells the attack), nor a negated one ("did not
    deny that reports of an attack were accurate")."""
    verb = nearest_verb(noun)
    if verb is None:
        return False
    if _disputes(verb):
        return True
    argument = noun
    while argument.head.i != verb.i:
        argument = argument.head
    clause_argument = argument.dep_ in ("nsubj", "nsubjpass", "dobj")
    return clause_argument and verb.dep_ == "ccomp" and _disputes(verb.head)


def _disputes(verb: Token) -> bool:
    """A disputing verb that is not negated ("did not deny" concedes)."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    return verb.lemma_.lower() in _DISPUTING and not negated


def outside_told_versions(hits: Sequence[TriggerHit]) -> list[TriggerHit]:
    """The trigger hits less those inside a version noun's "of" phrase, when the sentence has
    others: alone ("reports of clashes in X") they are its news."""
    own = [h for h in hits if not in_told_version(h.head)]
    return own or list(hits)


def analyse(trigger: Token, sent: Span, cues: Cues) -> Attribution:
    """Modality and claimant for the event whose trigger head is ``trigger``."""
    presupposed = False
    for depth, token in enumerate(_head_chain(trigger, sent)):
        if presupposed and not _is_reporting_verb(token, cues):
            continue  # the main clause's hedge or negation is about its own verb
        found = _cue_on(token, depth, cues)
        if found is not None:
            return _read_rejection(found, token, trigger)
        presupposed = presupposed or _is_past_time_clause(token) or _is_past_relative(token)
    return _sentence_level(trigger, sent, cues)


# "The Navy rejects the attack perpetrated this Friday against a unit": translated from
# Spanish or French ("rechaza", "rejette"), rejecting the event itself condemns it; one
# rejects a claim to deny it ("rejected claims that it shelled"; "denied the attack" stays a
# denial). Session 20.
_CONDEMNING_REJECTIONS = frozenset({"reject", "repudiate"})
_DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "repudiate"})


# Review of session 20: one rejects a ceasefire or a deal to refuse it, and "rejected the
# alleged attack ... as a fabrication" denies it. Only violence is condemned so.
_VIOLENT_NOUNS = ATTACK_NOUNS | frozenset({"strike", "killing", "aggression", "abduction",
                                           "kidnapping", "shooting", "murder"})  # fmt: skip
_DOUBTING = frozenset({"alleged", "purported", "so-called", "supposed", "claimed"})


def _condemned_violence(verb: Token, trigger: Token) -> bool:
    """Whether rejecting ``trigger`` condemns a violent act rather than denying it."""
    if trigger.lemma_.lower() not in _VIOLENT_NOUNS:
        return False
    if any(c.lower_ in _DOUBTING for c in trigger.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _read_rejection(found: Attribution, word: Token, trigger: Token) -> Attribution:
    """Correct a cue read on its own by the verb that rejects it (session 20): a rejection
    whose direct object is the trigger itself reports the event ("rejects the attack"), and a
    report that is rejected denies it ("the army rejected reports of an attack")."""
    rejects_event = (
        found.modality == "denied"
        and word.lemma_.lower() in _CONDEMNING_REJECTIONS
        and trigger.head.i == word.i
        and trigger.dep_ == "dobj"
        and _condemned_violence(word, trigger)
    )
    if rejects_event:
        return replace(found, modality="reported")
    verb = word.head
    rejected_report = (
        word.pos_ == "NOUN"
        and found.modality not in ("negated", "denied")
        and word.dep_ == "dobj"
        and verb.lemma_.lower() in _DENYING_VERBS
    )
    if rejected_report:
        return Attribution("denied", _claimant_of_verb(verb), TextSpan.of(verb))
    return found


# A past-tense "after/when/as ..." clause states its event as fact: in "dozens are feared dead
# after artillery hit the city" or "no one was hurt when militants attacked the convoy", the
# fear and the negation belong to the casualties, not to the shelling or the attack. Only a
# reporting verb above it still speaks for it ("..., medics said").
_TIME_MARKS = frozenset({"after", "when", "as", "since", "once", "following"})


def speaker(trigger: Token, sent: Span, cues: Cues) -> TextSpan | None:
    """Who makes the claim that tells the event at ``trigger``: the subject of the nearest
    reporting verb above it ("the army said the area was calm, but *JNIM* said it killed 20
    soldiers"; "the army said *Moscow* claimed its forces struck ..."), else the reporting
    clause beside it ("..., the ministry said"). Negators and modals on the way do not stop
    the walk, unlike :func:`analyse`: they tell the modality, not who speaks; nor does a
    claim noun with no speaker of its own ("denied Russian claims that it had shelled")."""
    for token in _head_chain(trigger, sent)[1:]:
        claimant = _claimant_of_verb(token) if _is_reporting_verb(token, cues) else None
        if claimant is not None:
            return claimant
    return _sentence_level(trigger, sent, cues).claimant


def _is_past_time_clause(token: Token) -> bool:
    if token.dep_ != "advcl":
        return False
    past = token.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were") for c in token.children
    )
    return past and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in token.children
    )


def _is_past_relative(token: Token) -> bool:
    """A past-tense relative clause on a definite or named head states its event as fact too
    (session 13): in "have no clues regarding the two citizens who were kidnapped by
    guerrillas", the "no" is about the clues, not the kidnapping. Present tense stays open
    ("will punish anyone who attacks"), and so does a clause on a quantified or indefinite head
    (review): "there were no civilians who were killed", "vowed to punish anyone who attacked",
    "whether any of the hostages who were abducted" presuppose no event."""
    past = token.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were") for c in token.children
    )
    return token.dep_ == "relcl" and past and _definite(token.head)


# "those" as a determiner ("those villagers") points at people the text has named, as
# "these" does; heading a clause ("those who") it quantifies (``_QUANTIFIERS``).
_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
_QUANTIFIERS = frozenset({"anyone", "anybody", "anything", "whoever", "whatever", "those",
                          "someone", "somebody", "any", "none", "no", "nobody", "each",
                          "every", "everyone", "all", "some"})  # fmt: skip


def _definite(head: Token) -> bool:
    """A named head, or one with a definite article or a possessor, and no quantifier over it
    ("any of the hostages")."""
    if head.lower_ in _QUANTIFIERS:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _QUANTIFIERS:
        return False
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    if any(c.lower_ in _QUANTIFIERS and c.lower_ not in _DEFINITE_DETS for c in dets):
        return False
    return head.pos_ == "PROPN" or any(c.dep_ == "poss" or c.lower_ in _DEFINITE_DETS for c in dets)


def _head_chain(trigger: Token, sent: Span) -> list[Token]:
    chain = [trigger]
    while chain[-1].head.i != chain[-1].i and sent.start <= chain[-1].head.i < sent.end:
        chain.append(chain[-1].head)
    return chain


def _cue_on(token: Token, depth: int, cues: Cues) -> Attribution | None:
    """The modality cue carried by one chain word, if any (see the module docstring)."""
    if depth > 0 and _is_reporting_verb(token, cues):
        if token.pos_ == "NOUN" and any(_is_negator(c, cues) for c in token.children):
            return Attribution("negated", cue=TextSpan.of(token))  # "no reports of arrests"
        # Negators and modals on a reporting verb belong to the report, not to the event.
        lemma = token.lemma_.lower()
        return Attribution(
            cues.reporting_verbs[lemma], _claimant_of_verb(token), TextSpan.of(token)
        )
    negator = _negator_of(token, depth, cues)
    if negator is not None:
        return Attribution("negated", cue=TextSpan.of(negator))
    condition = _condition_of(token, cues)
    if condition is not None:  # "if the talks fail, troops will storm the village"
        return Attribution("possible", cue=TextSpan.of(condition))
    for child in token.children:
        modality = _aux_modality(child, cues)
        if modality:
            return Attribution(modality, cue=TextSpan.of(child))
    lemma = token.lemma_.lower()
    if depth > 0 and lemma in cues.possible_verbs:
        return Attribution("possible", cue=TextSpan.of(token))
    if depth > 0 and lemma in cues.planned_verbs:
        return Attribution("planned", cue=TextSpan.of(token))
    return None


def _negator_of(token: Token, depth: int, cues: Cues) -> Token | None:
    """What negates the chain word: a negator on it ("did not strike", "no arrests"), the word
    itself as a governing "without" ("without any arrests"), or a verb's negated subject ("no
    one was killed", "nobody was hurt")."""
    negator = next((c for c in token.children if _is_negator(c, cues)), None)
    if negator is not None:
        return negator
    if depth > 0 and token.dep_ == "prep" and token.lower_ in cues.negation:
        return token
    if depth > 0 or token.pos_ not in ("VERB", "AUX"):
        return None  # a governing verb's negated subject negates that verb, not this trigger
    for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in _NEGATIVE_PRONOUNS:
            return subject
        if any(c.dep_ == "det" and _is_negator(c, cues) for c in subject.children):
            return subject  # "no one was killed", "no soldiers were wounded"
    return None


_NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "noone", "nothing"})


def _condition_of(token: Token, cues: Cues) -> Token | None:
    """An "if"/"unless" on the token's own clause or on an adverbial clause attached to it."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in cues.possible_marks:
            return child
        if child.dep_ == "advcl":
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in cues.possible_marks:
                return mark
    return None


def _aux_modality(token: Token, cues: Cues) -> str:
    if token.dep_ not in ("aux", "auxpass") and token.tag_ != "MD":
        return ""
    word = token.lower_
    if word in cues.possible_aux:
        return "possible"
    if word in cues.planned_aux:
        return "planned"
    return ""


def _is_negator(token: Token, cues: Cues) -> bool:
    return token.dep_ in _NEG_DEPS and token.lower_ in cues.negation


def _is_reporting_verb(token: Token, cues: Cues) -> bool:
    return token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in cues.reporting_verbs


def _claimant_of_verb(verb: Token) -> TextSpan | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.dep_ != "nsubjpass":
            return TextSpan.of(_subtree(child))
        if child.dep_ == "agent":  # "as reported by the observatory"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return TextSpan.of(_subtree(objects[0]))
    return None


def _according_to(token: Token) -> TextSpan | None:
    if token.lower_ != "according":
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or following.lower_ != "to":
        return None
    objects = [c for c in following.children if c.dep_ == "pobj"]
    return TextSpan.of(_subtree(objects[0])) if objects else None


def _subtree(token: Token) -> Span:
    """The token's subtree, cut before a relative or participle clause that runs on."""
    doc = token.doc
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct"):
            end = min(end, child.i)
            break
    span = doc[token.left_edge.i : max(end, token.i + 1)]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _sentence_level(trigger: Token, sent: Span, cues: Cues) -> Attribution:
    for token in sent:
        if token.lower_ in cues.hedges:
            claimant = _first_claimant(sent, cues)
            return Attribution(cues.hedges[token.lower_], claimant, TextSpan.of(token))
    for token in sent:
        according = _according_to(token)
        if according is not None:
            return Attribution("reported", according, TextSpan.of(token))
    subtree = {t.i for t in trigger.subtree}
    chain = {t.i for t in _head_chain(trigger, sent)}
    for token in sent:  # "..., the ministry said": a reporting clause beside the event clause
        beside = token.i not in subtree
        attached = token.head.i in chain and token.dep_ in ("advcl", "parataxis")  # "as reported"
        if _is_reporting_clause(token, cues) and (beside or attached):
            modality = cues.reporting_verbs[token.lemma_.lower()]
            return Attribution(modality, _claimant_of_verb(token), TextSpan.of(token))
    return Attribution()


def _is_reporting_clause(token: Token, cues: Cues) -> bool:
    """A reporting verb heading its own clause (a subject or a "by" agent), not "a suspected
    thief"."""
    if token.pos_ != "VERB" or not _is_reporting_verb(token, cues):
        return False
    return any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "agent" for c in token.children)


def _first_claimant(sent: Span, cues: Cues) -> TextSpan | None:
    spans = claimant_spans(sent, cues)
    return spans[0] if spans else None
