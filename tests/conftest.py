"""Shared fixtures: paths, a built sample catalogue, a running production server."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.config import Config, load_config
from kg.publish import BuildSummary, build
from kg.web.prerender import render_current
from kg.web.server import serve_command
from tests.browser import browser  # noqa: F401  (the browser tests' Chromium)
from tests.citefixtures import cite_build  # noqa: F401  (articles, editors, reports)
from tests.inprocess import sample_app, synthetic_app  # noqa: F401  (the app without a server)
from tests.servers import running_server
from tests.stores import oxigraph_store, virtuoso_store  # noqa: F401  (remote stores)
from tests.webfixtures import synthetic_server  # noqa: F401  (the web tests' second server)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_8c7e17bedec4a9c3.txt"
# What a careful cataloguer reads from the sample page, one JSON object per record.
EXPECTED = ROOT / "tests" / "golden" / "000_8c7e17bedec4a9c3.expected.jsonl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_config(tmp: Path, port: int = 5000, **overrides: object) -> Config:
    """A config that reads the repo's data, vocab and shapes and builds into `tmp`."""
    ledger = tmp / "ledger.tsv"
    if not ledger.exists():
        # A copy of the committed ledger: builds in tests must never write the repository's.
        tmp.mkdir(parents=True, exist_ok=True)
        ledger.write_bytes((ROOT / "data" / "ledger.tsv").read_bytes())
    settings: dict[str, object] = {
        "ledger_file": str(ledger),
        "data_dir": ROOT / "data",
        "vocab_dir": ROOT / "vocab",
        "shapes_dir": ROOT / "shapes",
        "build_dir": tmp / "build",
        "base_uri": f"http://127.0.0.1:{port}/",
        "port": port,
    }
    settings.update(overrides)
    return load_config(settings, environ={})


@dataclass(frozen=True)
class Built:
    config: Config
    summary: BuildSummary


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample page built and rendered once for the whole session, as `make serve` does it
    (`kg build`, then `kg render`); read-only for tests."""
    port = free_port()
    config = make_config(tmp_path_factory.mktemp("sample"), port=port)
    summary = build(config)
    render_current(config)
    return Built(config, summary)


@pytest.fixture(scope="session")
def harvest_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The sample page plus tests/fixtures/harvest/catalogue.jsonl (articles, books, editors,
    series, an implied publisher, XML-illegal characters), built once; read-only for tests."""
    from tests.harvest_support import build_catalogue

    return build_catalogue(tmp_path_factory.mktemp("harvest"))


@dataclass(frozen=True)
class Server:
    url: str
    config: Config


@pytest.fixture(scope="session")
def server(sample_build: Built) -> Iterator[Server]:
    """`kg serve` (gunicorn) on 127.0.0.1 over the sample build, as a user would start it."""
    config = sample_build.config
    # No rebuild loop here: this server serves the repository's data/ and vocab/ read-only.
    env = {**os.environ, "KG_BASE_URI": config.base_uri, "KG_WATCH_INTERVAL_MS": "0"}
    cmd = serve_command(config.build_dir, config.port, workers=2)
    url = config.base_uri.rstrip("/")
    with running_server(cmd, env, url + "/", config.build_dir.parent / "server.log"):
        yield Server(url, config)
