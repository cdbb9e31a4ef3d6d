"""Gazetteer build: atomic, versioned, indexed; default path; lazy opening; supplement."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventscope.errors import ConfigError, ModelError
from eventscope.geocode import Gazetteer, build_gazetteer, default_gazetteer_path, open_gazetteer
from eventscope.geocode import build as build_module
from eventscope.geocode.build import GAZETTEER_VERSION, build_fingerprint, read_meta
from eventscope.geocode.resolver import FEATURE_PRECISION
from eventscope.geocode.sources import SUPPLEMENT_CSV, PlaceRecord, display_name, keep_alternate

TINY = [
    PlaceRecord("geonames:1", "Deir ez-Zor", 35.33, 40.14, "city", "SY", "Syria",
                alt_names=("Dayr az Zawr",), population=271800),
    PlaceRecord("geonames:2", "Syria", 35.0, 38.0, "country", "SY", "Syria",
                alt_names=("Syrian Arab Republic",)),
]  # fmt: skip


def fake_records(fail_after: int | None = None):
    def records(progress, demonyms_out=None) -> Iterator[PlaceRecord]:
        if demonyms_out is not None:
            demonyms_out["Syrian"] = "SY"
        for i, rec in enumerate(TINY):
            if fail_after is not None and i >= fail_after:
                raise RuntimeError("killed mid-build")
            yield rec

    return records


def test_small_build_is_versioned_and_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "iter_records", fake_records())
    messages: list[str] = []
    path = build_gazetteer(tmp_path / "sub" / "g.sqlite", progress=messages.append)
    assert path.exists() and messages
    meta = read_meta(path)
    assert meta["version"] == str(GAZETTEER_VERSION)
    assert meta["fingerprint"] == build_fingerprint() and meta["places"] == "2"
    con = sqlite3.connect(path)
    plan = " ".join(str(r) for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT place_id FROM names WHERE norm = 'syria'"))  # fmt: skip
    assert "SEARCH" in plan  # an index lookup, not a table scan
    keys = {r[0] for r in con.execute("SELECT norm FROM names")}
    assert {"deir al zor", "deir zor", "dayr al zawr", "syria"} <= keys
    assert con.execute("SELECT iso FROM demonyms WHERE norm = 'syrian'").fetchone() == ("SY",)
    con.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["g.sqlite"]  # no temp left


def test_killed_build_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"previous gazetteer")
    monkeypatch.setattr(build_module, "iter_records", fake_records(fail_after=1))
    with pytest.raises(RuntimeError, match="killed"):
        build_gazetteer(path)
    assert path.read_bytes() == b"previous gazetteer"
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]


def test_killed_first_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "iter_records", fake_records(fail_after=1))
    with pytest.raises(RuntimeError):
        build_gazetteer(tmp_path / "g.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EVENTSCOPE_GAZETTEER", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = tmp_path / "eventscope" / f"gazetteer-v{GAZETTEER_VERSION}.sqlite"
    assert default_gazetteer_path() == expected
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_gazetteer_path().parent == Path.home() / ".cache" / "eventscope"
    monkeypatch.setenv("EVENTSCOPE_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_gazetteer_path() == tmp_path / "mine.sqlite"


def test_open_without_building_raises_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        open_gazetteer(tmp_path / "absent.sqlite", build_if_missing=False)
    assert info.value.code == "ES-GEO-001" and info.value.hint
    assert not (tmp_path / "absent.sqlite").exists()


def test_unreadable_file_raises_a_coded_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ModelError) as info:
        Gazetteer(junk)
    assert info.value.code == "ES-GEO-002"


def test_unwritable_location_raises_a_coded_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a directory should be")
    with pytest.raises(ModelError) as info:
        open_gazetteer(blocker / "sub" / "g.sqlite")
    assert info.value.code == "ES-GEO-003" and "EVENTSCOPE_GAZETTEER" in info.value.hint


def test_open_builds_lazily_and_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "iter_records", fake_records())
    target = tmp_path / "lazy.sqlite"
    gaz = open_gazetteer(target)
    assert target.exists() and open_gazetteer(target) is gaz
    assert [c.name for c in gaz.candidates("Dayr az-Zawr")] == ["Deir ez-Zor"]


def test_importing_the_stage_loads_nothing(tmp_path: Path) -> None:
    target = tmp_path / "never.sqlite"
    code = ("import eventscope.geocode as g, eventscope.geocode.gazetteer as z;"
            "g.Geocoder(); assert not z._OPEN")  # fmt: skip
    env = {**os.environ, "EVENTSCOPE_GAZETTEER": str(target)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not target.exists()


def test_real_gazetteer_contents(gazetteer: Gazetteer) -> None:
    meta = read_meta(gazetteer.path)
    assert meta["version"] == str(GAZETTEER_VERSION) and int(meta["places"]) > 250_000
    con = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    features = dict(con.execute("SELECT feature, count(*) FROM places GROUP BY feature"))
    assert features["city"] > 200_000 and features["country"] > 240
    assert features["admin1"] > 3_000 and features["admin2"] > 10_000
    assert {"airport", "airbase", "region", "river", "crossing"} <= set(features)
    sources = {r[0] for r in con.execute("SELECT source FROM places WHERE gid LIKE 'supplement:%'")}
    assert sources and all(s.startswith("Wikipedia: ") for s in sources)
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM places")  # opened read-only
    con.close()


def test_supplement_rows_are_well_formed() -> None:
    with open(SUPPLEMENT_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 20
    for row in rows:
        assert row["feature"] in FEATURE_PRECISION, row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        # Areas spanning several countries (the Middle East, an ocean) have no ISO code.
        multinational = row["iso"] == "" and row["feature"] in {"region", "sea"}
        assert multinational or (len(row["iso"]) == 2 and row["iso"].isupper())
        assert row["source"].startswith("Wikipedia: ")
    assert len({r["name"] for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("primary", "aliases", "expected"),
    [
        ("Ḩalab", ("Aleppo", "Aleppo Governorate", "حلب"), "Aleppo"),
        ("Kharkivska oblast", ("Kharkiv", "Kharkiv Oblast"), "Kharkiv"),
        ("Ţarţūs", ("Tartus Governorate",), "Tartus"),
        ("Île-de-France", ("Région Île-de-France", "Île-de-France Region"), "Île-de-France"),
        ("Thüringen", ("Free State of Thuringia",), "Thüringen"),
        # a plain Latin name keeps itself: "Golden State" is a nickname, not "Golden"
        ("California", ("Alta California", "Golden State", "State of California"), "California"),
    ],
)
def test_division_display_name(primary: str, aliases: tuple[str, ...], expected: str) -> None:
    assert display_name(primary, aliases) == expected


@pytest.mark.parametrize(
    ("name", "kept"),
    [("Deir Azzor", True), ("DEZ", False), ("dyr alzwr", False), ("دير الزور", False),
     ("Dayr az Zūr", True), ("Дейр-ез-Зор", False)],
)  # fmt: skip
def test_alternate_name_filter(name: str, kept: bool) -> None:
    assert keep_alternate(name) is kept


@pytest.mark.parametrize("content", [b"", b"not a database at all", None])
def test_never_builds_over_a_file_that_is_not_a_gazetteer(
    tmp_path: Path, content: bytes | None
) -> None:
    target = tmp_path / "precious.db"
    if content is None:  # another application's SQLite database
        with sqlite3.connect(target) as con:
            con.execute("CREATE TABLE documents (x)")
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    with pytest.raises(ConfigError):
        open_gazetteer(target)
    assert target.read_bytes() == before
