"""Exports of the store into the formats other tools read.

``EVENT_FORMATS`` declares each event export once (name, writer, file suffix, media type):
the CLI's ``export events --format`` choices, the API's ``format`` parameter and its docs,
and the tests all read it, so a new format is one entry here plus its writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chronicle.export.events import (
    to_acled_csv,
    to_csv,
    to_gdelt_tsv,
    to_geojson,
    to_plover_jsonl,
)
from chronicle.export.timelinejs import events_to_timelinejs

EventWriter = Callable[[list[dict[str, Any]]], str]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what --format and ?format= take
    label: str  # how the docs name it
    writer: EventWriter
    suffix: str  # of the downloaded file: chronicle-events.<suffix>
    media_type: str
    in_cli: bool = True  # TimelineJS is a download of the explorer only


EVENT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("plover-jsonl", "PLOVER JSONL", to_plover_jsonl, "jsonl",
                 "application/x-ndjson"),
    ExportFormat("gdelt-tsv", "GDELT-style TSV", to_gdelt_tsv, "tsv",
                 "text/tab-separated-values"),
    ExportFormat("csv", "CSV", to_csv, "csv", "text/csv"),
    ExportFormat("geojson", "GeoJSON", to_geojson, "geojson", "application/geo+json"),
    ExportFormat("acled-csv", "ACLED-style CSV", to_acled_csv, "acled.csv", "text/csv"),
    ExportFormat("timelinejs", "TimelineJS", events_to_timelinejs, "timelinejs.json",
                 "application/json", in_cli=False),
)
EVENT_FORMAT = {f.name: f for f in EVENT_FORMATS}
CLI_EVENT_FORMATS = tuple(f for f in EVENT_FORMATS if f.in_cli)


def format_labels(formats: tuple[ExportFormat, ...] = EVENT_FORMATS) -> str:
    """The formats as a sentence's list: "A, B, C or D"."""
    labels = [f.label for f in formats]
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else "".join(labels)
