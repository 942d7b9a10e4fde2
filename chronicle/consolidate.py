"""Cross-article work: the many reports of one happening become one event.

The one home of consolidation: the merge rule (:func:`consolidate`: which mentions report one
happening), the blocking that splits the work (:func:`date_runs`, :func:`block_starts`), and
the store's side of it (:func:`consolidate_events`). The Spark job imports the rule and the
blocking from here.

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
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from chronicle.extract.acled import code_event
from chronicle.extract.events.screen import passes
from chronicle.ingest.furniture import drop_repeats
from chronicle.model import Actor, Event, EventMention, Place, content_hash
from chronicle.store import Store, queries
from chronicle.store.rows import event_link_rows, event_row

# -- the merge rule --------------------------------------------------------------------------

_CONTENT_WORD = re.compile(r"[a-z]{3,}")

SAME_DAY_SLACK = 1  # days either way
MIN_SIMILARITY = 0.15  # Jaccard of content words between two mentions' sentences


def consolidate(mentions: Sequence[EventMention]) -> list[Event]:
    """One ``Event`` per happening: same type, compatible actors, dates within a day, and
    similar sentences (or the same place). Pure: the order of ``mentions`` does not matter.
    """
    ordered = sorted(mentions, key=lambda m: (m.date, m.article_id, m.sentence_index, m.id))
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # each group's actor and recipient (the first it learnt): reports join a group only if
    # they agree with them, so reports that name no actor cannot chain different actors'
    # events into one
    actors = [_code(m.actor) for m in ordered]
    recipients = [_code(m.recipient) for m in ordered]

    def union(i: int, j: int, same_sentence: bool = False) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        if not same_sentence and not (_codes_agree(actors[ri], actors[rj])
                                      and _codes_agree(recipients[ri], recipients[rj])):
            return
        parent[rj] = ri
        actors[ri] = actors[ri] or actors[rj]
        recipients[ri] = recipients[ri] or recipients[rj]

    words = [_content_words(m.text) for m in ordered]
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if _days_apart(a.date, b.date) > SAME_DAY_SLACK:
                break
            if a.event_type != b.event_type or a.modality != b.modality:
                continue
            if a.article_id == b.article_id and a.sentence_index == b.sentence_index:
                # "aircraft struck a school, killing 20": two triggers, one happening
                union(i, j, same_sentence=True)
                continue
            if not (_compatible(a.actor, b.actor) and _compatible(a.recipient, b.recipient)):
                continue
            similarity = _jaccard(words[i], words[j])
            # the same town (not merely the same country) with some words in common
            same_place = a.location is not None and b.location is not None and \
                a.location.kind == "city" and a.location.name == b.location.name and \
                similarity > 0
            if same_place or similarity >= MIN_SIMILARITY:
                union(i, j)
    groups: dict[int, list[EventMention]] = {}
    for i, mention in enumerate(ordered):
        groups.setdefault(find(i), []).append(mention)
    return [_event(group) for group in groups.values()]


def _event(group: list[EventMention]) -> Event:
    best = max(group, key=lambda m: (m.date_basis == "text", m.confidence,
                                     bool(m.actor), bool(m.recipient)))
    detailed = sorted(group, key=_detail, reverse=True)
    actor = next((m.actor for m in detailed if m.actor), None)
    recipient = next((m.recipient for m in detailed if m.recipient), None)
    location = next((m.location for m in group if m.location is not None), None)
    dated = [m for m in group if m.date_basis == "text"] or \
        [m for m in group if m.date_basis == "period"]
    date_mention = min(dated, key=lambda m: m.date) if dated else best
    sources = tuple(sorted({m.source for m in group if m.source}))
    articles = tuple(dict.fromkeys(m.article_id for m in group))
    boost = 1 - 0.5 ** len(articles)  # independent reports raise confidence
    confidence = round(min(0.99, max(m.confidence for m in group) + 0.1 * boost), 2)
    return Event(
        id=content_hash(*sorted(m.id for m in group)), event_type=best.event_type,
        mode=next((m.mode for m in group if m.mode), ""), actor=actor, recipient=recipient,
        date=date_mention.date, date_basis=date_mention.date_basis, location=location,
        modality=best.modality, confidence=confidence, mentions=tuple(group),
        sources=sources, article_ids=articles, cameo_root=best.cameo_root,
        quad_class=best.quad_class, goldstein=best.goldstein)


def _detail(mention: EventMention) -> tuple[int, float]:
    return (sum(bool(a and a.country) + bool(a and a.sector) for a in
                (mention.actor, mention.recipient)), mention.confidence)


def _code(actor: Actor | None) -> tuple[str, str] | None:
    """An actor as the (country, sector) it resolves to; None when it resolves to nothing."""
    return (actor.country, actor.sector) if actor and (actor.country or actor.sector) else None


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return _codes_agree(_code(a), _code(b))


def _codes_agree(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Two (country, sector) codes can name one actor: no known part differs (UNK is a
    sector that could be any; None, an actor not resolved, agrees with every actor)."""
    if a is None or b is None or "UAF" in {a[1], b[1]}:
        return True  # unidentified armed forces: their country is only where they struck
    (country_a, sector_a), (country_b, sector_b) = a, b
    if country_a and country_b and country_a != country_b:
        return False
    return not (sector_a and sector_b and sector_a != sector_b and
                "UNK" not in {sector_a, sector_b})


def _content_words(text: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(text.lower()) if w not in _STOP}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


_STOP = {"the", "and", "that", "said", "was", "were", "has", "had", "have", "for", "with",
         "from", "this", "its", "their", "his", "her", "they", "which", "who", "after",
         "before", "been", "are", "not", "but", "also", "into", "than", "over", "about",
         "on", "at", "least", "by", "told", "reporters"}


# -- blocking --------------------------------------------------------------------------------

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


def block_starts(days: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """``(event_type, modality, date)`` → the first date of its block: with type and
    modality, what names the block (the Spark job groups mentions by it)."""
    by_kind: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event_type, modality, date in days:
        by_kind[(event_type, modality)].add(date)
    starts: dict[tuple[str, str, str], str] = {}
    for (event_type, modality), dates in by_kind.items():
        firsts = [first for first, _ in date_runs(dates)]
        for date in dates:
            starts[(event_type, modality, date)] = firsts[bisect.bisect_right(firsts, date) - 1]
    return starts


def blocks(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """The mentions split into blocks, by type, modality, then date."""
    mentions = list(mentions)
    starts = block_starts((m.event_type, m.modality, m.date) for m in mentions)
    found: dict[tuple[str, str, str], list[EventMention]] = defaultdict(list)
    for m in mentions:
        found[(m.event_type, m.modality, starts[(m.event_type, m.modality, m.date)])].append(m)
    return [found[block] for block in sorted(found)]


def consolidate_block(mentions: Sequence[EventMention]) -> list[Event]:
    """The events of one block that pass the event screen (one report judged to tell the
    act as coded), each with ACLED's coding (and the lowest number killed its reports
    give)."""
    return [code_event(event) for event in consolidate(mentions) if passes(event.mentions)]


def consolidate_blocks(rows: Iterable[Mapping[str, Any]]) -> list[Event]:
    """The events of event-mention rows (see :func:`mention_from_row`), block by block:
    the events of one :func:`consolidate_block` over them all."""
    return [event for block in blocks(mention_from_row(row) for row in rows)
            for event in consolidate_block(block)]


# -- the store -------------------------------------------------------------------------------

def consolidate_events(store: Store, only_new: bool = False) -> int:
    """Consolidate event mentions into the ``events`` table; returns the events written.

    ``only_new`` redoes only the blocks holding mentions that no event links yet (those read
    since the last consolidation, a killed run's included); else every block is redone.
    """
    if not only_new:
        events = consolidate_blocks(drop_repeats(queries.event_mention_rows(store),
                                                 queries.outlet_furniture(store)))
        with store.transaction():
            queries.delete_events(store)
            _insert(store, events)
        store.refresh_statistics()
        return len(events)
    linked = queries.event_of_mention(store)
    rows = _touched_blocks(store, linked)
    # an outlet's recurring sentence (a teaser) counts once, not as many reports
    events = consolidate_blocks(drop_repeats(rows, queries.outlet_furniture(store)))
    # an old event of a touched block lies wholly inside it (new dates only join runs), so
    # the events of the block's mentions are exactly the ones its new events replace
    stale = sorted({linked[row["id"]] for row in rows if row["id"] in linked})
    with store.transaction():
        queries.delete_events(store, stale)
        _insert(store, events)
    store.refresh_statistics()
    return len(events)


def _touched_blocks(store: Store, linked: Mapping[str, str]) -> list[Mapping[str, Any]]:
    """Every mention of the blocks that hold a mention not in ``linked``."""
    new_days: dict[tuple[str, str], set[str]] = defaultdict(set)
    all_days: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in queries.mention_days(store):
        all_days[(mention.event_type, mention.modality)].add(mention.date)
        if mention.id not in linked:
            new_days[(mention.event_type, mention.modality)].add(mention.date)
    rows: list[Mapping[str, Any]] = []
    for (event_type, modality), days in sorted(new_days.items()):
        for first, last in date_runs(all_days[(event_type, modality)]):
            if any(first <= day <= last for day in days):
                rows += queries.event_mention_rows_of_block(store, event_type, modality,
                                                            first, last)
    return rows


def _insert(store: Store, events: list[Event]) -> None:
    queries.insert_events(store, [event_row(event) for event in events],
                          [link for event in events for link in event_link_rows(event)])


def _actor(row: Mapping[str, Any], prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    sectors = tuple(s for s in (row[f"{prefix}_sectors"] or "").split(",") if s)
    return Actor(text=row[f"{prefix}_text"], name=row[f"{prefix}_name"] or "",
                 country=row[f"{prefix}_country"] or "", sectors=sectors)


def mention_from_row(row: Mapping[str, Any]) -> EventMention:
    """An event mention from a row of ``store.queries.event_mention_rows`` (an
    sqlite3.Row, or a dict of the same columns)."""
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
