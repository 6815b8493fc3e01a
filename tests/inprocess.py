"""The web app in the test process: Flask's test client over a real release, no gunicorn.

For views, fields, descriptions, browse and search, which need the app and a store but nothing
a server adds. The few tests that are about the server (gunicorn, real HTTP clients, swaps
while serving) keep using the `server` fixtures of conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from kg.config import Config, load_config
from kg.web import create_app
from tests.servers import SUITE_BUDGET_S_PER_MINUTE
from tests.webfixtures import Synthetic, synthetic_ntriples, write_release

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class InProcess:
    """An app over a release and a client that sends requests to it on the release's base."""

    app: Flask
    config: Config

    @property
    def base(self) -> str:
        return self.config.base_uri

    def client(self) -> FlaskClient:
        return self.app.test_client()

    def get(self, target: str, accept: str | None = BROWSER_ACCEPT, **kw: object) -> TestResponse:
        """GET a path (`/browse/works`) or an absolute URL on the base, without following
        redirects."""
        headers = {"Accept": accept} if accept is not None else {}
        return self.client().get(self.path(target), headers=headers, **kw)  # type: ignore[arg-type]

    def path(self, target: str) -> str:
        """The path (and query) of a URL on the base, as the app routes it."""
        if "://" not in target:
            return target
        parts = urlsplit(target)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def is_internal(self, url: str) -> bool:
        if "://" not in url:
            return True
        return urlsplit(url).netloc == urlsplit(self.base).netloc


def _app(config: Config) -> Flask:
    app = create_app(config)
    app.config["SERVER_NAME"] = urlsplit(config.base_uri).netloc
    return app


@pytest.fixture(scope="session")
def sample_app(sample_build: object) -> InProcess:
    """The app over the sample build (built and rendered once per session), in this process."""
    config = sample_build.config  # type: ignore[attr-defined]
    return InProcess(_app(config), config)


@pytest.fixture(scope="session")
def synthetic_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcess]:
    """The app over the synthetic release (hubs, tombstones, odd keys, every type)."""
    site = Synthetic("http://127.0.0.1:5999/", tmp_path_factory.mktemp("synthetic-app") / "build")
    site.build_dir.mkdir()
    write_release(site, synthetic_ntriples(site))
    settings = {
        "build_dir": site.build_dir,
        "base_uri": site.base,
        "watch_interval_ms": 0,
        "sparql_budget_s_per_minute": SUITE_BUDGET_S_PER_MINUTE,
    }
    config = load_config(settings, environ={})
    yield InProcess(_app(config), config)
