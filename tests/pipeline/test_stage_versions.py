"""Stage versions follow the code and data: a changed lexicon re-processes stored documents."""

from __future__ import annotations

from pathlib import Path

from eventscope.config import Settings
from eventscope.models import RawDocument
from eventscope.pipeline import Pipeline
from eventscope.pipeline.stages import code_version
from eventscope.store import ProcessedDocument, Store
from factories import article


def test_code_versions_are_stable_and_distinct() -> None:
    assert code_version("extract") == code_version("extract")
    assert code_version("extract") != code_version("extract", ("triggers.json",))
    assert code_version("clean") != code_version("geocode")


def test_documents_from_older_stage_versions_are_pending_again(tmp_path: Path) -> None:
    with Store(tmp_path / "es.db") as store:
        store.add_documents([RawDocument("d1", "d1.txt", b"x", "text")], 1)
        pipeline = Pipeline(store, Settings())
        assert pipeline.pending() == ["d1"]
        old = {name: "old" for name in pipeline.stage_versions}
        store.save_processed([ProcessedDocument("d1", old, article("d1"))], 1)
        assert pipeline.pending() == ["d1"]
        store.save_processed([ProcessedDocument("d1", pipeline.stage_versions, article("d1"))], 2)
        assert pipeline.pending() == []
