"""Clean stage: raw bytes to the cleaned text that all evidence offsets point into.

Decoding and normalisation (:mod:`.decode`), HTML main-text extraction (:mod:`.html`),
boilerplate removal with a record of every removed stretch (:mod:`.boilerplate`), language
identification (:mod:`.language`) and simhash fingerprints (:mod:`.fingerprint`).

Skip reason codes (``stage="clean"``): ``binary``, ``undecodable``, ``no-text``,
``unsupported-format``.
"""

from __future__ import annotations

from eventscope.clean.article import clean_document, normalise_language, normalise_published
from eventscope.clean.boilerplate import remove_boilerplate
from eventscope.clean.decode import decode_source
from eventscope.clean.fingerprint import hamming, simhash64
from eventscope.clean.language import detect_language

SKIP_REASONS = ("binary", "undecodable", "no-text", "unsupported-format")

__all__ = [
    "SKIP_REASONS",
    "clean_document",
    "decode_source",
    "detect_language",
    "hamming",
    "normalise_language",
    "normalise_published",
    "remove_boilerplate",
    "simhash64",
]
