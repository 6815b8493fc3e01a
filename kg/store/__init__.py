"""The Store protocol the web layer reads through, and the embedded Oxigraph implementation.

Terms cross the protocol as pyoxigraph terms (NamedNode, Literal, Triple): a remote SPARQL 1.1
store (Oxigraph server, Virtuoso, Fuseki…) can parse its answers into the same types, so the web
layer never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import BuildMissing

# Any RDF term that can be the object of a triple.
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def text(term: Term) -> str:
    """The lexical value of a term (an IRI's string, a literal's text)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A serialised SPARQL result and its media type."""

    body: bytes
    media_type: str


@dataclass(frozen=True, slots=True)
class InverseGroup:
    """The things that link to a resource through one predicate: how many, and one page of them."""

    predicate: ox.NamedNode
    total: int
    subjects: tuple[ox.NamedNode, ...]
    newest_first: bool  # False when the group was too large to sort by date (then: key order)


@dataclass(frozen=True, slots=True)
class Description:
    """What a document says about one resource.

    `own`: the resource's own triples. `context`: labels, types and dates of everything it links
    to or is linked from (on this page). `inverse`: paged inverse links, one group per predicate.
    """

    iri: ox.NamedNode
    own: tuple[ox.Triple, ...]
    context: tuple[ox.Triple, ...] = ()
    inverse: tuple[InverseGroup, ...] = ()
    page: int = 1
    page_size: int = 50

    @property
    def found(self) -> bool:
        return bool(self.own)

    @property
    def has_next(self) -> bool:
        return any(g.total > self.page * self.page_size for g in self.inverse)

    def inverse_triples(self) -> list[ox.Triple]:
        return [ox.Triple(s, g.predicate, self.iri) for g in self.inverse for s in g.subjects]


@dataclass(frozen=True, slots=True)
class Related:
    """A thing related to a resource through its works (a co-author, a topic), with a count."""

    iri: ox.NamedNode
    label: str
    works: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a browse list: a resource, its label and (for works) its year."""

    iri: str
    label: str
    year: str | None = None
    types: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A key that no longer names a live resource: merged into a successor, or withdrawn.

    Read from the graph: `<old> dcterms:isReplacedBy <new>` (without `owl:deprecated true`,
    which marks a deprecated concept that keeps its page) is a merge; `<old>
    prov:invalidatedAtTime …` (with an optional `skos:changeNote`) is a withdrawal.
    """

    successor: ox.NamedNode | None
    note: str | None


class Store(Protocol):
    """Read-only access to a published graph."""

    def describe(self, iri: ox.NamedNode, page: int = 1, page_size: int = 50) -> Description:
        """Own triples, context of linked things, and one page of each inverse link group."""
        ...

    def tombstone(self, iri: ox.NamedNode) -> Tombstone | None:
        """Whether `iri` was merged into a successor or withdrawn; None for a live resource."""
        ...

    def related(
        self,
        iri: ox.NamedNode,
        via: tuple[ox.NamedNode, ...],
        then: tuple[ox.NamedNode, ...],
        limit: int = 20,
    ) -> list[Related]:
        """Things linked (by any of `then`) from the things that link to `iri` (by any of `via`),
        most often first: co-authors through works, topics through works."""
        ...

    def entries(self, rdf_type: ox.NamedNode) -> list[Entry]:
        """Every resource of a type with its label (and year), unsorted."""
        ...

    def count(self, rdf_type: ox.NamedNode) -> int:
        """How many resources have a type."""
        ...

    def query(
        self, sparql: str, media_type: str = "application/sparql-results+json"
    ) -> QueryResult:
        """Run a SPARQL query; results serialised in `media_type`."""
        ...

    def exists(self, iri: ox.NamedNode) -> bool:
        """True when the resource is the subject of at least one triple."""
        ...

    def objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        """The objects of `subject predicate ?o` in the default graph (the union: one per named
        graph that holds the triple, as a SPARQL pattern over the union gives them)."""
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
