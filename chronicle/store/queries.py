"""The SQL of the read-only queries (``chronicle.query`` composes them for the CLI, the
exports and the JSON API). Answers the API serialises as they are stay dicts of the row's
columns (they become JSON unchanged); the labels a reader sees are added by ``query``.

Every filter is a bound parameter: no user text is ever pasted into SQL.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from chronicle.store.database import Store, file_version
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
    acled_type: str | None = None  # ACLED sub-event type ("Air/drone strike") or event type


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
    if where.acled_type:
        clauses.append("(acled_sub_event_type = ? OR acled_event_type = ?)")
        params += [where.acled_type, where.acled_type]
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
    return (f"json_object({fields}, 'place_precision', {_PLACE_PRECISION},"
            f" 'mentions', json({_MENTIONS_JSON}))")


# How precisely an event's place is known (country, region, town: ``Place.precision``):
# the kind of the place its reports geocoded, read through the event's links (an index).
_PLACE_PRECISION = ("(SELECT CASE m.place_kind WHEN 'city' THEN 'town' ELSE m.place_kind END"
                    " FROM event_links l JOIN event_mentions m ON m.id = l.mention_id"
                    " WHERE l.event_id = e.id AND m.place_name = e.place_name LIMIT 1)")


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
    """Geocoded places with how many events happened there (a map needs one dot a place);
    ``query.event_places`` adds how precisely each is known."""
    clause, params = _event_clauses(store, where)
    clause += (" AND " if clause else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    return [dict(row) for row in store.db.execute(
        "SELECT place_name, place_country, latitude, longitude, count(*) AS events,"
        " sum(article_count) AS articles, min(date) AS first, max(date) AS last,"
        " group_concat(DISTINCT event_type) AS types"
        f" FROM events{clause} GROUP BY place_name, latitude, longitude"
        " ORDER BY events DESC", params)]


def actors(store: Store, name: str | None = None, limit: int | None = None,
           offset: int = 0, alias: str | None = None,
           also: Sequence[str] = ()) -> tuple[list[dict[str, Any]], int]:
    """Actors of events and sources of claims with how many events they act in and are
    acted on and how many claims they make, and a total.

    ``name``: only names containing it. ``alias``: only actors named or written so (a
    name, or the words an event or a claim wrote for it, containing ``alias``), or named
    in ``also`` (the registry's canonical names for it)."""
    where, params = "", []
    if name:
        where = " WHERE lower(name) LIKE ? ESCAPE '\\'"
        params.append(_contains(name))
    exact: list[Any] = []
    if alias:
        # a word of the name or alias begins with it: "UN" finds "UN envoy", not "unknown"
        word = _contains(alias)[1:-1]
        starts = [f"{word}%", f"% {word}%", f"%-{word}%"]

        def words(column: str) -> str:
            return "(" + " OR ".join([f"{column} LIKE ? ESCAPE '\\'"] * 3) + ")"

        written = " UNION ".join(
            f"SELECT {n} FROM {t} WHERE {words(w)}"
            for n, w, t in (("actor_name", "actor_text", "event_mentions"),
                            ("recipient_name", "recipient_text", "event_mentions"),
                            ("source_actor", "source_text", "attributions")))
        named = ",".join("?" * len(also)) or "NULL"
        where += (" AND " if where else " WHERE ") + (
            f"({words('name')} OR name IN ({written}) OR name IN ({named}))")
        params += starts * 4 + list(also)
        # the actor named or written exactly so comes first
        exact = [alias, alias, alias, alias, *also]
        exact_sql = (" ORDER BY (name = ? COLLATE NOCASE OR name IN (SELECT actor_name FROM"
                     " event_mentions WHERE actor_text = ? COLLATE NOCASE UNION SELECT"
                     " recipient_name FROM event_mentions WHERE recipient_text = ? COLLATE"
                     " NOCASE UNION SELECT source_actor FROM attributions WHERE source_text = ?"
                     f" COLLATE NOCASE) OR name IN ({named})) DESC,")
    sql = ("WITH roles AS ("
           " SELECT coalesce(actor_name, actor_country) AS name, actor_country AS country,"
           " 1 AS acting, 0 AS acted_on, 0 AS saying FROM events"
           " WHERE coalesce(actor_name, actor_country) IS NOT NULL"
           " UNION ALL SELECT coalesce(recipient_name, recipient_country), recipient_country,"
           " 0, 1, 0 FROM events WHERE coalesce(recipient_name, recipient_country) IS NOT NULL"
           # a source that only speaks is an actor too: it has a page of its claims
           " UNION ALL SELECT source_actor, NULL, 0, 0, 1 FROM attributions"
           " WHERE source_actor IS NOT NULL)"
           " SELECT name, max(country) AS country, sum(acting) AS as_actor,"
           " sum(acted_on) AS as_recipient, sum(acting) + sum(acted_on) AS events,"
           # the total with the page: one pass over the roles, not two
           f" sum(saying) AS claims, count(*) OVER () AS total FROM roles{where}"
           " GROUP BY name")
    sql += (exact_sql if alias else " ORDER BY") + " events DESC, claims DESC, name"
    count_params = list(params)
    params += exact
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    rows = [dict(row) for row in store.db.execute(sql, params)]
    if rows:
        total = rows[0]["total"]
    elif offset:  # a page past the end: how many there are, all the same
        total = int(store.db.execute(f"SELECT count(*) FROM ({sql.split(' ORDER BY')[0]})",
                                     count_params).fetchone()[0])
    else:
        total = 0
    for row in rows:
        del row["total"]
    return rows, total


ACTOR_PAGE_ITEMS = 200  # events, claims and figures listed on one actor's page, each


def actor(store: Store, name: str, limit: int = ACTOR_PAGE_ITEMS) -> dict[str, Any] | None:
    """Everything about one actor (its canonical name, as events carry it): what it did and
    had done to it over time, what it said, its figures, its partners in the network, and
    the words the articles wrote for it; None when the store knows no such actor.

    Every list reads an index (events by actor and by recipient, claims by source)."""
    def events_as(role: str, other: str) -> list[dict[str, Any]]:
        # each event with its earliest report, the evidence a reader opens first
        return [dict(row) for row in store.db.execute(
            f"SELECT e.id, e.date, e.event_type, e.mode, e.{other}_name AS other,"
            " e.place_name, e.article_count, e.mention_count, e.goldstein,"
            " m.article_id, m.sentence_index, m.text AS evidence"
            f" FROM (SELECT * FROM events WHERE {role}_name = ? ORDER BY date, id LIMIT ?) e"
            " JOIN event_mentions m ON m.id = (SELECT mention_id FROM event_links"
            " WHERE event_id = e.id ORDER BY published, mention_id LIMIT 1)"
            " ORDER BY e.date, e.id", (name, limit))]

    did, done_to = events_as("actor", "recipient"), events_as("recipient", "actor")
    said = [dict(row) for row in store.db.execute(
        "SELECT c.*, a.published, a.source AS outlet FROM attributions c"
        " JOIN articles a ON a.id = c.article_id WHERE c.source_actor = ?"
        " ORDER BY a.published, c.article_id, c.content_start LIMIT ?", (name, limit))]
    figures_given = [dict(row) for row in store.db.execute(
        "SELECT f.*, a.published FROM figures f JOIN articles a ON a.id = f.article_id"
        " WHERE f.source_actor = ? ORDER BY coalesce(f.date, a.published) LIMIT ?",
        (name, limit))]
    if not (did or done_to or said or figures_given):
        return None
    partners: Counter[str] = Counter()
    for role, other in (("actor", "recipient"), ("recipient", "actor")):
        for partner, n in store.db.execute(
                f"SELECT {other}_name, count(*) FROM events WHERE {role}_name = ?"
                f" AND {other}_name IS NOT NULL AND {other}_name != ? GROUP BY 1",
                (name, name)):
            partners[partner] += n
    ids = [e["id"] for e in did + done_to][:limit]
    words: Counter[str] = Counter()
    for text, n in store.db.execute(
            "SELECT coalesce(m.actor_text, ''), count(*) FROM event_links l"
            " JOIN event_mentions m ON m.id = l.mention_id"
            f" WHERE l.event_id IN ({','.join('?' * len(ids))}) AND m.actor_name = ?"
            " GROUP BY 1", [*ids, name]):
        if text and text != name:
            words[text] += n
    countries = [row[0] for row in store.db.execute(
        "SELECT actor_country FROM events WHERE actor_name = ? AND actor_country IS NOT NULL"
        " UNION ALL SELECT recipient_country FROM events WHERE recipient_name = ?"
        " AND recipient_country IS NOT NULL LIMIT 50", (name, name))]
    return {"name": name, "country": Counter(countries).most_common(1)[0][0] if countries
            else None, "aliases": [w for w, _ in words.most_common(20)],
            "events_as_actor": did, "events_as_recipient": done_to, "claims": said,
            "figures": figures_given,
            "partners": [{"name": p, "events": n} for p, n in partners.most_common(30)]}


def claims_naming(store: Store, forms: Sequence[str], besides: str,
                  limit: int = ACTOR_PAGE_ITEMS) -> list[dict[str, Any]]:
    """Claims whose content names any of ``forms`` (an actor's names and aliases), made by
    a source other than the actor ``besides``: what others said about it, oldest first.

    The full-text index finds the sentences that hold a form (its stems, so a long store is
    never scanned); a form counts only where the content writes it as a whole word, and an
    acronym or short name ("UN", "Rice") only in its own capitals, not as a common word."""
    kept = [form for form in dict.fromkeys(forms) if _TERM.search(form)]
    if not kept:
        return []
    patterns = [_naming_pattern(form) for form in kept]
    match = " OR ".join(f"({fts_query(form)})" for form in kept)
    found: list[dict[str, Any]] = []
    for row in store.db.execute(
            "SELECT c.*, a.published, a.source AS outlet FROM attributions c"
            " JOIN articles a ON a.id = c.article_id"
            " JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.sentence_index"
            " WHERE s.rowid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
            " AND c.source_actor IS NOT ?"
            " ORDER BY a.published, c.article_id, c.content_start", (match, besides)):
        if any(p.search(row["content_text"]) for p in patterns):
            found.append(dict(row))
            if len(found) >= limit:
                break
    return found


SHORT_NAME_CHARS = 5  # "UN", "IDF", "Rice": written so only as names; "us", "rice" are words


def _naming_pattern(form: str) -> re.Pattern[str]:
    flags = 0 if len(form) <= SHORT_NAME_CHARS or form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", flags)


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
    result["claims"] = [dict(c) for c in store.db.execute(
        "SELECT id, sentence_index, source_text, source_actor, cue_text, content_text, stance"
        " FROM attributions WHERE article_id = ? ORDER BY content_start", (article_id,))]
    result["duplicate_of"] = [r[0] for r in store.db.execute(
        "SELECT duplicate_of FROM duplicate_links WHERE article_id = ?", (article_id,))]
    # what the page carried besides the article (comments, bylines, ...), apart from its text
    result["furniture"] = [dict(f) for f in store.db.execute(
        "SELECT idx, kind, text, start FROM furniture WHERE article_id = ? ORDER BY idx",
        (article_id,))]
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
    return [dict(row) for row in store.db.execute(sql, params)]


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
    return [dict(row) for row in store.db.execute(sql, params)]


# -- reading and evaluation ----------------------------------------------------------------

def any_read_before(store: Store, reader_version: int) -> bool:
    """Whether some article was read by a reader older than ``reader_version``."""
    return store.db.execute("SELECT 1 FROM articles WHERE read_version < ? LIMIT 1",
                            (reader_version,)).fetchone() is not None


def ids_read_at(store: Store, ids: Sequence[str], reader_version: int) -> set[str]:
    """Those of the articles ``ids`` last read by exactly ``reader_version``."""
    marks = ",".join("?" * len(ids))
    return {row[0] for row in store.db.execute(
        f"SELECT id FROM articles WHERE id IN ({marks}) AND read_version = ?",
        [*ids, reader_version])}


def figure_referents(store: Store) -> list[str]:
    """What the store's figures count ("killed", "displaced"), in alphabetical order."""
    return [row[0] for row in store.db.execute(
        "SELECT DISTINCT referent FROM figures WHERE referent IS NOT NULL ORDER BY referent")]


# -- the register of claims and figures ----------------------------------------------------

def attribution_rows(store: Store) -> list[sqlite3.Row]:
    """Every attribution (claim), by id: the columns of ``Attribution`` by name."""
    return store.db.execute("SELECT * FROM attributions ORDER BY id").fetchall()


def figure_rows(store: Store) -> list[sqlite3.Row]:
    """Every figure, in article and text order: the columns of ``Figure`` by name."""
    return store.db.execute("SELECT * FROM figures ORDER BY article_id, start").fetchall()


def publication_days(store: Store) -> dict[str, str]:
    """Article id → its publication day."""
    return dict(store.db.execute("SELECT id, published FROM articles").fetchall())


class SentenceEntity(NamedTuple):
    """An entity mention of a sentence, with the sentence (for the words before it)."""

    article_id: str
    sentence_index: int
    start: int
    text: str
    label: str
    sentence_start: int
    sentence: str


def entities_in_figure_sentences(store: Store) -> list[SentenceEntity]:
    """The entity mentions of every sentence that holds a figure."""
    return [SentenceEntity(*row) for row in store.db.execute(
        "SELECT DISTINCT m.article_id, m.sentence_index, m.start, m.text, m.label, s.start,"
        " s.text FROM figures f"
        " JOIN mentions m ON m.article_id = f.article_id"
        " AND m.sentence_index = f.sentence_index"
        " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_index")]


def places_in_claim_sentences(store: Store) -> list[tuple[str, int, str]]:
    """(article, sentence, text) of each place or people named in a sentence with a claim."""
    return [tuple(row) for row in store.db.execute(
        "SELECT DISTINCT m.article_id, m.sentence_index, m.text FROM attributions a"
        " JOIN mentions m ON m.article_id = a.article_id"
        " AND m.sentence_index = a.sentence_index WHERE m.label IN ('GPE', 'LOC', 'NORP')")]


def place_counts_by_article(store: Store) -> list[tuple[str, str, int]]:
    """(article, lower-cased place, how often the article names it)."""
    return [tuple(row) for row in store.db.execute(
        "SELECT article_id, lower(text), count(*) FROM mentions"
        " WHERE label IN ('GPE', 'LOC') GROUP BY article_id, lower(text)")]


def claim_sentences(store: Store) -> list[tuple[str, int]]:
    """(article, sentence) of every sentence holding a claim."""
    return [tuple(row) for row in store.db.execute(
        "SELECT DISTINCT article_id, sentence_index FROM attributions")]


# -- actors --------------------------------------------------------------------------------

class EntityInContext(NamedTuple):
    """An entity mention with the characters either side of it."""

    article_id: str
    text: str
    label: str
    start: int
    end: int
    before: str
    after: str


def entity_mentions_in_context(store: Store, labels: Sequence[str],
                               context_chars: int) -> list[EntityInContext]:
    """The entity mentions of these labels, each with ``context_chars`` either side."""
    rows = store.db.execute(
        "SELECT m.article_id, m.text, m.label, m.start, m.end,"
        " substr(a.text, max(1, m.start - ? + 1), min(m.start, ?)),"
        " substr(a.text, m.end + 1, ?)"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.label IN ({','.join('?' * len(labels))})",
        [context_chars, context_chars, context_chars, *labels]).fetchall()
    return [EntityInContext(aid, text, label, start, end, before or "", after or "")
            for aid, text, label, start, end, before, after in rows]


def texts_with_parentheses(store: Store) -> dict[str, str]:
    """Article id → text, for the articles with a parenthesis (where abbreviations are
    introduced)."""
    return dict(store.db.execute("SELECT id, text FROM articles WHERE instr(text, '(') > 0"))


_ROLES = ("actor", "recipient")  # the only column prefixes pasted into SQL below
_SOURCED = ("attributions", "figures")
_NAMED = ("event_mentions", "events")


def role_name_counts(store: Store, role: str) -> list[tuple[str, str | None, int]]:
    """(name, one of its sector lists, events) for each name events give ``role``."""
    assert role in _ROLES
    return [tuple(row) for row in store.db.execute(
        f"SELECT {role}_name, max({role}_sectors), count(*) FROM events"
        f" WHERE {role}_name IS NOT NULL GROUP BY 1")]


def source_actor_counts(store: Store, table: str) -> list[tuple[str, int]]:
    """(source actor, rows) of the claims (``attributions``) or ``figures``."""
    assert table in _SOURCED
    return [tuple(row) for row in store.db.execute(
        f"SELECT source_actor, count(*) FROM {table} WHERE source_actor IS NOT NULL"
        " GROUP BY 1")]


class RoleName(NamedTuple):
    """How a table names one actor or recipient: the words (the name itself in ``events``,
    which keep no words), the canonical name, its country and sectors."""

    words: str | None
    name: str
    country: str | None
    sectors: str | None


def source_actor_names(db: sqlite3.Connection) -> list[str]:
    """The distinct source actors of the claims and the figures."""
    return [row[0] for row in db.execute(
        "SELECT source_actor FROM attributions WHERE source_actor IS NOT NULL"
        " UNION SELECT source_actor FROM figures WHERE source_actor IS NOT NULL")]


def rename_source(db: sqlite3.Connection, old: str, new: str) -> int:
    """Name the claims' and figures' source ``old`` ``new``; returns the rows changed."""
    return sum(db.execute(f"UPDATE {table} SET source_actor = ? WHERE source_actor = ?",
                          (new, old)).rowcount for table in ("attributions", "figures"))


def role_names(db: sqlite3.Connection, table: str, role: str) -> list[RoleName]:
    """The distinct ways ``table`` (event mentions or events) names its ``role``."""
    assert table in _NAMED and role in _ROLES
    text = f"{role}_text" if table == "event_mentions" else f"{role}_name"
    return [RoleName(*row) for row in db.execute(
        f"SELECT DISTINCT {text}, {role}_name, {role}_country, {role}_sectors"
        f" FROM {table} WHERE {role}_name IS NOT NULL")]


def rename_role(db: sqlite3.Connection, table: str, role: str, old: RoleName,
                new_name: str) -> int:
    """Give ``new_name`` to every row of ``table`` naming its ``role`` as ``old``; returns
    the rows changed."""
    assert table in _NAMED and role in _ROLES
    text = f"{role}_text" if table == "event_mentions" else f"{role}_name"
    where = (f"{text} IS ? AND {role}_name = ? AND {role}_country IS ?"
             f" AND {role}_sectors IS ?")
    return db.execute(f"UPDATE {table} SET {role}_name = ? WHERE {where}",
                      (new_name, *old)).rowcount


def add_event_names(db: sqlite3.Connection) -> None:
    """Add the events' actor and recipient names to the names table the filters search
    (it only ever gains names: see migration 5)."""
    db.execute("INSERT OR IGNORE INTO event_names"
               " SELECT 'actor', actor_name FROM events WHERE actor_name IS NOT NULL"
               " UNION SELECT 'recipient', recipient_name FROM events"
               " WHERE recipient_name IS NOT NULL")


# -- consolidation -------------------------------------------------------------------------

# an event mention as ``chronicle.consolidate.mention_from_row`` reads it: its columns, and
# the publication day and outlet of its article
_EVENT_MENTIONS = ("SELECT m.*, a.published, a.source FROM event_mentions m"
                   " JOIN articles a ON a.id = m.article_id")


class MentionDay(NamedTuple):
    """What places an event mention in a block of consolidation."""

    id: str
    event_type: str
    modality: str
    date: str


def event_mention_rows(store: Store) -> list[sqlite3.Row]:
    """Every event mention, with its article's ``published`` and ``source``."""
    return store.db.execute(_EVENT_MENTIONS).fetchall()


def event_mention_rows_of_block(store: Store, event_type: str, modality: str, first: str,
                                last: str) -> list[sqlite3.Row]:
    """The event mentions of one type and modality dated within ``[first, last]``, as
    :func:`event_mention_rows` gives them."""
    return store.db.execute(
        _EVENT_MENTIONS + " WHERE m.event_type = ? AND m.modality = ?"
                          " AND m.date BETWEEN ? AND ?",
        (event_type, modality, first, last)).fetchall()


def mention_days(store: Store) -> list[MentionDay]:
    """Id, type, modality and date of every event mention."""
    return [MentionDay(*row) for row in store.db.execute(
        "SELECT id, event_type, modality, date FROM event_mentions")]


def event_of_mention(store: Store) -> dict[str, str]:
    """Mention id → the id of the event it is linked to, for every linked mention."""
    return dict(store.db.execute("SELECT mention_id, event_id FROM event_links").fetchall())


def delete_events(store: Store, event_ids: Sequence[str] | None = None) -> None:
    """Remove these events (every event when None) and their links; the caller holds the
    transaction."""
    if event_ids is None:
        store.db.execute("DELETE FROM event_links")
        store.db.execute("DELETE FROM events")
        return
    for start in range(0, len(event_ids), 500):  # bounded statement parameters
        ids = list(event_ids[start:start + 500])
        marks = ",".join("?" * len(ids))
        store.db.execute(f"DELETE FROM event_links WHERE event_id IN ({marks})", ids)
        store.db.execute(f"DELETE FROM events WHERE id IN ({marks})", ids)


def insert_events(store: Store, event_rows: Sequence[Sequence[Any]],
                  link_rows: Sequence[Sequence[Any]]) -> None:
    """Add events (rows of ``store.rows.event_row``) and their links (``event_id,
    mention_id, published``); the caller holds the transaction."""
    store.db.executemany(
        f"INSERT INTO events VALUES ({','.join('?' * len(table_columns('events')))})",
        event_rows)
    store.db.executemany(
        "INSERT OR IGNORE INTO event_links(event_id, mention_id, published) VALUES (?, ?, ?)",
        link_rows)


# -- outlet furniture ----------------------------------------------------------------------

class SentenceOfOutlet(NamedTuple):
    """A sentence with the outlet and day of its article."""

    source: str
    article_id: str
    sentence_index: int
    published: str
    text: str


def sentences_in_many_articles(store: Store, min_articles: int) -> list[SentenceOfOutlet]:
    """Every sentence whose exact text occurs in at least ``min_articles`` articles. SQL
    narrows first, so a large store's sentences are not all brought into Python."""
    return [SentenceOfOutlet(source or "", article_id, index, published, text)
            for source, article_id, index, published, text in store.db.execute(
                "WITH repeated AS (SELECT text FROM sentences GROUP BY text"
                " HAVING count(DISTINCT article_id) >= ?)"
                " SELECT a.source, s.article_id, s.idx, a.published, s.text FROM sentences s"
                " JOIN repeated r ON r.text = s.text JOIN articles a ON a.id = s.article_id",
                (min_articles,))]


# -- the timeline's corpus -----------------------------------------------------------------

def _published_within(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    clauses, params = date_range("a.published", date_from, date_to)
    return " AND ".join(clauses) or "1", params


def first_duplicate_of(store: Store) -> dict[str, str]:
    """Article id → the (smallest id of the) stored article it repeats, for each near
    duplicate."""
    return {row[0]: row[1] for row in store.db.execute(
        "SELECT article_id, min(duplicate_of) FROM duplicate_links GROUP BY article_id")}


def articles_published_within(store: Store, date_from: str | None,
                              date_to: str | None) -> list[sqlite3.Row]:
    """Id, published, source, title, origin, url and text of the articles published in
    ``[date_from, date_to]`` (inclusive; an open end is no bound), by day then id."""
    where, params = _published_within(date_from, date_to)
    return store.db.execute(
        "SELECT a.id, a.published, a.source, a.title, a.origin, a.url, a.text"
        f" FROM articles a WHERE {where} ORDER BY a.published, a.id", params).fetchall()


def sentence_days_within(store: Store, date_from: str | None,
                         date_to: str | None) -> Iterator[tuple[str, str, int]]:
    """(day, article, sentence) of each day a sentence points to, for the articles published
    in the range (the range in SQL: a range of a large store reads only its part), by day."""
    where, params = _published_within(date_from, date_to)
    return (tuple(row) for row in store.db.execute(
        "SELECT s.day, s.article_id, s.sentence_index FROM sentence_days s"
        f" JOIN articles a ON a.id = s.article_id WHERE {where} ORDER BY s.day", params))


def sentences_within(store: Store, date_from: str | None,
                     date_to: str | None) -> Iterator[tuple[str, int, int, int, str]]:
    """(article, index, start, end, text) of the sentences of the articles published in the
    range, in article and sentence order."""
    where, params = _published_within(date_from, date_to)
    return (tuple(row) for row in store.db.execute(
        "SELECT s.article_id, s.idx, s.start, s.end, s.text FROM sentences s"
        f" JOIN articles a ON a.id = s.article_id WHERE {where}"
        " ORDER BY s.article_id, s.idx", params))


def day_timexes_within(store: Store, date_from: str | None,
                       date_to: str | None) -> Iterator[tuple[str, int, int, int, str]]:
    """(article, sentence, start, end, day) of the dates resolved to one day in the articles
    published in the range, in text order."""
    where, params = _published_within(date_from, date_to)
    return (tuple(row) for row in store.db.execute(
        "SELECT t.article_id, t.sentence_index, t.start, t.end, t.first_day"
        f" FROM timexes t JOIN articles a ON a.id = t.article_id WHERE {where}"
        " AND t.type = 'DATE' AND t.granularity = 'day' ORDER BY t.start", params))


def outlet_furniture(store: Store) -> dict[tuple[str, int], bool]:
    """:func:`chronicle.ingest.furniture.recurring` over every sentence of the store. Only texts
    seen in at least ``OUTLET_FURNITURE_MIN_ARTICLES`` articles can recur, so only those are
    read."""
    from chronicle.ingest.furniture import OUTLET_FURNITURE_MIN_ARTICLES, recurring

    return recurring(sentences_in_many_articles(store, OUTLET_FURNITURE_MIN_ARTICLES))
