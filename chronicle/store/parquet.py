"""Load the Spark job's Parquet tables into a SQLite store.

``chronicle spark-job`` writes one folder of Parquet files per store table, with the store's
columns; importing inserts them as they are, so the store answers `chronicle timeline`,
`events`, `claims` and the explorer exactly as if `chronicle run` had built it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from chronicle.store.database import Store, StoreError
from chronicle.store.rows import CONTENT_TABLES, Row, table_columns

BATCH_ROWS = 10_000  # rows per executemany: bounded memory for tables of millions of rows


def _batches(folder: Path, columns: list[str]) -> Iterator[list[Row]]:
    import pyarrow.dataset as ds

    if not folder.exists():
        raise StoreError(f"{folder} is missing: not the output of `chronicle spark-job`")
    dataset = ds.dataset(folder, format="parquet")
    missing = set(columns) - set(dataset.schema.names)
    if missing:
        raise StoreError(f"{folder} lacks the columns {', '.join(sorted(missing))}")
    for batch in dataset.to_batches(columns=columns, batch_size=BATCH_ROWS):
        values = [batch.column(i).to_pylist() for i in range(len(columns))]
        yield list(zip(*values, strict=True))


def import_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Insert every table under ``folder`` into an empty store; returns rows per table.

    The store must be empty: the Spark output is a whole corpus, its duplicate links and
    events computed over it alone. Add articles to an existing store with `chronicle run`.
    """
    if store.db.execute("SELECT count(*) FROM articles").fetchone()[0]:
        raise StoreError(f"{store.path} already holds articles: import into a new store")
    counts: dict[str, int] = {}
    with store.transaction():
        for table in CONTENT_TABLES:
            columns = [name for name, _ in table_columns(table)]
            marks = ",".join("?" * len(columns))
            counts[table] = 0
            for rows in _batches(Path(folder) / table, columns):
                store.db.executemany(
                    f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)
                counts[table] += len(rows)
        # the planner statistics `chronicle run` leaves after consolidating events
        store.refresh_statistics()
    return counts
