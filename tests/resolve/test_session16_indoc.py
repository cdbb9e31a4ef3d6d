"""Link rules revision 17 (session 16): distinct incidents of one article stay apart.

Two mentions of one article that each give one exact day, different days, are two events (as
they already were across articles), and a mention told as a separate incident ("Separately,
...", "In a separate incident, ...") never joins its article's earlier mentions. Neither may
come back through a third report (complete link), and the incremental index gives what a
full run gives."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventscope.models import Mention, Place
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import _lead, cluster_mentions
from eventscope.resolve.compat import can_link, features
from eventscope.resolve.separate import opens_separate_incident
from factories import mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resolve import Corpus, generate
from test_resolve_incremental import _check_matches_full

RULES = LinkRules()

# A whole province (precision 3): the place cannot tell two incidents inside it apart.
KASAMBA = Place(
    name="Kasamba", latitude=-9.5, longitude=147.2, feature="admin1", country="Papua New Guinea",
    iso="PG", admin1="Kasamba", geo_precision=3, confidence=0.8, gazetteer_id="test:kasamba",
)  # fmt: skip


def _clash(doc: str, start: int, sentence: str, day: str, end: str = "", p: int = 1) -> Mention:
    """An armed clash in Kasamba province with no named actors, in a sentence at ``start``."""
    return mention(
        doc, start, sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
        event_type="Battles", sub_event_type="Armed clash", actor1="", actor2="", inter1=0,
        inter2=0, date_start=day or None, date_end=(end or day) or None, time_precision=p,
        location=KASAMBA, trigger="clash",
    )  # fmt: skip


def _events(mentions: list[Mention]) -> list[set[str]]:
    return [{m.mention_id for m in c} for c in cluster_mentions(mentions, RULES)]


def _together(events: list[set[str]], a: Mention, b: Mention) -> bool:
    return any(a.mention_id in e and b.mention_id in e for e in events)


# -- two exact days within one article ------------------------------------------------------


def test_two_exact_days_of_one_article_are_two_events() -> None:
    tuesday = _clash("d1", 0, "Rival clans clashed near Lumbi on Tuesday.", "2026-02-10")
    wednesday = _clash("d1", 60, "Three herders died in a raid on Wednesday.", "2026-02-11")
    assert not can_link(tuesday, wednesday, RULES)
    assert not _together(_events([tuesday, wednesday]), tuesday, wednesday)


def test_one_exact_day_told_twice_in_one_article_is_one_event() -> None:
    # near miss: the same day in two sentences, and a vaguer date around it, still link
    first = _clash("d1", 0, "Rival clans clashed near Lumbi on Tuesday.", "2026-02-10")
    again = _clash("d1", 60, "The Tuesday clash left six dead.", "2026-02-10")
    week = _clash("d1", 120, "The clash this week was the worst.", "2026-02-09", "2026-02-15", 2)
    assert can_link(first, again, RULES) and can_link(first, week, RULES)
    assert len(_events([first, again, week])) == 1


def test_a_night_in_one_article_keeps_the_slack() -> None:
    # near miss: a night window [Mon, Tue] meets a follow-up dated the day after (round 3)
    night = _clash("d1", 0, "Clans fought through Monday night.", "2026-02-09", "2026-02-10")
    next_day = _clash("d1", 60, "Fighting resumed on Wednesday.", "2026-02-11")
    assert can_link(night, next_day, RULES)


def test_a_vague_report_does_not_chain_two_days_of_one_article() -> None:
    # Another article's "this week" links with either day; the two days must not meet in it.
    tuesday = _clash("d1", 0, "Rival clans clashed near Lumbi on Tuesday.", "2026-02-10")
    wednesday = _clash("d1", 60, "Three herders died in a raid on Wednesday.", "2026-02-11")
    week = _clash("d2", 0, "Clan fighting this week killed nine.", "2026-02-09", "2026-02-15", 2)
    assert can_link(tuesday, week, RULES) and can_link(wednesday, week, RULES)
    assert not _together(_events([tuesday, wednesday, week]), tuesday, wednesday)


# -- an incident told as separate -----------------------------------------------------------

_MAIN = "Clan fighting near Lumbi in Kasamba province killed seven people on Tuesday."


@pytest.mark.parametrize(
    "sentence",
    [
        "Separately, four traders were shot dead on a road in the province on Tuesday.",
        "In a separate incident, gunmen killed four traders in the province on Tuesday.",
        "Four traders were shot dead on Tuesday in what officers think was an unrelated feud.",
        "Gunmen also killed four traders on Tuesday in another attack in the province.",
        # revision 19 (session 18): "a separate <act>" wherever it stands
        "The clash came on the same night as a separate assault on a post in the province.",
        # review of session 18: "an unrelated", an ordinal or a kind word between
        "An unrelated attack killed four traders in the province on Tuesday.",
        "Gunmen also killed four traders in a second, separate attack on Tuesday.",
        "A separate suicide bombing killed four traders at a market on Tuesday.",
        "In a separate reported attack, gunmen killed four traders on Tuesday.",
    ],
)
def test_a_separate_incident_does_not_join_the_article(sentence: str) -> None:
    main = _clash("d1", 0, _MAIN, "2026-02-10")
    other = _clash("d1", 90, sentence, "2026-02-10")
    assert opens_separate_incident(sentence)
    assert can_link(other, main, RULES) is False
    assert not _together(_events([main, other]), main, other)


@pytest.mark.parametrize(
    "sentence",
    [
        "The attackers later fled separately into the hills, officers said on Tuesday.",
        "Seven people were killed in separate attacks across the province on Tuesday.",
        "Officers said the fighting was not unrelated to a land dispute.",
        "In a separate statement, officers said four traders were shot dead on Tuesday.",
        "In a separate written statement, officers said four traders were shot on Tuesday.",
        # review of session 18: doubted or denied, or a labour strike
        "Police asked whether the shooting on Tuesday was a separate attack.",
        "The army denied that there had been a separate attack on the post on Tuesday.",
        "The clash came hours before a separate strike by teachers on Tuesday.",
    ],
)
def test_no_separate_cue_without_the_idiom(sentence: str) -> None:
    # near misses: manner "separately", plural "separate attacks", a negated "unrelated"
    main = _clash("d1", 0, _MAIN, "2026-02-10")
    assert not opens_separate_incident(sentence)
    assert can_link(main, _clash("d1", 90, sentence, "2026-02-10"), RULES)


def test_a_separate_incident_still_meets_other_articles_and_its_follow_up() -> None:
    main = _clash("d1", 0, _MAIN, "2026-02-10")
    other = _clash("d1", 90, "Separately, gunmen killed four traders on Tuesday.", "2026-02-10")
    follow = _clash("d1", 160, "The traders were returning from a market.", "")
    elsewhere = _clash("d2", 0, "Four traders were shot dead in Kasamba on Tuesday.", "2026-02-10")
    assert can_link(other, follow, RULES) and can_link(other, elsewhere, RULES)
    events = _events([main, other, follow, elsewhere])
    assert _together(events, other, elsewhere) and not _together(events, main, other)


def test_a_report_lead_carries_the_cue_of_its_member() -> None:
    # The dated follow-up leads the report whose cue sentence has no day; it must still be
    # told apart from the article's earlier report when reports are linked across articles.
    cue = _clash("d1", 90, "Separately, gunmen ambushed four traders in the province.", "")
    dated = _clash("d1", 160, "The traders were killed on Tuesday.", "2026-02-10")
    lead = _lead([cue, dated])
    assert lead.mention_id == dated.mention_id
    assert features(lead).separate_from == 90
    assert not can_link(lead, _clash("d1", 0, _MAIN, "2026-02-10"), RULES)
    assert features(dated).separate_from == -1  # the member itself is unchanged


# -- the incremental index gives the full run's partition -----------------------------------


def _with_cues(corpus: Corpus, seed: int) -> Corpus:
    """The corpus with a third of its documents telling their later sentences as separate
    incidents, and another third dating their later sentences' exact days a day later."""
    rnd = random.Random(seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    chosen = {d: rnd.random() for d in docs}

    def change(m: Mention) -> Mention:
        if m.sentence_start == 0 or chosen[m.doc_id] > 0.7:
            return m
        if chosen[m.doc_id] < 0.35:
            return replace(m, sentence="Separately, " + m.sentence)
        if m.time_precision != 1 or not m.date_start or m.date_start != m.date_end:
            return m
        day = (date.fromisoformat(m.date_start) + timedelta(days=1)).isoformat()
        return replace(m, date_start=day, date_end=day)

    return replace(corpus, mentions=[change(m) for m in corpus.mentions])


def test_the_cues_change_the_generated_partition() -> None:
    # Guard for the test below: the cue must matter in this corpus.
    corpus = generate(1500, 7)
    plain = sorted(sorted(e) for e in _events(corpus.mentions))
    cued = sorted(sorted(e) for e in _events(_with_cues(corpus, 7).mentions))
    assert plain != cued


@pytest.mark.parametrize("seed", range(3))
def test_index_updates_with_cues_match_full_recomputation(seed: int) -> None:
    corpus = _with_cues(generate(1500, seed + 7), seed)
    docs = sorted({m.doc_id for m in corpus.mentions})
    new_docs = set(random.Random(seed).sample(docs, len(docs) // 10))
    base = [m for m in corpus.mentions if m.doc_id not in new_docs]
    new = [m for m in corpus.mentions if m.doc_id in new_docs]
    _check_matches_full(base, new)
