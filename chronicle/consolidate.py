"""Cross-article work: the many reports of one happening become one event.

Reports of one happening share an event type and a modality and lie within
``SAME_DAY_SLACK`` days of each other, so the mentions fall into independent *blocks*: one
type and modality, dates in an unbroken run (no gap wider than the slack). Each block is
consolidated on its own, which is what lets a run that adds articles redo only the blocks its
new mentions fall in, and the Spark job spread the blocks over a cluster, both with the
events a rebuild from every mention gives.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from chronicle.extract.acled import code_event
from chronicle.extract.actors import Actor
from chronicle.extract.events import SAME_DAY_SLACK, Event, EventMention, consolidate
from chronicle.extract.places import Place
from chronicle.ingest.furniture import drop_repeats, outlet_furniture
from chronicle.store import Store
from chronicle.store.rows import event_link_rows, event_row, table_columns

MENTIONS = ("SELECT m.*, a.published, a.source FROM event_mentions m"
            " JOIN articles a ON a.id = m.article_id")


def date_runs(dates: Iterable[str], slack: int = SAME_DAY_SLACK) -> list[tuple[str, str]]:
    """(first, last) of each unbroken run of ISO dates: no gap between two dates of a run is
    wider than ``slack`` days."""
    runs: list[list[str]] = []
    previous: dt.date | None = None
    for date in sorted(set(dates)):
        day = dt.date.fromisoformat(date)
        if previous is None or (day - previous).days > slack:
            runs.append([date, date])
        else:
            runs[-1][1] = date
        previous = day
    return [(first, last) for first, last in runs]


def consolidate_events(store: Store, only_new: bool = False) -> int:
    """Consolidate event mentions into the ``events`` table; returns the events written.

    ``only_new`` redoes only the blocks holding mentions that no event links yet (those read
    since the last consolidation, a killed run's included); else every block is redone.
    """
    if not only_new:
        events = _consolidate_blocks(drop_repeats(store.db.execute(MENTIONS).fetchall(),
                                                  outlet_furniture(store.db)))
        with store.transaction():
            store.db.execute("DELETE FROM event_links")
            store.db.execute("DELETE FROM events")
            _insert(store, events)
        store.refresh_statistics()
        return len(events)
    linked = dict(store.db.execute("SELECT mention_id, event_id FROM event_links").fetchall())
    rows = _touched_blocks(store, linked)
    # an outlet's recurring sentence (a teaser) counts once, not as many reports
    events = _consolidate_blocks(drop_repeats(rows, outlet_furniture(store.db)))
    # an old event of a touched block lies wholly inside it (new dates only join runs), so
    # the events of the block's mentions are exactly the ones its new events replace
    stale = sorted({linked[row["id"]] for row in rows if row["id"] in linked})
    with store.transaction():
        for start in range(0, len(stale), 500):  # bounded statement parameters
            ids = stale[start:start + 500]
            marks = ",".join("?" * len(ids))
            store.db.execute(f"DELETE FROM event_links WHERE event_id IN ({marks})", ids)
            store.db.execute(f"DELETE FROM events WHERE id IN ({marks})", ids)
        _insert(store, events)
    store.refresh_statistics()
    return len(events)


def _touched_blocks(store: Store, linked: Mapping[str, str]) -> list[sqlite3.Row]:
    """Every mention of the blocks that hold a mention not in ``linked``."""
    new_days: dict[tuple[str, str], set[str]] = defaultdict(set)
    all_days: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention_id, event_type, modality, date in store.db.execute(
            "SELECT id, event_type, modality, date FROM event_mentions"):
        all_days[(event_type, modality)].add(date)
        if mention_id not in linked:
            new_days[(event_type, modality)].add(date)
    rows: list[sqlite3.Row] = []
    for (event_type, modality), days in sorted(new_days.items()):
        for first, last in date_runs(all_days[(event_type, modality)]):
            if any(first <= day <= last for day in days):
                rows += store.db.execute(
                    MENTIONS + " WHERE m.event_type = ? AND m.modality = ?"
                               " AND m.date BETWEEN ? AND ?",
                    (event_type, modality, first, last)).fetchall()
    return rows


def _consolidate_blocks(rows: Iterable[Mapping[str, Any]]) -> list[Event]:
    by_kind: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
    for row in rows:
        by_kind[(row["event_type"], row["modality"])].append(mention_from_row(row))
    events: list[Event] = []
    for _, mentions in sorted(by_kind.items()):
        firsts = [first for first, _ in date_runs(m.date for m in mentions)]
        blocks: list[list[EventMention]] = [[] for _ in firsts]
        for mention in mentions:
            blocks[bisect.bisect_right(firsts, mention.date) - 1].append(mention)
        for block in blocks:
            # ACLED's coding of each event, with the lowest number killed its reports give
            events += [code_event(event) for event in consolidate(block)]
    return events


def _insert(store: Store, events: list[Event]) -> None:
    store.db.executemany(
        f"INSERT INTO events VALUES ({','.join('?' * len(table_columns('events')))})",
        [event_row(event) for event in events],
    )
    store.db.executemany(
        "INSERT OR IGNORE INTO event_links(event_id, mention_id, published) VALUES (?, ?, ?)",
        [link for event in events for link in event_link_rows(event)],
    )


def _actor(row: Mapping[str, Any], prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    sectors = tuple(s for s in (row[f"{prefix}_sectors"] or "").split(",") if s)
    return Actor(text=row[f"{prefix}_text"], name=row[f"{prefix}_name"] or "",
                 country=row[f"{prefix}_country"] or "", sectors=sectors)


def mention_from_row(row: Mapping[str, Any]) -> EventMention:
    """An event mention from a row of ``MENTIONS`` (an sqlite3.Row or a dict)."""
    place = None
    if row["place_name"] is not None:
        place = Place(name=row["place_name"], country=row["place_country"] or "",
                      latitude=row["latitude"], longitude=row["longitude"],
                      kind=row["place_kind"] or "")
    return EventMention(
        id=row["id"], article_id=row["article_id"], sentence_index=row["sentence_index"],
        event_type=row["event_type"], mode=row["mode"], actor=_actor(row, "actor"),
        recipient=_actor(row, "recipient"), date=row["date"], date_basis=row["date_basis"],
        location=place, location_text=row["location_text"], modality=row["modality"],
        reporter=row["reporter"], confidence=row["confidence"], trigger=row["trigger"],
        trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
        start=row["start"], end=row["end"], text=row["text"], published=row["published"],
        source=row["source"], cameo_root=row["cameo_root"], quad_class=row["quad_class"],
        goldstein=row["goldstein"], acled_event_type=row["acled_event_type"],
        acled_sub_event_type=row["acled_sub_event_type"], disorder_type=row["disorder_type"],
        inter1=row["inter1"], inter2=row["inter2"], interaction=row["interaction"],
        civilian_targeting=bool(row["civilian_targeting"]), fatalities=row["fatalities"],
        fatalities_bound=row["fatalities_bound"], fatalities_source=row["fatalities_source"],
    )
