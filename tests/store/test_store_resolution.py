"""Store queries behind incremental resolution: migration 4's columns and the near-query."""

from __future__ import annotations

import math
import random
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventscope.models import Mention, Place, RawDocument
from eventscope.resolve.replay import Probe
from eventscope.store import ProcessedDocument, Store
from eventscope.store import schema as schema_module
from eventscope.store.codec import to_json
from eventscope.store.resolution import ResolutionStore, _km, _within, bounding_box
from factories import DEIR, article, mention

_COLUMNS = "mention_id, day_start, day_span, latitude, longitude, geo_precision"
_TYPES = ("Battles", "Explosions/Remote violence")


def _save(store: Store, mentions: list[Mention]) -> None:
    docs = sorted({m.doc_id for m in mentions})
    store.add_documents([RawDocument(d, f"{d}.txt", d.encode(), "text") for d in docs], 0)
    store.save_processed(
        [
            ProcessedDocument(d, {}, article(d), [m for m in mentions if m.doc_id == d])
            for d in docs
        ],
        0,
    )


def _place(rnd: random.Random, lat: float, lon: float, iso: str) -> Place:
    precision = rnd.choice((1, 1, 1, 2, 3))
    return replace(DEIR, latitude=lat, longitude=lon, iso=iso, geo_precision=precision,
                   gazetteer_id=None, name=f"p{lat:.5f}")  # fmt: skip


def _random_mentions(rnd: random.Random, n: int) -> list[Mention]:
    """Mentions around a few centres (one near the antimeridian, one far north), at distances
    close to 50 km, with day, week and month windows, datetimes, no date and no place."""
    centres = [(35.3, 40.1, "SY"), (35.5, 40.6, "SY"), (-16.5, 179.6, "FJ"), (78.2, 15.6, "SJ")]
    base = date(2025, 3, 1)
    out = []
    for i in range(n):
        lat0, lon0, iso = rnd.choice(centres)
        km = rnd.uniform(0, 120)
        bearing = rnd.uniform(0, 2 * math.pi)
        lat = lat0 + math.degrees(km / 6371.0) * math.cos(bearing)
        lon = lon0 + math.degrees(km / 6371.0) * math.sin(bearing) / math.cos(math.radians(lat))
        lon = (lon + 180.0) % 360.0 - 180.0
        start = base + timedelta(days=rnd.randrange(60))
        end = start + timedelta(days=rnd.choice((0, 0, 0, 6, 29, 30)))
        ds = start.isoformat() + rnd.choice(("", "T10:30:00"))
        doc = f"d{rnd.randrange(n // 2)}"
        m = mention(doc, start=i * 10, event_type=rnd.choice(_TYPES), date_start=ds,
                    date_end=end.isoformat(), location=_place(rnd, lat, lon, iso))  # fmt: skip
        if rnd.random() < 0.1:
            m = replace(m, date_start=None, date_end=None)
        elif rnd.random() < 0.15:
            m = replace(m, location=None)
        out.append(m)
    return out


def _window(m: Mention) -> tuple[int, int] | None:
    if not m.date_start:
        return None
    start = date.fromisoformat(m.date_start[:10]).toordinal()
    return start, date.fromisoformat((m.date_end or m.date_start)[:10]).toordinal()


def _python_near(mentions: list[Mention], probes: list[Probe]) -> set[tuple[str, str]]:
    """The near-query's answer computed from the records: report keys with a mention that
    may link to a probe (placed near it, or unplaced with a sibling of its report placed
    near it)."""
    out = set()
    for p in probes:
        for m in mentions:
            w = _window(m)
            if m.event_type != p.event_type or w is None or w[1] < p.lo or w[0] > p.hi:
                continue
            loc = m.location
            if loc is None:
                placed_there = any(
                    s.doc_id == m.doc_id and s.event_type == m.event_type
                    and s.location is not None and s.location.iso == p.iso
                    and _within(p, s.location.latitude, s.location.longitude,
                                s.location.geo_precision)
                    for s in mentions
                )  # fmt: skip
                if placed_there:
                    out.add((m.doc_id, m.event_type))
            elif loc.iso == p.iso and _within(p, loc.latitude, loc.longitude, loc.geo_precision):
                out.add((m.doc_id, m.event_type))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_near_query_returns_what_the_python_filter_does(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    ms = _random_mentions(rnd, 300)
    ms = list({m.mention_id: m for m in ms}.values())
    probes = [
        Probe(
            m.event_type,
            m.location.iso,
            w[0] - 1,
            w[1] + 1,
            m.location.latitude,
            m.location.longitude,
            None if m.location.geo_precision == 3 else 50.0,
        )
        for m in rnd.sample(ms, 40)
        if m.location is not None and (w := _window(m)) is not None
    ]
    with Store(tmp_path / "es.db") as store:
        _save(store, ms)
        got = ResolutionStore(store).mentions_near(probes, set())
        keys = {(m.doc_id, m.event_type) for m in got}
        want = _python_near(ms, probes)
        assert keys == want
        # Whole reports come back: every mention of each key, and nothing else.
        assert sorted(m.mention_id for m in got) == sorted(
            m.mention_id for m in ms if (m.doc_id, m.event_type) in want
        )
        skip = set(list(want)[:5])
        again = ResolutionStore(store).mentions_near(probes, skip)
        assert {(m.doc_id, m.event_type) for m in again} == want - skip


def test_bounding_box_holds_every_point_the_distance_filter_accepts() -> None:
    rnd = random.Random(7)
    for _ in range(3000):
        lat, lon = rnd.uniform(-88.5, 88.5), rnd.uniform(-180, 180)
        probe = Probe("Battles", "XX", 0, 0, lat, lon, rnd.choice((5.0, 50.0, 300.0)))
        south, north, west, east = bounding_box(probe)
        assert probe.radius_km is not None
        km = rnd.uniform(0, probe.radius_km + 1.0)
        bearing = rnd.uniform(0, 2 * math.pi)
        # A destination point on the sphere (exact, not the flat approximation).
        d, p1, l1 = km / 6371.0, math.radians(lat), math.radians(lon)
        p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
        l2 = l1 + math.atan2(
            math.sin(bearing) * math.sin(d) * math.cos(p1),
            math.cos(d) - math.sin(p1) * math.sin(p2),
        )
        lat2, lon2 = math.degrees(p2), (math.degrees(l2) + 180.0) % 360.0 - 180.0
        if _km(lat, lon, lat2, lon2) <= probe.radius_km + 1.0:
            assert south <= lat2 <= north and west <= lon2 <= east


def test_migration_4_fills_the_near_columns_of_a_store_at_migration_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ms = _random_mentions(random.Random(3), 80)
    ms = list({m.mention_id: m for m in ms}.values())
    with Store(tmp_path / "new.db") as store:  # written by the current writer
        _save(store, ms)
        want = store.conn.execute(f"SELECT {_COLUMNS} FROM mentions ORDER BY 1").fetchall()
    # A store created before migration 4, its mentions written as the writer then did.
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:3])
    with Store(tmp_path / "old.db") as store:
        docs = sorted({m.doc_id for m in ms})
        store.add_documents([RawDocument(d, f"{d}.txt", d.encode(), "text") for d in docs], 0)
        with store.transaction() as tx:
            for m in ms:
                tx.execute(
                    "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)",
                    (m.mention_id, m.doc_id, m.event_type, m.modality, m.date_start, m.date_end,
                     m.location.iso if m.location else None, None, to_json(m)),
                )  # fmt: skip
    monkeypatch.undo()
    with Store(tmp_path / "old.db") as store:
        got = store.conn.execute(f"SELECT {_COLUMNS} FROM mentions ORDER BY 1").fetchall()
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations")]
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert versions == [1, 2, 3, 4]
    assert got == want
    assert sum(r[1] is not None for r in got) > 40 and sum(r[3] is not None for r in got) > 40
    assert {"mentions_near", "mentions_report"} <= indexes
    assert not {"mentions_block", "mentions_doc"} & indexes


def test_day_columns_are_python_day_ordinals(tmp_path: Path) -> None:
    m = mention("d1", date_start="2024-02-28T23:00:00", date_end="2024-03-01")
    with Store(tmp_path / "es.db") as store:
        _save(store, [m])
        row = store.conn.execute("SELECT day_start, day_span FROM mentions").fetchone()
    assert row == (date(2024, 2, 28).toordinal(), 2)
    with sqlite3.connect(":memory:") as conn:  # the migration's arithmetic agrees
        sql = "SELECT CAST(julianday('2024-02-28') - 1721424.5 AS INTEGER)"
        assert conn.execute(sql).fetchone()[0] == row[0]
