"""``eventscope geocode`` on a name the gazetteer lacks (round 7): the area or town the
query puts it in, at a coarser precision, with ``unresolved_name`` saying what was not
found; in single-query and JSONL batch mode alike."""

from __future__ import annotations

import json
from pathlib import Path

from factories import es


def _rows(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode().splitlines()]


def test_unknown_village_answers_its_province_and_names_itself(tmp_path: Path) -> None:
    batch = tmp_path / "queries.jsonl"
    lines = ['{"query": "Al-Salhiya in Deir Ezzor"}', '{"query": "Tawila", "country": "SD"}']
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = es("geocode", "Al-Salhiya, Deir Ezzor", "--jsonl", str(batch), cwd=tmp_path)
    single, in_town, abroad = _rows(result.stdout)
    assert (single["iso"], single["feature"], single["geo_precision"]) == ("SY", "admin1", 3)
    assert single["unresolved_name"] == "Al-Salhiya" and single["confidence"] <= 0.5
    assert (in_town["feature"], in_town["geo_precision"]) == ("city", 2)
    assert in_town["unresolved_name"] == "Al-Salhiya"
    assert abroad == {
        "query": "Tawila", "unresolved": "below confidence: only a namesake abroad (Yemen)"
    }  # fmt: skip
    assert result.returncode == 1  # one query unresolved
