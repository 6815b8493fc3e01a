"""The Store protocol: every part of kg reads and writes the published graph through it.

Two halves. `Store` (kg/store/base.py) reads one release: select, construct, ask, any query
for the SPARQL endpoint, pattern reads and descriptions. `Backend` (kg/store/backend.py) is the
store as a whole: load a release into its own graphs, check it, switch the live release, prune
old ones, and say what the store can do (`Capabilities`, as data). Backends: the embedded
Oxigraph store (the default) and a remote SPARQL 1.1 store (kg/store/remote.py). Nothing
outside this package opens a pyoxigraph `Store`.
"""

from __future__ import annotations

from pathlib import Path

from kg.config import Config
from kg.errors import BuildMissing
from kg.store.backend import Backend, GraphData, QueryTarget, ReleaseLoader
from kg.store.base import Store
from kg.store.capabilities import Capabilities
from kg.store.model import (
    UNION,
    Dataset,
    Description,
    Entry,
    InverseGroup,
    Outcome,
    QueryResult,
    Related,
    Row,
    Term,
    Tombstone,
    Triples,
    text,
)
from kg.store.release import Manifest, release_dir

__all__ = [
    "UNION",
    "Backend",
    "Capabilities",
    "Dataset",
    "Description",
    "Entry",
    "GraphData",
    "InverseGroup",
    "Manifest",
    "Outcome",
    "QueryResult",
    "QueryTarget",
    "Related",
    "ReleaseLoader",
    "Row",
    "Store",
    "Term",
    "Tombstone",
    "Triples",
    "current_release",
    "live_release",
    "open_backend",
    "open_build_store",
    "open_live",
    "release_dir",
    "text",
]


def open_backend(config: Config) -> Backend:
    """The store the settings name: `embedded` (releases under the build folder) or the URL
    of a remote SPARQL 1.1 store of kind `store_kind`."""
    from kg.store.embedded import EmbeddedBackend

    if config.store == "embedded":
        return EmbeddedBackend(config.build_dir)
    from kg.store.remote_backend import RemoteBackend

    return RemoteBackend(config)


def live_release(config: Config, backend: Backend | None = None) -> Path:
    """The folder of the live release; BuildMissing (with what to do) if there is none."""
    backend = backend or open_backend(config)
    release_id = backend.live_release()
    if release_id is None:
        raise BuildMissing(
            f"no build in {config.build_dir}/", fix="run `kg build` (or `make serve`) first"
        )
    folder = release_dir(config.build_dir, release_id)
    if not (folder / "manifest.json").is_file():
        raise BuildMissing(
            f"release {release_id} is live in the store, but {folder}/ is not on this machine",
            fix="copy the release folder from the build machine (docs/deploy.md)",
        )
    return folder


def open_build_store(build_dir: Path) -> Store:
    """The live release of a build folder's embedded store, read-only (tests and tools)."""
    from kg.store.embedded import EmbeddedBackend

    return EmbeddedBackend(build_dir).open(current_release(build_dir))


def open_live(config: Config) -> Store:
    """The live release of the store the settings name, for reading (`kg query`)."""
    backend = open_backend(config)
    return backend.open(live_release(config, backend))


def current_release(build_dir: Path) -> Path:
    """The folder of the live release of a build folder's embedded store (tests and tools)."""
    from kg.store.embedded import EmbeddedBackend

    release_id = EmbeddedBackend(build_dir).live_release()
    if release_id is None:
        raise BuildMissing(f"no build in {build_dir}/", fix="run `kg build` first")
    return release_dir(build_dir, release_id)
