"""One-call entry points used by the CLI, the demo and the benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from eventscope.config import Settings
from eventscope.pipeline.exporting import export_all
from eventscope.pipeline.progress import Progress
from eventscope.pipeline.runner import Pipeline, RunSummary
from eventscope.store import Store


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
    run_id = store.begin_run("run " + " ".join(inputs))
    summary = RunSummary()
    status = "failed"
    try:
        pipeline.ingest(inputs, defaults, stdin, run_id, summary)
        pipeline.process(run_id, summary)
        pipeline.resolve(summary)
        paths = export_all(store, out_dir) if out_dir is not None else {}
        status = "done"
    finally:
        store.finish_run(run_id, status, summary.as_dict())
    return summary, paths


def ingest_only(
    store: Store,
    settings: Settings,
    inputs: Sequence[str],
    defaults: Any = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> RunSummary:
    pipeline = Pipeline(store, settings, progress)
    run_id = store.begin_run("ingest " + " ".join(inputs))
    summary = pipeline.ingest(inputs, defaults, stdin, run_id)
    store.finish_run(run_id, "done", summary.as_dict())
    return summary


def process_pending(
    store: Store, settings: Settings, progress: Progress | None = None
) -> RunSummary:
    """Run the per-document stages over what is ingested, then resolve events."""
    pipeline = Pipeline(store, settings, progress)
    run_id = store.begin_run("process")
    summary = pipeline.process(run_id)
    pipeline.resolve(summary)
    store.finish_run(run_id, "done", summary.as_dict())
    return summary
