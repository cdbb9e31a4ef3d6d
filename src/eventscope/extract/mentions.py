"""Assemble :class:`~eventscope.models.Mention` records from a parsed article.

Per sentence that passes the trigger gate: trigger hits -> actors and roles -> sub-event type
(refined by victim and agent) -> modality -> one mention per (event type, modality) in the
sentence, the highest-priority trigger speaking for the group. Sentence facts (counts, weapons,
places) are shared by the sentence's mentions; the date comes from :func:`dates.choose_date`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span

from eventscope.extract import coding, scope
from eventscope.extract.actor_phrases import describes_actor
from eventscope.extract.actors import ActorHit
from eventscope.extract.after_dates import after_offset, shift_after
from eventscope.extract.arguments import code_arguments
from eventscope.extract.attribution import (
    Attribution,
    analyse,
    claimant_spans,
    describes_speaker,
    not_the_event,
    outside_told_versions,
    speaker,
)
from eventscope.extract.claimants import cut_off_parts, spoken_by
from eventscope.extract.clauses import absorb_participles, independent_weak_hits
from eventscope.extract.context import ArticleFacts, Resources
from eventscope.extract.coref_args import antecedent_actor
from eventscope.extract.count_shares import casualties_not_agents, split_counts
from eventscope.extract.crowds import crowd_group
from eventscope.extract.date_scope import compared, dates_in_scope
from eventscope.extract.dates import (
    DatePhrase,
    choose_date,
    is_background,
)
from eventscope.extract.fields import (
    actor_fields,
    breakdown_fields,
    count_fields,
    date_fields,
    field_evidence,
    with_confidence,
)
from eventscope.extract.habitual import is_habitual, retold
from eventscope.extract.outlets import outlet_spans
from eventscope.extract.place_shapes import dateline_here
from eventscope.extract.places import PlaceOptions, fallback_places, find_places
from eventscope.extract.quantities import Count, find_counts
from eventscope.extract.readings import Parties, Where, demanded_arrest, rule_reading
from eventscope.extract.reprisals import is_motive, other_motives
from eventscope.extract.roles import attacked_actor1, code_roles, settle_agents
from eventscope.extract.segment import text_context
from eventscope.extract.sentences import Paragraphs, split_sentences
from eventscope.extract.triggers import SentenceContext, TriggerHit
from eventscope.extract.weapon_owner import weapon_owner
from eventscope.extract.weapons import WeaponHit
from eventscope.models import Article, Evidence, Mention, PlaceMention

log = logging.getLogger(__name__)

_STRONG_MODALITIES = frozenset({"negated", "denied", "possible", "planned"})
_MILITARY_WORDS = ("forces", "troops", "army", "military", "jets", "warplanes", "aircraft",
                   "bombers", "drones", "helicopters", "planes", "navy")  # fmt: skip


@dataclass(frozen=True, eq=False)
class _DocContext:
    article: Article
    doc: Doc
    res: Resources
    published: date | None
    dates: list[DatePhrase]
    paragraphs: Paragraphs
    actors: list[ActorHit]


@dataclass(eq=False)
class _Candidate:
    hit: TriggerHit
    sub_event_type: str
    event_type: str
    roles: coding.CodedActors
    attribution: Attribution
    modality: str
    date: DatePhrase | None
    after_only: bool = False  # historical only for sitting inside "<distance> after ..."


@dataclass(frozen=True, eq=False)
class _SentenceFacts:
    """What the sentence says, whichever of its events it belongs to."""

    counts: list[Count]
    weapons: list[WeaponHit]
    places: list[PlaceMention]
    spare: tuple[TriggerHit, ...] = ()  # weak triggers beside a strong one: same event's words


def extract_from_doc(
    article: Article, doc: Doc, res: Resources, facts: ArticleFacts | None = None
) -> list[Mention]:
    """All mentions in ``doc``, in text order. ``doc`` is the whole article or, as
    :mod:`gated` builds it, one sentence padded so that its character offsets are the
    article's; ``facts`` are shared by all docs of one article (computed when None)."""
    facts = facts or ArticleFacts.of(article, res)
    actors = res.actors.find(doc)
    if any(a.kind and a.generic for a in actors):  # unnamed forces: look further back
        first = next((t.idx for t in doc if not t.is_space), 0)
        actors = res.actors.find(doc, facts.forces_before(first))
    ctx = _DocContext(
        article=article,
        doc=doc,
        res=res,
        published=facts.published,
        dates=facts.dates,
        paragraphs=facts.paragraphs,
        actors=actors,
    )
    mentions: list[Mention] = []
    for sent in split_sentences(doc):
        if res.triggers.gate(sent):
            mentions.extend(_sentence_mentions(ctx, sent))
    return mentions


def _sentence_mentions(ctx: _DocContext, sent: Span) -> list[Mention]:
    sctx = SentenceContext.of(sent)
    hits = ctx.res.triggers.find(sent, sctx)
    if not hits:
        return []
    speakers = claimant_spans(sent, ctx.res.lexicon.cues) + outlet_spans(sent)  # session 15
    claimants = not_the_event(speakers, [h.head for h in hits])
    freed = cut_off_parts(speakers, claimants)  # their places are references only
    hits = outside_told_versions([h for h in hits if not describes_speaker(h.head, claimants)])
    if not hits:
        return []
    blocked = [(c.start, c.end) for c in claimants]
    in_sentence = [a for a in ctx.actors if sent.start <= a.token_start and a.token_end <= sent.end]
    actors = [a for a in in_sentence if not _inside(a, blocked)]
    claiming = [a for a in in_sentence if _inside(a, blocked)]
    unspoken = SentenceContext.of(sent, blocked) if blocked else sctx  # no speaker: the same
    where = (sent, sctx, _paragraph_context(ctx, sent), unspoken)
    candidates = _sentence_candidates(ctx, where, hits, (actors, claiming))
    if not candidates:
        return []
    facts = _facts(ctx, sent, sctx, (blocked, [(a.start, a.end) for a in actors], freed))
    groups = list(_groups(absorb_participles(candidates)))
    if len(groups) == 1 and not candidates[0].hit.rule.weak:  # "fighting raged when X attacked"
        facts = replace(facts, spare=tuple(h for h in hits if h.rule.weak))
    shares = split_counts(ctx.doc, [[c.hit.head for c in g] for g in groups], facts.counts)
    return [
        _mention(ctx, sent, group, replace(facts, counts=counts))
        for group, counts in zip(groups, shares, strict=True)
    ]


def _sentence_candidates(
    ctx: _DocContext, where: Where, hits: list[TriggerHit], parties: Parties
) -> list[_Candidate]:
    """The sentence's triggers coded, in order. Weak triggers ("killed", "attack") only count
    when no strong trigger yields an event; a background event alone ("a year after the
    massacre ..., gunmen attacked") lets them count."""
    candidates: list[_Candidate] = []
    for weak in (False, True):
        chosen = [h for h in hits if h.rule.weak is weak]
        candidates += [c for h in chosen if (c := _candidate(ctx, where, h, parties))]
        if not all(_after_background(c) for c in candidates):
            break
    if candidates and not candidates[0].hit.rule.weak:  # "..., while gunmen killed 5"
        # Only another kind of event: one of the same type is the same event told twice
        # ("fighting raged when militants attacked"), which the strong trigger already codes.
        types = {c.event_type for c in candidates}
        for h in independent_weak_hits(hits, candidates):
            extra = _candidate(ctx, where, h, parties)
            candidates += [extra] if extra and extra.event_type not in types else []
    candidates = _dated_by_weak(ctx, where, hits, parties, _news_after(candidates))
    heads = [c.hit for c in candidates]
    return [c for c in candidates if not demanded_arrest(c.sub_event_type, c.hit.head, heads)]


def _dated_by_weak(
    ctx: _DocContext,
    where: Where,
    hits: list[TriggerHit],
    parties: Parties,
    candidates: list[_Candidate],
) -> list[_Candidate]:
    """An undated event takes the date of a weak trigger of its type and modality in its
    sentence (session 14): "Survivors of the massacre in Solino say gunmen killed 12 people
    there on Saturday" dates the massacre by the killing's clause."""
    if all(c.date is not None for c in candidates):
        return candidates
    weak = [c for h in hits if h.rule.weak and (c := _candidate(ctx, where, h, parties))]
    out = []
    for c in candidates:
        told = [w for w in weak if w.date is not None and retold(c.hit.head, w.hit.head)]
        same = [w for w in told if (w.event_type, w.modality) == (c.event_type, c.modality)]
        out.append(replace(c, date=same[0].date) if c.date is None and same else c)
    return out


def _after_background(cand: _Candidate) -> bool:
    """Background inside "<distance> after ..." or a motive ("in revenge for Monday's drone
    strike"): it leaves the sentence's news to the rest."""
    if cand.modality != "historical":
        return False
    return bool((a := after_offset(cand.hit.head)) and a[0]) or is_motive(cand.hit.head)


def _news_after(candidates: list[_Candidate]) -> list[_Candidate]:
    """An event "<distance> after" another is background beside the sentence's own news
    ("rallied on Sunday, a day after a drone killed nine"); when it is the only event told
    ("the toll rose to 12 on Monday, a day after militants stormed a base") it is the news,
    on its shifted date, unless that date is background by the usual rule."""
    if any(not c.after_only and c.modality != "historical" for c in candidates):
        return candidates
    return [replace(c, modality=c.attribution.modality) if c.after_only else c for c in candidates]


def _candidate(
    ctx: _DocContext,
    where: Where,
    hit: TriggerHit,
    parties: tuple[list[ActorHit], list[ActorHit]],
) -> _Candidate | None:
    """One trigger coded: sub-event type, actors, modality and date (None: not an event)."""
    sent = where[0]
    claiming = spoken_by(parties[1], speaker(hit.head, sent, ctx.res.lexicon.cues))
    found = rule_reading(ctx.res.lexicon.rules, where, hit, (parties[0], claiming))
    if found is None:
        return None
    hit, roles, sub_event, actors = found
    event_type = ctx.res.lexicon.taxonomy[sub_event][1]
    coded = coding.code_actors(event_type, sub_event, roles, actors, hit)
    attribution = analyse(hit.head, sent, ctx.res.lexicon.cues)
    in_scope = dates_in_scope(ctx.doc, sent, hit, ctx.dates, ctx.res.lexicon.cues.comparison_preps)
    phrase = shift_after(choose_date(
        in_scope, (sent.start_char, sent.end_char), hit.start,
        ctx.paragraphs.start_of(sent.start_char), trigger_end=hit.end,
    ), hit.head)  # fmt: skip
    modality, after_only = _modality(ctx, where, hit, attribution, phrase)
    return _Candidate(hit, sub_event, event_type, coded, attribution, modality, phrase, after_only)


def _paragraph_context(ctx: _DocContext, sent: Span) -> SentenceContext | None:
    """Words of the paragraph up to the end of this sentence (None for a paragraph's first),
    from the raw text: the paragraph's other sentences may never have been parsed."""
    start = ctx.paragraphs.start_of(sent.start_char)
    if start >= sent.start_char:
        return None
    return text_context(ctx.article.text[start : sent.end_char])


def _modality(
    ctx: _DocContext,
    where: Where,
    hit: TriggerHit,
    attribution: Attribution,
    phrase: DatePhrase | None,
) -> tuple[str, bool]:
    """Strong cues (negation, hypotheticals, plans, denials) beat background; background beats
    attribution, which beats the outlet's own assertion. The flag marks a mention that is
    background only for sitting inside "<distance> after ..." (``_news_after`` settles it)."""
    if attribution.modality in _STRONG_MODALITIES:
        return attribution.modality, False
    if _is_historical(ctx, where, hit, phrase):
        return "historical", False
    if (after := after_offset(hit.head)) and after[0] > 0:
        return "historical", True  # "rallied on Sunday, a day after a drone killed nine"
    if is_motive(hit.head):
        return "historical", True  # "..., in retaliation for Monday's drone strike"
    return attribution.modality, False


def _is_historical(
    ctx: _DocContext, where: Where, hit: TriggerHit, phrase: DatePhrase | None
) -> bool:
    sent, sctx, *_ = where
    cues = ctx.res.lexicon.cues
    preps = cues.comparison_preps
    if compared(hit.head, phrase, preps):
        return True  # "like the counter-offensives against Aleppo in the summer"
    if any(scope.compared_to(a) for a in hit.head.ancestors):
        return True  # "compared the scale of the operation to the counter-offensives ..."
    if phrase is not None and is_background(phrase, ctx.published):
        return True
    if describes_actor(hit.head, ctx.actors, phrase and (phrase.start, phrase.end)):
        return True  # "The ADF, which pledged allegiance to the Islamic State, has ..."
    in_sentence = [p for p in ctx.dates if sent.start_char <= p.start and p.end <= sent.end_char]
    if any(p.kind == "since" and is_background(p, ctx.published) for p in in_sentence):
        return True  # "... has killed 40,000 people since 2011"
    dated_here = phrase is not None and phrase in in_sentence
    if not dated_here and is_habitual(hit.head):
        return True  # "has been repeatedly targeted", "remains ..., driven by fighting"
    return not dated_here and sctx.has_any(cues.historical_phrases)  # "years ago", "previously"


def _groups(candidates: list[_Candidate]) -> Iterator[list[_Candidate]]:
    """Candidates of one event type and modality form one mention (the event, mentioned twice)."""
    groups: dict[tuple[str, str], list[_Candidate]] = {}
    for cand in candidates:
        groups.setdefault((cand.event_type, cand.modality), []).append(cand)
    for group in groups.values():
        yield sorted(group, key=lambda c: (-c.hit.rule.priority, c.hit.start))


def _facts(
    ctx: _DocContext,
    sent: Span,
    sctx: SentenceContext,
    blocked: tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]],
) -> _SentenceFacts:
    """Counts, weapons and places of the sentence; ``blocked`` holds the claimant spans and
    the actor spans, where no place is looked for (except local witnesses' own place)."""
    claimants, actor_spans, freed = blocked
    options = PlaceOptions(
        adjectives=ctx.res.adjectives,
        comparison_preps=ctx.res.lexicon.cues.comparison_preps,
        military_context=sctx.has_any(_MILITARY_WORDS),
        asides=tuple(freed),
    )
    places = dateline_here(sent, find_places(sent, claimants + actor_spans, options))
    if not any(p.role == "event" for p in places):
        places += fallback_places(sent, claimants)
    return _SentenceFacts(
        counts=find_counts(sent.text, sent.start_char),
        weapons=ctx.res.weapons.find(sent.text, sent.start_char),
        places=places,
    )


def _mention(
    ctx: _DocContext, sent: Span, group: list[_Candidate], facts: _SentenceFacts
) -> Mention:
    lead, hit = group[0], group[0].hit
    # a weapon inside another event's motive ("in retaliation for Monday's drone strike") is
    # that event's, not this one's (review, session 11)
    motives = other_motives(sent, hit.head)
    weapons = [w for w in facts.weapons if not any(a <= w.start < b for a, b in motives)]
    args = code_arguments(hit, ctx.doc, [(a.start, a.end) for a in ctx.actors], weapons)
    actor1, actor2, roles = _settled_actors(ctx, group, args.evidence, facts)
    claimant = lead.attribution.claimant
    breakdown, counted = breakdown_fields(sent.text, sent.start_char, facts.counts)
    mention = Mention(
        mention_id=f"{ctx.article.doc_id}:{hit.start}-{hit.end}",
        doc_id=ctx.article.doc_id,
        start=hit.start,
        end=hit.end,
        trigger=hit.text,
        sentence=sent.text,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        disorder_type=ctx.res.lexicon.taxonomy[lead.sub_event_type][0],
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        target=args.target,
        assoc_actor_1=crowd_group(lead.event_type, hit.head),
        weapons=args.weapons,
        places=tuple(facts.places),
        attribution=claimant.text if claimant else "",
        modality=lead.modality,
        evidence=(*field_evidence(lead, (actor1, actor2), facts), *args.evidence, *roles, *counted),
        **actor_fields(actor1, actor2),
        **date_fields(lead.date),
        **count_fields(facts.counts),
        **breakdown,
    )
    return with_confidence(mention, hit)


def _settled_actors(
    ctx: _DocContext, group: list[_Candidate], known: Sequence[Evidence], facts: _SentenceFacts
) -> tuple[coding.CodedActor | None, coding.CodedActor | None, list[Evidence]]:
    """actor1 and actor2 of one event, corrected by its agent and victim phrases, with those
    phrases (``known``: the target and weapon evidence)."""
    actor1, actor2 = coding.merge_actors([c.roles for c in group])
    coded = tuple([(a.span.start, a.span.end)] if a else [] for a in (actor1, actor2))
    roles = code_roles([c.hit for c in group], ctx.doc, known, coded, facts.spare)
    claimant = group[0].attribution.claimant
    actor1, actor2 = settle_agents(roles, actor1, actor2, ctx.actors, claimant)  # "killed by X"
    actor1, actor2 = casualties_not_agents(actor1, actor2, facts.counts)
    actor1, actor2 = attacked_actor1(
        actor1, actor2, [*(c.hit for c in group), *facts.spare], ctx.doc
    )
    actor1 = actor1 or antecedent_actor(roles, ctx.article, ctx.res, actor2)  # "They killed"
    actor1 = actor1 or weapon_owner(group[0].hit, ctx.res, actor2)  # "a Russian air strike"
    return actor1, actor2, roles


def _inside(actor: ActorHit, spans: list[tuple[int, int]]) -> bool:
    return any(start <= actor.start and actor.end <= end for start, end in spans)
