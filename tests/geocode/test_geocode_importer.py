"""GeoNames dump import: imported places are found like built ones, re-imports change
nothing, bad input is refused or skipped with a reason, and the gazetteer stays whole."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from eventscope.errors import ConfigError, ModelError
from eventscope.geocode import Gazetteer, Geocoder, Unresolved, open_gazetteer
from eventscope.geocode.gazetteer import forget_gazetteer
from eventscope.geocode.geonames_files import feature_for
from eventscope.geocode.importer import import_geonames
from eventscope.models import Place

DATA = Path(__file__).resolve().parents[1] / "data" / "geonames"
SY, ALTERNATES, ADMIN1 = (
    DATA / "SY.txt",
    DATA / "alternateNamesV2.txt",
    DATA / "admin1CodesASCII.txt",
)


@pytest.fixture
def work_copy(gazetteer_path: Path, tmp_path: Path) -> Path:
    """A private copy of the built gazetteer: tests never write into the user's cache."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_path, target)
    return target


def _resolve(path: Path, query: str, country: str | None = None) -> Place | Unresolved:
    gazetteer = Gazetteer(path)  # a fresh handle, never the process-wide cached one
    try:
        return Geocoder(gazetteer).resolve(query, country)
    finally:
        gazetteer.close()


def _rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _snapshot(path: Path) -> tuple[list[tuple], ...]:
    return tuple(
        _rows(path, f"SELECT * FROM {table} ORDER BY 1, 2")
        for table in ("places", "names", "meta", "demonyms")
    )


def _sy_lines() -> list[str]:
    return SY.read_text(encoding="utf-8").splitlines()


def test_imported_place_is_found_by_name_and_alternate_names(work_copy: Path) -> None:
    stats = import_geonames([SY, ALTERNATES], work_copy, progress=lambda _: None)
    assert (stats.imported, stats.updated, stats.enriched) == (7, 0, 5)
    place = _resolve(work_copy, "Khirbat Umm Dulaym")
    assert place.gazetteer_id == "geonames:11950101"
    assert (place.latitude, place.longitude) == (36.05312, 37.02417)
    # admin1 from the built Aleppo governorate (the dump's ADM1 row has the same id);
    # admin2 from the dump's own ADM2 row, which comes after the village in the file
    assert (place.admin1, place.admin2, place.country) == (
        "Aleppo",
        "Jabal Barakat District",
        "Syria",
    )
    # an alternate of the main dump, the preferred English name and a name only in
    # alternateNamesV2 all lead to it
    for query in ("Khirbet Umm Dulaim", "Umm Dulaym", "Khirbet Umm Dleim"):
        assert _resolve(work_copy, query).gazetteer_id == "geonames:11950101", query
    assert _rows(work_copy, "SELECT source FROM places WHERE gid = 'geonames:11950101'") == [
        ("geonames-import:SY.txt",)
    ]
    crossing = _resolve(work_copy, "Ayn Dulaym Border Post")
    assert (crossing.feature, crossing.geo_precision) == ("crossing", 1)


def test_skips_are_counted_by_reason(work_copy: Path) -> None:
    stats = import_geonames([SY, ALTERNATES], work_copy, progress=lambda _: None)
    assert stats.skipped == {
        "feature not kept (P)": 1,  # PPLH: a historical site, not a living town
        "feature not kept (S)": 1,  # a mosque: would compete with its village's name
        "code or link, not a name": 3,  # link, post, iata
        "historic name": 1,
        "not indexed (script, code or lower case)": 1,  # Arabic script
        "place not in gazetteer": 1,
    }
    assert stats.malformed == 0 and stats.rows == 25
    assert isinstance(_resolve(work_copy, "Barakat Tahtani"), Unresolved)
    assert not _rows(work_copy, "SELECT 1 FROM places WHERE gid = 'geonames:11950105'")


def test_reimport_changes_nothing(work_copy: Path) -> None:
    import_geonames([SY, ALTERNATES], work_copy, progress=lambda _: None)
    first = _snapshot(work_copy)
    stats = import_geonames([ALTERNATES, SY], work_copy, progress=lambda _: None)
    assert (stats.imported, stats.updated) == (0, 7)
    assert _snapshot(work_copy) == first


def test_built_places_keep_their_fields_and_gain_names(work_copy: Path) -> None:
    before = _rows(
        work_copy, "SELECT * FROM places WHERE gid IN ('geonames:170063', 'geonames:164816')"
    )
    assert isinstance(_resolve(work_copy, "Saraqueb"), Unresolved)
    import_geonames([SY, ALTERNATES], work_copy, progress=lambda _: None)
    after = _rows(
        work_copy, "SELECT * FROM places WHERE gid IN ('geonames:170063', 'geonames:164816')"
    )
    assert after == before  # name, admin names, source of the build unchanged
    assert _resolve(work_copy, "Saraqueb", "SY").gazetteer_id == "geonames:164816"


def test_update_of_an_imported_geonameid_replaces_it(work_copy: Path, tmp_path: Path) -> None:
    import_geonames([SY], work_copy, progress=lambda _: None)
    (old_id,) = _rows(work_copy, "SELECT id FROM places WHERE gid = 'geonames:11950107'")[0]
    lines = [line for line in _sy_lines() if line.startswith("11950107\t")]
    fields = lines[0].split("\t")
    fields[1:4] = ["Jubb al Ghazlan", "Jubb al Ghazlan", "Jubb al-Ghazlan"]
    fields[4], fields[14] = "36.3", "2500"
    updated = tmp_path / "SY.txt"
    updated.write_text("\t".join(fields) + "\n", encoding="utf-8")
    stats = import_geonames([updated], work_copy, progress=lambda _: None)
    assert (stats.imported, stats.updated) == (0, 1)
    row = _rows(
        work_copy, "SELECT id, name, lat, population FROM places WHERE gid = 'geonames:11950107'"
    )
    assert row == [(old_id, "Jubb al Ghazlan", 36.3, 2500)]
    assert _resolve(work_copy, "Jubb al-Ghazlan").gazetteer_id == "geonames:11950107"
    # the old names left the index with the old row
    assert isinstance(_resolve(work_copy, "Jubb al Ghazal"), Unresolved)


def test_admin_names_from_code_file_or_left_empty(work_copy: Path, tmp_path: Path) -> None:
    village = tmp_path / "SY.txt"
    village.write_text(
        "\n".join(line for line in _sy_lines() if line.startswith("11950102\t")) + "\n",
        encoding="utf-8",
    )
    import_geonames([village], work_copy, progress=lambda _: None)
    sql = "SELECT admin1 FROM places WHERE gid = 'geonames:11950102'"
    assert _rows(work_copy, sql) == [("",)]  # SY.10 is named nowhere: better empty than wrong
    import_geonames([ADMIN1, village], work_copy, progress=lambda _: None)
    assert _rows(work_copy, sql) == [("Idlib",)]


def test_malformed_lines_are_counted_and_skipped(work_copy: Path, tmp_path: Path) -> None:
    lines = _sy_lines()
    bad_lat = lines[5].split("\t")
    bad_lat[4] = "north"
    damaged = tmp_path / "SY.txt"
    damaged.write_bytes(
        "\n".join([*lines[:5], "\t".join(bad_lat[:18]), "\t".join(bad_lat)]).encode()
        + b"\n99999998\tBad \xff\xfe name"
        + b"\tx" * 17
        + b"\n"
        + "\n".join(lines[6:]).encode()
        + b"\n"
    )
    stats = import_geonames([damaged], work_copy, progress=lambda _: None)
    assert stats.skipped["wrong column count"] == 1
    assert stats.skipped["bad value"] == 1
    assert stats.skipped["not UTF-8"] == 1
    assert stats.malformed == 3
    assert any(example.startswith("SY.txt:6: wrong column count") for example in stats.examples)
    assert any(example.startswith("SY.txt:8: not UTF-8") for example in stats.examples)
    assert stats.imported == 6  # every other new place still came in
    assert _resolve(work_copy, "Mazraat Abu Hasan").gazetteer_id == "geonames:11950106"


def test_zip_members_are_read(work_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "GeoNames country file\n")
        zf.write(SY, "SY.txt")
    alt_zip = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(alt_zip, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\n")
        zf.write(ALTERNATES, "alternateNamesV2.txt")
    stats = import_geonames([archive, alt_zip], work_copy, progress=lambda _: None)
    assert stats.files == ["SY.zip:SY.txt", "alternateNamesV2.zip:alternateNamesV2.txt"]
    assert stats.imported == 7
    assert _resolve(work_copy, "Khirbet Umm Dleim").gazetteer_id == "geonames:11950101"


@pytest.mark.parametrize(
    ("members", "code"),
    [({"readme.txt": "hello\n"}, "ES-GEO-007"), ({"a.txt": "x\n", "b.txt": "y\n"}, "ES-GEO-007")],
)
def test_zip_without_data_member_is_refused(
    work_copy: Path, tmp_path: Path, members: dict[str, str], code: str
) -> None:
    archive = tmp_path / "dump.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    with pytest.raises(ConfigError) as info:
        import_geonames([archive], work_copy, progress=lambda _: None)
    assert info.value.code == code and info.value.hint


def test_bad_files_are_refused_before_anything_is_written(work_copy: Path, tmp_path: Path) -> None:
    before = work_copy.read_bytes()
    not_dump = tmp_path / "places.csv"
    not_dump.write_text("name,lat,lon\nAleppo,36.2,37.1\nIdlib,35.9,36.6\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        import_geonames([SY, not_dump], work_copy, progress=lambda _: None)
    assert info.value.code == "ES-GEO-006" and "not a GeoNames dump" in info.value.message
    with pytest.raises(ConfigError) as info:
        import_geonames([SY, tmp_path / "missing.txt"], work_copy, progress=lambda _: None)
    assert info.value.code == "ES-GEO-005"
    assert work_copy.read_bytes() == before  # SY.txt, the good file, was not imported alone


def test_refuses_to_write_into_a_file_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    target = tmp_path / "notes.sqlite"
    target.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        import_geonames([SY], target, progress=lambda _: None)
    assert info.value.code == "ES-GEO-004"
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_a_failed_file_keeps_whole_batches_and_says_how_far(
    work_copy: Path, tmp_path: Path
) -> None:
    template = _sy_lines()[5].split("\t")
    rows = []
    for i in range(20_000):
        template[0], template[1] = str(20_000_000 + i), f"Qaryat Tajriba {i}"
        rows.append("\t".join(template))
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("SY.txt", "\n".join(rows) + "\n")
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # damage the compressed stream, not the directory
    archive.write_bytes(bytes(data))
    with pytest.raises(ModelError) as info:
        import_geonames([archive], work_copy, progress=lambda _: None, batch_size=500)
    assert info.value.code == "ES-GEO-008"
    assert (
        "stopped after line" in info.value.message
        and "run the same import again" in info.value.hint
    )
    count = _rows(work_copy, "SELECT count(*) FROM places WHERE source = 'geonames-import:SY.zip'")[
        0
    ][0]
    # the batches finished before the damage are kept, and the error says how many
    assert 0 < count < 20_000 and f"{count:,} places imported" in info.value.message
    # no half-written place: every kept place has its names, no name lost its place
    orphans = "SELECT count(*) FROM names WHERE place_id NOT IN (SELECT id FROM places)"
    nameless = (
        "SELECT count(*) FROM places p WHERE source = 'geonames-import:SY.zip' "
        "AND NOT EXISTS (SELECT 1 FROM names n WHERE n.place_id = p.id)"
    )
    assert _rows(work_copy, orphans) == _rows(work_copy, nameless) == [(0,)]
    assert _resolve(work_copy, "Qaryat Tajriba 5").gazetteer_id == "geonames:20000005"


@pytest.mark.parametrize(
    ("cls", "code", "feature"),
    [("P", "PPL", "city"), ("P", "PPLW", "city"), ("P", "PPLH", None), ("A", "ADM1", "admin1"),
     ("S", "AIRB", "airbase"), ("S", "MSQE", None), ("H", "WAD", "river"), ("T", "HLL", None)],
)  # fmt: skip
def test_feature_codes_map_to_gazetteer_features(cls: str, code: str, feature: str | None) -> None:
    assert feature_for(cls, code) == feature


def test_this_process_sees_the_import(work_copy: Path) -> None:
    """A gazetteer opened before the import is not served from the stale handle after it."""
    assert not open_gazetteer(work_copy).candidates("Jubb al Ghazal")
    import_geonames([SY], work_copy, progress=lambda _: None)
    fresh = open_gazetteer(work_copy)
    try:
        assert [c.gid for c in fresh.candidates("Jubb al Ghazal")] == ["geonames:11950107"]
    finally:
        forget_gazetteer(work_copy)
