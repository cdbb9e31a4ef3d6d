"""Session 19: "<distance> after ..." in a sentence whose root is no verb ("A week after the
bombing, more funerals in the district.") hung the extractor: the walk up to the clause's
verb compared spaCy tokens by identity, and spaCy makes a new Token object on every access,
so the root never equalled its own head. Found when held-out linking round 19 never finished."""

from __future__ import annotations

import threading

import pytest

from eventscope.extract import load_nlp
from eventscope.extract.after_dates import _told_now, after_offset

_SENTENCES = [
    "A week after the bombing, more funerals in the district.",
    "Four days after the strike, silence on the streets of the town.",
]


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_a_verbless_clause_is_not_told_now_and_the_walk_ends(sentence: str) -> None:
    doc = load_nlp()(sentence)
    found = next(f for t in doc if (f := after_offset(t)) is not None and f.start >= 0)
    answers: list[bool] = []
    # a daemon thread: the test fails, instead of hanging the run, if the walk loops again
    walker = threading.Thread(target=lambda: answers.append(_told_now(found.after)), daemon=True)
    walker.start()
    walker.join(timeout=30)
    assert not walker.is_alive(), "the walk up the parse did not end"
    assert answers == [False]  # a verbless root is no clause told as now
