"""Helpers for the SPARQL tests: a `kg serve` with its own limits, requests from other clients."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import urllib3

from kg.web.server import serve_command
from tests.conftest import Built, Server, free_port
from tests.servers import running_server


@contextmanager
def kg_serve(built: Built, env: dict[str, str], workers: int = 2) -> Iterator[Server]:
    """`kg serve` (gunicorn) over a built catalogue with extra KG_* settings in `env`.

    The build's base IRI names its own port, so this server listens on a fresh port and
    mints nothing: only /sparql is exercised through it.
    """
    config = built.config
    port = free_port()
    cmd = serve_command(config.build_dir, port, workers)
    # No rebuild loop: this server serves a finished build (kg/watch.py would watch data/).
    full_env = {**os.environ, "KG_BASE_URI": config.base_uri, "KG_WATCH_INTERVAL_MS": "0", **env}
    url = f"http://127.0.0.1:{port}"
    with running_server(cmd, full_env, url + "/", config.build_dir.parent / f"server-{port}.log"):
        yield Server(url, config)


def request_from(
    source: str,
    method: str,
    url: str,
    fields: dict[str, str],
    headers: dict[str, str] | None = None,
) -> urllib3.BaseHTTPResponse:
    """A request sent from another loopback address (another client, as budgets see it)."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    with urllib3.HTTPConnectionPool(
        parts.hostname, parts.port, source_address=(source, 0), retries=False, timeout=120
    ) as pool:
        return pool.request(
            method, parts.path, fields=fields, headers=headers or {}, encode_multipart=False
        )
