"""Headless Chromium (Debian's, driven by playwright) loads the pages with no console errors.

With KG_SCREENSHOTS=DIR set, the pages are also saved as PNG files (docs/screenshots/ holds the
committed ones: `KG_SCREENSHOTS=docs/screenshots pytest tests/test_web_browser.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage

from kg.store import open_build_store
from tests.conftest import Built, Server
from tests.webfixtures import SyntheticServer

SHOTS = os.environ.get("KG_SCREENSHOTS")


def _load(browser: Browser, url: str, name: str, width: int = 1280) -> str:
    """Load a page; fail on any console error, failed request or error status; return its text."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            problems.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, url
        text = page.inner_text("main")
        if SHOTS and name:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
    finally:
        page.close()
    assert not problems, problems
    return text


def test_home_page(browser: Browser, server: Server) -> None:
    text = _load(browser, server.url + "/", "home")
    assert "Newest works" in text
    assert "SPARQL endpoint" in text


def test_work_person_and_organisation_pages(browser: Browser, server: Server) -> None:
    page = browser.new_page()
    try:
        page.goto(server.url + "/browse/works")
        work_url = page.locator("ol.items a").first.get_attribute("href")
    finally:
        page.close()
    assert work_url
    text = _load(browser, work_url, "work")
    assert "How to cite" in text
    page = browser.new_page()
    try:
        page.goto(work_url)
        person_url = page.locator("p.byline a").first.get_attribute("href")
    finally:
        page.close()
    assert person_url
    assert "Works" in _load(browser, person_url, "person")


def test_topic_page(browser: Browser, server: Server, sample_build: Built) -> None:
    """The sample's topic with the most works."""
    with open_build_store(sample_build.config.build_dir) as store:
        rows = store.query(
            "SELECT ?t (COUNT(?w) AS ?n) WHERE { ?w <http://purl.org/dc/terms/subject> ?t } "
            "GROUP BY ?t ORDER BY DESC(?n) ?t LIMIT 1",
            "text/tab-separated-values",
        ).body.decode()
    topic = rows.splitlines()[1].split("\t")[0].strip("<>")
    text = _load(browser, topic, "topic")
    assert "Works on this topic" in text


def test_search_page(browser: Browser, server: Server) -> None:
    """A search result page: ranked results with authors, years and snippets, and facets."""
    text = _load(browser, server.url + "/search?q=child+sexual+abuse", "search", width=1280)
    assert "results for “child sexual abuse”" in text
    assert "Topics" in text and "Report" in text


def test_synthetic_topic_and_hub_pages(browser: Browser, synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    assert "Works on this topic" in _load(browser, site.doc("topic", "child-abuse"), "")
    assert "Works published" in _load(browser, site.doc("organization", "ijr"), "")


def test_pages_fit_a_phone(browser: Browser, synthetic_server: SyntheticServer) -> None:
    url = synthetic_server.site.doc("work", "trend2")
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    finally:
        page.close()
    assert not overflow, "no horizontal scrolling on a 375 px screen"
