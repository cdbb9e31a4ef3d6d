"""stories.json: documents grouped into developing stories, with who covered and who disputes.

``events.json`` is a bare list (SPEC.md), so stories get a file of their own beside it, and each
event names its story in ``story_id``. Every ``doc_id`` here has its ``input_id`` beside it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from eventscope.export.context import BundleIndex, ExportBundle, build_index
from eventscope.export.records import json_safe
from eventscope.resolve.stories import Story, StoryDispute

# The field order of a stories.json object.
STORY_FIELDS = (
    "story_id", "title", "date_start", "date_end", "summary", "source_count", "event_count",
    "article_count", "sources", "event_ids", "documents", "disputes",
)  # fmt: skip


def _document(doc_id: str, bundle: ExportBundle, index: BundleIndex) -> dict[str, Any]:
    info = bundle.documents.get(doc_id)
    return {
        "doc_id": doc_id,
        "input_id": info.input_id if info else index.input_id(doc_id),
        "source": info.source if info else None,
        "title": info.title if info else None,
        "published": info.published if info else None,
        "url": info.url if info else None,
    }


def dispute_dict(dispute: StoryDispute) -> dict[str, Any]:
    return {
        "field": dispute.field,
        "source_count": len(dispute.sources),
        "sources": list(dispute.sources),
        "event_ids": list(dispute.event_ids),
    }


def story_to_dict(story: Story, bundle: ExportBundle, index: BundleIndex) -> dict[str, Any]:
    """One stories.json object."""
    values = {
        "story_id": story.story_id,
        "title": story.title,
        "date_start": story.date_start,
        "date_end": story.date_end,
        "summary": story.summary,
        "source_count": len(story.sources),
        "event_count": len(story.event_ids),
        "article_count": len(story.doc_ids),
        "sources": list(story.sources),
        "event_ids": list(story.event_ids),
        # Earliest first, so the document the title comes from leads.
        "documents": sorted(
            (_document(d, bundle, index) for d in story.doc_ids),
            key=lambda d: (d["published"] is None, d["published"] or "", d["doc_id"]),
        ),
        "disputes": [dispute_dict(d) for d in story.disputes],
    }
    return json_safe({name: values[name] for name in STORY_FIELDS})


def story_dicts(bundle: ExportBundle, index: BundleIndex | None = None) -> list[dict[str, Any]]:
    """All stories in export order (first date, then id; undated last)."""
    index = index or build_index(bundle)
    return [story_to_dict(s, bundle, index) for s in index.stories]


def write_stories_json(bundle: ExportBundle, fp: TextIO) -> None:
    """stories.json: a list of story objects."""
    json.dump(story_dicts(bundle), fp, ensure_ascii=False, indent=2, allow_nan=False)
    fp.write("\n")
