"""``eventscope demo``: the whole pipeline on the bundled demo corpus."""

from __future__ import annotations

import click

from eventscope.cli.common import (
    EXIT_OK,
    EXIT_SKIPS,
    make_progress,
    print_summary,
    settings_from_context,
    usable_out_dir,
)


@click.command()
@click.option("--out", default="out", show_default=True, help="Directory for the outputs.")
@click.option("--db", default=None, help="Store to use (default: OUT/demo.db).")
@click.pass_context
def demo(ctx: click.Context, out: str, db: str | None) -> int:
    """Run everything on the bundled, synthetic demo corpus and write OUT/report.html.

    The corpus deliberately contains an empty, a binary and a non-English file, so skips are
    expected here; the exit code is non-zero only if a document failed unexpectedly.
    """
    from eventscope.demo import demo_corpus_path
    from eventscope.pipeline import run_all
    from eventscope.store import Store

    out_dir = usable_out_dir(out)
    settings = settings_from_context(ctx)
    with Store.open(db or out_dir / "demo.db") as store:
        summary, paths = run_all(
            store, settings, [str(demo_corpus_path())], None, out_dir, make_progress()
        )
    print_summary(summary, paths)
    click.echo(f"Open {paths.get('html', out_dir / 'report.html')} in a browser.", err=True)
    return EXIT_SKIPS if summary.failures else EXIT_OK
