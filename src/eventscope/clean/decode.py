"""Bytes to the *decoded source text* that cleaning works on and removed spans point into.

Decoding order: byte-order mark, strict UTF-8, the charset an HTML page declares, charset
detection (charset-normalizer) for non-Latin scripts, then Windows-1252 and Latin-1. The decoded
text is then normalised (newlines to ``\\n``, control and invisible formatting characters
dropped, Unicode NFC), so the same article always yields the same source text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from eventscope.ingest.sniff import wide_bom_length

_WIDE_BOM_CODECS = {4: "utf-32", 2: "utf-16"}  # the codecs read and drop the mark themselves
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DECLARATION_WINDOW = 4096
# Latin-1 decodes anything; output with many C1 controls (U+0080-U+009F) means the bytes were
# never Latin-1 text in the first place.
_MAX_C1_SHARE = 0.02

# Line separators of other conventions become "\n"; C0/C1 controls (but TAB and LF) and
# invisible characters that only break tokenisation (zero-width space, word joiner, BOM, soft
# hyphen) are dropped.
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\u00ad]")


def _declared_codec(raw: bytes) -> str | None:
    """The codec an HTML page declares in a ``<meta charset>``, when Python knows it."""
    match = _DECLARED_CHARSET.search(raw[:_DECLARATION_WINDOW])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _is_latin_text(text: str) -> bool:
    """Whether every non-ASCII letter in ``text`` is a Latin letter."""
    return all(
        unicodedata.name(char, "").startswith("LATIN")
        for char in text
        if ord(char) > 0x7F and char.isalpha()
    )


def _detected(raw: bytes) -> str | None:
    """Text decoded with a detected non-Latin charset (Cyrillic, Arabic, CJK, ...), else None.

    For Latin-script bytes detection is unreliable on short texts (it picks cp1250 for Spanish,
    turning "ñ" into "ń"), so those are left to the Windows-1252 default, as browsers do.
    """
    from charset_normalizer import from_bytes  # imported lazily: slow import, rarely needed

    best = from_bytes(raw).best()
    if best is None:
        return None
    text = str(best)
    return None if _is_latin_text(text) else text


def _decode_single_byte(raw: bytes) -> str | None:
    """Windows-1252, else Latin-1 when it yields plausible text, else None."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    c1 = sum(1 for char in text if 0x80 <= ord(char) <= 0x9F)
    return text if c1 <= _MAX_C1_SHARE * max(len(text), 1) else None


def decode_bytes(raw: bytes) -> str | None:
    """Decode ``raw`` (see the module docstring for the order); None when nothing fits."""
    bom = wide_bom_length(raw)
    if bom:
        try:
            return raw.decode(_WIDE_BOM_CODECS[bom])
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8-sig")  # strips a UTF-8 byte-order mark when there is one
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(raw)
    if declared and declared != "utf-8":
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    return _detected(raw) or _decode_single_byte(raw)


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, controls and invisible characters dropped, Unicode NFC."""
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def decode_source(raw: bytes) -> str | None:
    """The decoded, normalised source text of ``raw``; None when it cannot be decoded.

    Offsets of :class:`~eventscope.models.RemovedSpan` point into this text.
    """
    text = decode_bytes(raw)
    return None if text is None else normalise_text(text)
