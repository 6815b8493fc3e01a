"""Typed access to what `create_app` wired into the current app."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from flask import current_app

from kg.config import Config
from kg.mapping.iris import Iris
from kg.store import Store


def config() -> Config:
    return cast(Config, current_app.extensions["kg.config"])


def iris() -> Iris:
    return cast(Iris, current_app.extensions["kg.iris"])


def build() -> tuple[str, datetime]:
    """The build id and build time of the release being served (validators derive from them)."""
    return cast(tuple[str, datetime], current_app.extensions["kg.build"])


def store() -> Store:
    return cast(Store, current_app.extensions["kg.store"])
