"""Assemble what the exporters need from the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventscope.store import Store


def build_bundle(store: Store, generated_at: str | None = None) -> Any:
    """An ExportBundle of everything resolved in the store."""
    from eventscope.export import DocumentInfo, ExportBundle

    documents = {
        a.doc_id: DocumentInfo(
            doc_id=a.doc_id,
            input_id=a.input_id,
            source=a.source,
            title=a.title,
            url=a.url,
            published=a.published,
        )
        for a in store.iter_articles()
    }
    return ExportBundle(
        events=list(store.iter_events()),
        mentions=list(store.iter_mentions()),
        documents=documents,
        event_of_mention=store.event_assignments(),
        skips=list(store.iter_skips()),
        generated_at=generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
    )


def export_all(store: Store, out_dir: Path) -> dict[str, Path]:
    """Write the five standard outputs into ``out_dir``."""
    from eventscope.export import write_all

    out_dir.mkdir(parents=True, exist_ok=True)
    return write_all(build_bundle(store), out_dir)
