"""`Store`: reading one release. A backend implements four methods (`run`, `objects`,
`describe`, `close`); everything else the web layer asks is derived here, once, from SPARQL
and pattern reads, so every backend answers it the same way."""

from __future__ import annotations

from abc import ABC, abstractmethod

import pyoxigraph as ox

from kg.labels import LABELS
from kg.namespaces import DCTERMS, OWL, PROV, SKOS
from kg.store.capabilities import Capabilities
from kg.store.model import (
    UNION,
    Dataset,
    Description,
    Entry,
    Outcome,
    QueryResult,
    Related,
    Row,
    Solutions,
    Term,
    Tombstone,
    Triples,
    text,
)

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
# Related things are counted over at most this many of a hub's works, to bound the cost.
RELATED_SCAN_CAP = 2000
_REPLACED_BY = ox.NamedNode(str(DCTERMS.isReplacedBy))
_DEPRECATED = ox.NamedNode(str(OWL.deprecated))
_INVALIDATED = ox.NamedNode(str(PROV.invalidatedAtTime))
_CHANGE_NOTE = ox.NamedNode(str(SKOS.changeNote))
_ISSUED = ox.NamedNode(str(DCTERMS.issued))


def alternatives(predicates: tuple[ox.NamedNode, ...]) -> str:
    """A SPARQL alternative path of validated IRIs: `(<a>|<b>)`."""
    return "(" + "|".join(str(p) for p in predicates) + ")"


_LABEL_PATH = alternatives(LABELS)


class Store(ABC):
    """Read access to one release of the published graph.

    Queries see kg's dataset: the default graph is the union of the release's named graphs,
    and `GRAPH` names those graphs by their published IRIs (`{base}graph/catalogue`, …).
    """

    release_id: str
    capabilities: Capabilities

    @abstractmethod
    def run(
        self,
        sparql: str,
        dataset: Dataset = UNION,
        base_iri: str | None = None,
        time_limit_s: float | None = None,
    ) -> Outcome:
        """Run any query; results stream. BadQuery for a syntax error, StoreUnavailable when a
        remote store cannot be reached in time. `time_limit_s` is passed on to a store that
        can enforce a limit of its own (kg enforces its own by killing the query's worker)."""

    @abstractmethod
    def objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        """The objects of `subject predicate ?o` in the default graph (one per named graph that
        holds the triple, as a SPARQL pattern over the union gives them)."""

    @abstractmethod
    def describe(self, iri: ox.NamedNode, page: int = 1, page_size: int = 50) -> Description:
        """Own triples, context of linked things, and one page of each inverse link group."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def select(self, sparql: str) -> list[Row]:
        """The solutions of a SELECT, each a dict of the bound variables."""
        result = self.run(sparql)
        if not isinstance(result, ox.QuerySolutions | Solutions):
            raise TypeError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        return [
            {name: term for name, term in zip(names, solution, strict=True) if term is not None}
            for solution in result
        ]

    def construct(self, sparql: str) -> list[ox.Triple]:
        """The triples of a CONSTRUCT (never DESCRIBE: what it gives differs between stores)."""
        result = self.run(sparql)
        if not isinstance(result, Triples):
            raise TypeError("construct() needs a CONSTRUCT query")
        return list(result)

    def ask(self, sparql: str) -> bool:
        result = self.run(sparql)
        if not isinstance(result, ox.QueryBoolean):
            raise TypeError("ask() needs an ASK query")
        return bool(result)

    def query(
        self, sparql: str, media_type: str = "application/sparql-results+json"
    ) -> QueryResult:
        """Run a query and serialise the whole result in `media_type` (no row cap: kg's own
        queries and the command line; the SPARQL endpoint caps rows in kg/sparql/results.py)."""
        result = self.run(sparql)
        if isinstance(result, Triples):
            graph_fmt = GRAPH_FORMATS.get(media_type, ox.RdfFormat.N_TRIPLES)
            body = ox.serialize(list(result), format=graph_fmt) or b""
            return QueryResult(body, graph_fmt.media_type)
        if isinstance(result, Solutions):  # only kg/sparql/results.py writes mapped solutions
            raise TypeError("query() serialises the store's own answers only")
        fmt = RESULT_FORMATS.get(media_type, ox.QueryResultsFormat.JSON)
        return QueryResult(result.serialize(format=fmt) or b"", fmt.media_type)

    def exists(self, iri: ox.NamedNode) -> bool:
        """True when the resource is the subject of at least one triple."""
        # `iri` is a validated NamedNode: its N-Triples form is safe to write into SPARQL.
        return self.ask(f"ASK {{ {iri} ?p ?o }}")

    def tombstone(self, iri: ox.NamedNode) -> Tombstone | None:
        """Whether `iri` was merged into a successor or withdrawn; None for a live resource."""
        if self.objects(iri, _INVALIDATED):
            notes = self.objects(iri, _CHANGE_NOTE)
            return Tombstone(None, text(notes[0]) if notes else None)
        successors = self.objects(iri, _REPLACED_BY)
        deprecated = any(text(d) == "true" for d in self.objects(iri, _DEPRECATED))
        if successors and isinstance(successors[0], ox.NamedNode) and not deprecated:
            return Tombstone(successors[0], None)
        return None

    def related(
        self,
        iri: ox.NamedNode,
        via: tuple[ox.NamedNode, ...],
        then: tuple[ox.NamedNode, ...],
        limit: int = 20,
    ) -> list[Related]:
        """Things linked (by any of `then`) from the things that link to `iri` (by any of `via`),
        most often first: co-authors through works, topics through works."""
        sparql = f"""
            SELECT ?x (COUNT(DISTINCT ?w) AS ?n) (MIN(STR(?l)) AS ?label) WHERE {{
              {{ SELECT DISTINCT ?w WHERE {{ ?w {alternatives(via)} {iri} }}
                 ORDER BY ?w LIMIT {RELATED_SCAN_CAP} }}
              ?w {alternatives(then)} ?x . FILTER(isIRI(?x) && ?x != {iri})
              OPTIONAL {{ ?x {_LABEL_PATH} ?l }}
            }} GROUP BY ?x ORDER BY DESC(?n) ?label ?x LIMIT {int(limit)}"""
        out = []
        for row in self.select(sparql):
            thing = row["x"]
            if isinstance(thing, ox.NamedNode):
                label = text(row["label"]) if "label" in row else thing.value
                out.append(Related(thing, label, int(text(row["n"]))))
        return out

    def entries(self, rdf_type: ox.NamedNode) -> list[Entry]:
        """Every resource of a type with its label (and year), unsorted."""
        sparql = f"""
            SELECT ?s (MIN(STR(?l)) AS ?label) (MIN(STR(?y)) AS ?year) WHERE {{ ?s a {rdf_type} .
              OPTIONAL {{ ?s {_LABEL_PATH} ?l }}
              OPTIONAL {{ ?s {_ISSUED} ?y }} }} GROUP BY ?s"""
        out = []
        for row in self.select(sparql):
            iri = text(row["s"])
            label = text(row["label"]) if "label" in row else iri
            out.append(Entry(iri, label, text(row["year"]) if "year" in row else None))
        return out

    def count(self, rdf_type: ox.NamedNode) -> int:
        """How many resources have a type."""
        rows = self.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {rdf_type} }}")
        return int(text(rows[0]["n"])) if rows else 0
