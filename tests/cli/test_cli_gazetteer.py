"""``eventscope gazetteer import`` as a user runs it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from eventscope.errors import ModelError
from eventscope.geocode import default_gazetteer_path, open_gazetteer
from factories import es

DATA = Path(__file__).resolve().parents[1] / "data" / "geonames"
log = logging.getLogger(__name__)


@pytest.fixture(scope="module")
def built_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built gazetteer (reused from the cache when current), as tests/geocode uses it."""
    try:
        return open_gazetteer(default_gazetteer_path()).path
    except ModelError as exc:  # a read-only cache directory: build privately instead
        log.warning("cannot build the gazetteer in the cache (%s); using a temporary one", exc)
        return open_gazetteer(tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite").path


@pytest.fixture
def work_copy(built_gazetteer: Path, tmp_path: Path) -> Path:
    """A private copy: the command under test never writes into the user's cache."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(built_gazetteer, target)
    return target


def _run(target: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return es("--set", f"geocode.gazetteer_path={target}", *args, cwd=cwd)


def test_import_then_geocode_finds_the_new_place(work_copy: Path, tmp_path: Path) -> None:
    sy, alternates = str(DATA / "SY.txt"), str(DATA / "alternateNamesV2.txt")
    result = _run(work_copy, "gazetteer", "import", sy, alternates, cwd=tmp_path)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, err
    assert "places imported: 7" in out and "built places enriched: 5" in out
    assert "skipped: historic name: 1" in out
    assert "SY.txt: done, 14 rows read" in err  # progress goes to stderr
    found = _run(work_copy, "geocode", "Umm Dulaym", "Khirbet Umm Dleim", cwd=tmp_path)
    assert found.returncode == 0, found.stderr.decode()
    rows = [json.loads(line) for line in found.stdout.decode().splitlines()]
    assert [r["name"] for r in rows] == ["Khirbat Umm Dulaym"] * 2
    assert rows[0]["admin1"] == "Aleppo" and rows[0]["latitude"] == 36.05312


def test_damaged_lines_exit_1_with_examples(work_copy: Path, tmp_path: Path) -> None:
    lines = (DATA / "SY.txt").read_text(encoding="utf-8").splitlines()
    damaged = tmp_path / "SY.txt"
    damaged.write_bytes(("\n".join(lines[:3]) + "\nnot\ta\tplace\n").encode() + b"\xff\n")
    result = _run(work_copy, "gazetteer", "import", str(damaged), cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1, result.stderr.decode()
    assert "skipped: wrong column count: 1" in out and "skipped: not UTF-8: 1" in out
    assert "rows read: 5" in out and "places imported: 0" in out
    assert "SY.txt:4: wrong column count (3 columns)" in out
    assert "SY.txt:5: not UTF-8" in out


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: d / "missing.txt", "ES-GEO-005"),
        (lambda d: _write(d / "events.csv", "id,name,lat\n1,Aleppo,36.2\n"), "ES-GEO-006"),
    ],
)
def test_bad_input_is_one_line_error_with_hint(
    work_copy: Path,
    tmp_path: Path,
    make: Callable[[Path], Path],
    code: str,
) -> None:
    before = work_copy.read_bytes()
    result = _run(work_copy, "gazetteer", "import", str(make(tmp_path)), cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith(f"Error [{code}]") and "\nHint: " in err and "Traceback" not in err
    assert work_copy.read_bytes() == before


def test_refuses_a_target_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    target = _write(tmp_path / "mine.sqlite", "precious\n")
    result = _run(target, "gazetteer", "import", str(DATA / "SY.txt"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("Error [ES-GEO-004]")
    assert target.read_text(encoding="utf-8") == "precious\n"


def test_usage() -> None:
    assert es("gazetteer", "import").returncode == 2  # FILE is required
    helped = es("gazetteer", "--help")
    assert helped.returncode == 0 and "import" in helped.stdout.decode()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
