"""``eventscope events``: list resolved events, filtered."""

from __future__ import annotations

import json

import click

from eventscope.cli.common import db_option, iso_date


@click.command()
@db_option
@click.option("--since", callback=iso_date, help="Only events on or after this ISO date.")
@click.option("--until", callback=iso_date, help="Only events on or before this ISO date.")
@click.option("--country", help="ISO 3166-1 alpha-2 country code.")
@click.option("--type", "event_type", help="ACLED event type or sub-event type.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events(
    db: str,
    since: str | None,
    until: str | None,
    country: str | None,
    event_type: str | None,
    as_json: bool,
) -> int:
    """List resolved events."""
    from eventscope.store import Store
    from eventscope.store.queries import EventFilter, filter_events

    with Store.open(db, create=False) as store:
        selected = list(filter_events(store, EventFilter(since, until, country, event_type)))
    if as_json:
        for e in selected:
            click.echo(json.dumps(e, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(selected)} events")
    for col in ("date", "type", "actor1", "location", "fatalities", "sources"):
        table.add_column(col)
    for e in selected:
        table.add_row(
            e["event_date"] or "?",
            e["sub_event_type"],
            e["actor1"],
            e["location"],
            e["fatalities_range"],
            str(e["source_count"]),
        )
    Console().print(table)
    return 0
