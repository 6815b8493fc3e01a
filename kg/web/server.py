"""Runs the app under gunicorn, the production WSGI server (`kg serve`)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.process
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kg.config import Config
from kg.store import current_release


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, config: Config) -> None:
        self.kg_config = config
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", f"{self.kg_config.host}:{self.kg_config.port}")
        self.cfg.set("workers", self.kg_config.workers)
        self.cfg.set("accesslog", "-")
        self.cfg.set("timeout", max(60, self.kg_config.sparql_time_limit_ms // 1000 + 30))

    def load(self) -> Flask:
        # Each worker opens its own read-only store handle after the fork.
        from kg.web import create_app

        return create_app(self.kg_config)


def run(config: Config, **_: Any) -> None:
    """Serve the current build until interrupted, rebuilding when sources change."""
    current_release(config.build_dir)  # fail early, with a clear message, if there is no build
    watcher = _start_watcher(config) if config.watch_interval_ms > 0 else None
    try:
        _Gunicorn(config).run()
    finally:
        if watcher is not None:
            watcher.terminate()
            watcher.join(timeout=10)


def _start_watcher(config: Config) -> multiprocessing.process.BaseProcess:
    """The rebuild loop (kg/watch.py) in its own process, started before gunicorn forks.

    `spawn` gives it a fresh interpreter: builds are heavy, and nothing of the server leaks in.
    """
    from kg import watch

    process = multiprocessing.get_context("spawn").Process(
        target=watch.run, args=(config,), name="kg-watch", daemon=True
    )
    process.start()
    return process
