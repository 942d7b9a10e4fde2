"""End to end in a real browser: Debian's Chromium, driven by Playwright, on `chronicle serve`.

Clicks through the timeline, a filter and an evidence panel, visits every page, and saves a
screenshot of each (to ``$CHRONICLE_SCREENSHOTS``, default ``out/screenshots``, git-ignored).
It never downloads a browser: without ``/usr/bin/chromium`` it is skipped, except under CI,
where ``.ci/run`` installs Chromium and a missing one is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.explorer_store import build_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("CHRONICLE_SCREENSHOTS",
                            Path(__file__).resolve().parent.parent / "out" / "screenshots"))

pytestmark = pytest.mark.slow
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytestmark = [pytest.mark.slow, pytest.mark.skip(reason="needs Debian's chromium "
                                                           "(apt-get install chromium)")]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`chronicle serve`'s application under uvicorn on a free loopback port."""
    import uvicorn

    from chronicle.serve.app import create_app

    db = build_store(tmp_path_factory.mktemp("browser"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started:
        assert time.monotonic() < deadline, "the explorer did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--headless", "--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A page that records console errors and any request leaving the explorer."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    tab = context.new_page()
    tab.errors, tab.remote = [], []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("request", lambda r: r.url.startswith(server) or tab.remote.append(r.url))
    tab.set_default_timeout(10_000)
    yield tab
    assert tab.errors == [], tab.errors
    assert tab.remote == [], f"requests left the machine: {tab.remote}"
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_timeline_clusters_events_and_opens_the_events_of_a_cluster(page: Page) -> None:
    page.goto("/")
    bubbles = page.locator("#lanes circle.bubble")
    bubbles.first.wait_for()
    assert page.locator("#lanes .lane-label").filter(has_text="ASSAULT").count() == 1
    page.locator("#summary li strong").first.wait_for()  # the summary with its evidence
    page.locator('#lanes circle.bubble[data-events]').first.click()
    page.locator("#bin-events li").first.wait_for()
    shot(page, "timeline")
    page.click("#zoom-in")
    assert "clusters of" in page.inner_text("#span-label")


def test_filter_then_read_the_evidence_highlighted_in_its_article(page: Page) -> None:
    page.goto("/events")
    page.locator("#events-table tbody tr[data-id]").first.wait_for()
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr[data-id]')"
                           ".length === 1")
    assert "type=ASSAULT" in page.url
    page.click("#events-table tbody tr[data-id]")
    marked = page.locator("#evidence .sentence.hl")
    marked.wait_for()
    assert "school in Gaza City" in marked.inner_text()
    # one event, three outlets: each reporting sentence listed once
    outlets = page.locator("#evidence .mentions li a").all_inner_texts()
    assert sorted(o.split(" · ")[1] for o in outlets) == ["afp", "bbc", "reuters"]
    shot(page, "events-evidence")
    with page.expect_download() as download:
        page.click("a.export[data-format=csv]")
    assert download.value.suggested_filename == "chronicle-events.csv"


@pytest.mark.parametrize(("path", "ready"), [
    ("/claims", ".disagreement .side"),
    ("/figures", ".figure-chart svg circle"),
    ("/network", "#network svg .node circle"),
    ("/map", "#map svg circle.place"),
    ("/search?q=school", ".results li"),
    ("/docs", ".endpoint"),
])
def test_every_page_draws_its_content(page: Page, path: str, ready: str) -> None:
    page.goto(path)
    page.locator(ready).first.wait_for(timeout=60_000)  # the claims page waits for a process
    shot(page, path.strip("/").split("?")[0] or "home")


def test_article_view_scrolls_to_the_marked_sentence(page: Page) -> None:
    page.goto("/search?q=warplanes")
    page.click(".results li a")
    marked = page.locator(".article-text .sentence.hl")
    marked.wait_for()
    assert "warplanes" in marked.inner_text()
    shot(page, "article")


def test_an_error_is_a_page_a_person_can_read(page: Page) -> None:
    response = page.goto("/search?q=" + "word " * 300)  # past the search box's limit
    assert response is not None and response.status == 422
    assert "not right" in page.inner_text("h1")
    assert "at most" in page.inner_text(".error-message")
    assert not page.inner_text("body").lstrip().startswith("{")  # not raw JSON
    shot(page, "error-page")
    missing = page.goto("/articles/no-such-article")
    assert missing is not None and missing.status == 404 and page.locator("h1").count() == 1
    page.errors.clear()  # type: ignore[attr-defined]  # the console logs the statuses asked for


def test_network_labels_never_overlap(page: Page) -> None:
    page.goto("/network")
    page.locator("#network svg .node circle").first.wait_for()
    boxes = page.evaluate("""() => [...document.querySelectorAll('#network svg .node text')]
        .map((t) => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })""")
    assert boxes
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            assert not (x < x2 + w2 and x2 < x + w and y < y2 + h2 and y2 < y + h), boxes
    assert "strongest link" in page.inner_text(".network-note")


def test_events_open_on_the_story_period_and_clear_shows_every_date(page: Page) -> None:
    page.goto("/events")
    page.locator("#events-table tbody tr[data-id]").first.wait_for()
    assert page.input_value("#filters input[name=date_from]") != ""
    assert "story's period" in page.inner_text("#period-note")
    page.click("#filters button[type=reset]")
    page.wait_for_function("document.querySelector('#period-note').textContent === ''")
    assert page.input_value("#filters input[name=date_from]") == ""
