"""The values that cross the Store protocol: pyoxigraph terms and small frozen records.

Terms cross as pyoxigraph terms (NamedNode, Literal, Triple) whatever the backend: a remote
SPARQL 1.1 store's answers are parsed into the same types, so the web layer never changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

# Any RDF term that can be the object of a triple.
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
# One solution of a SELECT: variable name → term (unbound variables are absent).
Row = dict[str, Term]


def text(term: Term) -> str:
    """The lexical value of a term (an IRI's string, a literal's text)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


class Triples:
    """The triples a CONSTRUCT gives, from any backend (read once, lazily)."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self._triples = iter(triples)

    def __iter__(self) -> Iterator[ox.Triple]:
        return self._triples


class Solutions:
    """SELECT solutions with some IRIs mapped (a remote store's stored graph names back to the
    published ones); each solution a tuple of terms in the order of `variables`."""

    def __init__(
        self, result: ox.QuerySolutions, mapped: Callable[[ox.NamedNode], ox.NamedNode]
    ) -> None:
        self.variables = result.variables
        self._result = result
        self._mapped = mapped

    def __iter__(self) -> Iterator[tuple[Term | None, ...]]:
        mapped = self._mapped
        for solution in self._result:
            yield tuple(mapped(t) if isinstance(t, ox.NamedNode) else t for t in solution)


# What running a query gives: solutions, a boolean, or triples.
Outcome = ox.QuerySolutions | Solutions | ox.QueryBoolean | Triples


@dataclass(frozen=True, slots=True)
class Dataset:
    """The RDF dataset a query runs over.

    The default: kg's dataset, whose default graph is the union of the release's named graphs.
    `default_graphs`/`named_graphs` (the protocol's `default-graph-uri`/`named-graph-uri`)
    replace it; `union_default=False` without them is the store's own default graph (the W3C
    query-evaluation tests need it; only the embedded store has one of its own).
    """

    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union_default: bool = True

    @property
    def explicit(self) -> bool:
        return self.default_graphs is not None or self.named_graphs is not None


UNION = Dataset()


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
