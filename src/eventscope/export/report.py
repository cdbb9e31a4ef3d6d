"""report.html: one self-contained page an analyst can open anywhere, even offline.

No external scripts, fonts, tiles or stylesheets: CSS and JS are inlined from
``export/assets``, the map is inline SVG drawn from countryinfo outlines, and tooltips and
click-to-scroll work through SVG ``<title>`` and in-page anchors. All article-derived text is
escaped; the page embeds no data as JSON, so nothing can break out of its ``<script>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from eventscope.export.basemap import MapDot, render_map
from eventscope.export.context import BundleIndex, ExportBundle, build_index, sorted_events
from eventscope.export.records import event_to_dict
from eventscope.export.report_events import (
    PRECISION,
    TYPE_COLOURS,
    colour,
    esc,
    event_section,
    fatality_range,
)
from eventscope.export.report_stories import stories_section, story_link
from eventscope.models import Event

HOW_TO_READ = (
    "Each dot is one real-world event, merged from every article that reports it; its colour is "
    "the ACLED event type and its area grows with the best fatality estimate. Click a dot or a "
    "table row number to jump to the event, where each source's version stands side by side "
    "and disagreements between sources are marked in red. Stories group the articles about one "
    "developing story and say how many outlets covered it and how many dispute a figure. "
    "Figures are what sources claim, not verified facts."
)


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """An inline asset (CSS/JS) shipped as package data."""
    return resources.files("eventscope.export").joinpath("assets").joinpath(name).read_text("utf-8")


def dot_radius(data: dict[str, Any]) -> float:
    """Area grows with the best fatality estimate (the conservative count when none)."""
    deaths = data["fatalities_best"] if data["fatalities_best"] is not None else data["fatalities"]
    return min(24.0, 4.0 + 2.0 * math.sqrt(max(0, deaths or 0)))


def tooltip(n: int, data: dict[str, Any]) -> str:
    place = ", ".join(p for p in (data["location"], data["admin1"], data["country"]) if p)
    return (
        f"#{n} {data['event_date'] or 'date unknown'} · {data['sub_event_type']}\n{place}\n"
        f"Fatalities: {fatality_range(data)} · {data['source_count']} source(s)"
    )


def map_section(rows: Sequence[tuple[int, dict[str, Any]]]) -> str:
    """The map, its legend, and a note on events that could not be placed."""
    dots = [
        MapDot(d["longitude"], d["latitude"], dot_radius(d), colour(d["event_type"]),
               f"#event-{n}", tooltip(n, d))
        for n, d in rows if d["latitude"] is not None and d["longitude"] is not None
    ]  # fmt: skip
    unplaced = [n for n, d in rows if d["latitude"] is None or d["longitude"] is None]
    note = ""
    if unplaced:
        links = ", ".join(f'<a href="#event-{n}">#{n}</a>' for n in unplaced)
        note = (
            f'<p class="sub">{len(unplaced)} event(s) without a resolved location, '
            f"not on the map: {links}</p>"
        )
    if not dots:
        note = '<p class="sub">No event has a resolved location; the world is shown.</p>' + note
    svg = render_map(dots, {d["iso"] for _, d in rows})
    return (
        f'<section id="map-section"><h2>Map</h2><div class="panel">{svg}'
        f"{legend({d['event_type'] for _, d in rows})}</div>{note}</section>"
    )


def legend(types: set[str]) -> str:
    """Colour keys for the event types present, and three reference dot sizes."""
    keys = [t for t in TYPE_COLOURS if t in types]
    if types - set(TYPE_COLOURS):
        keys.append("Other")
    items = "".join(f'<span class="key">{swatch(t)}{esc(t)}</span>' for t in keys)
    sizes = "".join(
        f'<span class="key"><svg width="{2 * r + 2:.0f}" height="{2 * r + 2:.0f}">'
        f'<circle cx="{r + 1:.1f}" cy="{r + 1:.1f}" r="{r:.1f}" fill="#9aa5b1"/></svg>{k}</span>'
        for k, r in ((0, 4.0), (10, 4.0 + 2 * math.sqrt(10)), (100, 24.0))
    )
    return f'<div class="legend">{items}<span class="key muted">Fatalities:</span>{sizes}</div>'


def swatch(event_type: str) -> str:
    return f'<span class="swatch" style="background:{colour(event_type)}"></span>'


def _actors_cell(d: dict[str, Any]) -> str:
    return " vs ".join(a for a in (d["actor1"], d["actor2"]) if a)


def _flag(disputes: int) -> str:
    return f'<span class="flag">&#9888; {disputes}</span>' if disputes else ""


def _table_row(n: int, d: dict[str, Any]) -> str:
    place = ", ".join(p for p in (d["location"], d["country"]) if p)
    deaths = d["fatalities_best"] if d["fatalities_best"] is not None else d["fatalities"]
    flag = len(d["contradictions"])
    cells = [
        f'<td class="num" data-v="{n}"><a href="#event-{n}">{n}</a></td>',
        f'<td class="nowrap" data-v="{esc(d["event_date"] or "9999")}">'
        f"{esc(d['event_date'] or '—')}</td>",
        f'<td><span class="ttype" style="--c:{colour(d["event_type"])}">'
        f"{esc(d['event_type'])}</span></td>",
        f"<td>{esc(d['sub_event_type'])}</td>",
        f'<td class="actors">{esc(_actors_cell(d))}</td>',
        f'<td><a href="#event-{n}">{esc(place or "unknown")}</a></td>',
        f'<td class="num" data-v="{d["geo_precision"] or 9}">{esc(d["geo_precision"] or "—")}</td>',
        f'<td class="num" data-v="{deaths or 0}">{esc(fatality_range(d))}</td>',
        f'<td class="num">{d["source_count"]}</td>',
        f'<td class="num">{d["confidence"] or 0:.2f}</td>',
        f'<td class="num" data-v="{flag}">{_flag(flag)}</td>',
    ]
    return f'<tr data-i="{n}">{"".join(cells)}</tr>'


_COLUMNS = (
    ("#", "num"), ("Date", "text"), ("Type", "text"), ("Sub-event type", "text"),
    ("Actors", "text"), ("Location", "text"), ("Prec.", "num"),
    ("Fatalities", "num"), ("Sources", "num"), ("Conf.", "num"),
    ("Disputes", "num"),
)  # fmt: skip


def table_section(rows: Sequence[tuple[int, dict[str, Any]]]) -> str:
    """The sortable event table (sorting and filtering by the inline script)."""
    heads = "".join(
        f'<th data-type="{kind}"{" class=num" if kind == "num" else ""}>'
        f'<button type="button">{esc(label)}</button></th>'
        for label, kind in _COLUMNS
    )
    body = "".join(_table_row(n, d) for n, d in rows)
    precision = "; ".join(f"{k} = {v}" for k, v in PRECISION.items())
    return (
        '<section id="table"><h2>Events</h2><div class="toolbar">'
        '<input id="filter" type="search" placeholder="Filter events (actor, place, type…)" '
        f'aria-label="Filter events"><span id="shown" class="sub">{len(rows)} events</span></div>'
        f'<div class="tablewrap"><table id="events-table"><thead><tr>{heads}</tr></thead>'
        f'<tbody>{body}</tbody></table></div><p class="sub">Location precision: {esc(precision)}. '
        "Click a column header to sort.</p></section>"
    )


def stats_header(bundle: ExportBundle, rows: Sequence[tuple[int, dict[str, Any]]]) -> str:
    sources = {d.source for d in bundle.documents.values() if d.source}
    sources |= {s for _, d in rows for s in d["sources"]}
    disputed = sum(1 for _, d in rows if d["contradictions"])
    stats = [
        ("Events", len(rows), ""),
        ("Located", sum(1 for _, d in rows if d["latitude"] is not None), ""),
        ("Articles", len(bundle.documents), ""),
        ("Sources", len(sources), ""),
        ("Fatalities (ACLED-style)", sum(d["fatalities"] or 0 for _, d in rows), ""),
        ("Disputed events", disputed, " warn" if disputed else ""),
        ("Skipped inputs", len(bundle.skips), " warn" if bundle.skips else ""),
    ]
    cards = "".join(
        f'<div class="stat{w}"><b>{v}</b><span>{esc(k)}</span></div>' for k, v, w in stats
    )
    when = f" · generated {esc(bundle.generated_at)}" if bundle.generated_at else ""
    return (
        '<header class="top" id="top"><h1>eventscope — conflict event report</h1>'
        f'<div class="sub">{len(rows)} events from {len(bundle.documents)} articles{when}</div>'
        f'<div class="stats">{cards}</div><p class="howto"><b>How to read this.</b> '
        f"{esc(HOW_TO_READ)}</p></header>"
    )


def documents_section(bundle: ExportBundle) -> str:
    """The articles read, so every input id in the report can be traced to its origin."""
    docs = sorted(bundle.documents.values(), key=lambda d: (d.input_id, d.doc_id))
    if not docs:
        return ""
    body = "".join(
        f"<tr><td>{esc(d.input_id)}</td><td>{esc(d.source)}</td><td>{esc(d.title)}</td>"
        f"<td>{esc(d.published)}</td><td>{esc(d.url)}</td><td>{esc(d.doc_id[:12])}</td></tr>"
        for d in docs
    )
    return (
        f'<section id="articles"><h2>Articles ({len(docs)})</h2><div class="tablewrap"><table>'
        "<thead><tr><th>Input</th><th>Source</th><th>Title</th><th>Published</th><th>URL</th>"
        f"<th>Doc id</th></tr></thead><tbody>{body}</tbody></table></div></section>"
    )


def skips_section(bundle: ExportBundle) -> str:
    """Inputs that produced nothing, and why (nothing is dropped silently)."""
    if not bundle.skips:
        return '<section id="skipped"><h2>Skipped inputs</h2><p class="sub">None.</p></section>'
    skips = sorted(bundle.skips, key=lambda s: (s.input_id, s.stage, s.reason))
    body = "".join(
        f"<tr><td>{esc(s.input_id)}</td><td>{esc(s.stage)}</td><td>{esc(s.reason)}</td>"
        f"<td>{esc(s.detail)}</td></tr>"
        for s in skips
    )
    return (
        f'<section id="skipped"><h2>Skipped inputs ({len(skips)})</h2><div class="tablewrap">'
        "<table><thead><tr><th>Input</th><th>Stage</th><th>Reason</th><th>Detail</th></tr>"
        f"</thead><tbody>{body}</tbody></table></div></section>"
    )


def details_section(
    events: Sequence[Event], rows: Sequence[tuple[int, dict[str, Any]]], index: BundleIndex
) -> str:
    titles = {s.story_id: s.title for s in index.stories}
    sections = "".join(
        event_section(
            n, event, d, index.mentions_of_event.get(event.event_id, ()), index.input_id,
            story_link(d["story_id"], titles),
        )
        for event, (n, d) in zip(events, rows, strict=True)
    )  # fmt: skip
    return f'<section id="details"><h2>Event details</h2>{sections}</section>'


def render_report(bundle: ExportBundle) -> str:
    """The whole page as one string."""
    index = build_index(bundle)
    events = sorted_events(bundle.events)
    rows = [(n, event_to_dict(e, bundle, index)) for n, e in enumerate(events, start=1)]
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                "<title>eventscope report</title>",
                f"<style>{asset('report.css')}</style></head><body><main>",
                stats_header(bundle, rows),
                map_section(rows),
                stories_section(index.stories, rows),
                table_section(rows),
                details_section(events, rows, index),
                documents_section(bundle),
                skips_section(bundle),
                '<footer class="page">Made by eventscope. Self-contained: this file loads nothing '
                "from the network.</footer>",
                f"</main><script>{asset('report.js')}</script></body></html>",
            ]
        )
        + "\n"
    )


def write_report_html(bundle: ExportBundle, fp: TextIO) -> None:
    """report.html."""
    fp.write(render_report(bundle))
