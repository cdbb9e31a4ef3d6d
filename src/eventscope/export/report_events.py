"""The per-event part of the HTML report: facts, contradictions, and sources side by side.

Everything here renders article-derived text, so every value goes through :func:`esc` and
markup is only ever built from our own constant strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from eventscope.models import Claim, Event, Mention

InputIdOf = Callable[[str | None], str | None]

# ACLED event types and the colour each gets on the map, in the legend and in headings.
TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Riots": "#e377c2",
    "Protests": "#1f77b4",
    "Strategic developments": "#2ca02c",
}
OTHER_COLOUR = "#7f7f7f"
PRECISION = {1: "town", 2: "near town / part of region", 3: "region"}
TIME_PRECISION = {1: "day", 2: "week", 3: "month or coarser"}


def esc(value: Any) -> str:
    """Text for HTML content or a quoted attribute; None shows as an empty string."""
    return "" if value is None else escape(str(value), quote=True)


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def show(value: Any) -> str:
    """A contradiction value as readable text (strings as they are, the rest as JSON)."""
    if value is None:
        return "unknown"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _spans(mention: Mention) -> list[tuple[int, int, str]]:
    """Sentence-relative (start, end, field) spans to mark; the trigger first, then evidence."""
    base, sentence = mention.sentence_start, mention.sentence
    wanted = [(mention.start, mention.end, "trigger", mention.trigger)]
    wanted += [(e.start, e.end, e.field, e.text) for e in mention.evidence if e.field != "trigger"]
    spans = []
    for start, end, field, text in wanted:
        a, b = start - base, end - base
        if not (0 <= a < b <= len(sentence)) or (text and sentence[a:b] != text):
            # Offsets that do not fit the sentence: fall back to finding the words themselves.
            a = sentence.find(text) if text else -1
            b = a + len(text)
        if a >= 0:
            spans.append((a, b, field))
    return spans


def highlighted_sentence(mention: Mention) -> str:
    """The mention's sentence, escaped, with the trigger and other evidence spans marked."""
    sentence, out, pos = mention.sentence, [], 0
    taken: list[tuple[int, int]] = []
    chosen = []
    for a, b, field in _spans(mention):  # earlier entries win overlaps: the trigger first
        if all(b <= x or a >= y for x, y in taken):
            taken.append((a, b))
            chosen.append((a, b, field))
    for a, b, field in sorted(chosen):
        # The trigger needs no tooltip; other marks say which field they support.
        attrs = 'class="trigger"' if field == "trigger" else f'class="ev" title="{esc(field)}"'
        out.append(esc(sentence[pos:a]))
        out.append(f"<mark {attrs}>{esc(sentence[a:b])}</mark>")
        pos = b
    out.append(esc(sentence[pos:]))
    return "".join(out)


def claim_mention(claim: Claim, mentions: Sequence[Mention]) -> Mention | None:
    """The mention a claim rests on: same document, best matching sentence or attribution."""
    same_doc = [m for m in mentions if m.doc_id == claim.doc_id and m.sentence.strip()]
    text = claim.text.strip()
    for test in (
        lambda m: text and m.sentence.strip() == text,
        lambda m: text and (text in m.sentence or m.sentence.strip() in text),
        lambda m: m.attribution == claim.attribution and m.modality == claim.modality,
    ):
        match = next((m for m in same_doc if test(m)), None)
        if match is not None:
            return match
    return same_doc[0] if same_doc else None


def _card_field(field: str) -> str:
    """Which line of a claim card a contradiction about ``field`` belongs to."""
    name = field.lower()
    if "fatal" in name:
        return "fatalities"
    if "date" in name:
        return "date"
    return name


def conflicts_by_doc(contradictions: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """doc_id -> the fields on which that document's source disagrees with another."""
    out: dict[str, set[str]] = {}
    for item in contradictions:
        for value in item.get("values") or []:
            if isinstance(value, Mapping) and value.get("doc_id"):
                out.setdefault(str(value["doc_id"]), set()).add(str(item.get("field", "")))
    return out


def contradictions_html(contradictions: Sequence[Mapping[str, Any]]) -> str:
    """A red box listing each disputed field and who says what."""
    if not contradictions:
        return ""
    items = []
    for item in contradictions:
        versions = []
        for v in item.get("values") or []:
            if isinstance(v, Mapping):
                who = esc(v.get("source") or v.get("input_id") or v.get("doc_id") or "?")
                versions.append(f"<b>{esc(show(v.get('value')))}</b> ({who})")
            else:
                versions.append(f"<b>{esc(show(v))}</b>")
        items.append(f"<li>{esc(item.get('field', '?'))}: {' vs '.join(versions)}</li>")
    return (
        '<div class="conflicts"><strong>&#9888; Sources disagree</strong>'
        f"<ul>{''.join(items)}</ul></div>"
    )


def claim_card(claim: dict[str, Any], mention: Mention | None, disputed: set[str]) -> str:
    """One source's version: who, how sure, how many dead, when, and the words it used."""
    fields = {_card_field(f) for f in disputed}

    def row(label: str, key: str, value: Any) -> str:
        cls = ' class="conflict"' if key in fields else ""
        return f"<dt>{label}</dt><dd{cls}>{esc(value if value not in (None, '') else '—')}</dd>"

    if mention is not None and not mention.sentence.strip():
        mention = None
    sentence = highlighted_sentence(mention) if mention else esc(claim["text"])
    extra = ""
    if mention and claim["text"] and claim["text"].strip() != mention.sentence.strip():
        extra = f'<p class="sub">{esc(claim["text"])}</p>'
    other = sorted(f for f in disputed if _card_field(f) not in ("fatalities", "date"))
    note = f'<p class="sub">Disagrees on: {esc(", ".join(other))}</p>' if other else ""
    modality = str(claim["modality"] or "")
    return (
        f'<article class="claim{" disagrees" if disputed else ""}">'
        f"<header><strong>{esc(claim['source'] or 'unknown source')}</strong>"
        f'<span class="modality m-{esc(modality)}">{esc(modality)}</span></header>'
        "<dl>"
        + row("Attribution", "attribution", claim["attribution"] or "the outlet itself")
        + row("Fatalities", "fatalities", claim["fatalities"])
        + row("Date", "date", claim["date"])
        + f"</dl><blockquote>{sentence}</blockquote>{extra}{note}"
        f"<footer>input {esc(claim['input_id'])} · doc {esc(claim['doc_id'][:12])}</footer>"
        "</article>"
    )


def _actors(a: str, assoc: str) -> str:
    return f"{a} (with {assoc})" if a and assoc else a


def facts_html(data: dict[str, Any]) -> str:
    """The coded fields of an event as a definition list."""
    low, best, high = data["fatalities_low"], data["fatalities_best"], data["fatalities_high"]
    # dict.fromkeys drops repeats such as "Aleppo, Aleppo" (a city in its namesake province).
    parts = (data["location"], data["admin3"], data["admin2"], data["admin1"], data["country"])
    place = ", ".join(dict.fromkeys(p for p in parts if p))
    coords = "not resolved"
    if data["latitude"] is not None:
        precision = PRECISION.get(data["geo_precision"], "?")
        coords = (
            f"{data['latitude']:.4f}, {data['longitude']:.4f} "
            f"(precision {data['geo_precision']}: {precision})"
        )
    window = data["date_start"] or "?"
    if data["date_end"] and data["date_end"] != data["date_start"]:
        window += f" to {data['date_end']}"
    rows = [
        ("Type", f"{data['disorder_type']} › {data['event_type']} › {data['sub_event_type']}"),
        ("Actor 1", _actors(data["actor1"], data["assoc_actor_1"])),
        ("Actor 2", _actors(data["actor2"], data["assoc_actor_2"])),
        ("Interaction", f"{data['interaction']} ({data['inter1']}/{data['inter2']})"),
        ("Civilian targeting", data["civilian_targeting"]),
        (
            "Date window",
            f"{window} (time precision {data['time_precision']}: "
            f"{TIME_PRECISION.get(data['time_precision'], '?')})",
        ),
        ("Location", place or "unknown"),
        ("Coordinates", coords),
        ("Fatalities", f"{data['fatalities']} (ACLED-style); range {_range(low, best, high)}"),
        ("Weapons", ", ".join(data["weapons"])),
        ("Confidence", f"{data['confidence']:.2f}" if data["confidence"] is not None else ""),
        ("Event id", data["event_id"]),
    ]
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v)
    return f'<dl class="facts">{body}</dl>'


def _range(low: int | None, best: int | None, high: int | None) -> str:
    """ "3 (2–5)" style, or "?" when no source gave a number."""
    if best is None and low is None and high is None:
        return "?"
    mid = "?" if best is None else str(best)
    if low is None or high is None or low == high:
        return mid
    return f"{mid} ({low}–{high})"


def fatality_range(data: dict[str, Any]) -> str:
    return _range(data["fatalities_low"], data["fatalities_best"], data["fatalities_high"])


def mentions_html(mentions: Sequence[Mention], input_id: InputIdOf) -> str:
    """Further evidence sentences (those no claim card shows), collapsed by default."""
    if not mentions:
        return ""
    items = "".join(
        f'<li>{highlighted_sentence(m)} <span class="sub">— input {esc(input_id(m.doc_id))}, '
        f"chars {m.start}–{m.end}, {esc(m.modality)}</span></li>"
        for m in mentions
    )
    summary = f"{len(mentions)} more evidence sentence(s)"
    return f"<details><summary>{summary}</summary><ol>{items}</ol></details>"


_NO_CLAIMS = '<p class="sub">No claims recorded.</p>'
_BACK = '<p class="back"><a href="#map-section">map</a> · <a href="#table">table</a></p>'


def event_section(
    n: int,
    event: Event,
    data: dict[str, Any],
    mentions: Sequence[Mention],
    input_id: InputIdOf,
    extra: str = "",
) -> str:
    """The details block for event number ``n`` (its anchor is ``event-n``); ``extra`` is
    trusted markup placed under the notes (the link to the event's story)."""
    place = ", ".join(p for p in (data["location"], data["country"]) if p) or "location unknown"
    disputed = conflicts_by_doc(data["contradictions"])
    shown = [claim_mention(claim, mentions) for claim in event.claims]
    cards = "".join(
        claim_card(c, m, disputed.get(c["doc_id"], set()))
        for c, m in zip(data["claims"], shown, strict=True)
    )
    rest = [m for m in mentions if m not in shown]
    title = data["sub_event_type"] or data["event_type"] or "Event"
    return (
        f'<section class="event" id="event-{n}">'
        f'<h3><span class="num">#{n}</span> <span class="swatch" '
        f'style="background:{colour(data["event_type"])}"></span> {esc(title)} — {esc(place)}'
        f' <span class="sub">{esc(data["event_date"] or "date unknown")}</span></h3>'
        f'<p class="notes">{esc(data["notes"])}</p>'
        + extra
        + facts_html(data)
        + contradictions_html(data["contradictions"])
        + (f'<div class="claims">{cards}</div>' if cards else _NO_CLAIMS)
        + mentions_html(rest, input_id)
        + _BACK
        + "</section>"
    )
