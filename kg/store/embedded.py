"""The embedded store: pyoxigraph on disk, opened read-only by the web layer."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadQuery
from kg.namespaces import DCTERMS, OWL, PROV, SDO, SKOS
from kg.store import Description, Entry, QueryResult, Related, Term, Tombstone, text
from kg.store.describe import ContextCache, describe

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
# Related things are counted over at most this many of a hub's works, to bound the cost.
RELATED_SCAN_CAP = 2000
_REPLACED_BY = ox.NamedNode(str(DCTERMS.isReplacedBy))
_DEPRECATED = ox.NamedNode(str(OWL.deprecated))
_INVALIDATED = ox.NamedNode(str(PROV.invalidatedAtTime))
_CHANGE_NOTE = ox.NamedNode(str(SKOS.changeNote))
_LABEL_PATH = f"<{SDO.name}>|<{SKOS.prefLabel}>|<{DCTERMS.title}>"


def _path(predicates: tuple[ox.NamedNode, ...]) -> str:
    """A SPARQL alternative path of validated IRIs: `(<a>|<b>)`."""
    return "(" + "|".join(str(p) for p in predicates) + ")"


class EmbeddedStore:
    """A pyoxigraph Store; the default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._context_cache: ContextCache = {}

    @classmethod
    def open_read_only(cls, path: Path) -> EmbeddedStore:
        return cls(ox.Store.read_only(str(path)))

    def describe(self, iri: ox.NamedNode, page: int = 1, page_size: int = 50) -> Description:
        return describe(self._store, iri, max(1, page), max(1, page_size), self._context_cache)

    def tombstone(self, iri: ox.NamedNode) -> Tombstone | None:
        if self._first(iri, _INVALIDATED) is not None:
            note = self._first(iri, _CHANGE_NOTE)
            return Tombstone(None, text(note) if note is not None else None)
        successor = self._first(iri, _REPLACED_BY)
        deprecated = self._first(iri, _DEPRECATED)
        if isinstance(successor, ox.NamedNode) and not (
            deprecated is not None and text(deprecated) == "true"
        ):
            return Tombstone(successor, None)
        return None

    def _first(self, iri: ox.NamedNode, predicate: ox.NamedNode) -> Term | None:
        for quad in self._store.quads_for_pattern(iri, predicate, None, None):
            return quad.object
        return None

    def related(
        self,
        iri: ox.NamedNode,
        via: tuple[ox.NamedNode, ...],
        then: tuple[ox.NamedNode, ...],
        limit: int = 20,
    ) -> list[Related]:
        # Every term is a validated NamedNode: N-Triples forms are safe to write into SPARQL.
        sparql = f"""
            SELECT ?x (COUNT(DISTINCT ?w) AS ?n) (MIN(STR(?l)) AS ?label) WHERE {{
              {{ SELECT DISTINCT ?w WHERE {{ ?w {_path(via)} {iri} }} LIMIT {RELATED_SCAN_CAP} }}
              ?w {_path(then)} ?x . FILTER(isIRI(?x) && ?x != {iri})
              OPTIONAL {{ ?x {_LABEL_PATH} ?l }}
            }} GROUP BY ?x ORDER BY DESC(?n) ?label LIMIT {int(limit)}"""
        rows = self._select(sparql)
        return [
            Related(
                row["x"],
                str(row["label"].value) if row["label"] else row["x"].value,
                int(row["n"].value),
            )
            for row in rows
        ]

    def entries(self, rdf_type: ox.NamedNode) -> list[Entry]:
        sparql = f"""
            SELECT ?s ?l ?y WHERE {{ ?s a {rdf_type} .
              OPTIONAL {{ ?s {_LABEL_PATH} ?l }}
              OPTIONAL {{ ?s <{DCTERMS.issued}> ?y }} }}"""
        seen: dict[str, Entry] = {}
        for row in self._select(sparql):
            iri = row["s"].value
            if iri not in seen:
                label = row["l"].value if row["l"] else iri
                year = row["y"].value if row["y"] else None
                seen[iri] = Entry(iri, label, year)
        return list(seen.values())

    def count(self, rdf_type: ox.NamedNode) -> int:
        rows = self._select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {rdf_type} }}")
        return int(rows[0]["n"].value) if rows else 0

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

    def exists(self, iri: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(iri, None, None, None)), None) is not None

    def objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        return [q.object for q in self._store.quads_for_pattern(subject, predicate, None, None)]

    def close(self) -> None:
        del self._store

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _select(self, sparql: str) -> list[ox.QuerySolution]:
        result = self._store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return list(result)
