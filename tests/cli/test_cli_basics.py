"""CLI behaviour that needs no models: help, usage errors, config errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factories import es


def test_help_lists_every_spec_command() -> None:
    result = es("--help")
    assert result.returncode == 0
    for command in ("run", "ingest", "process", "export", "events", "demo", "geocode"):
        assert command in result.stdout.decode()


def test_help_does_not_load_models() -> None:
    code = (
        "import sys, eventscope.cli.main as m\n"
        "try:\n    m.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules and 'trafilatura' not in sys.modules\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


@pytest.mark.parametrize("args", [["export", "--format", "nope"], ["run"], ["bogus-command"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert es(*args).returncode == 2


def test_bad_setting_is_one_line_error_with_hint(tmp_path: Path) -> None:
    result = es("--set", "geocode.nope=1", "config", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith("Error [ES-CONFIG-001]: unknown setting geocode.nope")
    assert "Hint:" in err and "Traceback" not in err


def test_unsupported_database_url_is_reported(tmp_path: Path) -> None:
    result = es("events", "--db", "mysql://x/y", cwd=tmp_path)
    assert result.returncode == 2
    assert "ES-STORE-002" in result.stderr.decode()


def test_environment_overrides_settings(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "EVENTSCOPE__RESOLVE__MAX_DISTANCE_KM": "12.5"}
    result = subprocess.run(
        [sys.executable, "-m", "eventscope", "config"], capture_output=True, env=env, cwd=tmp_path
    )
    assert "resolve.max_distance_km = 12.5" in result.stdout.decode()
