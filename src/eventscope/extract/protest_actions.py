"""Protests told without the word: a crowd blocks a road, goes on strike or walks out, to
demand something ("Hundreds of garment workers blocked a highway in Gazipur demanding unpaid
wages", "residents blocked the road to the airport to demand the release of ...", "nurses went
on strike over unpaid salaries"). ACLED codes these as protests (a labour strike with a
demand included); the lexicon rule ``protest-action`` (:mod:`eventscope.extract.code_rules`)
finds the words, and :func:`is_protest_action` checks the parse, so that "police blocked the
road", "the court blocked the bill", "a strike on Houthi positions" or "workers went on strike"
with no demand stay out:

* the action's subject is a crowd: a group ACLED names ("workers", "nurses", "students", see
  :mod:`eventscope.extract.crowds`), people ("residents", "villagers", "hundreds of people") or
  a nationality ("hundreds of Palestinians"); never an armed or militant one ("armed men",
  "jihadists", "masked youths");
* "block/barricade" takes a road as its object (road, highway, bridge, junction, railway, ...);
* a strike or walkout is by workers (a group noun of labour, "the union", "employees"), and
  the noun "strike" hangs from a labour verb ("went on / were on / staged / began / joined a
  strike"): "were killed in a strike" is an air strike's victims, and a strike called,
  announced, voted for, called off, postponed, averted or ended is no event (review of
  session 12);
* the action's clause holds the demand: "demanding ...", "to demand ...", "calling for ...",
  "to protest ...", "in protest", or "over/against ..." on the action itself; a demand for
  money from others ("demanding money from motorists", "that villagers pay a tax", ransom) is
  extortion, not a protest;
* a crowd that gathers ("thousands gathered in the square", :func:`is_rally`) needs explicit
  protest evidence: a demand, a chant with a political object ("chanting slogans against",
  "chanting 'Ruto must go'"), or "over/against" a grievance; "chanting the national anthem",
  "over news of the casualties", "against the advice of the authorities" are none;
* a bare crowd or quantity ("Crowds gathered", "Thousands gathered") counts as people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from eventscope.extract.code_rules import PROTEST_ACTION
from eventscope.extract.crowds import crowd_members, group_label
from eventscope.extract.lexicon import TriggerRule
from eventscope.extract.triggers import TriggerHit

_BLOCK_VERBS = frozenset({"block", "barricade", "blockade"})
_ROADS = frozenset(
    {"road", "roads", "highway", "highways", "motorway", "expressway", "street", "streets",
     "bridge", "bridges", "junction", "junctions", "intersection", "roundabout", "railway",
     "railways", "rail", "track", "tracks", "entrance", "entrances", "gate", "gates", "access",
     "traffic", "route", "routes", "avenue", "thoroughfare", "artery", "crossing", "square"}
)  # fmt: skip
# People who form a crowd without a named group ("residents", "hundreds of people").
_PEOPLE = frozenset(
    {"residents", "villagers", "people", "youths", "youth", "locals", "relatives", "families",
     "citizens", "protesters", "demonstrators", "activists", "supporters",
     "employees", "staff", "commuters", "motorists", "transporters", "truckers", "vendors",
     "hawkers", "inhabitants", "parents", "mothers", "survivors", "unionists", "union",
     "unions", "villages", "communities", "community", "crowd", "crowds", "women"}
)  # fmt: skip
# Armed or militant crowds make no protest: "armed men", "jihadists blocked the roads to
# Djibo" (a NORP plural otherwise counts as a crowd: "hundreds of Palestinians").
_ARMED_WORDS = frozenset(
    {"armed", "masked", "unknown", "unidentified", "suspected", "jihadist", "jihadists",
     "islamist", "islamists", "militant", "militants", "extremist", "extremists", "insurgent",
     "insurgents", "rebel", "rebels", "terrorist", "terrorists", "separatist", "separatists"}
)  # fmt: skip
# A demand on third parties for money is extortion, not a protest: "demanding money from
# motorists", "demanding that villagers pay a tax", "demanded ransom".
_EXTORTION = frozenset({"ransom", "bribe", "bribes", "extort", "extortion", "levy", "levies"})
_MONEY = frozenset({"money", "cash", "tax", "taxes", "toll", "tolls", "fee", "fees", "payment"})
# Verbs of a crowd that strikes or walks out: "went on strike", "staged a strike", "were on
# strike", "began a walkout". A strike hung from any other verb is no labour strike told as
# done: "were killed in a strike" (an air strike), "called / announced / called off /
# postponed / averted a strike" (a strike not, or not yet, held: no event, as before).
# Inflected forms are listed too: the lemmatiser reads "staged" as "stag".
_LABOUR_VERBS = frozenset(
    {"go", "went", "gone", "going", "stage", "staged", "staging", "hold", "held", "holding",
     "begin", "began", "begun", "beginning", "launch", "launched", "launching", "continue",
     "continued", "continuing", "join", "joined", "joining", "be", "is", "are", "was", "were",
     "start", "started", "starting", "mount", "mounted", "extend", "extended", "remain",
     "remained", "stay", "stayed"}
)  # fmt: skip
# Who strikes: a labour group; "the union" and "employees" as well as "nurses", "workers".
_LABOUR = frozenset(
    {"workers", "employees", "staff", "doctors", "nurses", "teachers", "lecturers", "drivers",
     "miners", "dockers", "dockworkers", "medics", "unionists", "union", "unions",
     "pilots", "traders", "transporters", "truckers", "judges", "lawyers", "journalists",
     "pensioners", "farmers", "shopkeepers", "merchants", "workforce", "labourers", "laborers"}
)  # fmt: skip
_DEMAND_LEMMAS = frozenset({"demand", "protest", "denounce", "condemn", "oppose", "decry",
                            "reject", "press", "seek", "urge"})  # fmt: skip
_CAUSE_PREPS = frozenset({"over", "against"})
_UP = ("conj", "advcl", "xcomp")  # "boycotted courts and marched", "rallied ..., blocking"


def is_protest_action(rule_id: str, head: Token) -> bool:
    """False for a ``protest-action`` hit whose parse does not hold a crowd's protest action
    (see the module docstring); True for every other rule."""
    if rule_id != PROTEST_ACTION:
        return True
    verb = _action_verb(head)
    if verb is None:
        return False
    nouns = _crowd_nouns(verb)
    if head.lemma_.lower() in _BLOCK_VERBS and head.pos_ == "VERB":
        crowd = any(_people(n) for n in nouns) and not any(_armed(n) for n in nouns)
        action = _blocks_a_road(head)
    elif head.lemma_.lower() in _GATHER_VERBS:  # a crowd gathers, chanting or demanding
        crowd = any(_people(n) for n in nouns) and not any(_armed(n) for n in nouns)
        return crowd and is_rally(head)
    else:  # a strike or a walkout: by workers
        crowd = any(_labour(n) for n in nouns)
        action = True
    return crowd and action and _demands(verb, head)


# Nouns that count a crowd by its size (session 14, second review): "Thousands gathered in
# Tahrir Square chanting slogans", "Crowds gathered in Khartoum". With an "of" object
# ("hundreds of doctors") the object names the crowd (crowds.py); alone they name people.
_QUANTITIES = frozenset(
    {"crowd", "crowds", "thousands", "hundreds", "dozens", "scores", "tens", "millions",
     "throngs", "throng", "masses", "multitude", "multitudes"}
)  # fmt: skip


def _crowd_nouns(verb: Token) -> list[Token]:
    """The nouns naming the action's crowd: those of :func:`crowd_members`, or, when it finds
    none, a bare quantity subject ("Thousands gathered", "a crowd assembled"): crowds.py reads
    a quantity only through its "of" object ("hundreds of doctors")."""
    nouns = crowd_members(verb)
    if nouns:
        return nouns
    node = verb
    while node.dep_ in _UP and node.head.i != node.i:  # "gathered ... and chanted"
        node = node.head
    subjects = [c for n in (verb, node) for c in n.children if c.dep_ == "nsubj"]
    return [s for s in subjects if s.lower_ in _QUANTITIES]


def _action_verb(head: Token) -> Token | None:
    """The verb whose subject acts: the trigger verb, or the verb of "went *on strike*",
    "staged a *strike*", "began a *walkout*"."""
    if head.pos_ == "VERB":
        return head
    node = head
    if node.dep_ == "pobj" and node.head.dep_ == "prep":  # "on strike"
        node = node.head
    parent = node.head
    labour = parent.lemma_.lower() in _LABOUR_VERBS or parent.lower_ in _LABOUR_VERBS
    if labour and node.dep_ in ("prep", "dobj", "attr") and parent.pos_ in ("VERB", "AUX"):
        return parent
    return None


def in_action(head: Token, token: Token) -> bool:
    """Whether ``token`` lies inside the protest action at ``head`` (the action verb's subtree):
    "blocked the road to demand the release of *detained* activists", "blocked a highway ...,
    and police *arrested* 20 of them" (arrests at the protest: a protest with intervention),
    not "police *arrested* five suspects, and workers blocked a highway" (another clause)."""
    verb = _action_verb(head) or head
    return verb.left_edge.i <= token.i <= verb.right_edge.i and token.i != verb.i


def action_scene(rule_id: str, sent: Span, head: Token) -> Span:
    """Where a protest action's intervention may be told: the action's own clause with the
    clauses under it ("blocked a bridge demanding water, and police fired tear gas"), not a
    clause it hangs from ("police *arrested* five suspects, and workers blocked a highway":
    no intervention at the blockade). An action inside a relative or complement clause
    ("police fired tear gas at residents who blocked ...") keeps the whole sentence."""
    if rule_id != PROTEST_ACTION:
        return sent
    verb = _action_verb(head) or head
    return sent.doc[verb.left_edge.i : verb.right_edge.i + 1] if _main_clause(verb) else sent


# "blocked the road after soldiers shot two youths": a clause that tells the time or cause of
# the action. "as" stays in the scene: "blocked the road as police fired tear gas" is told at
# the action (an intervention).
_ASIDE_MARKS = frozenset(
    {"after", "before", "since", "because", "following", "until", "once", "ahead"}
)  # fmt: skip
_OBJECT_PREPS = frozenset({"at", "over", "against", "of", "for", "about"})
_PHRASE_DEPS = frozenset({"advcl", "acl", "xcomp", "ccomp", "prep", "relcl", "npadvmod"})


def action_asides(rule_id: str, head: Token) -> frozenset[int]:
    """Token indices inside a protest action's clause that tell what it is about, not what
    happened at it (second review of session 12): the demand ("demanding the release of
    detained activists", "in protest at the attack by gunmen", "over ...") and a clause of time
    or cause ("after soldiers shot dead two youths"). Refinements (intervention, force) and
    actor2 never read them."""
    if rule_id != PROTEST_ACTION:
        return frozenset()
    verb = _action_verb(head) or head
    dropped: set[int] = set()
    for token in verb.subtree:
        phrase = _aside_phrase(token, verb)
        if phrase is None:
            continue
        dropped.update(t.i for t in phrase.subtree)
        # "in protest | at the attack by gunmen": the parser hangs the object on the verb
        after = [c for c in verb.children if c.i == phrase.right_edge.i + 1 and c.dep_ == "prep"]
        dropped.update(t.i for c in after if c.lower_ in _OBJECT_PREPS for t in c.subtree)
    return frozenset(dropped - {verb.i, head.i})


def _aside_phrase(token: Token, verb: Token) -> Token | None:
    """The phrase that ``token`` opens as a demand, a cause or a time clause, else None."""
    lemma = token.lemma_.lower()
    if token.i == verb.i:
        return None
    if token.dep_ == "prep" and token.lower_ in _CAUSE_PREPS and not _time(token):
        return token
    marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod", "prep")}
    if token.dep_ == "advcl" and marks & _ASIDE_MARKS:
        return token
    demand = lemma in _DEMAND_LEMMAS and token.pos_ in ("VERB", "NOUN")
    calls = lemma == "call" and any(c.lower_ == "for" for c in token.children)
    if not (demand or calls) or token.dep_ in ("nsubj", "nsubjpass"):
        return None
    node = token
    while node.dep_ not in _PHRASE_DEPS and node.head.i not in (node.i, verb.i):
        node = node.head
    return node if node.i != verb.i else None


def _main_clause(verb: Token) -> bool:
    """The action is told in a main clause, or one beside it ("..., and workers blocked"),
    not inside a relative or complement clause."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ not in ("conj", "advcl", "xcomp"):
            return False
        node = node.head
    return True


def _blocks_a_road(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(_word(n) in _ROADS for o in objects for n in (o, *o.conjuncts))


def _action_top(verb: Token) -> Token | None:
    """The top of the action's own clause (through ``_UP`` links), or None when the clause
    tells an extortion ("demanding money from drivers")."""
    top = verb
    while top.dep_ in _UP and top.head.i != top.i:
        top = top.head
    return None if _extorts(top) else top


def _demands(verb: Token, head: Token) -> bool:
    """A demand in the action's own clause: a demanding / protesting clause, a call for
    something, "in protest", or an "over/against" phrase on the action."""
    top = _action_top(verb)
    if top is None:
        return False
    for token in top.subtree:
        lemma = token.lemma_.lower()
        # "as demand for coal fell": a demand noun that is a subject tells no crowd's demand
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if lemma in _DEMAND_LEMMAS and token.pos_ in ("VERB", "NOUN") and not subject:
            return True
        if lemma == "call" and any(c.lower_ == "for" for c in token.children):
            return True
        if _chants(token) and not subject:
            return True
    preps = [c for t in (verb, head) for c in t.children if c.dep_ == "prep"]
    return any(p.lower_ in _CAUSE_PREPS and not _time(p) for p in preps)


def _chants(token: Token) -> bool:
    """ "chanting slogans against the government", "chanted 'Down with ...'", "shouting
    slogans": a crowd's chant is a demand told aloud."""
    lemma = token.lemma_.lower()
    if lemma in ("chant", "chants") or token.lower_ in ("chanting", "chanted"):
        return token.pos_ in ("VERB", "NOUN")
    return lemma == "slogan" and token.dep_ == "dobj"


# A crowd that gathers (session 14): "thousands gathered in the square, chanting slogans
# against the government and demanding ...". Gathering is a protest only with a chant or a
# demand in its own clause and none of the words of a gathering that is no protest.
_GATHER_VERBS = frozenset({"gather", "assemble", "converge"})
_NOT_A_RALLY = frozenset(
    {"funeral", "funerals", "burial", "bury", "mourn", "mourner", "mourners", "prayer",
     "prayers", "pray", "worship", "celebrate", "celebration", "celebrations", "festival",
     "wedding", "ceremony", "meeting", "conference", "summit", "concert", "match", "game",
     "anniversary", "commemorate", "commemoration", "eid", "christmas", "easter", "feast",
     "pilgrimage", "welcome", "greet", "cheer", "distribution"}
)  # fmt: skip


def is_rally(verb: Token) -> bool:
    """Whether an intransitive "gathered" (not "gathered evidence") tells a demonstration: a
    demand, a political chant or a grievance in its clause (:func:`_rally_demand`), and no
    funeral, prayer, celebration, meeting or welcome words ("gathered for the funeral,
    chanting ...", "gathered at the airport to welcome the president, chanting his name")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    # A verbless parse ("Crowds of students assembled ..., chanting") hangs the verb and the
    # chant side by side under the crowd noun: the clause is then the noun's.
    verbless = verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN"
    clause = verb.head if verbless else verb
    words = {t.lemma_.lower() for t in clause.subtree} | {t.lower_ for t in clause.subtree}
    return not words & _NOT_A_RALLY and _rally_demand(clause, verb)


# People gather for many reasons (a school assembly, news at a hospital, an aid delivery, to
# hear a speech), so a gathering needs explicit protest evidence (second review of session
# 14), stricter than a road block or a strike: a demand word (not "seeking" food or
# "pressing" on), a chant with a political object, or "over/against" a grievance.
_RALLY_DEMANDS = _DEMAND_LEMMAS - {"seek", "press"}
_CHANT_LEMMAS = frozenset({"chant", "chants", "shout"})
_CHANT_FORMS = frozenset({"chanting", "chanted", "chants", "shouting", "shouted"})
# "over/against" + these: a grievance ("over the killing of a student", "against military
# rule"); not a thing, a person or news ("over the bodies", "over news of the casualties",
# "against the advice of the authorities").
_GRIEVANCES = frozenset(
    {"killing", "killings", "murder", "murders", "death", "deaths", "arrest", "arrests",
     "detention", "detentions", "abduction", "abductions", "kidnapping", "kidnappings",
     "disappearance", "eviction", "evictions", "demolition", "demolitions", "shortage",
     "shortages", "hike", "hikes", "cut", "cuts", "ban", "law", "laws", "bill", "policy",
     "policies", "decision", "rule", "government", "regime", "junta", "corruption",
     "insecurity", "crackdown", "ruling", "verdict", "fraud", "rigging", "tax", "taxes",
     "wage", "wages", "salary", "salaries", "pension", "pensions", "blackout", "blackouts",
     "outage", "outages", "closure", "removal", "dismissal", "sacking", "suspension",
     "neglect", "inaction", "impunity", "brutality", "occupation", "war", "deployment",
     "price", "prices", "unemployment", "injustice", "discrimination", "harassment"}
)  # fmt: skip


def _rally_demand(clause: Token, verb: Token) -> bool:
    """Protest evidence in a gathering's clause: a demand ("demanding water", "calling for"),
    a political chant (:func:`_political_chant`) or "over/against" a grievance on the verb."""
    top = _action_top(clause)
    if top is None:
        return False
    for token in top.subtree:
        if token.dep_ in ("nsubj", "nsubjpass"):  # "as demand for coal fell"
            continue
        lemma = token.lemma_.lower()
        if lemma in _RALLY_DEMANDS and token.pos_ in ("VERB", "NOUN"):
            return True
        if lemma == "call" and any(c.lower_ == "for" for c in token.children):
            return True
        if _political_chant(token):
            return True
    preps = [c for t in (clause, verb) for c in t.children if c.dep_ == "prep"]
    return any(p.lower_ in _CAUSE_PREPS and _grievance(p) for p in preps)


def _political_chant(token: Token) -> bool:
    """ "shouting / chanting slogans", "chanting against the junta", "chanting for the release
    of ...", "chanting 'Ruto must go'", "chants of 'death to ...'"; not "chanting the national
    anthem" or "chanting as trucks arrived" (a chant with no political object)."""
    if token.lemma_.lower() == "slogan" and token.dep_ == "dobj":
        return True
    chant = token.lemma_.lower() in _CHANT_LEMMAS or token.lower_ in _CHANT_FORMS
    if not chant or token.pos_ not in ("VERB", "NOUN"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "for") and not _time(c)
           for c in token.children):  # fmt: skip
        return True
    pairs = set(pairwise(t.lower_ for t in token.subtree))
    if pairs & {("death", "to"), ("down", "with")}:
        return True
    # a quoted chant only with a political marker inside it ("'Ruto must go'", "'No to war'"):
    # "chanting 'God is great' as troops entered the city" is a celebration (second review)
    quote = _quoted_words(token)
    if not quote:
        return False
    words = set(quote)
    marked = not _POLITICAL.isdisjoint(words) or ("no", "to") in set(pairwise(quote))
    return marked or _NOT_POLITICAL.isdisjoint(words)


# Words that make a chant political whatever else it says, with "no to ..." ("Allahu Akbar,
# no to military rule"); not bare negators: "there is no god but God" (review).
_POLITICAL = frozenset({"down", "must", "freedom", "justice", "revolution", "release",
                        "resign", "dictator", "regime", "junta"})  # fmt: skip


# Chants of faith, sport or celebration (review: "God is great" as troops entered a city,
# "We want the cup"); any other quoted chant is taken as political.
_NOT_POLITICAL = frozenset({"god", "allah", "akbar", "allahu", "hallelujah", "amen", "cup",
                            "goal", "champions", "champion", "happy", "birthday", "welcome",
                            "congratulations", "bravo", "olé", "ole"})  # fmt: skip


def _quoted_words(token: Token) -> list[str]:
    """The lower-case words of a quotation right after the chant word, if any."""
    doc, i = token.doc, token.i + 1
    if i >= len(doc) or not (doc[i].is_quote or doc[i].lower_ == ":"):
        return []
    words = []
    for t in doc[i + 1 : min(len(doc), i + 16)]:
        if t.is_quote:
            break
        words.append(t.lower_)
    return words


def _grievance(prep: Token) -> bool:
    """An "over/against" phrase whose object is a grievance (see ``_GRIEVANCES``)."""
    objects = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return any(o.lemma_.lower() in _GRIEVANCES or o.lower_ in _GRIEVANCES for o in objects)


def _extorts(top: Token) -> bool:
    """A demand for money from others: ransom, a levy, "money from motorists", "that villagers
    pay a tax" (a demand to be paid, not a grievance over fees)."""
    words = list(top.subtree)
    if any(t.lemma_.lower() in _EXTORTION or t.lower_ in _EXTORTION for t in words):
        return True
    for t in words:
        near = [*t.children, *t.head.children]
        if t.lower_ in _MONEY and any(c.lower_ == "from" and c.dep_ == "prep" for c in near):
            return True
        if t.lower_ in _MONEY and t.head.lemma_.lower() == "pay" and t.dep_ == "dobj":
            return any(c.dep_ == "nsubj" for c in t.head.children)
    return False


def _time(prep: Token) -> bool:
    """ "over the weekend", "over two days": a time, not a cause."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _TIMES for o in objects)


_TIMES = frozenset({"weekend", "night", "day", "week", "month", "year", "period", "hour"})


def _word(token: Token) -> str:
    return token.lower_


def _people(noun: Token) -> bool:
    """A crowd that may block a road: people ("residents"), a named group ("students",
    "drivers"), a labour group, or a nationality ("hundreds of Palestinians")."""
    if _word(noun) in _PEOPLE or _word(noun) in _QUANTITIES:
        return True
    return bool(group_label(noun)) or _labour(noun) or _nation(noun)


def _nation(noun: Token) -> bool:
    return noun.ent_type_ == "NORP" and noun.pos_ in ("PROPN", "NOUN") and noun.lower_.endswith("s")


def _armed(noun: Token) -> bool:
    """ "armed men", "masked youths", "jihadists": an armed or militant crowd."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))]
    return any(w.lower_ in _ARMED_WORDS or w.lemma_.lower() in _ARMED_WORDS for w in words)


def _labour(noun: Token) -> bool:
    """A labour group; "members" only of a union ("union members", not "members of parliament
    walked out")."""
    if noun.lower_ == "members":
        return any(c.dep_ == "compound" and c.lower_ == "union" for c in noun.children)
    return noun.lower_ in _LABOUR


_STRIKE_RULE = "strike-contextual"


def as_labour_strike(rules: Sequence[TriggerRule], hit: TriggerHit) -> TriggerHit:
    """ "Doctors began a strike over unpaid allowances": the strike rule of data/triggers.json
    wins the word "strike" (higher priority) wherever no labour word ("on strike", "wages")
    vetoes it, and then finds no means and no event. A strike that passes the protest action
    check (workers, a demand) is read by the protest action rule instead."""
    if hit.rule.rule_id != _STRIKE_RULE or hit.head.lemma_.lower() != "strike":
        return hit
    if not is_protest_action(PROTEST_ACTION, hit.head):
        return hit
    rule = next((r for r in rules if r.rule_id == PROTEST_ACTION), None)
    return hit if rule is None else replace(hit, rule=rule)
