"""The store as a whole: releases are loaded, checked, switched live and pruned through here.

A release's graphs are loaded under the release's own id, their triple counts are checked
against what the build says it wrote, and only then is the live pointer switched: readers
never see half a release, and a failed load leaves the live one untouched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

from kg.store.base import Store
from kg.store.capabilities import Capabilities

# A graph's content: N-Triples chunks (each whole lines; a build streams its sorted runs) or
# the path of an N-Triples file, plain or gzipped (a store's bulk loader reads it itself).
GraphData = Iterable[bytes] | Path


class QueryTarget(Protocol):
    """A picklable address of one release, for SPARQL worker processes to open."""

    def open(self) -> Store: ...


class ReleaseLoader(Protocol):
    """Loads one release's named graphs; nothing is live until the backend switches to it."""

    release_id: str

    def add(self, graph: str, data: GraphData) -> None:
        """Load N-Triples into the named graph `graph` (its published IRI) of this release."""
        ...

    def finish(self, expected: Mapping[str, int]) -> None:
        """Check that each graph holds the expected number of triples, then make the release
        ready to open; on a mismatch, StoreError and the partial release is dropped."""
        ...

    def abort(self) -> None:
        """Drop whatever was loaded."""
        ...


class Backend(Protocol):
    """A store that holds releases: the embedded one, or a remote SPARQL 1.1 store."""

    capabilities: Capabilities

    def live_release(self) -> str | None:
        """The id of the release readers are sent to, or None before the first switch."""
        ...

    def releases(self) -> list[str]:
        """The ids of the releases loaded, oldest first."""
        ...

    def loader(self, release_id: str) -> ReleaseLoader:
        """Start loading a release (a release of the same id is replaced)."""
        ...

    def switch(self, release_id: str) -> None:
        """Make a loaded release the live one, atomically."""
        ...

    def prune(self, keep: int) -> list[str]:
        """Drop all but the newest `keep` releases, never the live one; the ids dropped."""
        ...

    def open(self, release: Path) -> Store:
        """Read the release whose folder (manifest, dumps, side files) is `release`."""
        ...

    def target(self, release: Path) -> QueryTarget:
        """Where SPARQL worker processes find the release of a folder."""
        ...
