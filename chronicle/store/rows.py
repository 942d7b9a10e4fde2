"""Rows of the store's tables, built from Chronicle's records, and the tables' columns.

The SQLite store and the Spark job's Parquet tables are both written from these functions,
and the Parquet schema is read off the SQLite schema (:func:`table_columns`), so the two
outputs cannot drift apart column by column.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING

from chronicle.model import Article, ReadArticle
from chronicle.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from chronicle.extract.events import Event, EventMention

Row = tuple[object, ...]

# Tables holding what reading an article produced: replaced whole when it is read again.
READ_TABLES = ("sentences", "sentence_days", "mentions", "timexes", "event_mentions",
               "attributions", "figures")
# Every content table, in an order that satisfies the foreign keys when inserting.
CONTENT_TABLES = ("articles", "origins", "rejects", "duplicate_links", "lsh_bands",
                  *READ_TABLES, "events", "event_links")


@cache
def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(name, declared SQLite type) of each column of ``table``, in schema order.

    Read from a throw-away in-memory database built by the migrations themselves: the schema
    has one definition, the migrations.
    """
    from chronicle.store.database import _split_statements

    db = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS:
            for statement in _split_statements(script):
                db.execute(statement)
        columns = tuple((row[1], row[2].upper()) for row in
                        db.execute(f"PRAGMA table_info({table})"))
    finally:
        db.close()
    if not columns:
        raise KeyError(f"no table {table!r} in the store's schema")
    return columns


def article_row(article: Article, minhash: bytes | None, read_version: int | None) -> Row:
    return (article.id, article.published, article.published_time, article.title, article.text,
            article.source, article.url, article.origin, article.word_count, minhash,
            read_version)


def origin_row(article: Article) -> Row:
    return (article.origin, article.id, article.source, article.url, article.published)


def read_rows(result: ReadArticle) -> dict[str, list[Row]]:
    """The rows of each of ``READ_TABLES`` that reading one article produced."""
    aid = result.article_id
    return {
        "sentences": [(aid, s.index, s.start, s.end, s.text) for s in result.sentences],
        "sentence_days": sorted({(day, aid, s.index) for s in result.sentences
                                 for day in s.days}),
        "mentions": _unique([(aid, m.sentence_index, m.start, m.end, m.text, m.label)
                             for m in result.mentions], key=lambda r: (r[2], r[3], r[5])),
        "timexes": _unique([(aid, t.sentence_index, t.start, t.end, t.text, t.type, t.value,
                             t.granularity, t.mod, t.first_day, t.last_day)
                            for t in result.timexes], key=lambda r: (r[2], r[3])),
        # later rows replace earlier ones with the same key, as INSERT OR REPLACE does
        "event_mentions": _last([event_mention_row(m) for m in result.events],
                                key=lambda r: r[0]),
        "attributions": _last([
            (a.id, a.article_id, a.sentence_index, a.cue_start, a.cue_end, a.cue_text,
             a.content_start, a.content_end, a.content_text, a.kind, a.stance, a.source_start,
             a.source_end, a.source_text, a.source_actor, a.source_kind, a.parent)
            for a in result.attributions], key=lambda r: r[0]),
        "figures": _last([
            (aid, f.start, f.end, f.sentence_index, f.text, f.value, f.low, f.high, f.bound,
             f.unit, f.referent, f.cumulative, f.date, f.date_basis, f.attribution,
             f.source_actor, f.dimension, f.change) for f in result.figures],
            key=lambda r: (r[1], r[2])),
    }


def _unique(rows: list[Row], key) -> list[Row]:  # type: ignore[no-untyped-def]
    """First row of each primary key, as INSERT OR IGNORE keeps."""
    seen: dict[object, Row] = {}
    for row in rows:
        seen.setdefault(key(row), row)
    return list(seen.values())


def _last(rows: list[Row], key) -> list[Row]:  # type: ignore[no-untyped-def]
    """Last row of each primary key, as INSERT OR REPLACE keeps."""
    return list({key(row): row for row in rows}.values())


def canonical_name(actor: object) -> str:
    """One name per actor (``chronicle.extract.identity``), imported on first use: the
    Parquet import and schema readers need no actor tables."""
    from chronicle.extract.identity import canonical_name as name

    return name(actor)  # type: ignore[arg-type]


def _actor_columns(actor: object | None) -> Row:
    if actor is None:
        return (None, None, None, None)
    # the registry's one name for the actor; the surface words stay as the evidence
    return (actor.text, canonical_name(actor), actor.country,  # type: ignore[arg-type]
            ",".join(actor.sectors))  # type: ignore[attr-defined]


def event_mention_row(m: EventMention) -> Row:
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
        *_acled_columns(m),
    )


def _acled_columns(record: object) -> Row:
    """ACLED's coding of an event or report, in the order migration 9 added the columns."""
    r = record
    return (r.acled_event_type, r.acled_sub_event_type, r.disorder_type,  # type: ignore[attr-defined]
            r.inter1, r.inter2, r.interaction, int(r.civilian_targeting),  # type: ignore[attr-defined]
            r.fatalities, r.fatalities_bound, r.fatalities_source)  # type: ignore[attr-defined]


def event_row(event: Event) -> Row:
    def actor(a: object | None) -> Row:
        if a is None:
            return (None, None, None)
        return (canonical_name(a), a.country, ",".join(a.sectors))  # type: ignore[arg-type, attr-defined]

    place = event.location
    return (
        event.id, event.event_type, event.mode, *actor(event.actor), *actor(event.recipient),
        event.date, event.date_basis,
        place.name if place else None, place.country if place else None,
        place.latitude if place else None, place.longitude if place else None,
        event.modality, event.confidence, event.cameo_root, event.quad_class, event.goldstein,
        len(event.mentions), len(event.article_ids), ",".join(event.sources),
        *_acled_columns(event), event.fatalities_note,
    )


def event_link_rows(event: Event) -> list[Row]:
    return [(event.id, m.id, m.published) for m in event.mentions]
