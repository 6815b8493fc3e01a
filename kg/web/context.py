"""Typed access to what `create_app` wired into the current app."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from flask import current_app

from kg.config import Config
from kg.iris import Iris
from kg.store import Store
from kg.web.documents import Documents


def config() -> Config:
    return cast(Config, current_app.extensions["kg.config"])


def iris() -> Iris:
    return cast(Iris, current_app.extensions["kg.iris"])


def build() -> tuple[str, datetime]:
    """The build id and build time of the release being served (validators derive from them)."""
    return cast(tuple[str, datetime], current_app.extensions["kg.build"])


def release_dir() -> Path:
    """The folder of the release being served."""
    return cast(Path, current_app.extensions["kg.release"])


def manifest_extra() -> Mapping[str, Any]:
    """What the build's manifest says beyond its core fields (dumps, tombstones, counts…)."""
    return cast(Mapping[str, Any], current_app.extensions["kg.manifest"].extra)


def tombstones() -> Mapping[str, str | None]:
    """Retired IRIs from the manifest: successor IRI, or None when withdrawn."""
    return cast(Mapping[str, str | None], current_app.extensions["kg.tombstones"])


def store() -> Store:
    return cast(Store, current_app.extensions["kg.store"])


def documents() -> Documents | None:
    """The release's pre-rendered documents, when it has them for the settings being served."""
    return cast(Documents | None, current_app.extensions["kg.documents"])
