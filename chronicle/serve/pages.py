"""The explorer's web pages.

Pages that draw (timeline, events, network, map) are small HTML shells whose scripts read the
JSON API; pages that list (claims, figures, search, article) are rendered here on the server,
so they read well without scripts and link straight to the evidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from chronicle import query
from chronicle.extract.acled import LABELS
from chronicle.report.chart import amount, figures_chart, in_period_first
from chronicle.serve.api import disagreements_of, search_results, state_of
from chronicle.serve.params import Paging, Text

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["amount"] = amount  # "200 to 300", "at least 40"


def actor_href(name: str) -> str:
    """The address of an actor's page: every name on every page links to it (a "/" in a
    name is quoted too, and the route reads the rest of the path as the name)."""
    return "/actors/" + quote(name, safe="")


templates.env.filters["actor_href"] = actor_href
# the filter form's ACLED choices: each event type, then its sub-event types
templates.env.globals["acled_types"] = [
    (event_type, sorted({sub for _, t, sub in LABELS.values() if t == event_type}))
    for event_type in dict.fromkeys(t for _, t, _ in LABELS.values())]


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context["store_name"] = state_of(request).path.name
    return templates.TemplateResponse(request, name, context)


HEADINGS = {400: "That request cannot be answered", 404: "Not found",
            422: "Something in the address is not right", 500: "Something went wrong"}


def wants_page(request: Request) -> bool:
    """Whether an error should be a page (a person at a browser) rather than JSON (the API)."""
    return not request.url.path.startswith("/api")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An error as a page a person can read: what went wrong, and a way back."""
    try:
        store_name = state_of(request).path.name
    except Exception:  # the error may be that there is no store to name
        store_name = ""
    return templates.TemplateResponse(
        request, "error.html", {"store_name": store_name, "page": "error", "status": status,
                                "heading": HEADINGS.get(status, "That did not work"),
                                "message": message}, status_code=status)


@router.get("/", response_class=HTMLResponse)
async def timeline_page(request: Request) -> HTMLResponse:
    return render(request, "timeline.html", page="timeline")


@router.get("/events", response_class=HTMLResponse)
async def events_page(request: Request) -> HTMLResponse:
    return render(request, "events.html", page="events")


@router.get("/network", response_class=HTMLResponse)
async def network_page(request: Request) -> HTMLResponse:
    return render(request, "network.html", page="network")


@router.get("/map", response_class=HTMLResponse)
async def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html", page="map")


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, page: Paging, about: Text = None,
                source: Text = None) -> HTMLResponse:
    state = state_of(request)
    rows, _ = state.cached(("claims-page", about, source, page), lambda s: query.claims(
        s, about, source, page.per_page + 1, page.offset))
    ready, conflicts = state.in_background(("disagreements",), disagreements_of)
    return render(request, "claims.html", page="claims", claims=rows[:page.per_page],
                  more=len(rows) > page.per_page, paging=page, about=about or "",
                  source=source or "", computing=not ready,
                  disagreements=(conflicts or [])[:100],
                  disagreement_count=len(conflicts or []))


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, referent: Text = None) -> HTMLResponse:
    state = state_of(request)
    stats, _ = state.cached(("stats",), query.stats)
    referents = stats["referents"]
    chosen = referent or (referents[0] if referents else None)
    rows, _ = state.cached(("figures-page", chosen), lambda s: query.figures(s, chosen, 2000)
                           if chosen else [])
    inside, strays = in_period_first(rows)
    return render(request, "figures.html", page="figures", referents=referents[:200],
                  referent=chosen, figures=inside, strays=strays,
                  chart=figures_chart(rows, chosen or ""))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, page: Paging, q: Text = None) -> HTMLResponse:
    """The store's actors, most active first; ``q`` finds one by its name or any alias."""
    (rows, total), _ = state_of(request).cached(
        ("actors-page", q, page), lambda s: query.actors(s, None, page.per_page, page.offset,
                                                         q=q))
    return render(request, "actors.html", page="actors", q=q or "", actors=rows, total=total,
                  paging=page)


@router.get("/actors/{name:path}", response_class=HTMLResponse)
async def actor_page(request: Request, name: str) -> HTMLResponse:
    """Everything about one actor, each item linked to its evidence: the first
    ``ACTOR_PAGE_ROWS`` of each list (a busy actor's page would otherwise take a tenth of a
    second to draw), with where the rest are."""
    state = state_of(request)

    def drawn(store: Any) -> str | None:
        # kept drawn: links lead to the same few actors' pages again and again
        found = query.actor(store, name, ACTOR_PAGE_ROWS + 1)
        return None if found is None else templates.get_template("actor.html").render(
            request=request, store_name=state.path.name, page="actor", actor=found,
            rows=ACTOR_PAGE_ROWS)

    # a page drawn already is answered without leaving the event loop, as the API's are
    key = ("actor-page", name, ACTOR_PAGE_ROWS)
    found, html = state.peek(key)
    if not found:
        html, found = await run_in_threadpool(state.cached, key, drawn)
    if html is None:
        raise HTTPException(404, f"no actor {name!r}")
    return HTMLResponse(html, headers={"X-Cache": "hit" if found else "miss"})


ACTOR_PAGE_ROWS = 50


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, page: Paging, q: Text = None) -> HTMLResponse:
    rows, total, actors = [], 0, []
    state = state_of(request)
    if q and query.fts_query(q):
        (rows, total), _ = state.cached(("search", q.lower(), page),
                                        lambda s: search_results(state, s, q, page))
    if q and page.page == 1:  # the actors the words name or are written for, first
        (actors, _), _ = state.cached(("actors-page", q, "search"),
                                      lambda s: query.actors(s, None, 10, 0, q=q))
    return render(request, "search.html", page="search", q=q or "", results=rows,
                  total=total, paging=page, actors=actors)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str,
                 s: Annotated[int | None, Query(ge=0, description="Sentence to highlight.")]
                 = None) -> HTMLResponse:
    article, _ = state_of(request).cached(("article", article_id),
                                          lambda st: query.article(st, article_id))
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return render(request, "article.html", page="article", article=article,
                  pieces=sentence_pieces(article, s), highlight=s)


def sentence_pieces(article: dict[str, Any], highlight: int | None) -> list[dict[str, Any]]:
    """The article's text cut at sentence boundaries, so each sentence can be marked."""
    text, pos, pieces = article["text"], 0, []
    for sent in article["sentences"]:
        if sent["start"] > pos:
            pieces.append({"text": text[pos:sent["start"]], "idx": None})
        pieces.append({"text": text[sent["start"]:sent["end"]], "idx": sent["idx"],
                       "hl": sent["idx"] == highlight})
        pos = sent["end"]
    if pos < len(text):
        pieces.append({"text": text[pos:], "idx": None})
    return pieces


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's OpenAPI document as a page: endpoints, parameters, and a link to try each."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _schema_type(p.get("schema", {}), spec),
                       "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params,
                              "try": "{" not in path and not any(
                                  p["required"] for p in params)})
    return render(request, "docs.html", page="docs", spec=spec, endpoints=endpoints)


def _schema_type(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        return " | ".join(_schema_type(s, spec) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    kind = schema.get("type", "any")
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength") if k in schema]
    fmt = f" ({schema['format']})" if "format" in schema else ""
    return kind + fmt + (f" [{', '.join(bounds)}]" if bounds else "")
