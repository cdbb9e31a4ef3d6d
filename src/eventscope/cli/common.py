"""Shared CLI plumbing: options, settings, progress bar, summary table, exit codes."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from eventscope.config import Settings, load_config
from eventscope.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_SKIPS, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3
DEFAULT_DB = "eventscope.db"


def db_option(func: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        envvar="EVENTSCOPE_DB",
        help="SQLite file or sqlite:///path URL.",
    )(func)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: accept only ISO dates (YYYY-MM-DD or a full ISO datetime)."""
    if value is None:
        return None
    from eventscope.ingest import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return parsed.isoformat() if param.name in ("since", "until") else value


def usable_out_dir(out: str) -> Path:
    """Fail before any work is done if the output directory cannot be used."""
    path = Path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            "ES-CONFIG-006",
            f"cannot use --out {out}: {exc.strerror or exc}",
            "Give a directory path that can be created and written.",
        ) from exc
    return path


def settings_from_context(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj or {}
    overrides: dict[str, str] = {}
    for item in obj.get("set", ()):
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(
                "ES-CONFIG-005",
                f"--set expects KEY=VALUE, got {item!r}",
                "Example: --set geocode.min_confidence=0.5",
            )
        overrides[key.strip()] = value.strip()
    return load_config(obj.get("config"), overrides)


class RichProgress:
    """A rich progress bar on a terminal; silent otherwise (log lines cover that case)."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
            console=_console(),
        )
        self._task: Any = None

    def start(self, label: str, total: int | None) -> None:
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)

    def done(self) -> None:
        if self._task is not None:
            task = self._progress.tasks[-1]
            self._progress.update(
                self._task, total=task.completed or 1, completed=task.completed or 1
            )
        self._progress.stop()


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def make_progress() -> Any:
    from eventscope.pipeline import LogProgress

    return RichProgress() if sys.stderr.isatty() else LogProgress()


def print_summary(summary: Any, out_paths: dict[str, Any] | None = None) -> None:
    """The end-of-run table: counts, skips by reason, outputs written."""
    from rich.table import Table

    table = Table(title="eventscope run summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in summary.as_dict().items():
        if key != "skips":
            table.add_row(key.replace("_", " "), str(value))
    for reason, count in sorted(summary.skips.items()):
        table.add_row(f"skipped: {reason}", str(count))
    console = _console()
    console.print(table)
    for skip in summary.skipped_inputs[:20]:
        console.print(
            f"  skipped {skip.input_id} ({skip.stage}: {skip.reason}) {skip.detail}",
            markup=False,
            highlight=False,
        )
    if len(summary.skipped_inputs) > 20:
        console.print(f"  ... and {len(summary.skipped_inputs) - 20} more (see the skips table)")
    for fmt, path in (out_paths or {}).items():
        console.print(f"  wrote {fmt}: {path}", markup=False, highlight=False)


def configure_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose == 1 else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # The one-off gazetteer build takes tens of seconds: always say so.
    for name in ("eventscope.geocode.gazetteer", "eventscope.geocode.build"):
        logging.getLogger(name).setLevel(min(level, logging.INFO))
    if not verbose:
        # Pages trafilatura cannot parse become recorded skips; its own log lines are noise.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def exit_code_for(summary: Any) -> int:
    return EXIT_SKIPS if summary.skips else EXIT_OK
