"""Read-only queries over the store shared by the CLI, the exports and (later) the JSON API.

Every filter is a bound parameter: no user text is ever pasted into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronicle.store import Store


@dataclass(frozen=True)
class EventFilter:
    date_from: str | None = None
    date_to: str | None = None
    event_type: str | None = None
    actor: str | None = None  # matches name or ISO3 country, case-insensitive
    recipient: str | None = None
    place: str | None = None
    source: str | None = None  # outlet
    limit: int | None = None
    offset: int = 0
    most_reported_first: bool = False  # else in date order


def events(store: Store, where: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Consolidated events, each with its mentions (the evidence) and sources."""
    clauses, params = [], []
    if where.date_from:
        clauses.append("date >= ?")
        params.append(where.date_from)
    if where.date_to:
        clauses.append("date <= ?")
        params.append(where.date_to)
    if where.event_type:
        clauses.append("event_type = ?")
        params.append(where.event_type.upper())
    for column, value in (("actor", where.actor), ("recipient", where.recipient)):
        if value:
            clauses.append(f"(lower({column}_name) LIKE ? OR upper({column}_country) = ?)")
            params += [f"%{value.lower()}%", value.upper()]
    if where.place:
        clauses.append("lower(place_name) LIKE ?")
        params.append(f"%{where.place.lower()}%")
    if where.source:
        clauses.append("(',' || lower(sources) || ',') LIKE ?")
        params.append(f"%,{where.source.lower()},%")
    sql = "SELECT * FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += (" ORDER BY article_count DESC, mention_count DESC, date, id"
            if where.most_reported_first else " ORDER BY date, article_count DESC, id")
    if where.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [where.limit, where.offset]
    rows = [dict(row) for row in store.db.execute(sql, params)]
    for row in rows:
        row["mentions"] = [dict(m) for m in store.db.execute(
            "SELECT m.id, m.article_id, m.sentence_index, m.start, m.end, m.text, m.trigger,"
            " m.modality, m.date_basis, a.source, a.published, a.origin, a.url"
            " FROM event_links l JOIN event_mentions m ON m.id = l.mention_id"
            " JOIN articles a ON a.id = m.article_id WHERE l.event_id = ?"
            " ORDER BY a.published, m.id", (row["id"],))]
    return rows


def claims(store: Store, about: str | None = None, source: str | None = None,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Attributed statements with their source, cue, stance and article."""
    clauses, params = [], []
    if about:
        for word in about.split():
            clauses.append("lower(c.content_text) LIKE ?")
            params.append(f"%{word.lower()}%")
    if source:
        clauses.append("(lower(c.source_actor) LIKE ? OR lower(c.source_text) LIKE ?)")
        params += [f"%{source.lower()}%"] * 2
    sql = ("SELECT c.*, a.published, a.source AS outlet, a.origin, a.url FROM attributions c"
           " JOIN articles a ON a.id = c.article_id")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY a.published, c.article_id, c.content_start"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(row) for row in store.db.execute(sql, params)]


def figures(store: Store, referent: str | None = None) -> list[dict[str, Any]]:
    """Reported figures with their source and date, oldest first."""
    sql = ("SELECT f.*, a.published, a.source AS outlet, a.origin, s.text AS sentence"
           " FROM figures f JOIN articles a ON a.id = f.article_id"
           " JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.sentence_index")
    params: list[Any] = []
    if referent:
        sql += " WHERE lower(f.referent) = ?"
        params.append(referent.lower())
    sql += " ORDER BY coalesce(f.date, a.published), f.article_id, f.start"
    return [dict(row) for row in store.db.execute(sql, params)]
