"""The production server (`kg serve`: granian by default) over the sample build, with real HTTP
clients."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import requests
from rdflib import Graph, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper
from werkzeug.test import Client

from kg.config import Config
from kg.namespaces import DCTERMS
from kg.web import create_app
from kg.web.documents import FILE
from kg.web.server import _stop_while_starting, serve_command
from kg.web.thin import flask_only
from tests.conftest import Built, Server, free_port
from tests.servers import running_server

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _a_work(server: Server) -> str:
    query = "SELECT ?w WHERE { ?w a <https://schema.org/CreativeWork> } ORDER BY ?w LIMIT 1"
    body = requests.get(server.url + "/sparql", params={"query": query}, timeout=10).json()
    return str(body["results"]["bindings"][0]["w"]["value"])


def test_thing_uri_answers_303_to_its_document(server: Server) -> None:
    work = _a_work(server)
    assert work.startswith(server.config.base_uri + "id/work/")
    response = requests.get(work, allow_redirects=False, timeout=10)
    assert response.status_code == 303
    assert response.headers["Location"] == work.replace("/id/", "/doc/")
    assert response.headers["Vary"] == "Accept"


def test_turtle_describes_the_thing_with_its_title(server: Server) -> None:
    work = _a_work(server)
    response = requests.get(work, headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert graph.value(URIRef(work), DCTERMS.title) is not None


def test_html_without_accept_and_for_a_browser(server: Server) -> None:
    work = _a_work(server)
    for headers in ({}, {"Accept": BROWSER_ACCEPT}):
        response = requests.get(work, headers=headers, timeout=10)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert "<h1>" in response.text


def test_rdflib_dereferences_the_uri(server: Server) -> None:
    work = _a_work(server)
    graph = Graph().parse(work)
    assert graph.value(URIRef(work), DCTERMS.title) is not None


def test_sparql_count_of_works_is_twenty(server: Server) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(
        "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"
    )
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    assert result["results"]["bindings"][0]["n"]["value"] == "20"


def test_unknown_key_is_a_404_problem(server: Server) -> None:
    response = requests.get(server.url + "/doc/work/nosuchkey", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert json.loads(response.text)["status"] == 404


def test_malformed_query_is_a_400_with_the_parser_message(server: Server) -> None:
    response = requests.get(server.url + "/sparql", params={"query": "SELEC nope"}, timeout=10)
    assert response.status_code == 400
    assert response.json()["detail"]


_HOP = {"date", "server", "connection", "keep-alive"}  # the server's own, not the app's


def _stored_document(server: Server) -> str:
    release = (server.config.build_dir / "current").resolve()
    with sqlite3.connect(release / FILE) as db:
        (path,) = db.execute(
            "SELECT path FROM documents WHERE path LIKE '%.ttl' LIMIT 1"
        ).fetchone()
    db.close()
    return f"/doc/{path}"


def _on_the_wire(url: str, **headers: str) -> tuple[int, list[tuple[str, str]], bytes]:
    response = requests.get(url, headers=headers, timeout=10)
    kept = [(k.lower(), v) for k, v in response.raw.headers.items() if k.lower() not in _HOP]
    return response.status_code, kept, response.content


def _from_flask(
    server: Server, path: str, **headers: str
) -> tuple[int, list[tuple[str, str]], bytes]:
    app = create_app(server.config)
    response = Client(flask_only(app)).get(path, headers=headers)
    kept = [(k.lower(), v) for k, v in response.headers.items()]
    return response.status_code, kept, response.get_data()


def test_the_default_server_sends_the_flask_routes_answer(server: Server) -> None:
    """Granian, with the thin path in front of Flask: the same status, headers and body."""
    path = _stored_document(server)
    etag = requests.get(server.url + path, timeout=10).headers["ETag"]
    for headers in ({}, {"Accept": "text/turtle"}, {"If-None-Match": etag}):
        on_the_wire = _on_the_wire(server.url + path, **headers)
        assert on_the_wire == _from_flask(server, path, **headers), headers


def _serve_env(config: Config, **settings: str) -> dict[str, str]:
    """`kg serve`'s environment for the sample build, with these `KG_*` settings."""
    return {**os.environ, "KG_BASE_URI": config.base_uri, "KG_WATCH_INTERVAL_MS": "0", **settings}


def test_gunicorn_still_serves_when_chosen(sample_build: Built, tmp_path: Path) -> None:
    """`KG_WEB_SERVER=gunicorn`: the other server kg can run, with the same answers."""
    config = sample_build.config
    port = free_port()
    env = _serve_env(config, KG_WEB_SERVER="gunicorn")
    url = f"http://127.0.0.1:{port}"
    cmd = serve_command(config.build_dir, port, workers=1)
    with running_server(cmd, env, url + "/health", tmp_path / "gunicorn.log"):
        server = Server(url, config)
        path = _stored_document(server)
        assert _on_the_wire(url + path) == _from_flask(server, path)
        assert requests.get(url + "/health", timeout=10).status_code == 200
    assert "gunicorn" in (tmp_path / "gunicorn.log").read_text().lower()


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ({"KG_WEB_SERVER": "apache"}, ("KG_WEB_SERVER='apache'", "granian, gunicorn")),
        ({"KG_ACCESS_LOG": "yes"}, ("KG_ACCESS_LOG='yes' is neither on nor off", "on or off")),
    ],
    ids=["web_server", "access_log"],
)
def test_a_server_setting_kg_cannot_use_is_refused_with_the_choices(
    sample_build: Built, setting: dict[str, str], said: tuple[str, str]
) -> None:
    env = _serve_env(sample_build.config, **setting)
    cmd = serve_command(sample_build.config.build_dir, free_port(), workers=1)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert all(part in done.stderr for part in said), done.stderr


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
@pytest.mark.parametrize("setting", ["on", "off"])
def test_the_access_log_setting_turns_request_lines_on_and_off(
    sample_build: Built, tmp_path: Path, setting: str, server: str
) -> None:
    config = sample_build.config
    port = free_port()
    env = _serve_env(config, KG_ACCESS_LOG=setting, KG_WEB_SERVER=server)
    url = f"http://127.0.0.1:{port}"
    log, cmd = tmp_path / "serve.log", serve_command(config.build_dir, port, workers=1)
    target = "/no-such-page-for-the-log"
    with running_server(cmd, env, url + "/health", log):
        assert requests.get(url + target, timeout=10).status_code == 404
        # The line is written after the response: wait for it (on), or a while (off).
        deadline = time.monotonic() + (10 if setting == "on" else 0.5)
        while time.monotonic() < deadline and target not in log.read_text():
            time.sleep(0.05)
    lines = [line for line in log.read_text().splitlines() if target in line]
    # One line, in kg's format whichever server runs (kg/web/access_log.py).
    assert len(lines) == (setting == "on"), lines
    pattern = r'\[[^]]+\] 127\.0\.0\.1 - "GET /no-such-page-for-the-log HTTP/1\.1" 404 \d+\.\d{3}'
    assert all(re.fullmatch(pattern, line) for line in lines), lines


def test_a_server_stopped_while_its_workers_start_stops(
    sample_build: Built, tmp_path: Path
) -> None:
    # Stopped as soon as the first worker answers, while the other may still be making its app:
    # granian's workers inherit the master's handlers until their own are set, so a signal
    # that lands in between was lost, and that worker waited for it forever (running_server
    # fails when a server is not gone 30 s after SIGTERM).
    config = sample_build.config
    for attempt in range(8):
        port = free_port()
        cmd = serve_command(config.build_dir, port, workers=2)
        url, log = f"http://127.0.0.1:{port}/health", tmp_path / f"serve-{attempt}.log"
        with running_server(cmd, _serve_env(config), url, log, poll_s=0.02):
            pass


def test_a_base_iri_the_build_was_not_minted_on_is_refused_before_any_worker_starts(
    sample_build: Built,
) -> None:
    env = _serve_env(sample_build.config, KG_BASE_URI="http://elsewhere.invalid/")
    cmd = serve_command(sample_build.config.build_dir, free_port(), workers=2)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "was minted on" in done.stderr and "KG_BASE_URI" in done.stderr, done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_a_stop_that_lands_while_a_worker_starts_ends_it_once_started() -> None:
    # The mechanism the test above relies on load to show: deterministic, in a forked child.
    pid = os.fork()
    if pid == 0:  # the child: a stop arrives while it "makes its app"
        with _stop_while_starting():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.1)  # the app is still being made: the signal is only noted
        os._exit(3)  # reached only if the stop was lost
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
