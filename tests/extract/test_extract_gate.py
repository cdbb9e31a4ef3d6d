"""Cheap passes before parsing: the rule sentence splitter and the raw-text trigger gate."""

from __future__ import annotations

from eventscope.extract.gated import pad_tokens
from eventscope.extract.lexicon import default_lexicon
from eventscope.extract.segment import rule_sentences
from eventscope.extract.textgate import TextGate


def test_rule_sentences_skip_abbreviations_and_never_cross_lines() -> None:
    text = "Lt. Col. J. Okafor spoke in the U.S. on Monday. Troops left.\n\nA headline\nBody text."
    parts = [text[s:e] for s, e in rule_sentences(text)]
    assert parts == [
        "Lt. Col. J. Okafor spoke in the U.S. on Monday.",
        "Troops left.",
        "A headline",
        "Body text.",
    ]


def test_text_gate_needs_whole_terms_and_context() -> None:
    gate = TextGate(default_lexicon())
    assert gate.passes("Gunmen shelled the village, killing two farmers.")
    assert not gate.passes("The weather was mild and prices rose.")
    # "fighting" needs armed context, as the parsed trigger rule does.
    assert not gate.passes("The region has seen repeated fighting over the past decade.")
    assert gate.passes("Heavy fighting between the army and rebels continued.")


def test_padding_uses_few_bounded_tokens() -> None:
    assert pad_tokens(0) == []
    pads = pad_tokens(9000)
    assert sum(map(len, pads)) == 9000 and len(pads) <= 3
