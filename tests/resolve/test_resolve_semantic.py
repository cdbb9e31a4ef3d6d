"""Sentence embeddings decide the report pairs the coded fields leave undecided."""

from __future__ import annotations

from dataclasses import replace

from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import cluster_mentions
from eventscope.resolve.compat import features, link_score, score, structured_score
from eventscope.resolve.semantic import agreement, cosine
from factories import mention

MARKET = "Artillery fire hit the central market of Kharkiv, killing several shoppers."
BAZAAR = "Shells struck the crowded bazaar in Kharkiv and left a number of shoppers dead."
ARREST = "Police arrested two men accused of smuggling fuel across the border near Kharkiv."


def report(doc: str, sentence: str, sub_event_type: str, day: str, precision: int = 1):
    """Reports that agree on type, place and actors but not on sub-type or day: 0.4. (Two
    different exact days never link, so the later reports date to the week, precision 2.)"""
    return mention(
        doc, sentence=sentence, sub_event_type=sub_event_type, date_start=day, date_end=day,
        actor1="", actor2="", event_type="Explosions/Remote violence", time_precision=precision,
    )  # fmt: skip


def test_cosine_is_symmetric_rounded_and_ranks_paraphrases_first() -> None:
    assert cosine(MARKET, BAZAAR) == cosine(BAZAAR, MARKET)
    assert cosine(MARKET, BAZAAR) == round(cosine(MARKET, BAZAAR), 2)
    assert cosine(MARKET, BAZAAR) > cosine(MARKET, ARREST) + 0.2
    assert agreement(MARKET, ARREST) == 0.0 and agreement(MARKET, " ") == 0.0


def test_paraphrase_in_the_band_joins_and_other_wording_does_not() -> None:
    a = report("a", MARKET, "Shelling/artillery/missile attack", "2025-03-11")
    b = report("b", BAZAAR, "Remote explosive/landmine/IED", "2025-03-12", 2)
    c = report("c", ARREST, "Remote explosive/landmine/IED", "2025-03-12", 2)
    rules = LinkRules(semantic_text=True)
    assert structured_score(features(a), features(b)) == 0.4
    assert link_score(a, b, rules) >= rules.min_score > link_score(a, c, rules)
    assert len(cluster_mentions([a, b], rules)) == 1
    assert len(cluster_mentions([a, c], rules)) == 2


def test_semantic_text_is_off_by_default() -> None:
    a = report("a", MARKET, "Shelling/artillery/missile attack", "2025-03-11")
    b = report("b", BAZAAR, "Remote explosive/landmine/IED", "2025-03-12")
    rules = LinkRules()
    assert not rules.semantic_text
    assert link_score(a, b, rules) < rules.min_score
    assert len(cluster_mentions([a, b], rules)) == 2


def test_pairs_decided_without_wording_are_scored_as_before() -> None:
    """Same sub-type: 0.6 on the coded fields, above min_score: no embedding is needed."""
    a = report("a", MARKET, "Shelling/artillery/missile attack", "2025-03-11")
    b = replace(a, doc_id="b", mention_id="b:0-6", sentence=ARREST)
    fa, fb = features(a), features(b)
    assert score(fa, fb, LinkRules(semantic_text=True)) == score(fa, fb)


def test_batched_vectors_equal_one_at_a_time() -> None:
    """Order independence rests on this: padding in a batch must not change a vector."""
    from eventscope.resolve import semantic

    sentences = [MARKET, BAZAAR, ARREST, "Gunmen attacked a convoy."]
    single = [semantic._vector(s) for s in sentences]
    for s in sentences:
        semantic._cache.pop(s, None)
        semantic._known.discard(s)
    semantic.prepare(sentences)
    assert [semantic._cache[s] for s in sentences] == single


def test_setting_turns_it_on() -> None:
    from eventscope.config import ResolveSettings
    from eventscope.resolve import rules_from_settings

    assert rules_from_settings(ResolveSettings(semantic_text=True)).semantic_text
    assert not rules_from_settings(ResolveSettings()).semantic_text
