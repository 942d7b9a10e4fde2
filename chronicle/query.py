"""Read-only queries over the store shared by the CLI, the exports and the JSON API.

Every filter is a bound parameter: no user text is ever pasted into SQL.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from chronicle.store import Store, file_version
from chronicle.store.rows import table_columns


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


_ISO3 = re.compile(r"[A-Za-z]{3}")  # what a country filter can be

# Names matched per store file until it changes: a page, its count and the pages after it,
# on any of the explorer's connections, scan the names once (most of a filtered page's time).
_MATCHED_NAMES: dict[tuple[str, str, str], tuple[tuple[int, ...], str]] = {}
_MATCHED_NAMES_KEPT = 512


def _names_containing(store: Store, role: str, value: str) -> str:
    """The names of one role (actor, recipient, place) containing ``value``, as a JSON list
    (from the small table of names of migration 5)."""
    key, version = (str(store.path), role, value.lower()), file_version(store.path)
    found = _MATCHED_NAMES.get(key)
    if found is not None and found[0] == version:
        return found[1]
    if len(_MATCHED_NAMES) >= _MATCHED_NAMES_KEPT:
        _MATCHED_NAMES.clear()
    names = store.db.execute(  # one step: see ``events_json``
        "SELECT json_group_array(name) FROM event_names WHERE role = ? AND name LIKE ?"
        " ESCAPE '\\'", (role, _contains(value))).fetchone()[0]
    _MATCHED_NAMES[key] = (version, names)
    return names


_NAMES_IN = "(SELECT value FROM json_each(?))"


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


def _event_clauses(store: Store, where: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter (empty when it filters nothing) and its bound values."""
    clauses, params = date_range("date", where.date_from, where.date_to)
    if where.event_type:
        clauses.append("event_type = ?")
        params.append(where.event_type.upper())
    for role, value in (("actor", where.actor), ("recipient", where.recipient)):
        if value and _ISO3.fullmatch(value):
            clauses.append(f"({role}_name IN {_NAMES_IN} OR {role}_country = ?)")
            params += [_names_containing(store, role, value), value.upper()]
        elif value:  # no country code: one index, read in order (an OR would read two)
            clauses.append(f"{role}_name IN {_NAMES_IN}")
            params.append(_names_containing(store, role, value))
    if where.place:
        clauses.append(f"place_name IN {_NAMES_IN}")
        params.append(_names_containing(store, "place", where.place))
    if where.source:
        clauses.append("id IN (SELECT l.event_id FROM articles a"
                       " JOIN event_mentions m ON m.article_id = a.id"
                       " JOIN event_links l ON l.mention_id = m.id"
                       " WHERE a.source = ? COLLATE NOCASE)")
        params.append(where.source)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


# An event's report as one JSON object, built by SQLite: a page of the explorer is then
# joined, not rebuilt row by row in Python (half of a cold request's time).
_MENTION_JSON = ("json_object('id', m.id, 'article_id', m.article_id, 'sentence_index',"
                 " m.sentence_index, 'start', m.start, 'end', m.end, 'text', m.text, 'trigger',"
                 " m.trigger, 'modality', m.modality, 'date_basis', m.date_basis, 'source',"
                 " a.source, 'published', a.published, 'origin', a.origin, 'url', a.url)")

# An event's reports, earliest first: chosen in the links' own index (they carry the
# publication date), so only the reports shown are joined to their articles.
_MENTIONS_JSON = (f"(SELECT json_group_array(json({_MENTION_JSON})) FROM"
                  " (SELECT mention_id, published FROM event_links WHERE event_id = e.id"
                  " ORDER BY published, mention_id LIMIT ?) l"
                  " JOIN event_mentions m ON m.id = l.mention_id"
                  " JOIN articles a ON a.id = m.article_id)")


@functools.cache
def _event_json() -> str:
    """The SQL of one event row ``e`` as a JSON object with its ``mentions``."""
    fields = ", ".join(f"'{name}', e.{name}" for name, _ in table_columns("events"))
    return f"json_object({fields}, 'mentions', json({_MENTIONS_JSON}))"


def _events_sql(store: Store, where: EventFilter,
                mentions_per_event: int | None) -> tuple[str, list[Any]]:
    """The SQL of the events of a filter, one JSON object a row, in the filter's order."""
    clause, params = _event_clauses(store, where)
    order = (" ORDER BY article_count DESC, mention_count DESC, date, id"
             if where.most_reported_first else " ORDER BY date, article_count DESC, id")
    rows = "events e" + clause
    if where.limit is not None:  # the page first: a sort would build every row's JSON
        rows = f"(SELECT * FROM events{clause}{order} LIMIT ? OFFSET ?) e"
        params += [where.limit, where.offset]
    limit = -1 if mentions_per_event is None else mentions_per_event
    return f"SELECT {_event_json()} AS event FROM {rows}{order}", [limit, *params]


def events(store: Store, where: EventFilter = EventFilter(),
           mentions_per_event: int | None = None) -> list[dict[str, Any]]:
    """Consolidated events, each with its mentions (the evidence) and sources.

    ``mentions_per_event`` keeps the earliest reports of each event only (a list of events
    for a page need not carry all of a much-reported event's hundreds of reports;
    ``mention_count`` says how many there are, ``event`` gives them all)."""
    sql, params = _events_sql(store, where, mentions_per_event)
    return [json.loads(row[0]) for row in store.db.execute(sql, params)]


def events_json(store: Store, where: EventFilter, mentions_per_event: int | None = None) -> str:
    """``events`` as the text of one JSON array, built by SQLite in one step: a page for
    the explorer without a row-by-row round trip through Python, each of which waits for
    the interpreter lock while other requests hold it."""
    sql, params = _events_sql(store, where, mentions_per_event)
    return store.db.execute(f"SELECT '[' || coalesce(group_concat(event, ','), '') || ']'"
                            f" FROM ({sql})", params).fetchone()[0]


def count_events(store: Store, where: EventFilter = EventFilter()) -> int:
    clause, params = _event_clauses(store, where)
    return int(store.db.execute("SELECT count(*) FROM events" + clause, params).fetchone()[0])


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every mention that reports it."""
    row = store.db.execute(f"SELECT {_event_json()} FROM events e WHERE id = ?",
                           (-1, event_id)).fetchone()
    return None if row is None else json.loads(row[0])


# The label of an event's lane in a timeline grouped by actor or by type.
_GROUPS = {"type": "event_type",
           "actor": "coalesce(actor_name, actor_country, '(unknown)')",
           "recipient": "coalesce(recipient_name, recipient_country, '(none)')"}


def event_days(store: Store, where: EventFilter, group: str = "type",
               lanes: int = 12) -> dict[str, Any]:
    """Events per day and lane (the ``lanes`` biggest groups, the rest in ``(other)``)."""
    label = _GROUPS[group]
    clause, params = _event_clauses(store, where)
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
    clause, params = _event_clauses(store, where)
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
    clause, params = _event_clauses(store, where)
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
    result["claims"] = [_labelled(c) for c in store.db.execute(
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
    ranked = store.db.execute(  # one step: see ``events_json``
        "SELECT json_group_array(rowid) FROM (SELECT rowid FROM sentences_fts"
        " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?)", (match, depth)).fetchone()[0]
    return json.loads(ranked), total


def frequent_words(store: Store, min_sentences: int, limit: int) -> list[str]:
    """The words found in the most sentences (at least ``min_sentences``; ``limit`` stems),
    in the forms they are most often written: the index holds stems ("kill"), a search
    is typed as a word ("killed", "killing")."""
    store.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentence_terms"
                     " USING fts5vocab(main, 'sentences_fts', 'row')")
    stems = [row[0] for row in store.db.execute(
        "SELECT term FROM temp.sentence_terms WHERE doc >= ? ORDER BY doc DESC LIMIT ?",
        (min_sentences, limit))]
    words: list[str] = []
    for stem in stems:
        written = Counter(word.lower() for (marked,) in store.db.execute(
            "SELECT highlight(sentences_fts, 0, char(2), char(3)) FROM sentences_fts"
            " WHERE sentences_fts MATCH ? LIMIT 100", (f'"{stem}"',))
            for word in re.findall("\x02(.*?)\x03", marked))
        seen = sum(written.values())
        words += [word for word, count in written.most_common() if count >= seen / 5]
    return list(dict.fromkeys(words))


def sentences_at(store: Store, rowids: list[int]) -> list[dict[str, Any]]:
    """The sentences with these rowids, in that order, with their article's date and outlet
    (fetched in one step: see ``events_json``)."""
    found = json.loads(store.db.execute(
        "SELECT json_group_array(json_array(s.rowid, json_object('article_id', s.article_id,"
        " 'sentence_index', s.idx, 'start', s.start, 'end', s.end, 'text', s.text,"
        " 'published', a.published, 'source', a.source, 'title', a.title)))"
        " FROM sentences s JOIN articles a ON a.id = s.article_id"
        " WHERE s.rowid IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)
    ).fetchone()[0])
    by_rowid = dict(map(tuple, found))
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


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


def source_label(actor: str | None, text: str | None, missing: str = "(unnamed)") -> str:
    """How a source reads: the actor it resolved to, followed by the article's own words
    where their head word is not the actor's ("Gaza (“Gaza health authorities”)",
    "Benjamin Netanyahu (“he”)"; but "Joe Biden" for "US President Joe Biden"),
    so that grouping by actor hides neither the institution nor how a pronoun was read."""
    text = (text or "").strip()
    if not actor:
        return text or missing
    words = text.lower().split()
    head = re.sub(r"['’]s$", "", words[-1].strip(",.;:")) if words else ""
    # titles before a name ("US President Joe Biden") say nothing the name does not, and
    # a long description ("X, head of Y's Z for W") is the article's to tell
    if not head or head in actor.lower().split() or (
            len(words) > 5 and actor.lower() in text.lower()):
        return actor
    return f"{actor} (“{text}”)"


def _labelled(row: Any, missing: str = "(unnamed)") -> dict[str, Any]:
    """A claim or figure row with its ``source_label``."""
    out = dict(row)
    out["source_label"] = source_label(out.get("source_actor"), out.get("source_text"), missing)
    return out


def claims(store: Store, about: str | None = None, source: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Attributed statements with their source (``source_label`` to show it), cue, stance
    and article."""
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
    return [_labelled(row) for row in store.db.execute(sql, params)]


def figures(store: Store, referent: str | None = None, limit: int | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """Reported figures with their source (``source_label`` to show it) and date, oldest
    first."""
    sql = ("SELECT f.*, a.published, a.source AS outlet, a.origin, s.text AS sentence,"
           " c.source_text FROM figures f JOIN articles a ON a.id = f.article_id"
           " JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.sentence_index"
           " LEFT JOIN attributions c ON c.id = f.attribution")
    params: list[Any] = []
    if referent:
        sql += " WHERE lower(f.referent) = ?"
        params.append(referent.lower())
    sql += " ORDER BY coalesce(f.date, a.published), f.article_id, f.start"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_labelled(row, "(unattributed)") for row in store.db.execute(sql, params)]
