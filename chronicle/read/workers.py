"""Reading with several processes, each holding one spaCy model."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from chronicle.model import Article, ReadArticle

_reader = None  # one per worker process


def _start_worker(batch_size: int) -> None:
    global _reader
    from chronicle.read.pipeline import Reader

    _reader = Reader(batch_size=batch_size)


def _read_batch(articles: Sequence[Article]) -> list[ReadArticle]:
    assert _reader is not None, "worker not initialised"
    return _reader.read(articles)


def parallel_read(batches: Iterable[Sequence[Article]], workers: int,
                  batch_size: int) -> Iterator[list[ReadArticle]]:
    """Yield results in input order, keeping a bounded number of batches in flight."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(batch_size,)) as pool:
        pending: deque[Future[list[ReadArticle]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_read_batch, list(batch)))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
