"""Find toponyms in running text: spaCy's named entities of place types."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from eventscope.geocode.gazetteer import Gazetteer

Span = tuple[int, int]
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def recognise_toponyms(
    texts: Iterable[str], nlp: Language, gazetteer: Gazetteer | None = None
) -> Iterator[list[Span]]:
    """Character spans of the toponyms of each text, in text order."""
    for doc in nlp.pipe(texts, batch_size=16):
        yield [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _PLACE_LABELS]
