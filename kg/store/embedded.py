"""The embedded store: pyoxigraph on disk, opened read-only by the web layer."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import BadQuery
from kg.store import QueryResult

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
LABEL_PREDICATES = ("https://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel")


class EmbeddedStore:
    """A pyoxigraph Store; the default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    @classmethod
    def open_read_only(cls, path: Path) -> EmbeddedStore:
        return cls(ox.Store.read_only(str(path)))

    def describe(self, iri: URIRef) -> Graph:
        node = ox.NamedNode(str(iri))  # validates the IRI; its N-Triples form is safe to embed
        labels = " ".join(f"<{p}>" for p in LABEL_PREDICATES)
        sparql = f"""
            CONSTRUCT {{ {node} ?p ?o . ?o ?lp ?label . ?s ?ip {node} . ?s ?lp ?slabel . }}
            WHERE {{
              {{ {node} ?p ?o . OPTIONAL {{ VALUES ?lp {{ {labels} }} ?o ?lp ?label }} }}
              UNION
              {{ ?s ?ip {node} . OPTIONAL {{ VALUES ?lp {{ {labels} }} ?s ?lp ?slabel }} }}
            }}"""
        triples = self._store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(triples, ox.QueryTriples)
        graph = Graph()
        data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
        if data:
            graph.parse(data=data, format="nt")
        return graph

    def query(
        self, sparql: str, media_type: str = "application/sparql-results+json"
    ) -> QueryResult:
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise BadQuery(str(err), fix="correct the query syntax") from err
        if isinstance(result, ox.QueryTriples):
            graph_fmt = _GRAPH_FORMATS.get(media_type, ox.RdfFormat.N_TRIPLES)
            return QueryResult(result.serialize(format=graph_fmt) or b"", graph_fmt.media_type)
        fmt = _RESULT_FORMATS.get(media_type, ox.QueryResultsFormat.JSON)
        return QueryResult(result.serialize(format=fmt) or b"", fmt.media_type)

    def exists(self, iri: URIRef) -> bool:
        node = ox.NamedNode(str(iri))
        return bool(self._store.query(f"ASK {{ {node} ?p ?o }}", use_default_graph_as_union=True))

    def close(self) -> None:
        del self._store

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
