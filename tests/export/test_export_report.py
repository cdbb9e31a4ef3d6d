"""report.html: self-contained, escaped, one section per event, map and table present."""

from __future__ import annotations

import dataclasses
import io
import random
import re
from html.parser import HTMLParser

from eventscope.export import ExportBundle, write_format
from eventscope.models import Place

VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "source", "col", "area", "base"}
EXTERNAL = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:[a-z]+:)?//""", re.I)


class TagBalance(HTMLParser):
    """Fails on a closing tag that does not match the open one (catches broken markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def render(bundle: ExportBundle) -> str:
    buf = io.StringIO()
    write_format(bundle, "html", buf)
    return buf.getvalue()


def test_hostile_text_is_escaped(bundle: ExportBundle) -> None:
    page = render(bundle)
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<img" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;not text&lt;/b&gt;" in page  # skip details are article-derived too
    assert page.lower().count("<script") == 1 and page.lower().count("</script") == 1


def test_no_external_resources(bundle: ExportBundle) -> None:
    page = render(bundle)
    assert EXTERNAL.search(page) is None
    for marker in ("<link", "@import", "url(", "<iframe", "@font-face", "xmlns="):
        assert marker not in page


def test_markup_is_balanced(bundle: ExportBundle) -> None:
    checker = TagBalance()
    checker.feed(render(bundle))
    assert checker.errors == [] and checker.stack == []


def test_map_table_and_details(bundle: ExportBundle) -> None:
    page = render(bundle)
    assert '<svg id="map"' in page and 'class="land hit"' in page  # Syria, where the dot is
    assert page.count('<circle class="dot"') == 1  # the unresolved event has no dot
    assert '<a href="#event-1"><circle' in page
    assert page.count('<tr data-i="') == 2
    assert page.count('<section class="event" id="event-') == len(bundle.events)
    assert 'id="event-1"' in page and 'id="event-2"' in page
    assert "without a resolved location" in page


def test_sources_side_by_side_with_contradictions(bundle: ExportBundle) -> None:
    page = render(bundle)
    assert page.count('<article class="claim') == 4
    assert "more evidence sentence" not in page  # every mention is already on a card
    assert page.count('<article class="claim disagrees"') == 3
    assert page.count('<dd class="conflict">') == 3  # each source's death toll is flagged
    assert "Sources disagree" in page
    assert '<mark class="trigger">air strike</mark>' in page
    assert '<mark class="ev" title="fatalities">3</mark>' in page  # found despite bad offsets


def test_header_counts_and_skips(bundle: ExportBundle) -> None:
    page = render(bundle)
    assert "<b>2</b><span>Events</span>" in page
    assert "<b>4</b><span>Articles</span>" in page
    assert "<b>2</b><span>Skipped inputs</span>" in page
    assert "Skipped inputs (2)" in page and "bad.bin" in page
    assert "How to read this" in page and 'class="legend"' in page


def test_empty_bundle_shows_world() -> None:
    page = render(ExportBundle(events=(), mentions=(), documents={}, event_of_mention={}))
    assert "No event has a resolved location" in page
    assert page.count('class="land') > 100  # the whole world
    assert len(page) < 400_000


def many_events(bundle: ExportBundle, n: int) -> ExportBundle:
    """``n`` three-source events scattered over the conflict belt."""
    rng = random.Random(7)
    template = next(e for e in bundle.events if e.location is not None)
    assert template.location is not None
    events = []
    for i in range(n):
        place = dataclasses.replace(
            template.location, latitude=rng.uniform(-10, 50), longitude=rng.uniform(-15, 70)
        )
        claims = tuple(
            dataclasses.replace(c, fatalities=rng.randint(0, 80)) for c in template.claims
        )
        events.append(
            dataclasses.replace(
                template,
                event_id=f"ev-{i:04d}",
                location=place,
                claims=claims,
                fatalities_best=rng.randint(0, 120),
            )
        )
    return dataclasses.replace(bundle, events=events)  # fmt: skip


def test_report_stays_small(bundle: ExportBundle) -> None:
    """Map and page chrome stay small; each three-source event costs a few kilobytes."""
    small = len(render(many_events(bundle, 10)).encode())
    big = render(many_events(bundle, 310))
    assert big.count('<circle class="dot"') == 310
    assert small < 300_000
    assert (len(big.encode()) - small) / 300 < 4_000
    assert len(big.encode()) < 1_500_000


def test_place_outside_known_countries_still_renders(bundle: ExportBundle) -> None:
    sea = Place("Open sea", -40.0, -20.0, "sea", "", "", geo_precision=3)
    event = dataclasses.replace(bundle.events[1], location=sea)
    page = render(dataclasses.replace(bundle, events=[event]))
    assert page.count('<circle class="dot"') == 1
