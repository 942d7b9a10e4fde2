"""The explorer's FastAPI application: the JSON API, the web pages and their local assets.

Read-only by construction: the store is opened in SQLite's read-only mode and only GET
routes exist. Every asset (scripts, styles, the world outline) is served from the package, so
the explorer works without a network.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from chronicle import __version__, query
from chronicle.serve import api, pages
from chronicle.serve.answered import AnsweredRequests
from chronicle.serve.state import StoreState

STATIC = Path(__file__).parent / "static"


def create_app(db_path: str | Path, precompute: bool = True, cache_size: int = 1024) -> FastAPI:
    """The explorer over the store at ``db_path``.

    ``precompute``: compute the default timeline in the background at start, so the first
    visitor of a large store does not wait for it.
    """
    state = StoreState(db_path, cache_size=cache_size)
    # FastAPI's own /docs page loads Swagger UI from a CDN: the explorer renders the same
    # OpenAPI document itself (pages.api_docs), so the docs work offline too.
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()  # stop a background computation still running

    app = FastAPI(title="Chronicle explorer", version=__version__, docs_url=None,
                  redoc_url=None, lifespan=lifespan, description=(
        "Read-only JSON API over a Chronicle store: articles, full-text search of sentences, "
        "the summarised timeline, consolidated events with their evidence, actors, claims, "
        "disagreements and figures, and exports (CSV, PLOVER JSONL, GDELT TSV, GeoJSON, "
        "TimelineJS). Lists are paginated with `page` and `per_page`."))
    app.state.chronicle = state
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _refused)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(AnsweredRequests, state=state)
    if precompute:
        threading.Thread(target=_warm, args=(state,), daemon=True).start()
    else:
        state.warm.set()
    return app


def _warm(state: StoreState) -> None:
    """The answers that take seconds on a large store, computed before anyone asks."""
    try:
        state.cached(("stats",), query.stats)
        lanes = api.days_key(query.EventFilter(), "type", 12)  # what the first page asks for
        state.cached(("json", lanes), lambda s: api._encode(
            query.event_days(s, query.EventFilter(), "type", 12)))
        key = api.timeline_key(None, None, None, None, 2)
        state.cached(("json", key), lambda _: api._encode(api.timeline_entries(state, key)))
        api.rank_frequent_words(state)
        query.registry_name("UN")  # builds the actor registry a search by alias reads
    finally:  # a failure here shows again, with its message, when the answer is asked for
        state.warm.set()


async def _invalid(request: Request, exc: Exception) -> Response:
    """A 422 whose first line says which parameter is wrong and why."""
    assert isinstance(exc, RequestValidationError)
    problems = ["{}: {}".format(".".join(str(p) for p in e["loc"][1:]) or "request", e["msg"])
                for e in exc.errors()]
    if pages.wants_page(request):
        return pages.error_page(request, 422, "; ".join(problems))
    return JSONResponse({"error": "; ".join(problems),
                         "detail": [{k: e[k] for k in ("loc", "msg", "type")}
                                    for e in exc.errors()]}, status_code=422)


async def _refused(request: Request, exc: Exception) -> Response:
    """Errors in one shape: ``error`` says what is wrong (``detail`` kept for FastAPI clients)."""
    assert isinstance(exc, HTTPException)
    if pages.wants_page(request) and not exc.headers:
        return pages.error_page(request, exc.status_code, str(exc.detail))
    return JSONResponse({"error": exc.detail, "detail": exc.detail},
                        status_code=exc.status_code, headers=exc.headers)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    # Answers from memory are given on the event loop, answers computed from the store in
    # worker threads: a short switch interval lets the loop take the interpreter back from a
    # computing thread within a millisecond instead of five, so cached answers stay quick
    # while others are being computed.
    sys.setswitchinterval(0.001)
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning", access_log=False)
