"""``eventscope run``, ``ingest`` and ``process``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from eventscope.cli.common import (
    db_option,
    exit_code_for,
    iso_date,
    make_progress,
    print_summary,
    settings_from_context,
    usable_out_dir,
)

if TYPE_CHECKING:
    from eventscope.store import Store

_inputs = click.argument("inputs", nargs=-1, required=True)
_source = click.option(
    "--source", help="Outlet name for inputs whose record or sidecar gives none."
)
_published = click.option(
    "--published",
    callback=iso_date,
    help="Publication date (ISO) for inputs whose record or sidecar gives none.",
)
_lang = click.option("--lang", help="Language code for inputs without one.")


def _defaults(source: str | None, published: str | None, lang: str | None) -> object:
    from eventscope.ingest import InputDefaults

    return InputDefaults(source=source, published=published, language=lang)


def _open_store(db: str) -> Store:
    # Imported here, not at module top, so that `eventscope --help` stays fast.
    from eventscope.store import Store

    return Store.open(db)


@click.command()
@_inputs
@db_option
@click.option("--out", default="out", show_default=True, help="Directory for the outputs.")
@_source
@_published
@_lang
@click.pass_context
def run(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str,
    out: str,
    source: str | None,
    published: str | None,
    lang: str | None,
) -> int:
    """Ingest, extract, geocode, resolve and export INPUTS in one go (idempotent)."""
    from eventscope.pipeline import run_all

    settings = settings_from_context(ctx)
    out_dir = usable_out_dir(out)
    with _open_store(db) as store:
        summary, paths = run_all(
            store,
            settings,
            list(inputs),
            _defaults(source, published, lang),
            out_dir,
            make_progress(),
            sys.stdin.buffer,
        )
    print_summary(summary, paths)
    return exit_code_for(summary)


@click.command()
@_inputs
@db_option
@_source
@_published
@_lang
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str,
    source: str | None,
    published: str | None,
    lang: str | None,
) -> int:
    """Store INPUTS (files, directories, globs, '-' for JSONL on stdin) without processing."""
    from eventscope.pipeline import ingest_only

    settings = settings_from_context(ctx)
    with _open_store(db) as store:
        summary = ingest_only(
            store,
            settings,
            list(inputs),
            _defaults(source, published, lang),
            make_progress(),
            sys.stdin.buffer,
        )
    print_summary(summary)
    return exit_code_for(summary)


@click.command()
@db_option
@click.pass_context
def process(ctx: click.Context, db: str) -> int:
    """Run the pending stages over what is ingested, then resolve events."""
    from eventscope.pipeline import process_pending

    settings = settings_from_context(ctx)
    with _open_store(db) as store:
        summary = process_pending(store, settings, make_progress())
    print_summary(summary)
    return exit_code_for(summary)
