"""``eventscope geocode``: resolve place names offline, print JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventscope.cli.common import settings_from_context
from eventscope.errors import ConfigError


def _read_jsonl(path: str) -> list[tuple[str, str | None]]:
    """Queries from a JSONL file: {"query": ..., "country": ...} or plain strings per line."""
    queries = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                "ES-GEO-002",
                f"{path}:{n}: invalid JSON ({exc.msg})",
                'Each line must be {"query": "...", "country": "SY"}.',
            ) from exc
        if isinstance(item, str):
            queries.append((item, None))
        elif isinstance(item, dict) and isinstance(item.get("query"), str):
            queries.append((item["query"], item.get("country")))
        else:
            raise ConfigError(
                "ES-GEO-002",
                f'{path}:{n}: expected a string or an object with "query"',
                'Each line must be {"query": "...", "country": "SY"}.',
            )
    return queries


@click.command()
@click.argument("queries", nargs=-1)
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.Path(exists=True, dir_okay=False),
    help="File with one query per line (JSON object with query and country).",
)
@click.option("--country", help="ISO alpha-2 country hint for all queries.")
@click.pass_context
def geocode(
    ctx: click.Context, queries: tuple[str, ...], jsonl_path: str | None, country: str | None
) -> int:
    """Resolve place names: chosen place, coordinates, precision and confidence, or why not.

    Prints one JSON line per query. Exit code 1 when any query is unresolved.
    A name the gazetteer lacks, placed by the query ("Al-Salhiya, Deir Ezzor",
    "Al-Salhiya in Deir Ezzor"), answers that area or town at a coarser precision with
    "unresolved_name": the name that was not found.
    """
    from eventscope.geocode import Geocoder, geocode_queries

    if not queries and not jsonl_path:
        raise click.UsageError("give QUERY arguments or --jsonl FILE")
    settings = settings_from_context(ctx)
    geocoder = Geocoder.from_settings(settings.geocode)
    items = [(q, country) for q in queries] + (_read_jsonl(jsonl_path) if jsonl_path else [])
    unresolved = 0
    for query, hint in items:
        for row in geocode_queries([query], hint or country, geocoder):
            unresolved += "unresolved" in row
            click.echo(json.dumps(row, ensure_ascii=False))
    return 1 if unresolved else 0
