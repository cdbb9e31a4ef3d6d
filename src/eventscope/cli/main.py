"""The ``eventscope`` command: a thin shell over the library.

Each subcommand lives in its own module and calls one library function. Errors become one
readable line plus a hint (tracebacks only with -v), and exit codes follow SPEC.md.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from eventscope import __version__
from eventscope.cli.common import EXIT_FATAL, EXIT_USAGE, configure_logging
from eventscope.errors import EventscopeError

COMMANDS = {
    "run": "eventscope.cli.run_cmd:run",
    "ingest": "eventscope.cli.run_cmd:ingest",
    "process": "eventscope.cli.run_cmd:process",
    "export": "eventscope.cli.export_cmd:export",
    "events": "eventscope.cli.events_cmd:events",
    "demo": "eventscope.cli.demo_cmd:demo",
    "geocode": "eventscope.cli.geocode_cmd:geocode",
    "gazetteer": "eventscope.cli.gazetteer_cmd:gazetteer",
    "config": "eventscope.cli.config_cmd:config",
    "eval": "eventscope.cli.eval_cmd:eval_",
}


class LazyGroup(click.Group):
    """Imports a subcommand only when it runs, so ``eventscope --help`` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        module = __import__(module_name, fromlist=[attr])
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventscope")
@click.option("-v", "--verbose", count=True, help="More logging; -vv for debug and tracebacks.")
@click.option("--config", "config_path", type=click.Path(), help="Settings file (TOML).")
@click.option("--set", "set_", multiple=True, metavar="KEY=VALUE", help="Override a setting.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, config_path: str | None, set_: tuple[str, ...]) -> None:
    """Turn news articles about armed conflict into structured, geolocated event records."""
    configure_logging(verbose)
    ctx.obj = {"verbose": verbose, "config": config_path, "set": set_}


def _report_error(exc: EventscopeError, verbose: bool) -> int:
    click.echo(f"Error [{exc.code}]: {exc.message}", err=True)
    if exc.hint:
        click.echo(f"Hint: {exc.hint}", err=True)
    if verbose:
        import traceback

        traceback.print_exc()
    return exc.exit_code


def main(argv: list[str] | None = None) -> Any:
    verbose = any(a.startswith("-v") or a == "--verbose" for a in (argv or sys.argv[1:]))
    try:
        code = cli.main(args=argv, prog_name="eventscope", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code
    except EventscopeError as exc:
        code = _report_error(exc, verbose)
    except KeyboardInterrupt:
        click.echo("Interrupted: the store holds every batch finished so far.", err=True)
        code = 130
    except Exception as exc:  # the one place unexpected errors are caught for the user
        click.echo(f"Error [ES-INTERNAL-001]: {type(exc).__name__}: {exc}", err=True)
        click.echo("Hint: re-run with -v for the traceback and report it.", err=True)
        if verbose:
            import traceback

            traceback.print_exc()
        code = EXIT_FATAL
    sys.exit(code if isinstance(code, int) else 0)
