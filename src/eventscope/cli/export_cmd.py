"""``eventscope export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eventscope.cli.common import db_option

# The exporter's own list (eventscope.export.FORMATS), written out so that `--help` does not
# import the export package; a test checks the two agree.
FORMATS = ("acled-csv", "json", "geojson", "mentions-jsonl", "html", "stories-json")


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@db_option
def export(fmt: str, out: str | None, db: str) -> int:
    """Write the resolved events in one format."""
    from eventscope.export import write_format
    from eventscope.pipeline import build_bundle
    from eventscope.store import Store

    with Store.open(db, create=False) as store:
        bundle = build_bundle(store)
    if out is None:
        write_format(bundle, fmt, sys.stdout)
        return 0
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fp:
        write_format(bundle, fmt, fp)
    tmp.replace(target)
    click.echo(f"wrote {fmt}: {target}", err=True)
    return 0
