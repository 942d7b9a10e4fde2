"""The embedded SQLite store: one file holds everything Chronicle knows about a corpus.

Writes happen in one transaction per batch, and every insert is keyed on content, so a run
that is killed and started again ends with the same store as an uninterrupted one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.model import Article, DuplicateLink, ReadArticle, Reject
from chronicle.store.migrations import MIGRATIONS, SCHEMA_VERSION
from chronicle.store.rows import (
    READ_TABLES,
    article_row,
    furniture_rows,
    origin_row,
    read_rows,
    table_columns,
)

if TYPE_CHECKING:
    import numpy as np

DEFAULT_DB = "chronicle.db"


def file_version(path: str | Path) -> tuple[int, ...]:
    """Changes whenever a writer commits (to the database file or its write-ahead log): what
    answers computed from a store are remembered against."""
    stamps: list[int] = []
    for suffix in ("", "-wal"):
        try:
            stat = os.stat(f"{path}{suffix}")
            stamps += [stat.st_mtime_ns, stat.st_size]
        except FileNotFoundError:
            stamps += [0, 0]
    return tuple(stamps)


class StoreError(Exception):
    """The store file cannot be used (newer schema, not a Chronicle store, ...)."""


class NotAStoreError(StoreError):
    """The file is not a Chronicle store: not SQLite, another program's database, or a
    store from a newer Chronicle."""


class StoreAccessError(StoreError):
    """The store file cannot be opened or created: permissions, a folder in its place..."""


@dataclass
class IngestCounts:
    """What one ingest batch did to the store."""

    new: int = 0
    exact_duplicates: int = 0  # same content seen at a new origin
    near_duplicates: int = 0
    unchanged: int = 0  # origin already ingested: nothing to do
    rejected: int = 0
    new_ids: list[str] = field(default_factory=list)

    def add(self, other: IngestCounts) -> None:
        self.new += other.new
        self.exact_duplicates += other.exact_duplicates
        self.near_duplicates += other.near_duplicates
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.new_ids.extend(other.new_ids)


class Store:
    """A Chronicle store in one SQLite file; opening it applies pending migrations."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions
        except (OSError, sqlite3.OperationalError) as error:
            raise StoreAccessError(f"cannot open the store {path}: {_why(error)}") from None
        self.db.row_factory = sqlite3.Row
        try:  # the first statements are where a file that is not SQLite shows itself
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._check_is_a_store()
        except StoreError:
            self.db.close()
            raise
        except sqlite3.DatabaseError as error:
            self.db.close()
            raise _open_error(path, error) from None
        self.migrate()

    def _check_is_a_store(self) -> None:
        """Refuse another program's SQLite database rather than add Chronicle's tables to it:
        a store that no migration has touched yet is empty."""
        if self.schema_version:
            return
        tables = [row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 4")]
        if tables:
            raise NotAStoreError(f"{self.path} is not a Chronicle store (an SQLite database "
                                 f"with other tables: {', '.join(tables[:3])}...)")

    @classmethod
    def read_only(cls, path: str | Path) -> Store:
        """Open an existing store for reading only: no migration, no write can happen.

        The explorer serves a store that another process may still be writing; SQLite's
        read-only mode lets it read committed data without ever taking a write lock.
        """
        path = Path(path)
        if not path.exists():
            raise StoreError(f"no store at {path}")
        store = cls.__new__(cls)
        store.path = path
        try:
            store.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            store.db.row_factory = sqlite3.Row
            version = store.schema_version
        except sqlite3.DatabaseError as error:
            raise _open_error(path, error) from None
        if version != SCHEMA_VERSION:
            store.close()
            raise StoreError(f"{path} has schema version {version}, this Chronicle reads "
                             f"{SCHEMA_VERSION}: open it once with `chronicle status`")
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise NotAStoreError(
                f"{self.path} has schema version {version}, newer than this Chronicle "
                f"({SCHEMA_VERSION}): upgrade Chronicle"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def refresh_statistics(self) -> None:
        """Let SQLite's planner see how the events spread over their indexes: without
        statistics it filters an actor's events through the type index, reading thousands
        of rows. Run after the events table is rewritten."""
        self.db.execute("ANALYZE events")

    # -- ingest ---------------------------------------------------------------------------

    def add_batch(self, items: Sequence[Article | Reject]) -> IngestCounts:
        """Store a batch of ingested items in one transaction, linking duplicates."""
        from chronicle.ingest import dedup  # numpy is only needed when ingesting

        counts = IngestCounts()
        with self.transaction():
            for item in items:
                if isinstance(item, Reject):
                    # one reason an origin: the latest (a reworded reason is not a new reject)
                    self.db.execute("DELETE FROM rejects WHERE origin = ? AND reason != ?",
                                    (item.origin, item.reason))
                    self.db.execute(
                        "INSERT OR IGNORE INTO rejects(origin, reason) VALUES (?, ?)",
                        (item.origin, item.reason),
                    )
                    counts.rejected += 1
                    continue
                # an input rejected before and read now was fixed: its reject is stale
                self.db.execute("DELETE FROM rejects WHERE origin = ?", (item.origin,))
                seen = self.db.execute(
                    "SELECT 1 FROM origins WHERE origin = ? AND article_id = ?",
                    (item.origin, item.id),
                ).fetchone()
                if seen:
                    counts.unchanged += 1
                    continue
                if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (item.id,)).fetchone():
                    self._add_origin(item)
                    counts.exact_duplicates += 1
                    continue
                signature = dedup.signature(item.text)
                self.db.execute(
                    f"INSERT INTO articles VALUES ({_marks(len(table_columns('articles')))})",
                    article_row(item, dedup.to_bytes(signature), read_version=None),
                )
                self._add_origin(item)
                # the page first seen is the one whose furniture is kept, as its origin is
                self.db.executemany(
                    "INSERT OR IGNORE INTO furniture"
                    f" VALUES ({_marks(len(table_columns('furniture')))})",
                    furniture_rows(item))
                counts.new += 1
                counts.new_ids.append(item.id)
                link = self._link_near_duplicate(item, signature)
                if link:
                    counts.near_duplicates += 1
        return counts

    def _add_origin(self, article: Article) -> None:
        self.db.execute(
            f"INSERT OR IGNORE INTO origins VALUES ({_marks(len(table_columns('origins')))})",
            origin_row(article),
        )

    def _link_near_duplicate(self, article: Article, signature: np.ndarray
                             ) -> DuplicateLink | None:
        """Index the article's LSH bands and store the link ``dedup.near_duplicate_link``
        decides on: to the earliest similar article."""
        from chronicle.ingest import dedup

        keys = dedup.band_keys(signature)
        candidates: set[str] = set()
        for key in keys:
            candidates.update(
                row[0] for row in self.db.execute(
                    "SELECT article_id FROM lsh_bands WHERE key = ?", (key,)
                )
            )
        self.db.executemany(
            "INSERT OR IGNORE INTO lsh_bands(key, article_id) VALUES (?, ?)",
            [(key, article.id) for key in keys],
        )
        # the texts are read one candidate at a time, as the decision (ingest's) asks
        texts = ((candidate, *self.db.execute(
            "SELECT published, text FROM articles WHERE id = ?", (candidate,)).fetchone())
            for candidate in sorted(candidates))
        link = dedup.near_duplicate_link(article.id, article.published, article.text, texts)
        if link is None:
            return None
        self.db.execute(
            "INSERT OR IGNORE INTO duplicate_links(article_id, duplicate_of, similarity, kind)"
            " VALUES (?,?,?,?)",
            (link.article_id, link.duplicate_of, round(link.similarity, 4), link.kind),
        )
        return link

    # -- read -----------------------------------------------------------------------------

    # Articles this reader version failed on are not unread: they wait for a newer reader.
    _UNREAD = ("(read_version IS NULL OR read_version < ?) AND NOT EXISTS (SELECT 1 FROM"
               " failed_reads f WHERE f.article_id = articles.id AND f.reader_version >= ?)")

    def unread_count(self, version: int) -> int:
        return int(self.db.execute(
            f"SELECT count(*) FROM articles WHERE {self._UNREAD}", (version, version),
        ).fetchone()[0])

    def iter_unread(self, version: int, batch_size: int = 64) -> Iterator[list[Article]]:
        """Articles not yet read by this reader version (nor failed by it), in batches, in a
        stable order."""
        last = ""
        while True:
            rows = self.db.execute(
                f"SELECT * FROM articles WHERE {self._UNREAD} AND id > ? ORDER BY id LIMIT ?",
                (version, version, last, batch_size),
            ).fetchall()
            if not rows:
                return
            yield [_article(row) for row in rows]
            last = rows[-1]["id"]

    def save_read(self, results: Iterable[ReadArticle], version: int,
                  failures: Iterable[tuple[str, str]] = ()) -> None:
        """Replace what was read for these articles, and record the (article id, reason) of
        those reading failed on, in one transaction."""
        with self.transaction():
            for article_id, reason in failures:
                self.db.execute(
                    "INSERT OR REPLACE INTO failed_reads(article_id, reader_version, reason)"
                    " VALUES (?, ?, ?)", (article_id, version, reason))
            for result in results:
                aid = result.article_id
                self.db.execute("DELETE FROM failed_reads WHERE article_id = ?", (aid,))
                for table in READ_TABLES:
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
                # rows.read_rows already keeps one row per primary key, as the Spark job does
                for table, rows in read_rows(result).items():
                    self.db.executemany(
                        f"INSERT INTO {table} VALUES ({_marks(len(table_columns(table)))})",
                        rows)
                self.db.execute(
                    "UPDATE articles SET read_version = ? WHERE id = ?", (version, aid)
                )

    # -- queries --------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def counts(self) -> dict[str, int]:
        tables = ["articles", "origins", "rejects", "duplicate_links", "sentences", "mentions",
                  "timexes"]
        result = {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                  for t in tables}
        result["unread"] = int(self.db.execute(
            "SELECT count(*) FROM articles WHERE read_version IS NULL").fetchone()[0])
        result["distinct_stories"] = result["articles"] - int(self.db.execute(
            "SELECT count(DISTINCT article_id) FROM duplicate_links").fetchone()[0])
        return result

    def table_counts(self) -> dict[str, int]:
        """Rows in every table of the store (search-index internals left out)."""
        tables = [row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sentences_fts_%' AND substr(name, 1, 7) != 'sqlite_'"
            " ORDER BY name")]
        return {t: int(self.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                for t in tables}

    def failed_reads(self) -> list[tuple[str, str, str]]:
        """(article id, origin, reason) of each article reading failed on."""
        return [(row[0], row[1], row[2]) for row in self.db.execute(
            "SELECT f.article_id, a.origin, f.reason FROM failed_reads f"
            " JOIN articles a ON a.id = f.article_id ORDER BY a.origin, f.article_id")]

    def rejects(self) -> list[Reject]:
        return [Reject(origin=row["origin"], reason=row["reason"]) for row in self.db.execute(
            "SELECT origin, reason FROM rejects ORDER BY origin, reason")]

    def duplicate_links(self) -> list[DuplicateLink]:
        return [DuplicateLink(row["article_id"], row["duplicate_of"], row["similarity"],
                              row["kind"])
                for row in self.db.execute(
                    "SELECT * FROM duplicate_links ORDER BY article_id, duplicate_of")]

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every content table, sorted: two stores with equal dumps are equal.

        Left out: what only helps queries (the search index, the names of events, which keeps
        names of events since replaced, and SQLite's statistics)."""
        tables = [row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sentences_fts%' AND name != 'event_names'"
            " AND substr(name, 1, 7) != 'sqlite_' ORDER BY name")]
        return {t: sorted(tuple(r) for r in self.db.execute(f"SELECT * FROM {t}"))
                for t in tables}


def _why(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


def _open_error(path: str | Path, error: sqlite3.DatabaseError) -> StoreError:
    """The StoreError for a file SQLite could not use as a database."""
    message = str(error)
    if "not a database" in message or "malformed" in message or "encrypted" in message:
        return NotAStoreError(f"{path} is not a Chronicle store ({message})")
    return StoreAccessError(f"cannot open the store {path}: {message}")


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _article(row: sqlite3.Row) -> Article:
    return Article(id=row["id"], published=row["published"], text=row["text"],
                   title=row["title"], source=row["source"],
                   published_time=row["published_time"], url=row["url"], origin=row["origin"])


def _split_statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
