"""Runs the app under gunicorn, the production WSGI server (`kg serve`)."""

from __future__ import annotations

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
    """Serve the current build until interrupted."""
    current_release(config.build_dir)  # fail early, with a clear message, if there is no build
    _Gunicorn(config).run()
