"""The jobs the CLI runs, stage by stage: ingest → read → report.

Each job works in batches, one transaction per batch, so a killed job is resumed by running
it again: ingesting is keyed on content and reading picks up the articles not yet read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from chronicle.model import Article, Reject
from chronicle.store import IngestCounts, Store
from chronicle.store.queries import any_read_before

T = TypeVar("T")
INGEST_BATCH = 200
READ_BATCH = 32
REPORT_EVENTS = 200  # events listed in a report, most reported first
REPORT_CLAIMS = 200


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def progress(desc: str, total: int | None = None, unit: str = "article") -> tqdm:
    """A progress bar on stderr, quiet when stderr is not a terminal."""
    return tqdm(desc=desc, total=total, unit=unit, disable=not sys.stderr.isatty(),
                dynamic_ncols=True)


def ingest(store: Store, paths: Sequence[str | Path], source: str | None = None,
           on_reject: Callable[[Reject], None] | None = None,
           encoding: str = "utf-8") -> IngestCounts:
    """Ingest files and folders into the store; rejects are recorded and reported."""
    from chronicle.ingest import read_inputs

    totals = IngestCounts()
    with progress("ingest") as bar:
        for batch in batched(read_inputs(paths, source=source, encoding=encoding),
                             INGEST_BATCH):
            if on_reject:
                for item in batch:
                    if isinstance(item, Reject):
                        on_reject(item)
            totals.add(store.add_batch(batch))
            bar.update(sum(isinstance(item, Article) for item in batch))
    return totals


def read(store: Store, workers: int = 1,
         on_failure: Callable[[str, str], None] | None = None) -> int:
    """Read every article not yet read, then consolidate events; returns how many were read.

    An article that reading fails on is recorded as failed with its reason (and passed to
    ``on_failure`` as origin and reason); the others are read all the same, and a rerun does
    not try it again until the reader changes."""
    from chronicle.read.pipeline import READER_VERSION, ReadFailure, read_stream

    total = store.unread_count(READER_VERSION)
    # Articles read by an older reader lose their old mentions: their events are redone
    # from scratch. Otherwise only the events the new mentions may join are redone (and a
    # run killed before consolidating is caught up here, even with nothing left to read).
    reread = any_read_before(store, READER_VERSION)
    done = 0
    if total:
        with progress("read", total=total) as bar:
            batches = store.iter_unread(READER_VERSION, batch_size=READ_BATCH)
            failed: list[ReadFailure] = []
            for results in read_stream(batches, workers=workers, on_failure=failed.append):
                store.save_read(results, READER_VERSION,
                                failures=[(f.article_id, f.reason) for f in failed])
                for failure in failed:
                    if on_failure:
                        article = store.article(failure.article_id)
                        on_failure(article.origin if article else failure.article_id,
                                   failure.reason)
                done += len(results)
                bar.update(len(results) + len(failed))
                failed.clear()
    consolidate(store, only_new=not reread)
    return done


def consolidate(store: Store, only_new: bool = False) -> int:
    """Merge the reports of each happening across articles into events (``only_new``: the
    events that mentions not yet consolidated may join)."""
    from chronicle.consolidate import consolidate_events

    return consolidate_events(store, only_new=only_new)


def report(store: Store, out_dir: str | Path, title: str = "Chronicle timeline",
           dates: int | None = None, sentences: int = 2) -> list[Path]:
    """Write the report (md, html, json): timeline, events, claims and figures."""
    from chronicle import query
    from chronicle.register import disagreements
    from chronicle.report.entities import entity_index
    from chronicle.report.render import report_data, write_report
    from chronicle.timeline.summarise import summarise

    entries = summarise(store, dates=dates, sentences=sentences)
    data = report_data(title, entries, entity_index(store), store.counts())
    data["events"] = query.events(store, query.EventFilter(limit=REPORT_EVENTS,
                                                          most_reported_first=True))
    data["claims"] = query.claims(store, limit=REPORT_CLAIMS)
    data["figures"] = [f for f in query.figures(store) if f["referent"]]
    data["disagreements"] = disagreements(store)
    return write_report(out_dir, data)
