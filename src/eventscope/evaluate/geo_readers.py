"""Readers for the public geoparsing gold sets, format detected from the XML itself.

* GeoWebNews (Gritta et al. 2019): ``<article><text>`` and ``<toponyms><toponym>`` with
  ``extractedName``, a fine ``type`` (Literal, Metonymic, Demonym, ...), ``start``/``end``,
  ``geonamesID``, ``latitude``/``longitude``.
* LGL (Lieberman et al. 2010), and TR-News which shares its layout: ``<toponym>`` with
  ``start``/``end``/``phrase`` and a ``<gaztag geonameid=...>`` holding ``lat``/``lon``.
* GeoVirus (Gritta et al. 2018): ``<article><text><locations><location>`` with ``name``,
  ``start``/``end`` and ``lat``/``lon`` (a Wikipedia page, no GeoNames id).

Every reader yields :class:`GoldDoc` values with character offsets into ``text``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from eventscope.errors import ConfigError

# The "literal" group of the GeoWebNews taxonomy (Gritta et al. 2019, fig. 1): the toponym
# names the place itself, so it has a location to resolve. Associative types (metonymy,
# demonyms, non-literal modifiers, ...) use a place name for something else.
GWN_LITERAL_TYPES = frozenset(
    {"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"}
)
_MAX_SHIFT = 2


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: str = ""  # bare GeoNames id, "" where the gold has none
    kind: str = ""  # the GeoWebNews type; "" for the other sets
    literal: bool = True  # counts for recognition and resolution

    @property
    def resolvable(self) -> bool:
        """A literal toponym with gold coordinates: one that resolution is scored on."""
        return self.literal and self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _int(elem: ET.Element, tag: str) -> int:
    return int((elem.findtext(tag) or "").strip())


def _gwn_toponym(elem: ET.Element) -> GoldToponym:
    kind = (elem.findtext("type") or "").strip()
    return GoldToponym(
        start=_int(elem, "start"),
        end=_int(elem, "end"),
        text=(elem.findtext("extractedName") or "").strip(),
        lat=_float(elem.findtext("latitude")),
        lon=_float(elem.findtext("longitude")),
        geonames_id=(elem.findtext("geonamesID") or "").strip(),
        kind=kind,
        literal=kind in GWN_LITERAL_TYPES,
    )


def _lgl_toponym(elem: ET.Element) -> GoldToponym:
    gaz = elem.find("gaztag")
    return GoldToponym(
        start=_int(elem, "start"),
        end=_int(elem, "end"),
        text=(elem.findtext("phrase") or "").strip(),
        lat=_float(gaz.findtext("lat")) if gaz is not None else None,
        lon=_float(gaz.findtext("lon")) if gaz is not None else None,
        geonames_id=(gaz.get("geonameid") or "").strip() if gaz is not None else "",
    )


def _geovirus_toponym(elem: ET.Element) -> GoldToponym:
    return GoldToponym(
        start=_int(elem, "start"),
        end=_int(elem, "end"),
        text=(elem.findtext("name") or "").strip(),
        lat=_float(elem.findtext("lat")),
        lon=_float(elem.findtext("lon")),
    )


def detect_format(root: ET.Element) -> str:
    """ "gwn", "lgl" or "geovirus", from the first annotated element."""
    for elem in root.iter():
        if elem.tag == "toponym":
            if elem.find("extractedName") is not None:
                return "gwn"
            if elem.find("phrase") is not None:
                return "lgl"
        elif elem.tag == "location" and elem.find("name") is not None:
            return "geovirus"
    raise ConfigError(
        "ES-EVAL-010",
        "unrecognised geoparsing gold format",
        "Expected GeoWebNews, LGL/TR-News or GeoVirus XML (see docs/geocoding.md).",
    )


_READERS = {
    "gwn": ("toponyms/toponym", _gwn_toponym),
    "lgl": ("toponyms/toponym", _lgl_toponym),
    "geovirus": ("locations/location", _geovirus_toponym),
}


def _doc_id(article: ET.Element, index: int) -> str:
    return article.get("docid") or article.get("file") or str(index)


def _align(text: str, top: GoldToponym) -> GoldToponym | None:
    """The toponym with offsets that point at its name, or None when none nearby do.

    GeoVirus counts from 1 (every span is one character late) and a few GeoWebNews spans
    are negative; the nearest shift within ``_MAX_SHIFT`` that makes the span read the
    annotated name repairs the first, and the rest are dropped rather than scored."""
    if not top.text:
        return None
    for shift in sorted(range(-_MAX_SHIFT, _MAX_SHIFT + 1), key=abs):
        start = top.start + shift
        if start >= 0 and text[start : start + len(top.text)] == top.text:
            return replace(top, start=start, end=start + len(top.text))
    return None


def read_root(root: ET.Element, fmt: str | None = None) -> Iterator[GoldDoc]:
    """Gold documents from a parsed XML root (format detected when not given)."""
    path, parse = _READERS[fmt or detect_format(root)]
    for index, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        aligned = (_align(text, parse(e)) for e in article.findall(path))
        toponyms = sorted((t for t in aligned if t is not None), key=lambda t: t.start)
        yield GoldDoc(_doc_id(article, index), text, tuple(toponyms))


def read_gold(path: Path, limit: int | None = None) -> tuple[str, list[GoldDoc]]:
    """(format, documents) of a gold file; ``limit`` keeps the first N documents."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConfigError(
            "ES-EVAL-011", f"cannot parse {path}: {exc}", "Is this a geoparsing XML file?"
        ) from exc
    fmt = detect_format(root)
    docs = []
    for doc in read_root(root, fmt):
        if limit is not None and len(docs) >= limit:
            break
        docs.append(doc)
    return fmt, docs
