"""The store owns SQL: no module outside ``chronicle/store/`` writes a query."""

from __future__ import annotations

import re
from pathlib import Path

import chronicle

PACKAGE = Path(chronicle.__file__).parent
# what a query looks like in Python source: a call of execute, or a statement's keywords
SQL = re.compile(r"\.execute(?:many|script)?\(|\bSELECT\s|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b"
                 r"|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b")


def modules_with_sql() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith("store/") and SQL.search(path.read_text(encoding="utf-8")):
            found.add(relative)
    return found


def test_no_module_outside_the_store_writes_sql() -> None:
    assert modules_with_sql() == set()


def test_the_pattern_finds_queries_and_not_prose() -> None:
    for source in ('db.execute("SELECT 1")', 'store.db.executemany(sql, rows)',
                   '"INSERT OR IGNORE INTO event_names"', '"UPDATE events SET x = 1"',
                   '"DELETE FROM events"'):
        assert SQL.search(source), source
    for prose in ("select the best", "# updates the events", "insert a row", "Selected"):
        assert not SQL.search(prose), prose
