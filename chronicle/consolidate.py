"""Cross-article work: the many reports of one happening become one event.

It runs after reading, over every event mention in the store, so a run that adds new
articles merges their reports with the events already known.
"""

from __future__ import annotations

import sqlite3

from chronicle.extract.actors import Actor
from chronicle.extract.events import Event, EventMention, consolidate
from chronicle.extract.places import Place
from chronicle.store import Store


def consolidate_events(store: Store) -> int:
    """Rebuild the ``events`` table from all event mentions; returns the number of events."""
    rows = store.db.execute(
        "SELECT m.*, a.published, a.source FROM event_mentions m"
        " JOIN articles a ON a.id = m.article_id ORDER BY m.id"
    ).fetchall()
    events = consolidate([mention_from_row(row) for row in rows])
    with store.transaction():
        store.db.execute("DELETE FROM event_links")
        store.db.execute("DELETE FROM events")
        store.db.executemany(
            f"INSERT INTO events VALUES ({','.join('?' * 23)})",
            [_event_row(event) for event in events],
        )
        store.db.executemany(
            "INSERT OR IGNORE INTO event_links(event_id, mention_id) VALUES (?, ?)",
            [(event.id, m.id) for event in events for m in event.mentions],
        )
    return len(events)


def _actor(row: sqlite3.Row, prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    sectors = tuple(s for s in (row[f"{prefix}_sectors"] or "").split(",") if s)
    return Actor(text=row[f"{prefix}_text"], name=row[f"{prefix}_name"] or "",
                 country=row[f"{prefix}_country"] or "", sectors=sectors)


def mention_from_row(row: sqlite3.Row) -> EventMention:
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
        goldstein=row["goldstein"],
    )


def _event_row(event: Event) -> tuple[object, ...]:
    def actor(a: Actor | None) -> tuple[object, ...]:
        return (a.name or a.text, a.country, ",".join(a.sectors)) if a else (None, None, None)

    place = event.location
    return (
        event.id, event.event_type, event.mode, *actor(event.actor), *actor(event.recipient),
        event.date, event.date_basis,
        place.name if place else None, place.country if place else None,
        place.latitude if place else None, place.longitude if place else None,
        event.modality, event.confidence, event.cameo_root, event.quad_class, event.goldstein,
        len(event.mentions), len(event.article_ids), ",".join(event.sources),
    )
