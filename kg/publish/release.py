"""A release: one build's dumps, description, reports and manifest in `build/releases/{id}`,
its graphs loaded into the store (kg/store) and switched live there once they are complete."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.store import Backend, ReleaseLoader, release_dir

_CHUNK = 200_000  # lines per bulk load: memory stays bounded whatever the size of the graph
KEEP_RELEASES = 2  # the live release and the one before (a request may still be on it)


@dataclass(frozen=True, slots=True)
class Release:
    build_id: str
    path: Path


def fresh_release(build_dir: Path, build_id: str, keep_store: bool = False) -> Release:
    """An empty folder for a release (a rebuild of the same id starts over; with `keep_store`
    the embedded store of that id, already live with the same content, is kept)."""
    root = release_dir(build_dir, build_id)
    if root.exists():
        for path in root.iterdir():
            if keep_store and path.name == "store":
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    root.mkdir(parents=True, exist_ok=True)
    return Release(build_id, root)


def load_graphs(loader: ReleaseLoader, graphs: Mapping[str, Sequence[str]]) -> None:
    """Stream each graph's sorted N-Triples lines into the store, in bounded chunks."""
    for graph, lines in graphs.items():
        loader.add(graph, _chunks(lines))


def _chunks(lines: Sequence[str]) -> Iterator[bytes]:
    for start in range(0, len(lines), _CHUNK):
        yield ("\n".join(lines[start : start + _CHUNK]) + "\n").encode("utf-8")


def publish(backend: Backend, release: Release) -> None:
    """Make the release live, then drop the releases before the previous one."""
    backend.switch(release.build_id)
    backend.prune(KEEP_RELEASES)
