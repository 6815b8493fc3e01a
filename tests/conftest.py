"""Shared fixtures: paths, a built sample catalogue, a running production server."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from kg.config import Config, load_config
from kg.ingest import Lexicon, load_lexicon
from kg.ingest.assemble import assemble
from kg.ingest.page import read_page
from kg.publish import BuildSummary, build
from kg.records import Record
from kg.web.prerender import render_current
from kg.web.server import serve_command
from tests.browser import browser  # noqa: F401  (the browser tests' Chromium)
from tests.citefixtures import cite_build  # noqa: F401  (articles, editors, reports)
from tests.inprocess import sample_app, synthetic_app  # noqa: F401  (the app without a server)
from tests.servers import SUITE_BUDGET_S_PER_MINUTE, running_server
from tests.stores import (  # noqa: F401  (the remote stores' fixtures)
    RemoteStore,
    oxigraph_store,
    store_env,
    virtuoso_store,
)
from tests.webfixtures import synthetic_server  # noqa: F401  (the web tests' second server)

# Property tests judge results, not speed: on a shared 2-core machine the first draw of a test
# that loads a cached table (world cities, vocabularies) can exceed any per-example deadline.
settings.register_profile("kg", deadline=None, print_blob=True)
settings.load_profile("kg")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_8c7e17bedec4a9c3.txt"
# What a careful cataloguer reads from the sample page, one JSON object per record.
EXPECTED = ROOT / "tests" / "golden" / "000_8c7e17bedec4a9c3.expected.jsonl"


FIXTURE_AGENTS = ROOT / "tests" / "fixtures" / "agents.ttl"


def fixture_lexicon(id_base: str = "http://kg.invalid/id/") -> Lexicon:
    """The repository's vocabularies plus the made-up agents of the test fixtures."""
    return load_lexicon(ROOT / "vocab", id_base, (FIXTURE_AGENTS,))


def parse_page_text(text: str, lex: Lexicon) -> list[Record]:
    """The records of one page's text (every block must be a record)."""
    header, blocks = read_page(text.splitlines())
    items = [assemble(b, header, "p.txt", lex) for b in blocks]
    assert all(isinstance(i, Record) for i in items), [str(i) for i in items]
    return [i for i in items if isinstance(i, Record)]


PAGE_HEAD = "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"


def record_with_byline(byline: str, lex: Lexicon) -> Record:
    """The one record of a page whose record prints `byline` (title, abstract and imprint
    plain)."""
    page = (
        f"{PAGE_HEAD}Cyber Fraud Trends\n\n{byline}\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Santa Monica, CA: RAND Corporation, 2020. 80p.\n"
    )
    (got,) = parse_page_text(page, lex)
    return got


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
        "sparql_budget_s_per_minute": SUITE_BUDGET_S_PER_MINUTE,  # one client runs the suite
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
def embedded_server(sample_build: Built) -> Iterator[Server]:
    """`kg serve` (gunicorn) on 127.0.0.1 over the sample build, as a user would start it."""
    config = sample_build.config
    # No rebuild loop here: this server serves the repository's data/ and vocab/ read-only.
    env = {**os.environ, "KG_BASE_URI": config.base_uri, "KG_WATCH_INTERVAL_MS": "0"}
    cmd = serve_command(config.build_dir, config.port, workers=2)
    url = config.base_uri.rstrip("/")
    with running_server(cmd, env, url + "/", config.build_dir.parent / "server.log"):
        yield Server(url, config)


@pytest.fixture(scope="session")
def server(embedded_server: Server) -> Server:
    """The sample catalogue served on the embedded store (test modules that run on every
    store override this fixture with `served_on`)."""
    return embedded_server


# The stores kg serves from; tests of the web layer and the endpoint run on each.
SERVED_ON = ("embedded", "oxigraph", "virtuoso")


def served_on(request: pytest.FixtureRequest) -> Server:
    """The sample catalogue served on the store `request.param` names."""
    return request.getfixturevalue(f"{request.param}_server")  # type: ignore[no-any-return]


def remote_build(store: RemoteStore, folder: Path) -> Built:
    """The sample page built and rendered into a remote store (its own base IRI and port)."""
    config = make_config(folder, port=free_port(), store=store.url, store_kind=store.kind)
    with store_env(store):
        summary = build(config)
        render_current(config)
    return Built(config, summary)


@contextmanager
def remote_serve(store: RemoteStore, built: Built, port: int | None = None) -> Iterator[Server]:
    """`kg serve` over a build whose graph lives in a remote store (no credentials: it reads);
    on the build's own port, or another one (a second web node with the same base)."""
    config = built.config
    env = {
        **os.environ,
        "KG_BASE_URI": config.base_uri,
        "KG_WATCH_INTERVAL_MS": "0",
        "KG_STORE": store.url,
        "KG_STORE_KIND": store.kind,
    }
    cmd = serve_command(config.build_dir, port or config.port, workers=2)
    url = f"http://127.0.0.1:{port}" if port else config.base_uri.rstrip("/")
    log = config.build_dir.parent / f"server-{port or config.port}.log"
    with running_server(cmd, env, url + "/", log):
        yield Server(url, config)


@pytest.fixture(scope="session")
def oxigraph_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    store: RemoteStore = request.getfixturevalue("oxigraph_store")
    built = remote_build(store, tmp_path_factory.mktemp("on-oxigraph"))
    with remote_serve(store, built) as served:
        yield served


@pytest.fixture(scope="session")
def virtuoso_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    store: RemoteStore = request.getfixturevalue("virtuoso_store")
    built = remote_build(store, tmp_path_factory.mktemp("on-virtuoso"))
    with remote_serve(store, built) as served:
        yield served
