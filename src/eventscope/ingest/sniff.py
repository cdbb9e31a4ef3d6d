"""Cheap byte-level checks that decide whether input bytes can be text at all.

Shared by ingest (to skip early, with a reason) and clean (which may receive documents that were
ingested elsewhere, e.g. replayed from the store), so both stages agree on what "binary" means.
"""

from __future__ import annotations

# Byte-order marks of encodings that legitimately contain NUL bytes; text starting with one is
# not binary even though it is full of zeros.
_WIDE_BOMS = (
    b"\xff\xfe\x00\x00",  # UTF-32 LE
    b"\x00\x00\xfe\xff",  # UTF-32 BE
    b"\xff\xfe",  # UTF-16 LE
    b"\xfe\xff",  # UTF-16 BE
)
UTF8_BOM = b"\xef\xbb\xbf"

# C0 control bytes that never occur in real text (TAB, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D, 0x7F}
_SAMPLE_BYTES = 8192
# Above this share of control bytes in the sample, the content is treated as binary.
_MAX_CONTROL_SHARE = 0.05


def wide_bom_length(data: bytes) -> int:
    """Length of the UTF-16/UTF-32 byte-order mark ``data`` starts with, or 0 when none."""
    for bom in _WIDE_BOMS:  # UTF-32 LE first: the UTF-16 LE mark is a prefix of it
        if data.startswith(bom):
            return len(bom)
    return 0


def has_wide_bom(data: bytes) -> bool:
    """Whether ``data`` starts with a UTF-16 or UTF-32 byte-order mark."""
    return wide_bom_length(data) > 0


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is binary rather than text.

    NUL bytes are the classic signal (text encodings other than UTF-16/32 never produce them);
    otherwise a sample is checked for a high share of control bytes.
    """
    if not data or has_wide_bom(data):
        return False
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / len(sample) > _MAX_CONTROL_SHARE


def is_blank(data: bytes) -> bool:
    """Whether ``data`` holds nothing but whitespace (and perhaps a UTF-8 byte-order mark)."""
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    bom = wide_bom_length(body)
    if bom:
        # Wide encodings: blank when every non-NUL byte after the mark is ASCII whitespace.
        return not body[bom:].replace(b"\x00", b"").strip()
    return not body.strip()
