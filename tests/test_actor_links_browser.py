"""In a real browser (see ``tests/test_browser.py``): every actor name the scripts draw links
to the actor's page, and a click on it opens that page rather than the evidence panel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.test_browser import CHROMIUM, browser, page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytestmark = [pytest.mark.slow, pytest.mark.skip(reason="needs Debian's chromium")]


def test_an_actor_in_the_events_table_opens_its_page(page: Page) -> None:  # noqa: F811
    page.goto("/events")
    link = page.locator('#events-table tbody a.actor[href="/actors/Antony%20Blinken"]')
    link.wait_for()
    link.click()
    page.wait_for_url("**/actors/Antony%20Blinken")
    assert page.inner_text("h1").startswith("Antony Blinken")


def test_the_evidence_panel_and_the_network_link_their_actors(page: Page) -> None:  # noqa: F811
    page.goto("/events")
    page.locator("#events-table tbody tr[data-id]").first.wait_for()
    page.locator("#events-table tbody tr[data-id] td").first.click()  # not on a name
    page.locator("#evidence .actors a.actor").first.wait_for()
    page.goto("/network")
    page.locator("#network svg a.node circle").first.wait_for()
    hrefs = page.eval_on_selector_all("#network svg a.node",
                                      "nodes => nodes.map((a) => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("/actors/") for h in hrefs)


def test_timeline_lanes_of_actors_link_their_pages(page: Page) -> None:  # noqa: F811
    page.goto("/")
    page.locator("#lanes circle.bubble").first.wait_for()
    assert page.locator("#lanes a .lane-label").count() == 0  # lanes of event types
    page.select_option("#group", "actor")
    page.locator('#lanes a[href="/actors/Antony%20Blinken"] .lane-label').wait_for()
