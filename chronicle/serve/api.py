"""The JSON API: every read of the store the explorer's pages make, documented at /docs.

Answers are computed once per distinct request and store version (see ``state.py``) and sent
as JSON with an ``X-Cache`` header saying whether they came from memory. Lists are paginated
with ``page`` and ``per_page`` and answer ``{items, total, page, per_page, pages}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from chronicle import query
from chronicle.export import EVENT_FORMAT, EVENT_FORMATS
from chronicle.export.timelinejs import timeline_to_timelinejs
from chronicle.query import EventFilter
from chronicle.serve.params import (
    DateFrom,
    DateTo,
    Events,
    GroupBy,
    Page,
    Paging,
    Text,
    check_range,
)
from chronicle.serve.state import StoreState
from chronicle.store import Store

router = APIRouter(prefix="/api")

# reports carried by each event of a list; /events/{id} has them all (mention_count says how
# many): Timeline17's most reported events have hundreds, a megabyte per page of 50 events
LIST_MENTIONS = 10
# the names of chronicle.export.EVENT_FORMATS as a type: FastAPI checks and documents them
EventFormatName = Literal[tuple(f.name for f in EVENT_FORMATS)]  # type: ignore[valid-type]


def state_of(request: Request) -> StoreState:
    return request.app.state.chronicle


async def answer(request: Request, key: Hashable,
                 compute: Callable[[Store], Any]) -> Response:
    """The JSON answer to ``key``: from memory when it is there (without leaving the event
    loop: most requests of a busy explorer are repeats), else computed in a worker thread."""
    state = state_of(request)
    json_key = ("json", key)
    found, body = state.peek(json_key)
    if not found:
        body, found = await run_in_threadpool(state.cached, json_key, lambda s: _encode(
            compute(s)))
    if body == b"null":
        raise HTTPException(404, f"not found: {key[-1]}")  # type: ignore[index]
    return Response(body, media_type="application/json",
                    headers={"X-Cache": "hit" if found else "miss"})


def _encode(value: Any) -> bytes:
    if isinstance(value, bytes):  # built as JSON already
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@router.get("/status")
async def status(request: Request) -> JSONResponse:
    """Whether the answers computed at start (the default timeline, the timeline's lanes)
    are ready, and how often answers came from memory."""
    state = state_of(request)
    return JSONResponse({"store": state.path.name, "warm": state.warm.is_set(),
                         "cache": {"hits": state.hits, "misses": state.misses,
                                   "entries": len(state._cache)}})


@router.get("/stats")
async def stats(request: Request) -> Response:
    """Counts of what the store holds, its date range, outlets, event types and referents."""
    return await answer(request, ("stats",), query.stats)


@router.get("/articles")
async def articles(request: Request, page: Paging, date_from: DateFrom = None,
                   date_to: DateTo = None, outlet: Text = None) -> Response:
    """Articles in publication order, without their text."""
    first, last = check_range(date_from, date_to)

    def compute(store: Store) -> dict:
        items, total = query.articles(store, first, last, outlet, page.per_page, page.offset)
        return page.wrap(items, total)
    return await answer(request, ("articles", first, last, outlet, page), compute)


@router.get("/articles/{article_id}")
async def article(request: Request, article_id: str) -> Response:
    """One article: text, sentence spans, the events and claims found in it."""
    return await answer(request, ("article", article_id), lambda s: query.article(s, article_id))


@router.get("/search")
async def search(request: Request, page: Paging,
                 q: Annotated[str, Query(min_length=1, max_length=1000,
                                         description="Words every sentence must contain.")]
                 ) -> Response:
    """Full-text search of sentences (SQLite FTS5, stemmed): best matches first."""
    if query.fts_query(q) is None:
        raise HTTPException(400, f"q={q!r} has no word to search for")

    state = state_of(request)
    return await answer(request, ("search", q.lower(), page),
                        lambda s: page.wrap(*search_results(state, s, q, page)))


SEARCH_DEPTH = 200  # matches ranked at once: the first pages of a search share one ranking
# Words found in this many sentences take ~5 ms or more to rank (every match is scored):
# the most frequent of them are ranked when the explorer starts.
RANK_AHEAD_SENTENCES = 4000
RANK_AHEAD_WORDS = 200


def search_results(state: StoreState, store: Store, q: str,
                   page: Page) -> tuple[list[dict[str, Any]], int]:
    """One page of the sentences matching ``q``, best first, and how many match in all."""
    depth = -(-(page.offset + page.per_page) // SEARCH_DEPTH) * SEARCH_DEPTH
    ranked, total = search_ranking(state, q, depth)
    return query.sentences_at(store, ranked[page.offset:page.offset + page.per_page]), total


def search_ranking(state: StoreState, q: str, depth: int) -> tuple[list[int], int]:
    """The ``depth`` best matches of ``q`` and how many match, ranked once a store version."""
    return state.cached(("search-ranking", q.lower(), depth),
                        lambda s: query.search_ranking(s, q, depth))[0]


def rank_frequent_words(state: StoreState) -> None:
    """Rank ahead the searches that take longest: single words found in thousands of
    sentences ("said" in a news corpus)."""
    for word in query.frequent_words(state.store(), RANK_AHEAD_SENTENCES, RANK_AHEAD_WORDS):
        search_ranking(state, word, SEARCH_DEPTH)


@router.get("/timeline")
async def timeline(request: Request, date_from: DateFrom = None, date_to: DateTo = None,
                   q: Annotated[str | None, Query(max_length=1000, description=(
                       "Only articles containing one of these words."))] = None,
                   dates: Annotated[int | None, Query(ge=1, le=200, description=(
                       "Number of dates (default: from the corpus size)."))] = None,
                   sentences: Annotated[int, Query(ge=1, le=10)] = 2) -> Response:
    """The summarised timeline: the dates that matter, each with its sentences and sources.

    Computed once per distinct request and kept in memory (seconds on a large store)."""
    first, last = check_range(date_from, date_to)
    key = timeline_key(first, last, q, dates, sentences)
    state = state_of(request)
    return await answer(request, key, lambda _: timeline_entries(state, key))


def timeline_key(first: str | None, last: str | None, q: str | None, dates: int | None,
                 sentences: int) -> tuple:
    return ("timeline", first, last, (q or "").strip().lower() or None, dates, sentences)


def timeline_entries(state: StoreState, key: tuple) -> list[dict[str, Any]]:
    """The timeline of ``timeline_key(...)``, computed once and shared by the API, the
    export and the start-up warm-up."""
    _, first, last, q, dates, sentences = key
    return state.cached(key, lambda s: compute_timeline(s, first, last, q, dates,
                                                         sentences))[0]


def compute_timeline(store: Store, first: str | None = None, last: str | None = None,
                     q: str | None = None, dates: int | None = None,
                     sentences: int = 2) -> list[dict[str, Any]]:
    from chronicle.timeline.summarise import summarise  # scikit-learn: import when needed

    return [asdict(e) for e in summarise(store, dates=dates, sentences=sentences,
                                         date_from=first, date_to=last, query=q or None)]


@router.get("/events")
async def events(request: Request, where: Events, page: Paging,
                 sort: Literal["date", "reported"] = "date") -> Response:
    """Consolidated events with their first mentions (the evidence), filtered and paginated.

    Each event carries its earliest ten mentions; ``mention_count`` says how many it has and
    ``/api/events/{event_id}`` gives them all. ``sort=reported`` puts the events reported by
    the most articles first."""
    paged = EventFilter(**{**asdict(where), "limit": page.per_page, "offset": page.offset,
                           "most_reported_first": sort == "reported"})
    state = state_of(request)

    def compute(store: Store) -> bytes:
        # the pages and both orders of one filter share its count
        total, _ = state.cached(("events-count", where), lambda s: query.count_events(s, where))
        items = query.events_json(store, paged, mentions_per_event=LIST_MENTIONS)
        # the page's shape from Page.wrap, its items already JSON (never parsed and dumped)
        return _encode(page.wrap([], total)).replace(b'"items":[]', b'"items":' + items.encode(), 1)
    return await answer(request, ("events", where, sort, page), compute)


@router.get("/events/days")
async def event_days(request: Request, where: Events, group: GroupBy = "type",
                     lanes: Annotated[int, Query(ge=1, le=40)] = 12) -> Response:
    """Events per day in lanes (by type, actor or recipient): what the timeline page draws."""
    return await answer(request, days_key(where, group, lanes),
                        lambda s: query.event_days(s, where, group, lanes))


def days_key(where: EventFilter, group: str, lanes: int) -> tuple:
    return ("days", where, group, lanes)


@router.get("/events/places")
async def event_places(request: Request, where: Events) -> Response:
    """Geocoded places with their event counts: what the map draws."""
    return await answer(request, ("places", where), lambda s: query.event_places(s, where))


@router.get("/events/{event_id}")
async def event(request: Request, event_id: str) -> Response:
    """One event with every mention that reports it."""
    return await answer(request, ("event", event_id), lambda s: query.event(s, event_id))


@router.get("/actors")
async def actors(request: Request, page: Paging, name: Text = None, q: Text = None,
                 ) -> Response:
    """Actors of events and sources of claims with their counts, most active first;
    ``name``: names containing it; ``q``: actors named or written so (any alias)."""
    def compute(store: Store) -> dict:
        return page.wrap(*query.actors(store, name, page.per_page, page.offset, q=q))
    return await answer(request, ("actors", name, q, page), compute)


@router.get("/actors/{name:path}")
async def actor(request: Request, name: str) -> Response:
    """One actor under its canonical name: its events as actor and as recipient, its claims
    and figures, its partners and the words written for it, each item with its evidence;
    ``claims_about``: what others said about it; ``profile``: who the actor tables say it is
    (kind, country, sectors, dated roles, other names)."""
    return await answer(request, ("actor", name), lambda s: query.actor(s, name))


@router.get("/network")
async def network(request: Request, where: Events,
                  edges: Annotated[int, Query(ge=1, le=500)] = 80) -> Response:
    """Who acts on whom: actor → recipient links weighted by events."""
    return await answer(request, ("network", where, edges),
                        lambda s: query.actor_network(s, where, edges))


@router.get("/claims")
async def claims(request: Request, page: Paging, about: Text = None,
                 source: Text = None) -> Response:
    """Attributed claims (who said what, cue and stance), oldest first."""
    def compute(store: Store) -> dict:
        total = len(query.claims(store, about, source))
        return page.wrap(query.claims(store, about, source, page.per_page, page.offset), total)
    return await answer(request, ("claims", about, source, page), compute)


@router.get("/disagreements", responses={202: {"description": "Still being computed."}})
def disagreements(request: Request, page: Paging) -> JSONResponse:
    """Where sources disagree: the two sides with their evidence.

    Computed in the background on first request (minutes on a large store): until then the
    answer is 202 with ``{"computing": true}`` and a Retry-After header."""
    ready, all_ = state_of(request).in_background(("disagreements",), disagreements_of)
    if not ready:
        return JSONResponse({"computing": True, "items": [], "total": None}, status_code=202,
                            headers={"Retry-After": "10"})
    return JSONResponse(page.wrap(all_[page.offset:page.offset + page.per_page], len(all_)))


def disagreements_of(db_path: str) -> list[dict[str, Any]]:
    """The register's disagreements of the store at ``db_path`` (run in its own process)."""
    from chronicle.register import disagreements as find

    store = Store.read_only(db_path)
    try:
        return find(store)
    finally:
        store.close()


@router.get("/figures")
async def figures(request: Request, page: Paging, referent: Text = None) -> Response:
    """Figures sources give (value, bound, unit, referent, date), oldest first."""
    def compute(store: Store) -> dict:
        total = len(query.figures(store, referent))
        return page.wrap(query.figures(store, referent, page.per_page, page.offset), total)
    return await answer(request, ("figures", referent, page), compute)


@router.get("/export/events", description="Filtered events as a download: "
            + ", ".join(f.label for f in EVENT_FORMATS) + ".")
def export_events(request: Request, where: Events,
                  format: EventFormatName = "csv") -> Response:  # type: ignore[valid-type]
    spec = EVENT_FORMAT[format]
    text, _ = state_of(request).cached(("export", where, format),
                                        lambda s: spec.writer(query.events(s, where)))
    return Response(text, media_type=spec.media_type, headers={
        "Content-Disposition": f'attachment; filename="chronicle-events.{spec.suffix}"'})


@router.get("/export/timeline")
def export_timeline(request: Request, date_from: DateFrom = None, date_to: DateTo = None,
                    q: Text = None, dates: Annotated[int | None, Query(ge=1, le=200)] = None,
                    sentences: Annotated[int, Query(ge=1, le=10)] = 2,
                    format: Literal["timelinejs", "json"] = "timelinejs") -> Response:
    """The summarised timeline as a TimelineJS file (or Chronicle's own JSON)."""
    first, last = check_range(date_from, date_to)
    entries = timeline_entries(state_of(request), timeline_key(first, last, q, dates,
                                                                sentences))
    if format == "json":
        return JSONResponse(entries, headers={
            "Content-Disposition": 'attachment; filename="chronicle-timeline.json"'})
    return Response(timeline_to_timelinejs(entries), media_type="application/json", headers={
        "Content-Disposition": 'attachment; filename="chronicle-timeline.timelinejs.json"'})
