"""The Store protocol the web layer reads through, and the embedded Oxigraph implementation.

A remote SPARQL 1.1 store (Oxigraph server, Virtuoso, Fuseki…) can implement the same protocol
without any change to the web layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import Graph, URIRef

from kg.errors import BuildMissing


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A serialised SPARQL result and its media type."""

    body: bytes
    media_type: str


class Store(Protocol):
    """Read-only access to a published graph."""

    def describe(self, iri: URIRef) -> Graph:
        """The resource's own triples plus the labels of what it links to, and inverse links."""
        ...

    def query(
        self, sparql: str, media_type: str = "application/sparql-results+json"
    ) -> QueryResult:
        """Run a SPARQL query; results serialised in `media_type`."""
        ...

    def exists(self, iri: URIRef) -> bool:
        """True when the resource is the subject of at least one triple."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def current_release(build_dir: Path) -> Path:
    """The release folder `build/current` points at; BuildMissing if there is none."""
    current = build_dir / "current"
    if not (current / "store").exists():
        raise BuildMissing(
            f"no build in {build_dir}/", fix="run `kg build` (or `make serve`) first"
        )
    return current.resolve()


def open_build_store(build_dir: Path) -> Store:
    """The embedded store of the current release of a build folder, read-only."""
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore.open_read_only(current_release(build_dir) / "store")
