"""Optional: render report.html in headless Chromium and check the table and its script work."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from eventscope.export import ExportBundle, write_all

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)  # fmt: skip

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed; browser rendering check skipped"
)

# Appended to a copy of the report: sort by fatalities (ascending), then filter to "Aleppo".
DRIVER = """<script>
document.querySelectorAll('#events-table th button')[7].click();
var f = document.getElementById('filter'); f.value = 'aleppo';
f.dispatchEvent(new Event('input'));
</script></body>"""


def dump_dom(page: Path, profile: Path) -> str:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_renders_and_table_script_works(bundle: ExportBundle, tmp_path: Path) -> None:
    report = write_all(bundle, tmp_path / "out")["html"]
    plain = dump_dom(report, tmp_path / "profile")
    assert plain.count('<tr data-i="') == 2
    assert plain.count('class="dot"') == 1
    assert "alert(1)" not in re.sub(r"&lt;.*?&gt;", "", plain.replace("alert(1)&lt;", ""))

    driven = tmp_path / "driven.html"
    driven.write_text(report.read_text("utf-8").replace("</body>", DRIVER), "utf-8")
    dom = dump_dom(driven, tmp_path / "profile")
    rows = re.findall(r'<tr data-i="(\d+)"( hidden="")?', dom)
    assert [i for i, _ in rows] == ["2", "1"]  # sorted by fatalities, ascending
    assert [i for i, hidden in rows if not hidden] == ["1"]  # filtered to the Aleppo event
    assert 'aria-sort="ascending"' in dom
