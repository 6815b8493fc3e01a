"""The query page: YASGUI vendored from the pinned npm package, served by kg, working offline."""

from __future__ import annotations

import json

from tests.browser import launch
from tests.conftest import ROOT, Server

VENDORED = ROOT / "kg" / "web" / "static" / "vendor" / "yasgui"
PACKAGE = ROOT / "node_modules" / "@zazuko" / "yasgui"


def test_vendored_yasgui_is_the_pinned_package() -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["@zazuko/yasgui"]
    assert PACKAGE.exists(), "node_modules missing: run `npm ci` (.ci/run does)"
    assert json.loads((PACKAGE / "package.json").read_text())["version"] == pinned
    for name in ("yasgui.min.js", "yasgui.min.css"):
        assert (VENDORED / name).read_bytes() == (PACKAGE / "build" / name).read_bytes(), (
            f"{name} differs from the npm package: run `make vendor`"
        )


def test_yasgui_in_headless_chromium_runs_a_query_offline(server: Server) -> None:
    from playwright.sync_api import Route, sync_playwright

    outside: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:  # the page must work offline: nothing but kg itself is fetched
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.route("**/*", only_local)
            page.goto(server.url + "/sparql")
            page.get_by_role("button", name="The most prolific publishers").click()
            cells = page.locator(".yasr table tbody tr")
            cells.first.wait_for(timeout=20_000)
            text = page.locator(".yasr").inner_text()
            assert cells.count() >= 1
            assert "works" in text
        finally:
            browser.close()
    assert outside == []
