"""Store queries behind incremental resolution.

A run that only added documents re-resolves just the neighbourhood of the new reports
(:mod:`eventscope.resolve.incremental`). These queries say whether that is safe (nothing
resolved before was re-processed, superseded or resolved under other rules), load the new
documents' mentions and the mentions of one block near some dates, and swap a few events in
one transaction.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from eventscope.models import Article, Event, Mention
from eventscope.store.codec import article_from_json, mention_from_json
from eventscope.store.sqlite import _CURRENT, Store, insert_event

if TYPE_CHECKING:
    from eventscope.resolve.replay import Probe

# Mentions near probes, one row of ``w`` per (probe, window length ``s`` found in the block):
# the block's mentions whose window has that length and starts in [a, b] (so it meets the
# probe's days), inside the probe's bounding box or placed at country level; a probe with no
# country (null) reads the unplaced mentions (resolve/unplaced.py: ``IS`` matches null and
# still uses the index). The probes come as one JSON list; CROSS JOIN keeps them the outer
# loop, one range of the covering index each.
_W = """WITH w(k, t, iso, s, a, b, y0, y1, x0, x1) AS (
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
         json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
         json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'),
         json_extract(value, '$[9]')
  FROM json_each(?))
"""
_PLACED = (
    _W
    + """SELECT w.k, m.doc_id, m.latitude, m.longitude, m.geo_precision
  FROM w CROSS JOIN mentions m INDEXED BY mentions_near
 WHERE m.event_type = w.t AND m.iso IS w.iso AND m.day_span = w.s
   AND m.day_start BETWEEN w.a AND w.b
   AND (m.latitude BETWEEN w.y0 AND w.y1 AND m.longitude BETWEEN w.x0 AND w.x1
        OR m.geo_precision = 3 OR m.latitude IS NULL OR m.longitude IS NULL)
"""
)
# Unplaced mentions (``s`` ranges over the lengths in the type's unplaced block) of a report
# key with a mention placed in the probe's country and box: a report's lead can be a dated,
# unplaced sentence that takes its place from another sentence of its report, which must then
# be near the probe. That sentence's place is returned, for the exact distance check.
_UNPLACED = (
    _W
    + """SELECT w.k, a.doc_id, b.latitude, b.longitude, b.geo_precision
  FROM w CROSS JOIN mentions a INDEXED BY mentions_near
       CROSS JOIN mentions b INDEXED BY mentions_report
 WHERE a.event_type = w.t AND a.iso IS NULL AND a.day_span = w.s AND a.day_start BETWEEN w.a AND w.b
   AND b.doc_id = a.doc_id AND b.event_type = w.t AND b.iso = w.iso
   AND (b.latitude BETWEEN w.y0 AND w.y1 AND b.longitude BETWEEN w.x0 AND w.x1
        OR b.geo_precision = 3 OR b.latitude IS NULL OR b.longitude IS NULL)
"""
)
# Reports of one event type, in any country or none, that name a place the gazetteer lacks
# (``unresolved_place`` evidence, or a name in the headline) and have a mention whose window
# meets the days [?2, ?3]: the partners an unplaced report may link to by that name
# (resolve/unplaced.py). Rare, so the covering index is read by event type alone and only
# those rows' reports are opened.
_NAMED = """SELECT DISTINCT b.doc_id FROM mentions a INDEXED BY mentions_near
  JOIN mentions b INDEXED BY mentions_report ON b.doc_id = a.doc_id AND b.event_type = a.event_type
 WHERE a.event_type = ?1 AND a.day_start <= ?3 AND a.day_start + a.day_span >= ?2
   AND (b.record LIKE '%"unresolved_place"%' OR b.record LIKE '%"headline_names":["%')
"""
# The window lengths present in one block, by skip-scan: one index seek per distinct length.
_SPANS = """WITH RECURSIVE s(v) AS (
  SELECT (SELECT day_span FROM mentions INDEXED BY mentions_near
           WHERE event_type = ?1 AND iso IS ?2 AND day_span IS NOT NULL
           ORDER BY day_span LIMIT 1)
  UNION ALL
  SELECT (SELECT day_span FROM mentions INDEXED BY mentions_near
           WHERE event_type = ?1 AND iso IS ?2 AND day_span > s.v ORDER BY day_span LIMIT 1)
    FROM s WHERE s.v IS NOT NULL)
SELECT v FROM s WHERE v IS NOT NULL
"""
# The mentions of some (document, event type) pairs, given as a JSON list, of current documents.
_REPORTS = f"""SELECT m.record FROM json_each(?) j CROSS JOIN mentions m INDEXED BY mentions_report
 WHERE m.doc_id = json_extract(j.value, '$[0]') AND m.event_type = json_extract(j.value, '$[1]')
   AND m.{_CURRENT}"""
_EARTH_KM = 6371.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _within(probe: Probe, lat: float | None, lon: float | None, precision: int | None) -> bool:
    """Whether a candidate mention may link: unplaced or country-level ones always may."""
    if probe.radius_km is None or lat is None or lon is None or precision == 3:
        return True
    return _km(probe.latitude, probe.longitude, lat, lon) <= probe.radius_km + 1.0  # float slack


def bounding_box(probe: Probe) -> tuple[float, float, float, float]:
    """(south, north, west, east) in degrees holding every point that ``_within`` accepts,
    with room to spare: SQL narrows by it, ``_within`` then decides exactly."""
    if probe.radius_km is None:
        return -1e9, 1e9, -1e9, 1e9
    dlat = math.degrees((probe.radius_km + 2.0) / _EARTH_KM) * 1.01 + 0.01
    top = abs(probe.latitude) + dlat
    lon = probe.longitude
    if top >= 89.0:  # near a pole any longitude may be close
        return probe.latitude - dlat, probe.latitude + dlat, -1e9, 1e9
    # The widest longitude offset at that distance is at the band's highest latitude.
    dlon = dlat / math.cos(math.radians(top))
    if lon - dlon < -180.0 or lon + dlon > 180.0:  # the box crosses the antimeridian
        return probe.latitude - dlat, probe.latitude + dlat, -1e9, 1e9
    return probe.latitude - dlat, probe.latitude + dlat, lon - dlon, lon + dlon


class ResolutionStore:
    """Incremental-resolution access to one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._span_cache: dict[tuple[str, str | None], list[int]] = {}

    def rules_key(self) -> str | None:
        row = self.conn.execute("SELECT value FROM resolve_state WHERE key = 'rules'").fetchone()
        return row[0] if row else None

    def record_rules(self, key: str) -> None:
        with self.store.transaction() as tx:
            tx.execute("INSERT OR REPLACE INTO resolve_state VALUES ('rules', ?)", (key,))

    def is_additive(self) -> bool:
        """Whether the resolved events are intact: every event still has all the mentions it
        was written with (re-processing a document deletes its links), and all of them come
        from current documents. Then only documents new since the last resolve differ."""
        n, counted, total = self.conn.execute(
            "SELECT COUNT(*), COUNT(mention_count), COALESCE(SUM(mention_count), 0) FROM events"
        ).fetchone()
        if n == 0 or counted < n:
            return False
        if self.conn.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0] != total:
            return False
        stale = self.conn.execute(
            "SELECT 1 FROM event_mentions JOIN mentions USING (mention_id)"
            " WHERE doc_id NOT IN (SELECT doc_id FROM document_inputs) LIMIT 1"
        ).fetchone()
        return stale is None

    def resolved_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0])

    def new_mentions(self) -> list[Mention]:
        """All mentions of the current documents none of whose mentions is resolved."""
        rows = self.conn.execute(
            "SELECT record FROM mentions WHERE doc_id IN ("
            " SELECT DISTINCT m.doc_id FROM mentions m LEFT JOIN event_mentions em"
            " USING (mention_id) WHERE em.mention_id IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM mentions m2 JOIN event_mentions em2"
            " USING (mention_id) WHERE m2.doc_id = mentions.doc_id)"
            f" AND {_CURRENT} ORDER BY mention_id"
        )
        return [mention_from_json(r[0]) for r in rows]

    def _spans(self, event_type: str, iso: str | None) -> list[int]:
        """The window lengths (days) of the dated mentions of a block, cached per run."""
        key = (event_type, iso)
        if key not in self._span_cache:
            rows = self.conn.execute(_SPANS, (event_type, iso))
            self._span_cache[key] = [r[0] for r in rows]
        return self._span_cache[key]

    def _rows(self, probes: Sequence[Probe], placed: bool) -> str:
        """The near-query's probe rows, one per (probe, window length of the block)."""
        rows = []
        for k, p in enumerate(probes):
            box = bounding_box(p)
            for s in self._spans(p.event_type, p.iso if placed else None):
                if p.max_span is not None and s > p.max_span:
                    continue  # no partner of this probe has so long a window (cross-type)
                rows.append([k, p.event_type, p.iso, s, p.lo - s, p.hi, *box])
        return json.dumps(rows)

    def mentions_near(self, probes: Sequence[Probe], skip: set[tuple[str, str]]) -> list[Mention]:
        """The mentions of the current reports (document, event type), other than those in
        ``skip``, one of whose mentions may link to one of the probes."""
        found: set[tuple[str, str]] = set()
        for p in probes:
            if p.named:
                for (doc,) in self.conn.execute(_NAMED, (p.event_type, p.lo, p.hi)):
                    if (doc, p.event_type) not in skip:
                        found.add((doc, p.event_type))
        probes = [p for p in probes if not p.named]
        for sql, placed in ((_PLACED, True), (_UNPLACED, False)):
            rows = self.conn.execute(sql, (self._rows(probes, placed),))
            for k, doc, lat, lon, precision in rows:
                key = (doc, probes[k].event_type)
                if key not in skip and key not in found and _within(probes[k], lat, lon, precision):
                    found.add(key)
        return self._mentions_of(sorted(found))

    def _mentions_of(self, reports: Sequence[tuple[str, str]]) -> list[Mention]:
        """The mentions of these (document, event type) pairs, of current documents only (the
        near-query does not look: superseded documents keep their mentions)."""
        out: list[Mention] = []
        for k in range(0, len(reports), 500):
            rows = self.conn.execute(_REPORTS, (json.dumps(reports[k : k + 500]),))
            out.extend(mention_from_json(r[0]) for r in rows)
        return out

    def event_reports(self, event_ids: Iterable[str], skip: set[tuple[str, str]]) -> list[Mention]:
        """The mentions of every report (document, event type) with a mention in one of
        these events, other than those in ``skip``."""
        keys: set[tuple[str, str]] = set(
            self._in_chunks(
                "SELECT DISTINCT m.doc_id, m.event_type FROM event_mentions em"
                " JOIN mentions m USING (mention_id) WHERE em.event_id IN ({marks})",
                list(event_ids),
            )
        )
        return self._mentions_of(sorted(keys - skip))

    def assignments(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """mention id -> event id, for those of ``mention_ids`` that are resolved."""
        sql = "SELECT mention_id, event_id FROM event_mentions WHERE mention_id IN ({marks})"
        return dict(self._in_chunks(sql, list(mention_ids)))

    def articles_for(self, doc_ids: Iterable[str]) -> dict[str, Article]:
        rows = self._in_chunks(
            "SELECT record FROM articles WHERE doc_id IN ({marks})", sorted(set(doc_ids))
        )
        return {a.doc_id: a for a in map(article_from_json, (r[0] for r in rows))}

    def _in_chunks(self, sql: str, ids: list[str]) -> Iterator[tuple]:
        """Rows of ``sql``, whose ``{marks}`` is an IN list, over ``ids`` in chunks of 500:
        SQLite caps the number of bound variables per statement."""
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            yield from self.conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def update_events(self, removed: Iterable[str], events: Sequence[Event]) -> bool:
        """Drop the ``removed`` events and write ``events`` in one transaction. Refuses (and
        returns False, changing nothing) when a new id belongs to an event that stays."""
        removed = set(removed)
        for e in events:
            if (
                e.event_id not in removed
                and self.conn.execute(
                    "SELECT 1 FROM events WHERE event_id = ?", (e.event_id,)
                ).fetchone()
            ):
                return False
        with self.store.transaction() as tx:
            for event_id in sorted(removed):
                tx.execute("DELETE FROM event_mentions WHERE event_id = ?", (event_id,))
                tx.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            for e in events:
                insert_event(tx, e)
        return True
