"""Rows of the store's tables, built from Chronicle's records by field name, and the tables'
columns.

A table's row is its columns (:func:`table_columns`, read off the migrations) each filled from
the record's field of the same name; :data:`COLUMN_FIELDS` says where a column's name is not
its record's field, or how the column is computed from the record. The SQLite store and the
Spark job's Parquet tables are both written from these functions, so the two outputs cannot
drift apart column by column.
"""

from __future__ import annotations

import keyword
import operator
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from chronicle.extract.stage import extracted_tables, in_order
from chronicle.model import Article, Event, ReadArticle
from chronicle.store.migrations import MIGRATIONS

Row = tuple[object, ...]

# Tables holding what reading an article produced: replaced whole when it is read again.
# The parse's own tables, then one table for each registered extractor that fills one.
READ_TABLES = ("sentences", "sentence_days", "mentions", "timexes", *extracted_tables())
# Every content table, in an order that satisfies the foreign keys when inserting.
CONTENT_TABLES = ("articles", "origins", "furniture", "rejects", "duplicate_links", "lsh_bands",
                  *READ_TABLES, "events", "event_links")


@cache
def _table_info(table: str) -> tuple[tuple[Any, ...], ...]:
    """SQLite's ``PRAGMA table_info`` of ``table``, read from a throw-away in-memory database
    built by the migrations themselves: the schema has one definition, the migrations."""
    from chronicle.store.database import _split_statements

    db = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS:
            for statement in _split_statements(script):
                db.execute(statement)
        info = tuple(db.execute(f"PRAGMA table_info({table})"))
    finally:
        db.close()
    if not info:
        raise KeyError(f"no table {table!r} in the store's schema")
    return info


@cache
def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(name, declared SQLite type) of each column of ``table``, in schema order."""
    return tuple((row[1], row[2].upper()) for row in _table_info(table))


@cache
def primary_key(table: str) -> tuple[str, ...]:
    """The columns of ``table``'s primary key, in key order."""
    return tuple(row[1] for row in sorted(_table_info(table), key=lambda row: row[5])
                 if row[5])


def canonical_name(actor: object) -> str:
    """One name per actor (``chronicle.extract.identity``), imported on first use: the
    Parquet import and schema readers need no actor tables."""
    from chronicle.extract.identity import canonical_name as name

    return name(actor)  # type: ignore[arg-type]


Column = str | Callable[[Any], object]  # the record's field, or the column computed from it


def _actor(role: str, with_text: bool = True) -> dict[str, Column]:
    """The columns of an actor field (``actor``, ``recipient``): the registry's one name for
    the actor; the surface words stay as the evidence."""
    get = operator.attrgetter(role)

    def part(value: Callable[[Any], object]) -> Callable[[Any], object]:
        return lambda record: None if get(record) is None else value(get(record))

    columns: dict[str, Column] = {
        f"{role}_name": part(canonical_name),
        f"{role}_country": part(operator.attrgetter("country")),
        f"{role}_sectors": part(lambda actor: ",".join(actor.sectors)),
    }
    if with_text:
        columns[f"{role}_text"] = part(operator.attrgetter("text"))
    return columns


def _place(*names: str) -> dict[str, Column]:
    """Columns of the ``location`` field, named ``place_<field>`` but for the coordinates."""
    def part(attribute: str) -> Callable[[Any], object]:
        return lambda record: None if record.location is None else \
            getattr(record.location, attribute)

    return {(name if name in ("latitude", "longitude") else f"place_{name}"): part(name)
            for name in names}


def _civilian_targeting(record: Any) -> int:
    return int(record.civilian_targeting)


# Per table, the columns not filled from the record's field of the same name.
COLUMN_FIELDS: dict[str, dict[str, Column]] = {
    "origins": {"article_id": "id"},
    "sentences": {"idx": "index"},
    "event_mentions": {**_actor("actor"), **_actor("recipient"),
                       **_place("name", "country", "kind", "latitude", "longitude"),
                       "civilian_targeting": _civilian_targeting},
    "events": {**_actor("actor", with_text=False), **_actor("recipient", with_text=False),
               **_place("name", "country", "latitude", "longitude"),
               "civilian_targeting": _civilian_targeting,
               "mention_count": lambda event: len(event.mentions),
               "article_count": lambda event: len(event.article_ids),
               "sources": lambda event: ",".join(event.sources)},
    "event_links": {"mention_id": "id"},
}


@cache
def _row_maker(table: str, given: frozenset[str]) -> Callable[[Any, Mapping[str, object]], Row]:
    """A function (record, given) -> row of ``table``, written out as source once a table as
    ``dataclasses`` writes ``__init__``: a row built column by column through getters costs
    three times a tuple written by hand, and the store builds a row for every record."""
    mapped = COLUMN_FIELDS.get(table, {})
    computed: dict[str, Callable[[Any], object]] = {}
    parts = []
    for column, _ in table_columns(table):
        source = mapped.get(column, column)
        if column in given:
            parts.append(f"given[{column!r}]")
        elif isinstance(source, str):
            if not source.isidentifier() or keyword.iskeyword(source):
                raise ValueError(f"{table}.{column}: {source!r} is no field name")
            parts.append(f"record.{source}")
        else:
            computed[f"_{len(computed)}"] = source
            parts.append(f"_{len(computed) - 1}(record)")
    code = f"lambda record, given: ({', '.join(parts)},)"
    return eval(code, computed)  # type: ignore[no-any-return]  # the text is ours


def record_row(table: str, record: object, given: Mapping[str, object] | None = None) -> Row:
    """``record`` as a row of ``table``: each column from its field (or ``COLUMN_FIELDS``),
    those in ``given`` (what the record does not hold: the row's article, a minhash) from
    there."""
    given = given or {}
    return _row_maker(table, frozenset(given))(record, given)


def article_row(article: Article, minhash: bytes | None, read_version: int | None) -> Row:
    return record_row("articles", article, {"minhash": minhash, "read_version": read_version})


def origin_row(article: Article) -> Row:
    return record_row("origins", article)


def furniture_rows(article: Article) -> list[Row]:
    """The article's page furniture, one row a piece, numbered in page order."""
    return [record_row("furniture", piece, {"article_id": article.id, "idx": index})
            for index, piece in enumerate(article.furniture)]


def read_rows(result: ReadArticle) -> dict[str, list[Row]]:
    """The rows of each of ``READ_TABLES`` that reading one article produced."""
    aid = result.article_id
    given = {"article_id": aid}
    rows: dict[str, list[Row]] = {
        "sentences": [record_row("sentences", s, given) for s in result.sentences],
        "sentence_days": sorted({(day, aid, s.index) for s in result.sentences
                                 for day in s.days}),
        "mentions": _unique("mentions", [record_row("mentions", m, given)
                                         for m in result.mentions]),
        "timexes": _unique("timexes", [record_row("timexes", t, given)
                                       for t in result.timexes]),
    }
    for extractor in in_order():
        if extractor.table:
            table = extractor.table
            # later rows replace earlier ones with the same key, as INSERT OR REPLACE does
            rows[table] = _last(table, [record_row(table, record, given)
                                        for record in getattr(result, extractor.assigns)])
    return rows


@cache
def _key(table: str) -> Callable[[Row], object]:
    """The primary key of a row of ``table``."""
    return operator.itemgetter(*(i for i, (name, _) in enumerate(table_columns(table))
                                 if name in primary_key(table)))


def _unique(table: str, rows: Iterable[Row]) -> list[Row]:
    """First row of each primary key, as INSERT OR IGNORE keeps."""
    key = _key(table)
    seen: dict[object, Row] = {}
    for row in rows:
        seen.setdefault(key(row), row)
    return list(seen.values())


def _last(table: str, rows: Iterable[Row]) -> list[Row]:
    """Last row of each primary key, as INSERT OR REPLACE keeps."""
    key = _key(table)
    return list({key(row): row for row in rows}.values())


def event_row(event: Event) -> Row:
    return record_row("events", event)


def event_link_rows(event: Event) -> list[Row]:
    return [record_row("event_links", m, {"event_id": event.id}) for m in event.mentions]
