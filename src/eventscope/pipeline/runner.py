"""The run loop: ingest into the store, push pending documents through the stages in batches,
resolve events across documents, and export.

Only this module writes to the store (through :class:`Store`), one transaction per batch, so a
killed run leaves whole batches and the next run resumes from the stage status.
"""

from __future__ import annotations

import logging
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO

from eventscope.config import Settings
from eventscope.errors import EventscopeError
from eventscope.models import Skip
from eventscope.pipeline.neardup import NearDuplicateIndex
from eventscope.pipeline.progress import NullProgress, Progress
from eventscope.pipeline.stages import Stage, Work, default_stages
from eventscope.store import ProcessedDocument, Store

if TYPE_CHECKING:
    from eventscope.resolve import LinkRules
    from eventscope.store.resolution import ResolutionStore

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunSummary:
    """What a run did; printed by the CLI and stored in the runs table."""

    inputs_read: int = 0
    documents_new: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    processed: int = 0
    mentions: int = 0
    events: int = 0
    skips: Counter[str] = field(default_factory=Counter)
    skipped_inputs: list[Skip] = field(default_factory=list)
    failures: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "inputs_read": self.inputs_read,
            "documents_new": self.documents_new,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "processed": self.processed,
            "mentions": self.mentions,
            "events": self.events,
            "skips": dict(self.skips),
            "failures": self.failures,
        }


class Pipeline:
    """Library entry point behind ``eventscope run``, ``ingest`` and ``process``."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        progress: Progress | None = None,
        stages: Sequence[Stage] | None = None,
        batch_size: int = 16,
    ) -> None:
        self.store = store
        self.settings = settings
        self.progress = progress or NullProgress()
        self.stages = list(stages) if stages is not None else default_stages(settings)
        self.batch_size = batch_size

    @property
    def stage_versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    # -- ingest ------------------------------------------------------------------------------
    def ingest(
        self,
        inputs: Sequence[str],
        defaults: object = None,
        stdin: BinaryIO | None = None,
        run_id: int = 0,
        summary: RunSummary | None = None,
    ) -> RunSummary:
        from eventscope.ingest import InputDefaults, iter_inputs

        summary = summary or RunSummary()
        defaults = defaults if defaults is not None else InputDefaults()
        self.progress.start("ingest", None)
        pending: list = []
        for item in iter_inputs(inputs, defaults, self.settings.ingest.max_bytes, stdin):
            summary.inputs_read += 1
            pending.append(item)
            if len(pending) >= 64:
                self._store_ingested(pending, run_id, summary)
                pending = []
            self.progress.advance()
        self._store_ingested(pending, run_id, summary)
        self.progress.done()
        return summary

    def _store_ingested(self, items: list, run_id: int, summary: RunSummary) -> None:
        docs = [i for i in items if not isinstance(i, Skip)]
        skips = [i for i in items if isinstance(i, Skip)]
        if docs:
            new_flags = self.store.add_documents(docs, run_id)
            summary.documents_new += sum(new_flags)
            summary.exact_duplicates += len(new_flags) - sum(new_flags)
        if skips:
            self.store.add_skips(skips, run_id)
            for s in skips:
                summary.skips[s.reason] += 1
                summary.skipped_inputs.append(s)

    # -- per-document stages -----------------------------------------------------------------
    def pending(self) -> list[str]:
        ids: set[str] = set()
        for stage, version in self.stage_versions.items():
            ids.update(self.store.pending_doc_ids(stage, version))
        return sorted(ids)

    def process(self, run_id: int = 0, summary: RunSummary | None = None) -> RunSummary:
        summary = summary or RunSummary()
        todo = self.pending()
        neardup = NearDuplicateIndex(
            self.store.fingerprints(), self.settings.ingest.near_duplicate_bits
        )
        self.progress.start("process", len(todo))
        for i in range(0, len(todo), self.batch_size):
            raws = self.store.load_raw(todo[i : i + self.batch_size])
            works = self._run_stages([Work(raw=r) for r in raws])
            results = [self._to_result(w, neardup, summary) for w in works]
            self.store.save_processed(results, run_id)
            self.progress.advance(len(raws))
        self.progress.done()
        return summary

    def _run_stages(self, batch: list[Work]) -> list[Work]:
        for stage in self.stages:
            try:
                batch = stage.process_batch(batch)
            except EventscopeError:
                raise  # a missing model or gazetteer is fatal for the run, not per document
            except Exception:  # an unexpected bug must not sink the batch: isolate the document
                batch = [self._run_one(stage, w) for w in batch]
        return batch

    def _run_one(self, stage: Stage, work: Work) -> Work:
        try:
            return stage.process_batch([work])[0]
        except EventscopeError:
            raise
        except Exception as exc:
            log.error("stage %s failed on %s: %s", stage.name, work.raw.input_id, exc)
            log.debug("%s", traceback.format_exc())
            detail = f"{type(exc).__name__}: {exc}"[:500]
            skip = Skip(work.raw.input_id, "internal-error", detail, stage.name, work.raw.doc_id)
            return replace(work, skip=skip)

    def _to_result(
        self, work: Work, neardup: NearDuplicateIndex, summary: RunSummary
    ) -> ProcessedDocument:
        near = None
        if work.article is not None:
            near = neardup.add(work.raw.doc_id, work.article.fingerprint)
            summary.near_duplicates += near is not None
        if work.skip is not None:
            summary.skips[work.skip.reason] += 1
            summary.skipped_inputs.append(work.skip)
            summary.failures += work.skip.reason == "internal-error"
        else:
            summary.processed += 1
        summary.mentions += len(work.mentions)
        # An internal error is recorded as a skip but not as stage status, so the document is
        # retried by the next run (after the bug is fixed) instead of being skipped forever.
        failed = work.skip is not None and work.skip.reason == "internal-error"
        return ProcessedDocument(
            doc_id=work.raw.doc_id,
            stage_versions={} if failed else self.stage_versions,
            article=work.article,
            mentions=list(work.mentions),
            skip=work.skip,
            near_duplicate_of=near,
        )

    # -- cross-document ----------------------------------------------------------------------
    def resolve(self, summary: RunSummary | None = None) -> RunSummary:
        """Resolve events across documents. When the run only added documents to a resolved
        store (under the same rules), only the neighbourhood of the new reports is
        re-clustered; the result is the same as resolving everything again."""
        from eventscope.resolve import resolve_events, rules_from_settings
        from eventscope.store.resolution import ResolutionStore

        summary = summary or RunSummary()
        self.progress.start("resolve", None)
        rules = rules_from_settings(self.settings.resolve)
        state = ResolutionStore(self.store)
        if not (state.rules_key() == repr(rules) and self._resolve_added(state, rules)):
            articles = {a.doc_id: a for a in self.store.iter_articles()}
            events = resolve_events(
                self.store.iter_mentions(), articles, self.store.event_assignments(), rules
            )
            self.store.replace_events(events)
            state.record_rules(repr(rules))
        summary.events = self.store.counts()["events"]
        self.progress.done()
        return summary

    def _resolve_added(self, state: ResolutionStore, rules: LinkRules) -> bool:
        """The incremental path; False when only a full resolution is safe or cheaper."""
        from eventscope.resolve.reconcile import build_event
        from eventscope.resolve.replay import resolve_added

        # Re-processed or superseded documents, or a new store: resolve everything. So too
        # when the new documents are many, where one pass over everything is cheaper.
        if not state.is_additive():
            return False
        change = resolve_added(state, rules, limit=max(1000, state.resolved_count() // 10))
        if change is None:
            return False
        articles = state.articles_for(m.doc_id for ms in change.added.values() for m in ms)
        events = [build_event(ms, articles, eid) for eid, ms in change.added.items()]
        log.info("resolve: incremental, %d reports re-clustered", len(change.component))
        return state.update_events(change.removed, events)
