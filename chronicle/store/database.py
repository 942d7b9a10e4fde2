"""The embedded SQLite store: one file holds everything Chronicle knows about a corpus.

Writes happen in one transaction per batch, and every insert is keyed on content, so a run
that is killed and started again ends with the same store as an uninterrupted one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.model import Article, DuplicateLink, ReadArticle, Reject
from chronicle.store.migrations import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import numpy as np

    from chronicle.extract.events import EventMention

DEFAULT_DB = "chronicle.db"
# Tables holding what reading an article produced: replaced whole when it is read again.
READ_TABLES = ("sentences", "sentence_days", "mentions", "timexes", "event_mentions",
               "attributions", "figures")


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
                self.db.executemany(
                    "INSERT INTO sentences(article_id, idx, start, end, text) VALUES (?,?,?,?,?)",
                    [(aid, s.index, s.start, s.end, s.text) for s in result.sentences],
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO sentence_days(day, article_id, sentence_index)"
                    " VALUES (?,?,?)",
                    [(day, aid, s.index) for s in result.sentences for day in s.days],
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO mentions(article_id, sentence_index, start, end, text,"
                    " label) VALUES (?,?,?,?,?,?)",
                    [(aid, m.sentence_index, m.start, m.end, m.text, m.label)
                     for m in result.mentions],
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO timexes(article_id, sentence_index, start, end, text,"
                    " type, value, granularity, mod, first_day, last_day)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(aid, t.sentence_index, t.start, t.end, t.text, t.type, t.value,
                      t.granularity, t.mod, t.first_day, t.last_day) for t in result.timexes],
                )
                self._save_extracted(result)
                self.db.execute(
                    "UPDATE articles SET read_version = ? WHERE id = ?", (version, aid)
                )

    def _save_extracted(self, result: ReadArticle) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO event_mentions VALUES ({_marks(33)})",
            [_event_mention_row(m) for m in result.events],
        )
        self.db.executemany(
            f"INSERT OR REPLACE INTO attributions VALUES ({_marks(17)})",
            [(a.id, a.article_id, a.sentence_index, a.cue_start, a.cue_end, a.cue_text,
              a.content_start, a.content_end, a.content_text, a.kind, a.stance, a.source_start,
              a.source_end, a.source_text, a.source_actor, a.source_kind, a.parent)
             for a in result.attributions],
        )
        self.db.executemany(
            f"INSERT OR REPLACE INTO figures VALUES ({_marks(16)})",
            [(result.article_id, f.start, f.end, f.sentence_index, f.text, f.value, f.low,
              f.high, f.bound, f.unit, f.referent, f.cumulative, f.date, f.date_basis,
              f.attribution, f.source_actor) for f in result.figures],
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
        """Every row of every content table, sorted: two stores with equal dumps are equal."""
        tables = [row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%'"
            " ORDER BY name")]
        return {t: sorted(tuple(r) for r in self.db.execute(f"SELECT * FROM {t}"))
                for t in tables}


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _actor_columns(actor: object | None) -> tuple[object, ...]:
    if actor is None:
        return (None, None, None, None)
    return (actor.text, actor.name, actor.country, ",".join(actor.sectors))  # type: ignore[attr-defined]


def _event_mention_row(m: EventMention) -> tuple[object, ...]:
    place = m.location
    return (
        m.id, m.article_id, m.sentence_index, m.event_type, m.mode,
        *_actor_columns(m.actor), *_actor_columns(m.recipient),
        m.date, m.date_basis,
        place.name if place else None, place.country if place else None,
        place.kind if place else None, place.latitude if place else None,
        place.longitude if place else None,
        m.location_text, m.modality, m.reporter, m.confidence, m.trigger, m.trigger_start,
        m.trigger_end, m.start, m.end, m.text, m.cameo_root, m.quad_class, m.goldstein,
    )


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
