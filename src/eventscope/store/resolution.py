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
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from eventscope.models import Article, Event, Mention
from eventscope.store.codec import article_from_json, mention_from_json
from eventscope.store.sqlite import _CURRENT, Store, insert_event

if TYPE_CHECKING:
    from eventscope.resolve.incremental import Probe

# Mentions near a probe: of its block (event type, country) with a window meeting its days,
# placed in that country, or unplaced but with a mention of that type placed there (a report's
# lead can be an unplaced sentence that takes its place from another sentence of its report).
# The probes come as one JSON list; CROSS JOIN keeps them the outer loop, one index range each.
_NEAR = """
WITH w(k, t, iso, lo0, lo, hi) AS (
  SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
         json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
  FROM json_each(?))
SELECT w.k, m.doc_id, json_extract(p.record, '$.latitude'), json_extract(p.record, '$.longitude'),
       json_extract(p.record, '$.geo_precision')
  FROM w CROSS JOIN mentions m LEFT JOIN places p ON p.place_key = m.place_key
 WHERE m.event_type = w.t AND m.iso = w.iso AND m.date_start >= w.lo0 AND m.date_start < w.hi
   AND COALESCE(m.date_end, m.date_start) >= w.lo
UNION ALL
SELECT w.k, a.doc_id, NULL, NULL, NULL FROM w CROSS JOIN mentions a
 WHERE a.event_type = w.t AND a.iso IS NULL AND a.date_start >= w.lo0 AND a.date_start < w.hi
   AND COALESCE(a.date_end, a.date_start) >= w.lo
   AND EXISTS (SELECT 1 FROM mentions b INDEXED BY mentions_doc WHERE b.doc_id = a.doc_id
               AND b.event_type = w.t AND b.iso = w.iso)
"""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _within(probe: Probe, lat: float | None, lon: float | None, precision: int | None) -> bool:
    """Whether a candidate mention may link: unplaced or country-level ones always may."""
    if probe.radius_km is None or lat is None or lon is None or precision == 3:
        return True
    return _km(probe.latitude, probe.longitude, lat, lon) <= probe.radius_km + 1.0  # float slack


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


class ResolutionStore:
    """Incremental-resolution access to one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._span: int | None = None

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

    def window_span_days(self) -> int:
        """The longest date window of any mention: how far before a date a window can start."""
        if self._span is None:
            row = self.conn.execute(
                "SELECT MAX(julianday(COALESCE(date_end, date_start)) - julianday(date_start))"
                " FROM mentions WHERE date_start IS NOT NULL"
            ).fetchone()
            self._span = int(row[0] or 0) + 1
        return self._span

    def mentions_near(self, probes: Sequence[Probe], skip_docs: set[str]) -> list[Mention]:
        """Every mention of the current documents (other than ``skip_docs``) that have a
        mention which may link to one of the probes."""
        span = self.window_span_days()
        rows = [
            [p.event_type, p.iso, _iso(p.lo - span), _iso(p.lo), _iso(p.hi + 1)]
            for p in probes  # hi + 1, exclusive: datetimes on day hi still count
        ]
        docs = {
            doc
            for k, doc, lat, lon, precision in self.conn.execute(_NEAR, (json.dumps(rows),))
            if doc not in skip_docs and _within(probes[k], lat, lon, precision)
        }
        return self._mentions_of(sorted(docs))

    def _mentions_of(self, doc_ids: Sequence[str]) -> list[Mention]:
        out: list[Mention] = []
        for k in range(0, len(doc_ids), 500):
            chunk = doc_ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT record FROM mentions WHERE doc_id IN ({marks}) AND {_CURRENT}", chunk
            )
            out.extend(mention_from_json(r[0]) for r in rows)
        return out

    def assignments(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """mention id -> event id, for those of ``mention_ids`` that are resolved."""
        ids = list(mention_ids)
        out: dict[str, str] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.conn.execute(
                    "SELECT mention_id, event_id FROM event_mentions"
                    f" WHERE mention_id IN ({marks})",
                    chunk,
                )
            )
        return out

    def articles_for(self, doc_ids: Iterable[str]) -> dict[str, Article]:
        ids = sorted(set(doc_ids))
        out: dict[str, Article] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT record FROM articles WHERE doc_id IN ({marks})", chunk
            )
            out.update((a.doc_id, a) for a in map(article_from_json, (r[0] for r in rows)))
        return out

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
