"""Stateless web nodes on one remote store (`oxigraph serve`): two `kg serve` processes give the
same answers; a rebuild under wrk load switches the release with no failed request, and both
nodes serve it within a second of the switch; a store that stops gives 503 with Retry-After,
and a store that comes back is read again without restarting kg."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from kg.config import Config
from kg.publish import build
from kg.web.prerender import render_current
from tests.conftest import ROOT, Server, free_port, remote_build, remote_serve
from tests.stores import RemoteStore, oxigraph_serve, store_env

PAGES = ("/", "/browse/works", "/vocab/topics", "/doc/dataset/kg.ttl", "/id/work/edx9cagr1c")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"
EXTRA = '{"title": "A new report on repeat crime", "year": 2026, "contributors": ["J Roe"]}\n'


def _build_id(server: Server) -> str:
    page = requests.get(server.url + "/", timeout=10).text
    found = re.search(r"Build <code>([0-9a-f]{16})</code>", page)
    assert found, "the page frame names its build"
    return found[1]


@pytest.fixture(scope="module")
def nodes(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RemoteStore, Config, Server, Server, Path]]:
    """One oxigraph serve, the sample built into it, two kg serve nodes on the same build
    folder (as a shared mount gives them) and the same base."""
    folder = tmp_path_factory.mktemp("nodes")
    store_dir = folder / "store"
    store_dir.mkdir()
    with ExitStack() as stack:
        store = stack.enter_context(oxigraph_serve(store_dir))
        data = folder / "data"
        shutil.copytree(ROOT / "data", data)
        built = remote_build(store, folder)
        config = replace(built.config, data_dir=data)
        built = replace(built, config=config)
        first = stack.enter_context(remote_serve(store, built))
        second_port = free_port()
        second = stack.enter_context(remote_serve(store, built, port=second_port))
        yield store, config, first, second, store_dir


def test_two_nodes_serve_the_same_answers(
    nodes: tuple[RemoteStore, Config, Server, Server, Path],
) -> None:
    _, config, first, second = nodes[:4]
    host = {"Host": config.base_uri.split("/")[2]}  # one public name, as nginx passes it on
    for path in PAGES:
        a = requests.get(first.url + path, headers=host, allow_redirects=False, timeout=10)
        b = requests.get(second.url + path, headers=host, allow_redirects=False, timeout=10)
        assert (a.status_code, a.content) == (b.status_code, b.content), path
    a = requests.post(first.url + "/sparql", data={"query": COUNT}, timeout=10)
    b = requests.post(second.url + "/sparql", data={"query": COUNT}, timeout=10)
    assert a.json() == b.json()


def test_a_rebuild_under_load_switches_both_nodes_with_no_failed_request(
    nodes: tuple[RemoteStore, Config, Server, Server, Path], tmp_path: Path
) -> None:
    store, config, first, second, _ = nodes
    before = _build_id(first)
    (config.data_dir / "extra.jsonl").write_text(EXTRA, encoding="utf-8")
    loads = [
        _wrk(server.url + "/doc/work/edx9cagr1c.ttl", tmp_path / f"wrk-{n}.txt")
        for n, server in enumerate((first, second))
    ]
    try:
        time.sleep(1)
        with store_env(store):
            summary = build(config)
        switched = time.monotonic()
        seen = {first.url: None, second.url: None}
        while None in seen.values() and time.monotonic() - switched < 10:
            for server in (first, second):
                if seen[server.url] is None and _build_id(server) == summary.release.build_id:
                    seen[server.url] = time.monotonic() - switched
            time.sleep(0.05)
        with store_env(store):
            render_current(config)
    finally:
        outputs = [_finish(proc, out) for proc, out in loads]
    assert summary.release.build_id != before
    assert all(s is not None and s < 1.5 for s in seen.values()), seen  # within a poll second
    for output in outputs:
        requests_done = int(re.search(r"(\d+) requests in", output)[1])  # type: ignore[index]
        assert requests_done > 0, output
        assert "Non-2xx" not in output and "Socket errors" not in output, output


def test_a_stopped_store_gives_503_and_kg_recovers_when_it_returns(
    nodes: tuple[RemoteStore, Config, Server, Server, Path],
) -> None:
    store, _, first, _, store_dir = nodes
    port = int(store.url.split(":")[2].split("/")[0])
    # The module's store is stopped here, and a new one started on its folder and port.
    assert store.process is not None
    store.process.terminate()
    store.process.wait(timeout=30)
    for path in ("/vocab/topics", "/doc/person/no-such-key"):
        response = requests.get(
            first.url + path, headers={"Accept": "application/json"}, timeout=30
        )
        assert response.status_code == 503, (path, response.text)
        assert response.headers["Retry-After"] == "5"
        assert response.json()["code"] == "store-unavailable"
        assert response.headers["Content-Type"] == "application/problem+json"
    sparql = requests.post(first.url + "/sparql", data={"query": COUNT}, timeout=30)
    assert sparql.status_code == 503 and "Retry-After" in sparql.headers
    with oxigraph_serve(store_dir, port=port):
        deadline = time.monotonic() + 10
        while requests.get(first.url + "/vocab/topics", timeout=10).status_code != 200:
            assert time.monotonic() < deadline, "kg did not read the store again"
            time.sleep(0.2)
        assert requests.post(first.url + "/sparql", data={"query": COUNT}, timeout=10).ok
        # The fixture's own store process is gone; its context exits quietly.


def _wrk(url: str, out: Path) -> tuple[subprocess.Popen[bytes], Path]:
    with out.open("wb") as handle:  # the child keeps its own descriptor
        proc = subprocess.Popen(
            ["wrk", "-t1", "-c4", "-d12s", "--timeout", "10s", url],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    return proc, out


def _finish(proc: subprocess.Popen[bytes], out: Path) -> str:
    proc.wait(timeout=60)
    return out.read_text()
