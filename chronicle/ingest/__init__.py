"""Ingest: read dated articles from files (``read_inputs``) and sign them for near-duplicate
detection (``dedup``)."""

from chronicle.ingest import dedup
from chronicle.ingest.readers import read_inputs

__all__ = ["dedup", "read_inputs"]
