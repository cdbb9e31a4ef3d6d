"""One progress reporter for long work: a bar on a terminal, log lines elsewhere."""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger("eventscope.progress")


class Progress(Protocol):
    def start(self, label: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def done(self) -> None: ...


class LogProgress:
    """Logs at the start and end of each phase (and every 10%), for non-interactive runs."""

    def __init__(self) -> None:
        self.label = ""
        self.total: int | None = None
        self.count = 0
        self._next_report = 0

    def start(self, label: str, total: int | None) -> None:
        self.label, self.total, self.count = label, total, 0
        self._next_report = max(1, (total or 0) // 10)
        log.info("%s: starting%s", label, f" ({total} items)" if total else "")

    def advance(self, n: int = 1) -> None:
        self.count += n
        if self.total and self.count >= self._next_report:
            log.info("%s: %d/%d", self.label, self.count, self.total)
            self._next_report += max(1, self.total // 10)

    def done(self) -> None:
        log.info("%s: done (%d)", self.label, self.count)


class NullProgress:
    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def done(self) -> None:
        pass
