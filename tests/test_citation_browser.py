"""Headless Chromium over `kg serve`: a work page with its citation in APA and Chicago and the
export buttons, an article with its journal, a periodical with its issues; the style choice works
with JavaScript off.

With KG_SCREENSHOTS=DIR set, the pages are saved as PNG files (docs/screenshots/ holds the
committed ones: `KG_SCREENSHOTS=docs/screenshots pytest tests/test_citation_browser.py`).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from kg.publish import build
from kg.web.prerender import render_current
from kg.web.server import serve_command
from tests.citefixtures import WORKS
from tests.conftest import SAMPLE, free_port, make_config
from tests.servers import running_server

SHOTS = os.environ.get("KG_SCREENSHOTS")
PENSIONS = "Social Pensions and Intimate Partner Violence against Older Women"
# The sample page has this article too (without its issue): the build merges the two records.
COMEBACK = re.compile("^Don’t call it a comeback! Revictimization")


@dataclass(frozen=True)
class Site:
    url: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample page and the citation fixture, built, rendered and served by `kg serve`."""
    tmp = tmp_path_factory.mktemp("citation-site")
    data = tmp / "data"
    data.mkdir()
    shutil.copy(SAMPLE, data)
    shutil.copy(WORKS, data)
    port = free_port()
    config = make_config(tmp, port=port, data_dir=data)
    build(config)
    render_current(config)
    env = {**os.environ, "KG_BASE_URI": config.base_uri, "KG_WATCH_INTERVAL_MS": "0"}
    url = config.base_uri.rstrip("/")
    with running_server(serve_command(config.build_dir, port, 1), env, url + "/", tmp / "log"):
        yield Site(url)


def _open(browser: Browser, url: str, javascript: bool = True) -> Page:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    return page


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _work_url(browser: Browser, site: Site, title: str | re.Pattern[str]) -> str:
    page = _open(browser, site.url + "/browse/works?page=1")
    try:
        href = page.get_by_role("link", name=title, exact=True).first.get_attribute("href")
    finally:
        page.context.close()
    assert href
    return href.replace("/id/", "/doc/")


def test_a_work_page_cites_in_apa_and_chicago_with_export_buttons(
    browser: Browser, site: Site
) -> None:
    url = _work_url(browser, site, PENSIONS)
    page = _open(browser, url, javascript=False)
    try:
        panel = page.locator("aside.cite")
        assert "Bellés-Obrero, C., La Mattina, G., & Ye, H. (2024)." in panel.inner_text()
        for label in ("RIS", "BibTeX", "CSL-JSON"):
            assert panel.get_by_role("link", name=label, exact=True).is_visible()
        _shot(page, "work-citation-apa")
        panel.get_by_role("link", name="Chicago", exact=True).click()  # no JavaScript needed
        page.wait_for_load_state("load")
        assert page.url.endswith("?style=chicago#cite-h")
        text = page.locator("aside.cite").inner_text()
        assert "Bellés-Obrero, Cristina, Giulia La Mattina, and Han Ye. 2024." in text
        _shot(page, "work-citation-chicago")
    finally:
        page.context.close()


def test_an_article_names_its_journal(browser: Browser, site: Site) -> None:
    page = _open(browser, _work_url(browser, site, COMEBACK))
    try:
        link = page.get_by_role("link", name="Security Journal, vol. 37, pp. 1483–1508")
        assert link.is_visible()
        assert "Security Journal" in page.locator("aside.cite").inner_text()
        _shot(page, "article-journal")
        link.click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Security Journal"
    finally:
        page.context.close()


def test_a_periodical_lists_its_issues(browser: Browser, site: Site) -> None:
    page = _open(browser, _work_url(browser, site, COMEBACK))
    try:
        page.get_by_role("link", name=re.compile(r"^Security Journal, vol\.")).click()
        page.wait_for_load_state("load")
        headings = page.locator("section.articles h3").all_inner_texts()
        assert headings == [
            "Volume 37, issue 4",
            "Volume 37, issue 2",
            "Volume 37",
            "Volume 36, issue 1",
        ]
        _shot(page, "periodical-issues")
    finally:
        page.context.close()
