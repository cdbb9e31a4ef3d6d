"""Actor coding that needs the event's place, through a real run: state forces abroad are
External/Other Forces (inter 8) and class labels carry the event's country."""

from __future__ import annotations

import json
from pathlib import Path

from factories import es

ARTICLES = [
    {
        "id": "mali",
        "source": "Sahel Desk",
        "published": "2025-03-10",
        "text": "French troops killed 12 jihadists near Menaka in Mali on Sunday, the army said.",
    },
    {
        "id": "kenya",
        "source": "Nairobi Desk",
        "published": "2025-05-20",
        "text": "Police fired tear gas at protesters in Nairobi, Kenya on Tuesday.",
    },
]


def test_foreign_forces_and_class_labels_are_coded_by_the_event_country(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    result = es("run", str(feed), "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    events = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    by_country = {e["country"]: e for e in events}
    mali = by_country["Mali"]
    assert mali["actor1"] == "Military Forces of France" and mali["inter1"] == 8
    kenya = by_country["Kenya"]
    assert "Protesters (Kenya)" in (kenya["actor1"], kenya["actor2"])
