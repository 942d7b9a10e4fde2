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
from chronicle.store.rows import READ_TABLES, read_rows, table_columns

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

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
        store.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        store.db.row_factory = sqlite3.Row
        version = store.schema_version
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
            raise StoreError(
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
                    self.db.execute(
                        "INSERT OR IGNORE INTO rejects(origin, reason) VALUES (?, ?)",
                        (item.origin, item.reason),
                    )
                    counts.rejected += 1
                    continue
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
                    "INSERT INTO articles(id, published, published_time, title, text, source, url,"
                    " origin, word_count, minhash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (item.id, item.published, item.published_time, item.title, item.text,
                     item.source, item.url, item.origin, item.word_count,
                     dedup.to_bytes(signature)),
                )
                self._add_origin(item)
                counts.new += 1
                counts.new_ids.append(item.id)
                link = self._link_near_duplicate(item, signature)
                if link:
                    counts.near_duplicates += 1
        return counts

    def _add_origin(self, article: Article) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO origins(origin, article_id, source, url, published)"
            " VALUES (?,?,?,?,?)",
            (article.origin, article.id, article.source, article.url, article.published),
        )

    def _link_near_duplicate(self, article: Article, signature: np.ndarray
                             ) -> DuplicateLink | None:
        """Index the article's LSH bands and link it to the earliest similar article."""
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
        best: tuple[str, str, float] | None = None  # (published, id, similarity)
        for candidate in sorted(candidates):
            row = self.db.execute(
                "SELECT published, text FROM articles WHERE id = ?", (candidate,)
            ).fetchone()
            # Bands only propose candidates: the exact shingle overlap decides, because the
            # MinHash estimate is off by a few points either way around the threshold.
            score = dedup.text_similarity(article.text, row["text"])
            if score >= dedup.NEAR_DUPLICATE_THRESHOLD:
                key = (row["published"], candidate, score)
                if best is None or key[:2] < best[:2]:
                    best = key
        if best is None:
            return None
        # the later article (by date, then id) is the duplicate of the earlier one
        earlier, later = sorted([(best[0], best[1]), (article.published, article.id)])
        link = DuplicateLink(article_id=later[1], duplicate_of=earlier[1], similarity=best[2])
        self.db.execute(
            "INSERT OR IGNORE INTO duplicate_links(article_id, duplicate_of, similarity, kind)"
            " VALUES (?,?,?,?)",
            (link.article_id, link.duplicate_of, round(link.similarity, 4), link.kind),
        )
        return link

    # -- read -----------------------------------------------------------------------------

    def unread_count(self, version: int) -> int:
        return int(self.db.execute(
            "SELECT count(*) FROM articles WHERE read_version IS NULL OR read_version < ?",
            (version,),
        ).fetchone()[0])

    def iter_unread(self, version: int, batch_size: int = 64) -> Iterator[list[Article]]:
        """Articles not yet read by this reader version, in batches, in a stable order."""
        last = ""
        while True:
            rows = self.db.execute(
                "SELECT * FROM articles WHERE (read_version IS NULL OR read_version < ?)"
                " AND id > ? ORDER BY id LIMIT ?",
                (version, last, batch_size),
            ).fetchall()
            if not rows:
                return
            yield [_article(row) for row in rows]
            last = rows[-1]["id"]

    def save_read(self, results: Iterable[ReadArticle], version: int) -> None:
        """Replace what was read for these articles, in one transaction."""
        with self.transaction():
            for result in results:
                aid = result.article_id
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
