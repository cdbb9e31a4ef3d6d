"""Assemble what the exporters need from the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventscope.store import Store


def build_bundle(store: Store, generated_at: str | None = None) -> Any:
    """An ExportBundle of everything resolved in the store, with its stories."""
    from eventscope.export import DocumentInfo, ExportBundle
    from eventscope.resolve.stories import group_stories

    articles = list(store.iter_articles())
    events = list(store.iter_events())
    documents = {
        a.doc_id: DocumentInfo(
            doc_id=a.doc_id,
            input_id=a.input_id,
            source=a.source,
            title=a.title,
            url=a.url,
            published=a.published,
        )
        for a in articles
    }
    return ExportBundle(
        events=events,
        mentions=list(store.iter_mentions()),
        documents=documents,
        event_of_mention=store.event_assignments(),
        skips=list(store.iter_skips()),
        generated_at=generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
        # Stories compare full article texts, which only the store has: group them here.
        stories=group_stories(events, articles),
    )


def export_all(store: Store, out_dir: Path) -> dict[str, Path]:
    """Write the standard outputs (events, mentions, stories, report) into ``out_dir``."""
    from eventscope.export import write_all

    out_dir.mkdir(parents=True, exist_ok=True)
    return write_all(build_bundle(store), out_dir)
