"""Persistence: the SQLite store, its schema migrations and record codecs."""

from eventscope.store.sqlite import ProcessedDocument, Store, sqlite_path_from_url

__all__ = ["ProcessedDocument", "Store", "sqlite_path_from_url"]
