"""``eventscope gazetteer``: maintain the gazetteer; ``import`` adds full GeoNames dumps."""

from __future__ import annotations

from pathlib import Path

import click

from eventscope.cli.common import EXIT_OK, EXIT_SKIPS, settings_from_context


@click.group()
def gazetteer() -> None:
    """Maintain the gazetteer the geocoder reads.

    \b
    eventscope gazetteer import FILE...   add places from full GeoNames dumps
      FILE: allCountries.zip/.txt or a country file (SY.zip, SY.txt);
      alternateNamesV2.zip/.txt (names in more spellings); admin1CodesASCII.txt and
      admin2Codes.txt (admin names of the places). Run `eventscope gazetteer import -h`.
    """


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--batch-size",
    type=click.IntRange(100, 1_000_000),
    default=5_000,
    show_default=True,
    help="Rows per transaction.",
)
@click.pass_context
def import_(ctx: click.Context, files: tuple[Path, ...], batch_size: int) -> int:
    """Add places from GeoNames dump files to the gazetteer (geocode.gazetteer_path).

    New places are added, places of an earlier import are updated (by geonameid), places
    the build made get the dump's names. Importing a file again changes nothing. Exit
    code 1 when damaged lines were skipped (examples are printed).
    """
    from eventscope.geocode.importer import import_geonames

    settings = settings_from_context(ctx).geocode
    path = Path(settings.gazetteer_path) if settings.gazetteer_path else None
    stats = import_geonames(
        files, path, progress=lambda line: click.echo(line, err=True), batch_size=batch_size
    )
    click.echo(f"files: {', '.join(stats.files)}")
    click.echo(f"rows read: {stats.rows}")
    click.echo(f"places imported: {stats.imported}")
    click.echo(f"places updated: {stats.updated}")
    click.echo(f"built places enriched: {stats.enriched}")
    click.echo(f"names indexed: {stats.names}")
    for reason, count in sorted(stats.skipped.items()):
        click.echo(f"skipped: {reason}: {count}")
    for example in stats.examples:
        click.echo(f"  {example}")
    return EXIT_SKIPS if stats.malformed else EXIT_OK
