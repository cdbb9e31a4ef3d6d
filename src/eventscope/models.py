"""Records that flow through the pipeline.

All records are frozen, slotted and picklable so that stages can run in-process or on remote
workers unchanged. Dates are ISO strings (``YYYY-MM-DD``) so records serialise to JSON and SQL
without conversion. Every extracted value carries an :class:`Evidence` pointer into the cleaned
text of its document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Attribution modalities (how surely a source states an event).
MODALITIES = (
    "asserted",
    "reported",
    "claimed",
    "alleged",
    "denied",
    "possible",
    "planned",
    "negated",
    "historical",
)
# Modalities that are kept as mentions but never become events on their own.
NON_EVENT_MODALITIES = frozenset({"possible", "planned", "negated", "historical"})

# Roles a place can play in an event sentence; only "event" locates the event.
PLACE_ROLES = ("event", "origin", "route", "destination", "other")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes exactly as read, plus the metadata the input supplied."""

    doc_id: str  # sha256 hex of ``raw``: content-addressed, so re-ingest is idempotent
    input_id: str  # the id the input gave, or the file path (for joining results back)
    raw: bytes
    media_type: str  # "text" | "html"
    source: str | None = None  # outlet name
    published: str | None = None  # ISO date (or datetime) as given
    url: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """An input or document that was not processed, and why. A value, not an exception."""

    input_id: str
    reason: str  # short machine code, e.g. "empty", "binary", "too-large", "malformed-json"
    detail: str = ""
    stage: str = "ingest"
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A stretch of the decoded input that cleaning removed (never silently lost)."""

    start: int  # offsets into the decoded source text (before cleaning)
    end: int
    kind: str  # "disclaimer", "share", "comments", "subscribe", "related", "byline", "html", ...
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned document: the text all evidence offsets point into."""

    doc_id: str
    input_id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    url: str | None = None
    language: str | None = None  # ISO 639-1 when known or detected
    removed: tuple[RemovedSpan, ...] = ()
    fingerprint: int = 0  # 64-bit simhash of the text, for near-duplicate detection


@dataclass(frozen=True, slots=True)
class Evidence:
    """Which characters of the cleaned text support one field of a mention."""

    field: str  # "trigger", "actor1", "date", "fatalities", "attribution", "location", ...
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A typed count other than casualties: "six bombers" -> ("aircraft", 6)."""

    kind: str  # "aircraft" | "sorties" | "vehicles" | "fighters" | "munitions"
    value: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text, with the role it plays in the event."""

    text: str
    start: int
    end: int
    role: str = "event"  # one of PLACE_ROLES


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry chosen for a toponym."""

    name: str
    latitude: float
    longitude: float
    feature: str  # "country", "admin1", "admin2", "city", "airbase", "airport", "landmark", ...
    country: str  # country name, e.g. "Syria"
    iso: str  # ISO 3166-1 alpha-2, e.g. "SY"
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    geo_precision: int = 1  # ACLED: 1 town, 2 near a town or part of region, 3 region only
    confidence: float = 0.0
    gazetteer_id: str = ""  # e.g. "geonames:170794"
    query: str = ""  # the toponym text that was resolved


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention in one document, coded the way an ACLED coder would."""

    mention_id: str  # f"{doc_id}:{start}-{end}"
    doc_id: str
    start: int  # trigger span in the cleaned text
    end: int
    trigger: str
    sentence: str
    sentence_start: int
    sentence_end: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    inter1: int = 0
    inter2: int = 0
    target: str = ""
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int = 3  # ACLED: 1 day, 2 week, 3 month or coarser
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    # Among the fatalities, where the text says so ("including nine children").
    fatalities_civilians: int | None = None
    fatalities_children: int | None = None
    quantities: tuple[Quantity, ...] = ()  # aircraft, sorties, vehicles, fighters, munitions
    weapons: tuple[str, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    location: Place | None = None
    # Where the article's headline puts its story (geocode/headline.py), kept only on a
    # mention with no more precise location: a hint for linking, never a coded field (no
    # evidence span can point into a headline).
    headline_place: Place | None = None
    headline_names: tuple[str, ...] = ()  # names in the headline the gazetteer lacks
    # Who claims it ("the Russian Defence Ministry"); "" when the outlet states it itself.
    attribution: str = ""
    modality: str = "asserted"  # one of MODALITIES
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5

    @property
    def is_eventive(self) -> bool:
        """Whether this mention can become an event (hypothetical/negated/background cannot)."""
        return self.modality not in NON_EVENT_MODALITIES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's version of an event."""

    doc_id: str
    input_id: str
    source: str
    attribution: str
    modality: str
    fatalities: int | None
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event, reconciled from one or more mentions."""

    event_id: str
    event_date: str | None
    date_start: str | None
    date_end: str | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    location: Place | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    # The most conservative figure any report states for civilians / children among the dead.
    fatalities_civilians: int | None = None
    fatalities_children: int | None = None
    weapons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    article_count: int = 0
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    mention_ids: tuple[str, ...] = ()
    notes: str = ""
    confidence: float = 0.5

    @property
    def source_count(self) -> int:
        return len(self.sources)
