"""What the explorer keeps between requests: read-only connections and computed answers.

Every request thread gets its own read-only SQLite connection (a connection must not be
shared across threads while a query runs). Answers are cached in memory keyed on the request
and on the store file's modification times, so a store that is still being written (a long
``chronicle read``) is never answered from a stale cache, and a finished one is answered from
memory: the timeline in particular takes seconds to compute on a large store.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from chronicle.store import Store, file_version


class StoreState:
    """The served store: per-thread connections and an LRU cache of computed answers."""

    def __init__(self, path: str | Path, cache_size: int = 1024) -> None:
        self.path = Path(path)
        Store.read_only(self.path).close()  # fail at start, not on the first request
        self.cache_size = cache_size
        self._local = threading.local()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self.hits = self.misses = 0
        self.warm = threading.Event()  # set once the slow answers are precomputed
        self._jobs: dict[Hashable, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        self.failures: dict[Hashable, str] = {}

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.read_only(self.path)
        return store

    def version(self) -> tuple[int, ...]:
        return file_version(self.path)

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, value) when ``key`` is cached for the store as it is now; never computes."""
        full_key = (key, self.version())
        with self._cache_lock:
            if full_key in self._cache:
                self._cache.move_to_end(full_key)
                self.hits += 1
                return True, self._cache[full_key]
        return False, None

    def keep(self, key: Hashable, value: Any, version: tuple[int, ...]) -> None:
        """Remember ``value``, computed elsewhere from the store at ``version``."""
        with self._cache_lock:
            self._remember((key, version), value)

    def cached(self, key: Hashable, compute: Callable[[Store], Any]) -> tuple[Any, bool]:
        """``compute(store)`` once per key and store version; returns (value, was cached).

        Concurrent requests for the same key wait for one computation instead of each
        starting their own (the timeline of a large store takes seconds).
        """
        full_key = (key, self.version())
        with self._cache_lock:
            if full_key in self._cache:
                self._cache.move_to_end(full_key)
                self.hits += 1
                return self._cache[full_key], True
            key_lock = self._key_locks.setdefault(full_key, threading.Lock())
        with key_lock:
            with self._cache_lock:
                if full_key in self._cache:
                    self.hits += 1
                    return self._cache[full_key], True
            value = compute(self.store())
            with self._cache_lock:
                self.misses += 1
                self._remember(full_key, value)
                self._key_locks.pop(full_key, None)
        return value, False

    def _remember(self, full_key: Hashable, value: Any) -> None:
        if self.cache_size > 0:
            self._cache[full_key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def in_background(self, key: Hashable, compute: Callable[[str], Any]) -> tuple[bool, Any]:
        """(True, value) when ready; else (False, None) and ``compute(store path)`` is started
        in a separate process, once, if it is not running yet.

        For answers that take minutes of pure Python on a large store: in a thread they would
        hold the interpreter lock and slow every other request; in a process they only take
        a core, and a request never waits for them.
        """
        found, value = self.peek(key)
        if found:
            return True, value
        with self._cache_lock:
            if key not in self._jobs:
                if self._pool is None:  # spawn: forking a process with threads is unsafe
                    self._pool = ProcessPoolExecutor(
                        max_workers=1, mp_context=multiprocessing.get_context("spawn"))
                future = self._pool.submit(compute, str(self.path))
                self._jobs[key] = future
                version = self.version()
                future.add_done_callback(lambda f: self._finished(key, version, f))
        return False, None

    def _finished(self, key: Hashable, version: tuple[int, ...], future: Future) -> None:
        with self._cache_lock:
            self._jobs.pop(key, None)
            if future.exception() is not None:
                self.failures[key] = repr(future.exception())
            else:
                self._remember((key, version), future.result())

    def close(self) -> None:
        """Stop background computations: a server that is asked to stop should not wait
        minutes for an answer nobody will read."""
        if self._pool is not None:
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()  # the executor has no public way to stop a running task
            self._pool.shutdown(wait=False, cancel_futures=True)
