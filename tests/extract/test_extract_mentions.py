"""Mention assembly over whole articles: evidence spans, dates, counts, batching, the model."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from spacy.language import Language

from eventscope.errors import ModelError
from eventscope.extract import extract_mentions, is_supported_language, load_nlp
from eventscope.models import Article, Mention

ARTICLE = """Russian jets pound Idlib as rebels clash with government forces

BEIRUT, March 11 (Newswire) - Russian warplanes carried out dozens of air strikes on the town of Saraqib in Syria's Idlib province on Tuesday, killing at least 15 civilians, including four children, a war monitor said.

The Syrian Observatory for Human Rights said Su-34 jets that had taken off from Hmeimim airbase dropped barrel bombs on Saraqib. Rescue workers said at least 30 people were wounded in the bombing.

Meanwhile, heavy fighting broke out between Syrian government forces and Hayat Tahrir al-Sham fighters near Kafr Nabl on Monday, and the army later recaptured two villages.

The Russian Defence Ministry denied that its aircraft had hit civilian areas.

In Aleppo, the local football team celebrated a 2-1 win on Saturday, and its striker hit the post twice.
"""  # noqa: E501


@pytest.fixture(scope="module")
def article_mentions(mentions_of: Callable[..., list[Mention]]) -> list[Mention]:
    return mentions_of(ARTICLE, "2025-03-12")


def test_every_evidence_span_is_exact(article_mentions: list[Mention]) -> None:
    assert len(article_mentions) >= 5
    for mention in article_mentions:
        assert ARTICLE[mention.start : mention.end] == mention.trigger
        assert ARTICLE[mention.sentence_start : mention.sentence_end] == mention.sentence
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
        assert mention.mention_id == f"doc1:{mention.start}-{mention.end}"
        assert mention.evidence, mention
        for evidence in mention.evidence:
            assert ARTICLE[evidence.start : evidence.end] == evidence.text, evidence
        for place in mention.places:
            assert ARTICLE[place.start : place.end] == place.text


def test_one_evidence_per_filled_field(article_mentions: list[Mention]) -> None:
    for mention in article_mentions:
        fields = [e.field for e in mention.evidence]
        assert fields.count("trigger") == 1
        assert ("actor1" in fields) == bool(mention.actor1)
        assert ("actor2" in fields) == bool(mention.actor2)
        assert ("target" in fields) == bool(mention.target)
        assert ("date" in fields) == (mention.date_start is not None)
        has_count = mention.fatalities_low is not None or mention.fatalities_high is not None
        assert ("fatalities" in fields) == has_count
        assert ("injuries" in fields) == (mention.injuries is not None)
        assert fields.count("places") == len(mention.places)
        assert fields.count("weapons") >= len(mention.weapons)
        assert ("attribution" in fields) == bool(mention.attribution)


def test_article_level_coding(article_mentions: list[Mention]) -> None:
    lead = next(m for m in article_mentions if m.trigger == "air strikes")
    assert lead.actor1 == "Military Forces of Russia (2000-)"
    assert lead.actor2 == "Civilians"
    assert (lead.date_start, lead.time_precision) == ("2025-03-11", 1)
    assert (lead.fatalities_low, lead.fatalities_best, lead.fatalities_high) == (15, 15, None)
    assert lead.attribution == "a war monitor" and lead.modality == "reported"
    assert [p.text for p in lead.places if p.role == "event"][:1] == ["Saraqib"]

    barrels = next(m for m in article_mentions if "barrel bomb" in m.weapons)
    assert barrels.sub_event_type == "Air/drone strike"
    assert {"Su-34", "barrel bomb"} <= set(barrels.weapons)
    assert {p.text: p.role for p in barrels.places}["Hmeimim airbase"] == "origin"

    wounded = next(m for m in article_mentions if m.injuries is not None)
    assert wounded.injuries == 30 and wounded.fatalities_best is None

    battles = [m for m in article_mentions if m.event_type == "Battles"]
    fighting = next(m for m in battles if "Kafr" in m.sentence)
    assert fighting.date_start == "2025-03-10"

    denial = next(m for m in article_mentions if m.modality == "denied")
    assert denial.attribution == "The Russian Defence Ministry"


def test_football_paragraph_yields_nothing(article_mentions: list[Mention]) -> None:
    assert not [m for m in article_mentions if "football" in m.sentence]


def test_headline_without_a_date_takes_the_leads_date(article_mentions: list[Mention]) -> None:
    # A headline never dates its events; the lead does, and the date evidence points there.
    headline = [m for m in article_mentions if m.sentence_start == 0]
    assert headline, "the headline reports two events"
    lead = next(m for m in article_mentions if m.sentence_start > 0 and m.date_start)
    lead_date = [e for e in lead.evidence if e.field == "date"]
    for mention in headline:
        assert (mention.date_start, mention.date_end) == (lead.date_start, lead.date_end)
        assert mention.time_precision == lead.time_precision
        assert [e for e in mention.evidence if e.field == "date"] == lead_date


def test_date_falls_back_to_earlier_phrase_in_paragraph(
    only_mention: Callable[..., Mention],
) -> None:
    text = "On Sunday the region was calm. Then rebels shelled the market in Aleppo."
    assert only_mention(text).date_start == "2025-03-09"


def test_unknown_year_without_publication_date(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Russian jets struck Saraqib on March 11.", published=None)
    assert (mention.date_start, mention.date_end, mention.time_precision) == (None, None, 3)
    assert "date" not in [e.field for e in mention.evidence]


def test_explicit_year_without_publication_date(only_mention: Callable[..., Mention]) -> None:
    mention = only_mention("Russian jets struck Saraqib on March 11, 2025.", published=None)
    assert (mention.date_start, mention.time_precision) == ("2025-03-11", 1)


def test_mentions_are_plain_picklable_records(article_mentions: list[Mention]) -> None:
    restored = pickle.loads(pickle.dumps(article_mentions))
    assert restored == article_mentions
    assert min(m.confidence for m in article_mentions) > 0.0
    assert max(m.confidence for m in article_mentions) <= 0.95


class SpyNLP:
    """Delegates to a real pipeline and records which texts reach nlp.pipe."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self.piped: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, items: Iterable[tuple[Any, int]], **kwargs: Any) -> Iterator[Any]:
        def record() -> Iterator[tuple[Any, int]]:
            for doc, index in items:
                self.piped.append(str(doc))  # the parsed text, padding included
                yield doc, index

        return self._nlp.pipe(record(), **kwargs)


def test_batches_keep_order_and_skip_what_cannot_match(
    nlp: Language, article_factory: Callable[..., Article]
) -> None:
    make_article = article_factory
    articles = [
        make_article("Gunmen killed five villagers in Zamfara.", doc_id="a"),
        make_article("The weather was lovely and the garden bloomed.", doc_id="b"),
        make_article("Des hommes armés ont attaqué le village.", language="fr", doc_id="c"),
        make_article("", doc_id="d"),
        make_article("Protesters rallied in Nairobi on Tuesday.", language="en-GB", doc_id="e"),
    ]
    spy = SpyNLP(nlp)
    results = extract_mentions(articles, spy, batch_size=2)  # type: ignore[arg-type]
    assert [len(r) for r in results] == [1, 0, 0, 0, 1]
    assert [r[0].doc_id for r in results if r] == ["a", "e"]
    assert spy.piped == [articles[0].text, articles[4].text]  # nothing else was parsed


def test_only_sentences_that_can_hold_a_trigger_are_parsed(
    nlp: Language, article_factory: Callable[..., Article]
) -> None:
    text = (
        "Residents said the market reopened. Gen. Musa told reporters that gunmen killed "
        "three farmers near Gusau on Monday.\n\nThe weather was mild. Prices rose."
    )
    spy = SpyNLP(nlp)
    (found,) = extract_mentions([article_factory(text)], spy)  # type: ignore[arg-type]
    parsed = [p.strip() for p in spy.piped]
    # "Gen." does not end a sentence; the other three sentences have no trigger word.
    assert parsed == ["Gen. Musa told reporters that gunmen killed three farmers near Gusau on "
                      "Monday."]  # fmt: skip
    assert len(found) == 1 and found[0].sentence_start == text.index("Gen.")
    for evidence in found[0].evidence:  # offsets are into the article, not the sentence
        assert text[evidence.start : evidence.end] == evidence.text


def test_gated_and_ungated_extraction_agree(
    nlp: Language, article_factory: Callable[..., Article]
) -> None:
    text = (
        "Advertisement\n\nRussian warplanes struck Saraqib on Monday, killing four civilians. "
        "Officials gave no details. The jets returned on Tuesday.\n\nThe army later shelled "
        "Ariha, residents said."
    )
    article = article_factory(text)
    gated = extract_mentions([article], nlp)[0]
    assert gated == extract_mentions([article], nlp, prefilter=False)[0]
    assert [m.actor1 for m in gated][-1] == gated[0].actor1  # "the army": antecedent kept


def test_empty_input() -> None:
    assert extract_mentions([], nlp=None) == []  # no model needed for nothing


@pytest.mark.parametrize(
    ("language", "supported"),
    [(None, True), ("en", True), ("EN-us", True), ("en_GB", True), ("fr", False), ("", True)],
)
def test_is_supported_language(
    article_factory: Callable[..., Article], language: str | None, supported: bool
) -> None:
    assert is_supported_language(article_factory("x", language=language)) is supported


def test_load_nlp_is_cached_per_process(nlp: Language) -> None:
    assert load_nlp("auto") is nlp
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_missing_model_raises_coded_error() -> None:
    with pytest.raises(ModelError) as info:
        load_nlp("en_no_such_model_xyz")
    assert info.value.code == "ES-EXTRACT-001"
    assert "pip install" in info.value.hint


def test_importing_the_package_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, eventscope.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # `eventscope --help` stays fast
