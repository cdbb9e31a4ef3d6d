"""Who a crowd is: the group that protests ("hundreds of nurses protested", "thousands of
farmers rallied"), as the associated actor of a protest or riot (ACLED codes "Protesters
(Kenya)" with "Health Workers (Kenya)", "Lawyers (Pakistan)", ...). Linking reads it: two
crowds of different groups in one city on one day are two protests, not one told twice.

The group is read from the trigger's subject, never from words nearby: "police said students
were not involved, but thousands of people protested" names no group, and in "relatives of
workers killed in the mine" or "mothers of detained students" the group word only says whose
relatives the crowd are (review of session 11).
"""

from __future__ import annotations

from spacy.tokens import Token

_CROWD_TYPES = frozenset({"Protests", "Riots"})
# Group words (plural, as crowds are named) -> the group's label. Vague crowds ("people",
# "residents", "supporters") name no group.
_GROUPS = {
    "lawyers": "Lawyers", "advocates": "Lawyers", "judges": "Judges",
    "nurses": "Health Workers", "doctors": "Health Workers", "health workers": "Health Workers",
    "medics": "Health Workers", "teachers": "Teachers", "students": "Students",
    "farmers": "Farmers", "herders": "Pastoralists", "traders": "Traders",
    "merchants": "Traders", "shopkeepers": "Traders", "workers": "Labour Group",
    "miners": "Labour Group", "drivers": "Transport Workers", "journalists": "Journalists",
    "pensioners": "Pensioners", "retirees": "Pensioners", "veterans": "Veterans",
    "women": "Women", "fishermen": "Fishers",
}  # fmt: skip
# Heads that count a crowd whose members the "of" object names: "hundreds of doctors".
_QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions",
                             "hundred", "thousand", "crowd", "crowds", "group", "groups",
                             "number", "dozen", "score"})  # fmt: skip
_SUBJECTS = ("nsubj", "nsubjpass")
_UP = ("conj", "dobj", "xcomp", "advcl")  # "boycotted courts and marched"; "staged a protest"
# "went on strike", "were on strike": the one prepositional shape whose verb's subject is the
# crowd. Any other "pobj"/"prep" climb reaches bystanders ("doctors criticised the response
# to a protest by farmers", "journalists reported on a rally"), so none is taken (session 12).
_ON_STRIKE = frozenset({"strike", "strikes", "walkout", "walkouts"})


def crowd_group(event_type: str, trigger: Token) -> str:
    """The group label of a protest's crowd, "" when none is named, when the crowd lists two
    groups ("doctors and teachers"), or for other events."""
    if event_type not in _CROWD_TYPES:
        return ""
    subject = _subject(trigger)
    if subject is None:
        return ""
    labels = {label for noun in _members(subject) if (label := _label(noun))}
    return labels.pop() if len(labels) == 1 else ""


def crowd_members(trigger: Token) -> list[Token]:
    """The nouns naming the crowd of a protest action (see :func:`_members`), [] when the
    trigger has no subject."""
    subject = _subject(trigger)
    return _members(subject) if subject is not None else []


def _subject(trigger: Token) -> Token | None:
    """The subject of the trigger, or of the verb it continues or is the object of."""
    agent = _by_agent(trigger)
    if agent is not None:  # "a rally by teachers"
        return agent
    node = trigger
    if node.lower_ in _ON_STRIKE and node.dep_ == "pobj" and node.head.lower_ == "on":
        node = node.head.head  # "went on strike"
    for _ in range(4):
        found = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if found is not None:
            return found
        if node.dep_ not in _UP or node.head.i == node.i:
            break
        node = node.head
    return _noun_root(trigger)


def _by_agent(trigger: Token) -> Token | None:
    """The "by" object of a noun trigger: "a protest by farmers" names the crowd."""
    if trigger.pos_ != "NOUN":
        return None
    by = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


def _noun_root(trigger: Token) -> Token | None:
    """A verbless parse of "Garment workers demanding wages protested in Dhaka" makes the
    crowd the root and hangs the trigger under it: the root noun before it is the subject."""
    root = next((a for a in trigger.ancestors if a.dep_ == "ROOT"), None)
    return root if root is not None and root.pos_ == "NOUN" and root.i < trigger.i else None


def _members(subject: Token) -> list[Token]:
    """The nouns naming the crowd: the subject, or the "of" object of a quantity ("hundreds
    of doctors"), with the nouns listed beside it ("doctors and teachers")."""
    heads = [subject]
    if subject.lower_ in _QUANTITY_HEADS or subject.pos_ == "NUM":
        heads = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return [n for h in heads for n in (h, *h.conjuncts)]


def group_label(noun: Token) -> str:
    """The group label of one crowd noun ("garment workers" -> "Labour Group"), "" if none."""
    return _label(noun)


def _label(noun: Token) -> str:
    compounds = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound")
    return _GROUPS.get(f"{compounds} {noun.lower_}".strip(), "") or _GROUPS.get(noun.lower_, "")
