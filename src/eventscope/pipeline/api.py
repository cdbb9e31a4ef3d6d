"""One-call entry points used by the CLI, the demo and the benchmarks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from eventscope.config import Settings
from eventscope.pipeline.exporting import export_all
from eventscope.pipeline.progress import Progress
from eventscope.pipeline.runner import Pipeline, RunSummary
from eventscope.store import Store


@contextmanager
def recorded_run(store: Store, command: str) -> Iterator[tuple[int, RunSummary]]:
    """Record a run in the store: 'done' with its summary, or 'failed' if anything raised."""
    run_id = store.begin_run(command)
    summary = RunSummary()
    status = "failed"
    try:
        yield run_id, summary
        status = "done"
    finally:
        store.finish_run(run_id, status, summary.as_dict())


def run_all(
    store: Store,
    settings: Settings,
    inputs: Sequence[str],
    defaults: Any = None,
    out_dir: Path | None = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[RunSummary, dict[str, Path]]:
    """Ingest, process, resolve and (when ``out_dir`` is given) export, recording the run."""
    pipeline = Pipeline(store, settings, progress)
    with recorded_run(store, "run " + " ".join(inputs)) as (run_id, summary):
        pipeline.ingest(inputs, defaults, stdin, run_id, summary)
        pipeline.process(run_id, summary)
        pipeline.resolve(summary)
        paths = export_all(store, out_dir) if out_dir is not None else {}
    return summary, paths


def ingest_only(
    store: Store,
    settings: Settings,
    inputs: Sequence[str],
    defaults: Any = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> RunSummary:
    """Store inputs without processing them (``eventscope ingest``)."""
    pipeline = Pipeline(store, settings, progress)
    with recorded_run(store, "ingest " + " ".join(inputs)) as (run_id, summary):
        pipeline.ingest(inputs, defaults, stdin, run_id, summary)
    return summary


def process_pending(
    store: Store, settings: Settings, progress: Progress | None = None
) -> RunSummary:
    """Run the per-document stages over what is ingested, then resolve events."""
    pipeline = Pipeline(store, settings, progress)
    with recorded_run(store, "process") as (run_id, summary):
        pipeline.process(run_id, summary)
        pipeline.resolve(summary)
    return summary
