"""Where Chronicle keeps what it knows: an embedded SQLite store."""

from chronicle.store.database import DEFAULT_DB, IngestCounts, Store, StoreError, file_version

__all__ = ["DEFAULT_DB", "IngestCounts", "Store", "StoreError", "file_version"]
