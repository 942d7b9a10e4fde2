"""Where Chronicle keeps what it knows: an embedded SQLite store."""

from chronicle.store.database import DEFAULT_DB, IngestCounts, Store, StoreError

__all__ = ["DEFAULT_DB", "IngestCounts", "Store", "StoreError"]
