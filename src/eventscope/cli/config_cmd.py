"""``eventscope config``: list every setting with its value and help."""

from __future__ import annotations

import click

from eventscope.cli.common import settings_from_context
from eventscope.config import describe_settings


@click.command()
@click.pass_context
def config(ctx: click.Context) -> int:
    """Show the settings in force (defaults < eventscope.toml < environment < --set)."""
    for name, value, help_text in describe_settings(settings_from_context(ctx)):
        click.echo(f"{name} = {value!r}\n    {help_text}")
    return 0
