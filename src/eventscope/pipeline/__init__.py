"""The pipeline: stages, the run loop and exports."""

from eventscope.pipeline.api import ingest_only, process_pending, run_all
from eventscope.pipeline.exporting import build_bundle, export_all
from eventscope.pipeline.progress import LogProgress, NullProgress, Progress
from eventscope.pipeline.runner import Pipeline, RunSummary
from eventscope.pipeline.stages import Stage, Work, default_stages

__all__ = [
    "LogProgress",
    "NullProgress",
    "Pipeline",
    "Progress",
    "RunSummary",
    "Stage",
    "Work",
    "build_bundle",
    "default_stages",
    "export_all",
    "ingest_only",
    "process_pending",
    "run_all",
]
