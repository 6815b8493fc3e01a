"""Safe defaults of `make serve` / `kg serve`: loopback unless asked, one control socket per
server, problem types on kg's own base (tests/test_docs.py checks the README's port)."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace

from kg.web.server import control_socket_path, serve_command
from tests.conftest import ROOT, Server, free_port
from tests.inprocess import InProcess
from tests.servers import running_server


def _make_serve(*variables: str) -> str:
    """The `kg serve` command `make serve` would run (make -n runs nothing)."""
    dry = subprocess.run(
        ["make", "-n", "serve", "BUILD=/tmp/kg-make-n", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = [x for x in dry.stdout.splitlines() if " serve --build " in x]
    return line


def test_make_serve_binds_loopback_unless_asked() -> None:
    assert "--host 127.0.0.1 --port 5123" in _make_serve("PORT=5123")
    assert "--host 0.0.0.0 --port 5000" in _make_serve("HOST=0.0.0.0")


def test_problem_types_live_on_kgs_own_base(sample_app: InProcess) -> None:
    response = sample_app.get("/doc/work/nosuchkey", "application/json")
    problem = json.loads(response.get_data(as_text=True))
    assert problem["type"] == sample_app.base + "problems/not-found"
    # The type is a page that says what the problem means.
    about = sample_app.get(problem["type"])
    assert about.status_code == 200 and about.mimetype == "text/html"
    assert "Not found" in about.get_data(as_text=True)
    assert sample_app.get("/problems/no-such-problem").status_code == 404


def test_every_server_has_its_own_control_socket(server: Server) -> None:
    """Two gunicorn servers on one host (`KG_WEB_SERVER=gunicorn`; granian has no control
    socket): stopping the second leaves the first one's control socket."""
    build = server.config.build_dir
    env = {
        **os.environ,
        "KG_BASE_URI": server.config.base_uri,
        "KG_WATCH_INTERVAL_MS": "0",
        "KG_WEB_SERVER": "gunicorn",
    }
    ports = free_port(), free_port()
    first = control_socket_path(replace(server.config, port=ports[0]))
    first_log = build.parent / f"first-{ports[0]}.log"
    first_cmd = serve_command(build, ports[0], workers=1)
    with running_server(first_cmd, env, f"http://127.0.0.1:{ports[0]}/health", first_log):
        assert first.is_socket()
        log = build.parent / f"second-{ports[1]}.log"
        cmd = serve_command(build, ports[1], workers=1)
        with running_server(cmd, env, f"http://127.0.0.1:{ports[1]}/health", log):
            second = control_socket_path(replace(server.config, port=ports[1]))
            assert second != first and second.is_socket() and first.is_socket()
        assert first.is_socket(), "the first server's control socket survives the second's exit"
    assert "only this machine" in log.read_text()
