"""Typographic quotes are parsed as plain ones; the article's own characters stay in every span.

The small model misreads "’s" (U+2019) after a noun: "The army’s shelling" came out with "’s"
as a verb and "the RSF’s attack" with the RSF as a modifier, not the attack's owner, so the
RSF was never actor1 (session 13, left alone).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.gated import padded_doc
from eventscope.extract.plain_quotes import has_typographic_quotes, plain_doc, with_words
from eventscope.models import Mention

RSF = "Five civilians were injured in the RSF’s attack on Kadugli on Monday, residents said."


def _parse(nlp: Language, text: str) -> list[tuple[str, str, int]]:
    return [(t.text, t.dep_, t.head.i) for t in nlp(text)]


@pytest.mark.parametrize(
    "text",
    [
        RSF,
        "The army’s shelling of Bentiu killed three people on Monday.",
        "Fighters loyal to the SPLA-IO’s commander attacked “the camp” on Sunday.",
    ],
)
def test_a_typographic_sentence_gets_the_plain_parse_and_keeps_its_words(
    nlp: Language, text: str
) -> None:
    padded = padded_doc(nlp, "xx " + text, 3, 3 + len(text))
    words = [t.text for t in padded]
    doc = with_words(nlp(plain_doc(padded)), words)
    plain = nlp(plain_doc(padded_doc(nlp, "xx " + text, 3, 3 + len(text))))
    assert [t.text for t in doc] == words  # the article's characters, "’s" included
    assert [(t.dep_, t.head.i, t.tag_, t.idx) for t in doc] == [
        (t.dep_, t.head.i, t.tag_, t.idx) for t in plain
    ]
    ascii_text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    assert [d for _, d, _ in _parse(nlp, ascii_text)] == [t.dep_ for t in doc][-len(nlp(text)) :]


def test_the_curly_apostrophe_parse_was_wrong_without_plain_quotes(nlp: Language) -> None:
    # The reason for the module: if the model ever reads "’s" right, it can go.
    curly = dict((w, d) for w, d, _ in _parse(nlp, "The army’s shelling of Bentiu killed three."))
    plain = dict((w, d) for w, d, _ in _parse(nlp, "The army's shelling of Bentiu killed three."))
    assert (curly["army"], plain["army"]) == ("nsubj", "poss")


def test_the_owner_of_an_attack_with_a_curly_apostrophe_is_its_actor1(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(RSF)
    assert [m.actor1 for m in found] == ["Rapid Support Forces"]
    for mention in found:
        assert RSF[mention.start : mention.end] == mention.trigger
        for evidence in mention.evidence:
            assert RSF[evidence.start : evidence.end] == evidence.text


def test_which_quotes_count_as_typographic() -> None:
    assert has_typographic_quotes("the army’s", 0, 10)
    assert has_typographic_quotes("“Goma”")
    assert has_typographic_quotes("Kyivʼs mayor")  # the modifier-letter apostrophe
    assert not has_typographic_quotes('the army\'s "Goma"')
    assert not has_typographic_quotes("the army’s", 0, 8)  # outside the range asked about
