"""Publish: ingest → keys → map + validate → store, dumps and dataset description.

`build(config)` is the one place a build is assembled (see `build.py`).
"""

from __future__ import annotations

from kg.publish.build import BuildSummary, build
from kg.publish.quarantine import Quarantined

__all__ = ["BuildSummary", "Quarantined", "build"]
