"""Export stage: resolved events to ACLED-style CSV, JSON, GeoJSON, mentions JSONL and HTML.

Writers are pure functions of an :class:`ExportBundle` and a text stream; :func:`write_all`
writes the files of ``eventscope run`` into a folder without ever leaving a half-written
file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from eventscope.errors import ConfigError, EventscopeError
from eventscope.export.context import DocumentInfo, ExportBundle
from eventscope.export.records import EVENT_FIELDS, event_to_dict, mention_to_dict
from eventscope.export.report import write_report_html
from eventscope.export.stories import STORY_FIELDS, story_dicts, write_stories_json
from eventscope.export.tables import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    write_acled_csv,
    write_events_json,
    write_geojson,
    write_mentions_jsonl,
)

__all__ = [
    "ACLED_COLUMNS",
    "CSV_COLUMNS",
    "EVENT_FIELDS",
    "FILENAMES",
    "FORMATS",
    "STORY_FIELDS",
    "DocumentInfo",
    "ExportBundle",
    "ExportError",
    "event_to_dict",
    "mention_to_dict",
    "story_dicts",
    "write_acled_csv",
    "write_all",
    "write_events_json",
    "write_format",
    "write_geojson",
    "write_mentions_jsonl",
    "write_report_html",
    "write_stories_json",
]

Writer = Callable[[ExportBundle, TextIO], None]

FORMATS = ("acled-csv", "json", "geojson", "mentions-jsonl", "html", "stories-json")
_WRITERS: dict[str, Writer] = {
    "acled-csv": write_acled_csv,
    "json": write_events_json,
    "geojson": write_geojson,
    "mentions-jsonl": write_mentions_jsonl,
    "html": write_report_html,
    "stories-json": write_stories_json,
}
# The files ``eventscope run`` writes, by format.
FILENAMES = {
    "acled-csv": "events.csv",
    "json": "events.json",
    "geojson": "events.geojson",
    "mentions-jsonl": "mentions.jsonl",
    "html": "report.html",
    "stories-json": "stories.json",
}


class ExportError(EventscopeError):
    """The output folder cannot be written; exit code 3."""


def write_format(bundle: ExportBundle, fmt: str, fp: TextIO) -> None:
    """Write one format to an open text stream (open CSV targets with ``newline=""``)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ConfigError(
            "ES-EXPORT-001", f"unknown export format {fmt!r}", f"use one of: {', '.join(FORMATS)}"
        )
    writer(bundle, fp)


def _write_temp(bundle: ExportBundle, fmt: str, out_dir: Path) -> Path:
    """Render one format into a hidden temp file beside its target."""
    fd, name = tempfile.mkstemp(prefix=f".{FILENAMES[fmt]}.", suffix=".tmp", dir=out_dir)
    try:
        os.chmod(name, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
            write_format(bundle, fmt, fp)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_all(bundle: ExportBundle, out_dir: Path) -> dict[str, Path]:
    """Write all outputs into ``out_dir``; returns the path of each, by format.

    Every file is rendered to a temp file first and only then are all of them renamed into
    place, so a failure leaves the previous outputs untouched rather than a mix of old and new.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            "ES-EXPORT-002", f"cannot create output folder {out_dir}: {exc}", "check --out"
        ) from exc
    temps: dict[str, Path] = {}
    try:
        for fmt in FORMATS:
            temps[fmt] = _write_temp(bundle, fmt, out_dir)
        for fmt, temp in temps.items():
            os.replace(temp, out_dir / FILENAMES[fmt])
    except OSError as exc:
        raise ExportError(
            "ES-EXPORT-003", f"cannot write outputs to {out_dir}: {exc}", "check disk space"
        ) from exc
    finally:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return {fmt: out_dir / FILENAMES[fmt] for fmt in FORMATS}
