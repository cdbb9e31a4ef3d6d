"""One error type with a searchable code and a hint; each stage adds subclasses.

Errors survive pickling (for remote workers) because every constructor argument is stored in
``args``.
"""

from __future__ import annotations


class EventscopeError(Exception):
    """Base error: ``code`` is searchable (ES-AREA-NNN), ``hint`` tells the user what to do."""

    exit_code = 3

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(code, message, hint)
        self.code = code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(EventscopeError):
    """Bad settings or usage; exit code 2."""

    exit_code = 2


class StoreError(EventscopeError):
    """The store cannot be opened or written; exit code 3."""


class ModelError(EventscopeError):
    """A language model or gazetteer cannot be loaded; exit code 3."""
