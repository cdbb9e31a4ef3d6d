"""The "Stories" part of the HTML report: which outlets covered a story and who disputes what.

Titles and outlet names come from articles, so every value goes through :func:`esc`; markup is
only built from our own constant strings. Story anchors are the story ids, which are ours too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eventscope.export.report_events import esc
from eventscope.resolve.stories import Story


def _dates(story: Story) -> str:
    if story.date_start is None:
        return "date unknown"
    if story.date_end and story.date_end != story.date_start:
        return f"{story.date_start} to {story.date_end}"
    return story.date_start


def _event_links(story: Story, numbers: Mapping[str, int]) -> str:
    """Links to the story's events in the table and details ("#3, #4")."""
    found = sorted(numbers[e] for e in story.event_ids if e in numbers)
    if not found:
        return '<span class="muted">no event coded</span>'
    return ", ".join(f'<a href="#event-{n}">#{n}</a>' for n in found)


def story_card(story: Story, numbers: Mapping[str, int]) -> str:
    """One story: title, dates, the summary sentence, its outlets and its events."""
    disputed = " disputed" if story.disputes else ""
    outlets = "".join(f"<li>{esc(s)}</li>" for s in story.sources) or "<li>unknown</li>"
    events = len(story.event_ids)
    return (
        f'<article class="story{disputed}" id="{esc(story.story_id)}">'
        f'<h3>{esc(story.title)} <span class="sub">{esc(_dates(story))}</span></h3>'
        f'<p class="summary">{esc(story.summary)}</p>'
        f'<dl><dt>Outlets</dt><dd><ul class="outlets">{outlets}</ul></dd>'
        f"<dt>{'Event' if events == 1 else 'Events'}</dt><dd>{_event_links(story, numbers)}</dd>"
        f"<dt>Articles</dt><dd>{len(story.doc_ids)}</dd></dl></article>"
    )


def stories_section(stories: Sequence[Story], rows: Sequence[tuple[int, dict[str, Any]]]) -> str:
    """Every story, disputed and widely covered ones first, each linking to its events."""
    if not stories:
        return '<section id="stories"><h2>Stories</h2><p class="sub">None.</p></section>'
    numbers = {d["event_id"]: n for n, d in rows}
    # Stories with events and disputes lead: that is what an analyst reads first.
    ranked = sorted(
        stories, key=lambda s: (not s.event_ids, not s.disputes, -len(s.sources))
    )  # sorted() is stable, so ties keep the date-then-id order
    cards = "".join(story_card(s, numbers) for s in ranked)
    return (
        f'<section id="stories"><h2>Stories ({len(stories)})</h2><p class="sub">Articles about '
        "one developing story: they report a common event, or their texts are alike and were "
        f'published within days of each other.</p><div class="stories">{cards}</div></section>'
    )


def story_link(story_id: str | None, titles: Mapping[str, str]) -> str:
    """The "Story: ..." line of an event's details block."""
    if not story_id or story_id not in titles:
        return ""
    return (
        f'<p class="sub story-link">Story: <a href="#{esc(story_id)}">'
        f"{esc(titles[story_id])}</a></p>"
    )
