"""Read-only queries over the store shared by the CLI, the exports and the JSON API.

Every filter is a bound parameter: no user text is ever pasted into SQL.
"""

from __future__ import annotations

import re
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


def _contains(value: str) -> str:
    """A LIKE pattern for "contains ``value``": its own ``%`` and ``_`` match only themselves
    (used with ``ESCAPE '\\'``). SQLite's LIKE ignores case (ASCII, like its ``lower``), so
    columns are matched as they are: no function call per row on a large store."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# The names of one role (actor, recipient, place) containing a pattern (migration 5).
_NAMES_LIKE = "(SELECT name FROM event_names WHERE role = ? AND name LIKE ? ESCAPE '\\')"


def date_range(column: str, first: str | None, last: str | None) -> tuple[list[str], list[Any]]:
    """WHERE clauses (and their bound values) keeping ``column`` within ``[first, last]``,
    inclusive; an open end adds nothing."""
    clauses, params = [], []
    if first:
        clauses.append(f"{column} >= ?")
        params.append(first)
    if last:
        clauses.append(f"{column} <= ?")
        params.append(last)
    return clauses, params


def _event_clauses(where: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter (empty when it filters nothing) and its bound values."""
    clauses, params = date_range("date", where.date_from, where.date_to)
    if where.event_type:
        clauses.append("event_type = ?")
        params.append(where.event_type.upper())
    for role, value in (("actor", where.actor), ("recipient", where.recipient)):
        if value:
            clauses.append(f"({role}_name IN {_NAMES_LIKE} OR {role}_country = ?)")
            params += [role, _contains(value), value.upper()]
    if where.place:
        clauses.append(f"place_name IN {_NAMES_LIKE}")
        params += ["place", _contains(where.place)]
    if where.source:
        clauses.append("id IN (SELECT l.event_id FROM articles a"
                       " JOIN event_mentions m ON m.article_id = a.id"
                       " JOIN event_links l ON l.mention_id = m.id"
                       " WHERE a.source = ? COLLATE NOCASE)")
        params.append(where.source)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def events(store: Store, where: EventFilter = EventFilter(),
           mentions_per_event: int | None = None) -> list[dict[str, Any]]:
    """Consolidated events, each with its mentions (the evidence) and sources.

    ``mentions_per_event`` keeps the earliest reports of each event only (a list of events
    for a page need not carry all of a much-reported event's hundreds of reports;
    ``mention_count`` says how many there are, ``event`` gives them all)."""
    clause, params = _event_clauses(where)
    sql = "SELECT * FROM events" + clause
    sql += (" ORDER BY article_count DESC, mention_count DESC, date, id"
            if where.most_reported_first else " ORDER BY date, article_count DESC, id")
    if where.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [where.limit, where.offset]
    rows = [dict(row) for row in store.db.execute(sql, params)]
    for row in rows:
        row["mentions"] = _event_mentions(store, row["id"], mentions_per_event)
    return rows


def _event_mentions(store: Store, event_id: str,
                    limit: int | None = None) -> list[dict[str, Any]]:
    """An event's reports, earliest first: chosen in the links' own index (they carry the
    publication date), so only the reports shown are joined to their articles."""
    return [dict(m) for m in store.db.execute(
        "SELECT m.id, m.article_id, m.sentence_index, m.start, m.end, m.text, m.trigger,"
        " m.modality, m.date_basis, a.source, a.published, a.origin, a.url"
        " FROM (SELECT mention_id, published FROM event_links WHERE event_id = ?"
        " ORDER BY published, mention_id LIMIT ?) l"
        " JOIN event_mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id"
        " ORDER BY l.published, l.mention_id", (event_id, -1 if limit is None else limit))]


def count_events(store: Store, where: EventFilter = EventFilter()) -> int:
    clause, params = _event_clauses(where)
    return int(store.db.execute("SELECT count(*) FROM events" + clause, params).fetchone()[0])


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return dict(row) | {"mentions": _event_mentions(store, event_id)}


# The label of an event's lane in a timeline grouped by actor or by type.
_GROUPS = {"type": "event_type",
           "actor": "coalesce(actor_name, actor_country, '(unknown)')",
           "recipient": "coalesce(recipient_name, recipient_country, '(none)')"}


def event_days(store: Store, where: EventFilter, group: str = "type",
               lanes: int = 12) -> dict[str, Any]:
    """Events per day and lane (the ``lanes`` biggest groups, the rest in ``(other)``)."""
    label = _GROUPS[group]
    clause, params = _event_clauses(where)
    top = [row[0] for row in store.db.execute(
        f"SELECT {label} AS g, count(*) AS n FROM events{clause} GROUP BY g"
        " ORDER BY n DESC, g LIMIT ?", [*params, lanes])]
    kept = set(top)
    days: dict[tuple[str, str], list[int]] = {}
    for day, lane, count, articles in store.db.execute(
            f"SELECT date, {label} AS g, count(*), sum(article_count) FROM events{clause}"
            " GROUP BY date, g ORDER BY date", params):
        key = (day, lane if lane in kept else "(other)")
        totals = days.setdefault(key, [0, 0])
        totals[0] += count
        totals[1] += articles
    names = top + (["(other)"] if any(k[1] == "(other)" for k in days) else [])
    return {"group": group, "lanes": names,
            "days": [{"date": d, "lane": lane, "events": n, "articles": a}
                     for (d, lane), (n, a) in days.items()]}


def event_places(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Geocoded places with how many events happened there (a map needs one dot a place)."""
    clause, params = _event_clauses(where)
    clause += (" AND " if clause else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    return [dict(row) for row in store.db.execute(
        "SELECT place_name, place_country, latitude, longitude, count(*) AS events,"
        " sum(article_count) AS articles, min(date) AS first, max(date) AS last,"
        " group_concat(DISTINCT event_type) AS types"
        f" FROM events{clause} GROUP BY place_name, latitude, longitude"
        " ORDER BY events DESC", params)]


def actors(store: Store, name: str | None = None, limit: int | None = None,
           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actors and recipients with how many events they act in and are acted on, and a total."""
    where, params = "", []
    if name:
        where = " WHERE lower(name) LIKE ? ESCAPE '\\'"
        params.append(_contains(name))
    sql = ("WITH roles AS ("
           " SELECT coalesce(actor_name, actor_country) AS name, actor_country AS country,"
           " 1 AS acting, 0 AS acted_on FROM events"
           " WHERE coalesce(actor_name, actor_country) IS NOT NULL"
           " UNION ALL SELECT coalesce(recipient_name, recipient_country), recipient_country,"
           " 0, 1 FROM events WHERE coalesce(recipient_name, recipient_country) IS NOT NULL)"
           " SELECT name, max(country) AS country, sum(acting) AS as_actor,"
           f" sum(acted_on) AS as_recipient, count(*) AS events FROM roles{where}"
           " GROUP BY name")
    total = int(store.db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
    sql += " ORDER BY events DESC, name"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [dict(row) for row in store.db.execute(sql, params)], total


def actor_network(store: Store, where: EventFilter, edges: int = 80) -> dict[str, Any]:
    """Who acts on whom: the ``edges`` heaviest actor → recipient pairs, weighted by events."""
    clause, params = _event_clauses(where)
    clause += (" AND " if clause else " WHERE ") + (
        "coalesce(actor_name, actor_country) IS NOT NULL"
        " AND coalesce(recipient_name, recipient_country) IS NOT NULL")
    links = [dict(row) for row in store.db.execute(
        "SELECT coalesce(actor_name, actor_country) AS source,"
        " coalesce(recipient_name, recipient_country) AS target, count(*) AS events,"
        " sum(article_count) AS articles, round(avg(goldstein), 2) AS goldstein"
        f" FROM events{clause} GROUP BY source, target HAVING source != target"
        " ORDER BY events DESC, source, target LIMIT ?", [*params, edges])]
    weight: dict[str, int] = {}
    for link in links:
        for end in (link["source"], link["target"]):
            weight[end] = weight.get(end, 0) + link["events"]
    nodes = [{"id": name, "events": n} for name, n in sorted(weight.items())]
    return {"nodes": nodes, "links": links}


def articles(store: Store, date_from: str | None = None, date_to: str | None = None,
             outlet: str | None = None, limit: int | None = None,
             offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Articles (without their text) in publication order, and how many match in all."""
    clauses, params = date_range("published", date_from, date_to)
    if outlet:
        clauses.append("lower(source) = ?")
        params.append(outlet.lower())
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    total = int(store.db.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0])
    sql = ("SELECT id, published, published_time, title, source, url, origin, word_count"
           f" FROM articles{where} ORDER BY published, id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [dict(row) for row in store.db.execute(sql, params)], total


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, sentences (character spans) and what was found in it."""
    row = store.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    result = dict(row)
    result.pop("minhash", None)  # a binary signature: nothing a reader wants
    result["sentences"] = [dict(s) for s in store.db.execute(
        "SELECT idx, start, end FROM sentences WHERE article_id = ? ORDER BY idx",
        (article_id,))]
    mentions = [dict(e) for e in store.db.execute(
        "SELECT id, sentence_index, event_type, trigger, actor_name, recipient_name, date"
        " FROM event_mentions WHERE article_id = ? ORDER BY start", (article_id,))]
    # event_links is keyed by event: one pass over it for all the article's mentions, not
    # one per mention
    marks = ",".join("?" * len(mentions))
    event_of = dict(store.db.execute(
        f"SELECT mention_id, event_id FROM event_links WHERE mention_id IN ({marks})",
        [m["id"] for m in mentions])) if mentions else {}
    result["events"] = [{"event_id": event_of.get(m.pop("id"))} | m for m in mentions]
    result["claims"] = [dict(c) for c in store.db.execute(
        "SELECT id, sentence_index, source_text, source_actor, cue_text, content_text, stance"
        " FROM attributions WHERE article_id = ? ORDER BY content_start", (article_id,))]
    result["duplicate_of"] = [r[0] for r in store.db.execute(
        "SELECT duplicate_of FROM duplicate_links WHERE article_id = ?", (article_id,))]
    return result


_TERM = re.compile(r"\w+")


def fts_query(text: str) -> str | None:
    """A full-text query that means "all these words": each word quoted, so no user text is
    ever read as FTS5 syntax (``NEAR``, ``*``, quotes). None when there is no word."""
    words = _TERM.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


def search_ranking(store: Store, text: str, depth: int) -> tuple[list[int], int]:
    """The sentences containing every word of ``text`` (stemmed): the rowids of the ``depth``
    best matches, best first, and how many match in all.

    Ranking costs the same for any depth (every match is scored), so a caller keeping one
    deep ranking answers its next pages without scoring again."""
    match = fts_query(text)
    if match is None:
        return [], 0
    total = int(store.db.execute(
        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?", (match,)).fetchone()[0])
    ranked = [row[0] for row in store.db.execute(
        "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, depth))]
    return ranked, total


def sentences_at(store: Store, rowids: list[int]) -> list[dict[str, Any]]:
    """The sentences with these rowids, in that order, with their article's date and outlet."""
    rows = {row["rowid"]: dict(row) for row in store.db.execute(
        "SELECT s.rowid, s.article_id, s.idx AS sentence_index, s.start, s.end, s.text,"
        " a.published, a.source, a.title FROM sentences s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.rowid IN ({','.join('?' * len(rowids))})", rowids)}
    return [{k: v for k, v in rows[rowid].items() if k != "rowid"} for rowid in rowids
            if rowid in rows]


def stats(store: Store) -> dict[str, Any]:
    """What the store holds and the values filters can take."""
    first, last = store.db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "counts": store.counts(),
        "published": {"first": first, "last": last},
        "event_dates": dict(zip(("first", "last"), store.db.execute(
            "SELECT min(date), max(date) FROM events").fetchone(), strict=True)),
        "outlets": [r[0] for r in store.db.execute(
            "SELECT source, count(*) AS n FROM articles WHERE source != ''"
            " GROUP BY source ORDER BY n DESC, source LIMIT 200")],
        "event_types": [r[0] for r in store.db.execute(
            "SELECT event_type, count(*) AS n FROM events GROUP BY event_type"
            " ORDER BY n DESC, event_type")],
        "referents": [r[0] for r in store.db.execute(
            "SELECT referent, count(*) AS n FROM figures WHERE referent IS NOT NULL"
            " GROUP BY referent ORDER BY n DESC, referent")],
    }


def claims(store: Store, about: str | None = None, source: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
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
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [dict(row) for row in store.db.execute(sql, params)]


def figures(store: Store, referent: str | None = None, limit: int | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """Reported figures with their source and date, oldest first."""
    sql = ("SELECT f.*, a.published, a.source AS outlet, a.origin, s.text AS sentence"
           " FROM figures f JOIN articles a ON a.id = f.article_id"
           " JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.sentence_index")
    params: list[Any] = []
    if referent:
        sql += " WHERE lower(f.referent) = ?"
        params.append(referent.lower())
    sql += " ORDER BY coalesce(f.date, a.published), f.article_id, f.start"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [dict(row) for row in store.db.execute(sql, params)]
