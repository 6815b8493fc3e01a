"""Runs the app under a production WSGI server (`kg serve`): granian by default, or gunicorn.

The setting `web_server` chooses. Both run `create_app` in each worker process after the fork,
so each worker opens its own read-only store handle; both keep idle connections open for
SPARQL clients and answer a slow request on one thread while others go on (docs/benchmarks.md
compares them on stored documents, where the server itself is most of the cost).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gunicorn.app.base import BaseApplication

from kg.config import SETTINGS, Config
from kg.errors import ConfigError
from kg.store import Manifest, live_release

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

SERVERS = ("granian", "gunicorn")


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, config: Config) -> None:
        self.kg_config = config
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", f"{self.kg_config.host}:{self.kg_config.port}")
        self.cfg.set("workers", self.kg_config.workers)
        # Threads, so that a web worker waiting on a long SPARQL query (in a query worker
        # process, see kg.sparql.pool) still answers other requests.
        self.cfg.set("worker_class", "gthread")
        self.cfg.set("threads", request_threads(self.kg_config))
        # Keep idle connections for 15 s, not gunicorn's 2 s: a SPARQL client's next query often
        # comes a few seconds later, and gthread parks idle connections without a thread.
        self.cfg.set("keepalive", 15)
        self.cfg.set("limit_request_line", 8190)  # the largest gunicorn allows: long GET queries
        self.cfg.set("timeout", max(60, self.kg_config.sparql_time_limit_ms // 1000 + 30))
        # gunicorn's default control socket is one path per user: a second server on the same
        # host would replace the first one's socket, and remove it when it stops.
        self.cfg.set("control_socket", str(control_socket_path(self.kg_config)))

    def load(self) -> WSGIApplication:
        return _worker_app(self.kg_config)  # each worker opens its own store handle after the fork


def control_socket_path(config: Config) -> Path:
    """This server's gunicorn control socket (for `gunicornc -s PATH`): one per interface and
    port, in the folder gunicorn would use ($XDG_RUNTIME_DIR, else ~/.gunicorn)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path.home() / ".gunicorn"
    return folder / f"kg-{config.host}-{config.port}.ctl"


def listening_note(config: Config) -> str:
    """Where the server listens, who can reach it, and the contact a public one lacks."""
    where = f"kg serve: listening on http://{config.host}:{config.port}/"
    local = config.host in ("127.0.0.1", "localhost", "::1")
    if local:
        note = (
            f"{where}; only this machine can connect (--host 0.0.0.0, or make serve "
            "HOST=0.0.0.0, listens on every interface)"
        )
    else:
        note = f"{where}; other machines can connect"
    if not config.admin_email and (not local or _public(config.base_uri)):
        # Harvesters write to the address OAI-PMH Identify gives when a harvest goes wrong.
        note += (
            "; set KG_ADMIN_EMAIL (admin_email): OAI-PMH Identify gives harvesters a "
            "placeholder address that reaches nobody"
        )
    return note


def _public(base_uri: str) -> bool:
    """IRIs minted for the world, not for this machine (`make serve` gives a localhost base)."""
    return urlsplit(base_uri).hostname not in (None, "localhost", "127.0.0.1", "::1")


def request_threads(config: Config) -> int:
    """Request threads per worker process, under either server: one per query worker, so that
    requests waiting on SPARQL queries never hold up the rest, and two more for the rest.

    No more: every thread running Python contends for the worker's interpreter lock, and the
    slowest requests wait longest (at 32 connections on stored documents, 8 threads gave a p99
    of 24–27 ms, 4 threads 17–18 ms at the same rate; docs/benchmarks.md)."""
    return config.sparql_query_workers + 2


def _run_granian(config: Config) -> None:
    """Granian: HTTP parsed and written in Rust, the WSGI app called on a pool of threads."""
    from granian.constants import Interfaces
    from granian.server import Server

    def load_app() -> WSGIApplication:
        # In the worker, after the fork. Until granian sets the worker's own signal handlers
        # (after this returns), the master's copies would swallow a stop: a worker stopped
        # while it makes its app leaves as soon as the app is made.
        with _stop_while_starting():
            return _worker_app(config)

    server = Server(
        "kg.web:create_app",  # a label only: `load_app` makes the app
        address=config.host,
        port=config.port,
        interface=Interfaces.WSGI,
        workers=config.workers,
        # Threads, so that a request waiting on a long SPARQL query (in a query worker
        # process, see kg.sparql.pool) does not hold up the others.
        blocking_threads=request_threads(config),
        websockets=False,
        log_access=False,  # kg's own (kg/web/access_log.py): the same line, a fraction of the cost
        # The last resort if a stop is still lost (a signal between the app being made and
        # granian's handlers being set): a worker not gone 10 s after the stop is killed.
        workers_kill_timeout=WORKER_STOP_S,
    )
    server.serve(target_loader=load_app, wrap_loader=False)


WORKER_STOP_S = 10  # seconds a granian worker has to finish its requests once told to stop


@contextmanager
def _stop_while_starting() -> Iterator[None]:
    """Remember a SIGINT or SIGTERM that arrives inside the block; leave the process at its end
    if one did (a worker told to stop while it was starting)."""
    stopped: list[int] = []
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda sig, _frame: stopped.append(sig)) for sig in stops}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stopped:
        os._exit(0)  # the master is waiting for this worker to end; nothing was served


def _worker_app(config: Config) -> WSGIApplication:
    """The app a server worker runs: kg's app, behind kg's access log when it is on."""
    from kg.web import create_app
    from kg.web.access_log import AccessLog

    app = create_app(config)
    return AccessLog(app) if config.access_log == "on" else app


def run(config: Config, **_: Any) -> None:
    """Serve the current build until interrupted, rebuilding when sources change."""
    from kg.status import forget_status
    from kg.web import check_minted_on

    # Fail early, with a clear message (not one traceback per worker), if there is no build or
    # it was minted on another base IRI.
    check_minted_on(config, Manifest.read(live_release(config)))
    if config.web_server not in SERVERS:
        raise ConfigError(
            f"KG_WEB_SERVER={config.web_server!r} is not a server kg runs",
            fix=f"use one of: {', '.join(SERVERS)}",
        )
    if config.access_log not in ("on", "off"):
        raise ConfigError(
            f"KG_ACCESS_LOG={config.access_log!r} is neither on nor off", fix="use on or off"
        )
    print(listening_note(config), file=sys.stderr, flush=True)
    forget_status(config.build_dir)  # a failed rebuild of an earlier run is no word on this one
    watcher = _start_watcher(config) if config.watch_interval_ms > 0 else None
    master = os.getpid()
    try:
        if config.web_server == "granian":
            _run_granian(config)
        else:
            _Gunicorn(config).run()
    finally:
        # Workers are forks of this process and leave through here too: only the master stops
        # the watcher.
        if watcher is not None and os.getpid() == master:
            watcher.terminate()
            watcher.wait(timeout=10)


def serve_command(build_dir: Path, port: int, workers: int | None = None) -> list[str]:
    """The command that starts `kg serve` on a build on 127.0.0.1: how the tests and the
    benchmarks run the production server (settings go in `KG_*` variables)."""
    cmd = [sys.executable, "-m", "kg", "serve", "--build", str(build_dir)]
    cmd += ["--host", "127.0.0.1", "--port", str(port)]
    return cmd + (["--workers", str(workers)] if workers is not None else [])


def _start_watcher(config: Config) -> subprocess.Popen[bytes]:
    """The rebuild loop (kg/watch.py) in its own process, started before gunicorn forks.

    A fresh interpreter: builds are heavy and must not share state with the server. It gets
    the same settings through `KG_*` variables and the digest of the sources of the build being
    served, so that an edit made while the server starts is not missed.
    """
    from kg.sources import source_digest

    env = {**os.environ, **config_env(config)}
    cmd = [sys.executable, "-m", "kg.watch", "--baseline", source_digest(config)]
    return subprocess.Popen(cmd, env=env)


def config_env(config: Config) -> dict[str, str]:
    """The `KG_*` variables that reproduce `config` in another process."""
    return {
        s.env_var: str(getattr(config, s.name))
        for s in SETTINGS
        if getattr(config, s.name) is not None
    }
