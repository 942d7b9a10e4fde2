"""Reading with several processes, each holding one spaCy model."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from chronicle.model import Article, ReadArticle
from chronicle.read.pipeline import ReadFailure

_reader = None  # one per worker process
Outcome = tuple[list[ReadArticle], list[ReadFailure]]


def _start_worker(batch_size: int) -> None:
    global _reader
    from chronicle.read.pipeline import Reader

    _reader = Reader(batch_size=batch_size)


def _read_batch(articles: Sequence[Article], each: bool) -> Outcome:
    assert _reader is not None, "worker not initialised"
    if each:  # a failure is caught here, in the worker, so the pool goes on
        return _reader.read_each(articles)
    return _reader.read(articles), []


def parallel_read(batches: Iterable[Sequence[Article]], workers: int, batch_size: int,
                  each: bool = False) -> Iterator[Outcome]:
    """Yield (results, failures) in input order, keeping a bounded number of batches in
    flight; ``each``: an article that fails is a failure, not an error for the batch."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(batch_size,)) as pool:
        pending: deque[Future[Outcome]] = deque()
        for batch in batches:
            pending.append(pool.submit(_read_batch, list(batch), each))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
