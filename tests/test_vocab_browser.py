"""Vocabulary pages in a real browser (Debian's chromium): the tree collapses without JavaScript,
and a deprecated concept's page names its successor.

With KG_SCREENSHOTS=DIR set, the pages are saved as PNG files (docs/screenshots/ holds the
committed ones: `KG_SCREENSHOTS=docs/screenshots pytest tests/test_vocab_browser.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.conftest import Server

SHOTS = os.environ.get("KG_SCREENSHOTS")


def _open(browser: Browser, url: str, javascript: bool = True) -> tuple[Page, list[str]]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    return page, problems


def _shoot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_the_topic_tree_collapses_without_javascript(browser: Browser, server: Server) -> None:
    page, problems = _open(browser, server.url + "/vocab/topics", javascript=False)
    try:
        _shoot(page, "vocab-topic-tree")
        darknet = page.locator('a[href$="/id/topic/darknet"]')
        assert darknet.is_visible()
        page.locator("summary", has_text="Cybercrime").click()  # native <details>: no script
        assert not darknet.is_visible()
        assert page.locator("h2", has_text="Deprecated concepts").is_visible()
    finally:
        page.context.close()
    assert problems == []


def test_a_deprecated_concept_page_links_its_successor(browser: Browser, server: Server) -> None:
    page, problems = _open(browser, server.config.base_uri + "id/topic/online-child-abuse")
    try:
        _shoot(page, "vocab-deprecated-concept")
        text = page.inner_text("main")
        assert "deprecated" in text.casefold()
        successor = page.locator("main a", has_text="Online sexual exploitation of children")
        assert successor.first.get_attribute("href") == (
            server.config.base_uri + "id/topic/online-child-sexual-exploitation"
        )
    finally:
        page.context.close()
    assert problems == []


def test_a_concept_page_shows_its_hierarchy_and_works(browser: Browser, server: Server) -> None:
    page, problems = _open(browser, server.config.base_uri + "id/topic/child-sexual-abuse")
    try:
        _shoot(page, "vocab-concept")
        text = page.inner_text("main")
        assert "Child abuse" in text and "Sexual abuse" in text  # broader concepts
        assert "Child sexual exploitation" in text  # a narrower concept
        assert "Improving The Response to Child Sexual Abuse in London" in text  # a work
        assert "#tag-" not in text  # the works' tag nodes are data, not links for people
        assert "Topics › Victimization › Abuse › Child abuse › Child sexual abuse" in text
    finally:
        page.context.close()
    assert problems == []


def test_a_concept_page_shows_labels_in_every_language(browser: Browser, server: Server) -> None:
    page, problems = _open(browser, server.config.base_uri + "id/topic/crime")
    try:
        _shoot(page, "vocab-concept-languages")
        table = page.locator("table.labels")
        assert table.is_visible()
        assert "Criminalité" in table.inner_text()
    finally:
        page.context.close()
    assert problems == []
