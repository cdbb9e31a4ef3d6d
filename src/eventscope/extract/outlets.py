"""Listeners and outlets of a statement, which are no place or party of the event (session 15).

:func:`eventscope.extract.attribution.claimant_spans` finds who speaks (the subject of a
reporting verb, the object of "according to"); the sentence may also name who was told or who
holds the document: "according to a gendarmerie report *seen by Mandara Echo*", "an official
told *Radio Okapi*", "said in a statement to *Kivu Morning Post*", "in an interview with
*Radio Maendeleo*". Their names are outlets or listeners ("Mandara Echo" became a bombing's
place), so :mod:`eventscope.extract.mentions` blocks them like the speakers' own phrases.
"seen by residents" outside a document ("the convoy was seen by residents near Beni") and
"told" with no listener keep their places.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.extract.attribution import TextSpan
from eventscope.extract.scope import objects_of

# Documents that an outlet may have seen or obtained: "a report seen by X".
_DOCUMENT_NOUNS = frozenset({"report", "document", "memo", "letter", "note", "copy", "cable",
                             "footage", "video", "dossier", "communique", "communiqué",
                             "assessment", "briefing", "message", "recording", "file", "list",
                             "statement", "notice", "circular", "email"})  # fmt: skip
# Participles by which an outlet holds a document: "seen by", "obtained by", "quoted by".
_HELD_VERBS = frozenset({"see", "obtain", "review", "quote", "cite", "publish", "air",
                         "broadcast", "consult", "verify", "share", "leak"})  # fmt: skip
# Statements addressed to someone: "said in a statement to X", "in an interview with X".
_ADDRESSED = {"statement": "to", "interview": "with", "remarks": "to", "comments": "to",
              "message": "to", "letter": "to"}  # fmt: skip


def outlet_spans(sent: Span) -> list[TextSpan]:
    """The listeners and outlets named in ``sent`` (see the module docstring)."""
    spans = []
    for token in sent:
        for listener in _listeners(token):
            spans.append(TextSpan.of(_phrase(listener)))
    return spans


def _listeners(token: Token) -> list[Token]:
    lemma = token.lemma_.lower()
    if lemma == "tell" and token.pos_ == "VERB" and not _orders(token):
        # "an official told Radio Okapi that ...", not "told traders to close their shops"
        return [c for c in token.children if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON"]
    if lemma in _HELD_VERBS and token.dep_ == "acl" and token.head.lower_ in _DOCUMENT_NOUNS:
        return [o for a in token.children if a.dep_ == "agent" for o in objects_of(a)]
    wanted = _ADDRESSED.get(token.lower_)
    if wanted is not None and token.pos_ == "NOUN":
        return [o for p in token.children if p.lower_ == wanted for o in objects_of(p)]
    return []


def _orders(tell: Token) -> bool:
    """ "told traders to close their shops": an order (an infinitive complement) to people
    who are often the event's victims, not a statement to a listener (review of session 15)."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" for c in tell.children)


def _phrase(token: Token) -> Span:
    """The listener's noun phrase, cut before a relative or participle clause ("Mandara Echo,
    which attributes the bombing to X": the bombing's words are no outlet's)."""
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "ccomp"):
            end = min(end, child.i)
            break
    return token.doc[token.left_edge.i : max(end, token.i + 1)]
