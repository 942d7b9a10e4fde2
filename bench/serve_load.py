"""Load benchmark of `chronicle serve`: a bounded number of requests from 20 local clients.

Starts ``chronicle serve`` on a loopback port over the given store, waits until it answers,
measures the first page load (the timeline page, its assets and the API calls it makes, as a
browser would fetch them), then sends a fixed number of requests to the timeline, events,
search and actor endpoints (an actor's page, ``/actors/NAME``, and the actors found by a
word, ``/api/actors?q=``) from ``--clients`` concurrent clients, with parameters drawn from
what the store holds (event types, actors, outlets, months, common words). Prints
p50/p95/max latency per endpoint, errors and cache hits; the last line is one JSON object::

    .venv/bin/python bench/serve_load.py /work/stores/t17_full.db --requests 600 [--warm]

Each of ``--rounds`` timed runs meets a freshly started server; the figures reported are the
median over rounds (errors: their sum), with each round's p95 beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

WORDS = ["attack", "president", "government", "killed", "oil", "election", "protest",
         "police", "water", "army", "minister", "rebels", "court", "spill", "earthquake",
         "ceasefire", "troops", "opposition", "economy", "hospital", "said", "people"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def request_pool(client: httpx.Client, rng: random.Random) -> dict[str, list[tuple[str, dict]]]:
    """Requests per endpoint, with parameters taken from the store itself."""
    stats = client.get("/api/stats").json()
    actors = [a["name"] for a in client.get("/api/actors", params={"per_page": 40}).json()
              ["items"]]
    busy: dict[str, int] = {}
    for day in client.get("/api/events/days").json()["days"]:
        busy[day["date"][:7]] = busy.get(day["date"][:7], 0) + day["events"]
    months = sorted(busy, key=lambda m: -busy[m])[:30]  # the months analysts would look at
    events: list[tuple[str, dict]] = [("/api/events", {})]
    events += [("/api/events", {"type": t}) for t in stats["event_types"]]
    events += [("/api/events", {"actor": a}) for a in actors]
    events += [("/api/events", {"outlet": o}) for o in stats["outlets"][:20]]
    events += [("/api/events", {"date_from": f"{m}-01", "date_to": f"{m}-28"})
               for m in months]
    events += [("/api/events", {"page": p}) for p in range(2, 30)]
    events += [("/api/events", {"type": rng.choice(stats["event_types"]),
                                "actor": rng.choice(actors), "sort": "reported"})
               for _ in range(40) if actors and stats["event_types"]]
    search = [("/api/search", {"q": w}) for w in WORDS]
    search += [("/api/search", {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"})
               for _ in range(60)]
    search += [("/api/search", {"q": w, "page": 2}) for w in WORDS]
    timeline = [("/api/timeline", {})]
    # the pages of the busiest actors (events and claims) and of the rest, as links lead there
    listed = [a["name"] for a in client.get("/api/actors", params={"per_page": 200}).json()
              ["items"]]
    actor_pages = [(f"/actors/{quote(name, safe='')}", {}) for name in listed]
    actor_search = [("/api/actors", {"q": name.split()[0]}) for name in listed[:60]]
    actor_search += [("/api/actors", {"q": w}) for w in WORDS]
    return {"timeline": timeline, "events": events, "search": search, "actor": actor_pages,
            "actor_search": actor_search}


def first_page_load(base: str) -> dict[str, float]:
    """The timeline page as a browser loads it: HTML, then its assets and API calls at once."""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60) as client:
        html = client.get("/").text
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
        # what timeline.js asks for on load
        calls = [*assets, "/api/stats", "/api/events/days?group=type", "/api/timeline"]

    async def fetch_all() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as aclient:
            responses = await asyncio.gather(*(aclient.get(u) for u in calls))
            for r in responses:
                r.raise_for_status()
    asyncio.run(fetch_all())
    return {"first_page_load_s": round(time.perf_counter() - started, 3)}


def browser_page_load(base: str) -> float | None:
    """The same, measured in Debian's Chromium when it is installed: until the lanes are drawn
    and the summary is shown."""
    chromium = shutil.which("chromium")
    if not chromium:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(base + "/")
        page.locator("#lanes svg, #lanes p").first.wait_for(timeout=60_000)
        page.locator("#summary li strong, #summary li").first.wait_for(timeout=60_000)
        elapsed = time.perf_counter() - started
        browser.close()
    return round(elapsed, 3)


async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
              target: str) -> tuple[int, bool]:
    """One HTTP/1.1 GET on a kept-alive connection: (status, answered from the cache).

    A hand-written request, because a full HTTP client costs ~3 ms of CPU a request, six
    times what the explorer spends answering it: on a small machine the benchmark would
    measure its own client."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).lower()
    length = re.search(rb"content-length: *(\d+)", head)
    if length is None:
        raise ConnectionError("answer without content-length")
    await reader.readexactly(int(length.group(1)))
    return int(head.split(b" ", 2)[1]), b"x-cache: hit" in head


async def load(port: int, jobs: list[tuple[str, str, dict]], clients: int) -> dict:
    """``clients`` concurrent clients, one connection each, taking the jobs in turn."""
    queue = list(reversed(jobs))
    timings: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    hits: dict[str, int] = {}

    async def client_loop() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            name, url, params = queue.pop()
            target = f"{url}?{urlencode(params)}" if params else url
            started = time.perf_counter()
            try:
                status, hit = await get(reader, writer, target)
            except (OSError, asyncio.IncompleteReadError, ConnectionError):
                status, hit = 0, False
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
            hits[name] = hits.get(name, 0) + hit
            if status != 200:
                errors[name] = errors.get(name, 0) + 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    wall = time.perf_counter() - started
    return {name: {"requests": len(values), "p50_ms": round(statistics.median(values), 1),
                   "p95_ms": round(percentile(values, 95), 1),
                   "max_ms": round(max(values), 1), "errors": errors.get(name, 0),
                   "cache_hits": hits.get(name, 0)}
            for name, values in sorted(timings.items())} | {
        "_total": {"requests": len(jobs), "seconds": round(wall, 2),
                   "requests_per_s": round(len(jobs) / wall, 1)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="Store to serve (e.g. one holding Timeline17).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=600, help="Requests per endpoint.")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-browser", action="store_true",
                        help="Skip the first page load measured in Chromium.")
    parser.add_argument("--warm", action="store_true", help=(
        "Ask every distinct request once before the timed run: measures an explorer whose "
        "answers are in memory (default: the timed run meets each one cold the first time)."))
    parser.add_argument("--rounds", type=int, default=5, help=(
        "Timed runs, each against a freshly started server (one run varies by ±15%% on a "
        "shared machine)."))
    args = parser.parse_args()
    rounds = [one_round(args, browser=not args.no_browser and index == 0)
              for index in range(args.rounds)]
    result = rounds[0] | {"rounds": [r["endpoints"] for r in rounds]}
    result["endpoints"] = {name: {
        figure: (sum if figure == "errors" else statistics.median)(
            [r["endpoints"][name][figure] for r in rounds])
        for figure in figures} for name, figures in rounds[0]["endpoints"].items()}
    for name, figures in result["endpoints"].items():
        by_round = [r["endpoints"][name].get("p95_ms") for r in rounds]
        print(f"{name:10} median {figures}  p95 by round {by_round}", file=sys.stderr)
    print(json.dumps(result))


def one_round(args: argparse.Namespace, browser: bool) -> dict:
    """Start ``chronicle serve``, wait until it is warm, measure, stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "chronicle.cli", "serve", "--db",
                               str(args.db), "--port", str(port)])
    try:
        started = time.perf_counter()
        while True:
            try:
                httpx.get(base + "/api/stats", timeout=60).raise_for_status()
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.perf_counter() - started > 120:
                    raise SystemExit("chronicle serve did not start") from None
                time.sleep(0.2)
        result: dict = {"store": str(args.db), "clients": args.clients,
                        "server_ready_s": round(time.perf_counter() - started, 2)}
        # the server computes the default timeline and the disagreements at start
        while not httpx.get(base + "/api/status", timeout=60).json()["warm"]:
            time.sleep(0.5)
        result["server_warm_s"] = round(time.perf_counter() - started, 2)
        result |= first_page_load(base)
        if browser:
            result["browser_first_page_s"] = browser_page_load(base)
        rng = random.Random(args.seed)
        with httpx.Client(base_url=base, timeout=120) as client:
            pool = request_pool(client, rng)
            result["counts"] = client.get("/api/stats").json()["counts"]
        jobs = [(name, *rng.choice(requests)) for name, requests in pool.items()
                for _ in range(args.requests)]
        rng.shuffle(jobs)
        result["distinct_requests"] = {name: len({json.dumps(r, sort_keys=True) for r in reqs})
                                       for name, reqs in pool.items()}
        if args.warm:
            started = time.perf_counter()
            with httpx.Client(base_url=base, timeout=120) as client:
                for requests in pool.values():
                    for url, params in requests:
                        client.get(url, params=params)
            result["warm_up_s"] = round(time.perf_counter() - started, 2)
        result["endpoints"] = asyncio.run(load(port, jobs, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result


if __name__ == "__main__":
    main()
