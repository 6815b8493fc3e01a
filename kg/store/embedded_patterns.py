"""The reads of a description (kg/store/describe.py) on the embedded store: pattern reads with
`quads_for_pattern`, and SPARQL only to count and page a hub's inverse links."""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kg.labels import DATES, LABELS
from kg.store.describe import BLANK_DEPTH, PART_CHAIN, PART_TYPES, TYPE
from kg.store.model import InverseGroup


class EmbeddedPatterns:
    """`Patterns` over one pyoxigraph store (the default graph: the union of its graphs)."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    def closure(self, iri: ox.NamedNode) -> list[ox.Triple]:
        seen: set[ox.Triple] = set()
        fragment = iri.value + "#"
        frontier: list[ox.NamedNode | ox.BlankNode] = [iri]
        visited: set[ox.NamedNode | ox.BlankNode] = {iri}
        for _ in range(BLANK_DEPTH):
            nxt: list[ox.NamedNode | ox.BlankNode] = []
            for node in frontier:
                for quad in self._store.quads_for_pattern(node, None, None, None):
                    triple = quad.triple
                    seen.add(triple)
                    obj = triple.object
                    part = isinstance(obj, ox.BlankNode) or (
                        isinstance(obj, ox.NamedNode) and obj.value.startswith(fragment)
                    )
                    if part and obj not in visited:
                        visited.add(obj)  # type: ignore[arg-type]
                        nxt.append(obj)  # type: ignore[arg-type]
            if not nxt:
                break
            frontier = nxt
        return list(seen)

    def inverse_head(
        self, iri: ox.NamedNode, limit: int
    ) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        pairs: dict[tuple[ox.NamedNode, ox.NamedNode], None] = {}
        for quad in self._store.quads_for_pattern(None, None, iri, None):
            subject, predicate = quad.subject, quad.predicate
            if isinstance(subject, ox.NamedNode) and predicate != TYPE:
                pairs[(subject, predicate)] = None
                if len(pairs) >= limit:
                    break
        return list(pairs)

    def contexts(
        self, nodes: Sequence[ox.NamedNode], dated: bool
    ) -> dict[ox.NamedNode, list[ox.Triple]]:
        # By predicate, stopping at the first label (and date) predicate that has values: a
        # linked series or publisher may have thousands of triples.
        out = {}
        for node in nodes:
            found = self._triples(node, TYPE)
            if any(t.object in PART_TYPES for t in found):
                found += [t for p in PART_CHAIN for t in self._triples(node, p)]
            for predicates in (LABELS, DATES) if dated else (LABELS,):
                for predicate in predicates:
                    values = self._triples(node, predicate)
                    if values:
                        found += values
                        break
            out[node] = found
        return out

    def hub_groups(self, iri: ox.NamedNode, page: int, page_size: int) -> tuple[InverseGroup, ...]:
        # `iri` is a validated NamedNode: its N-Triples form is safe to write into the query.
        counts = self._store.query(
            f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p {iri} FILTER(isIRI(?s)) }} "
            "GROUP BY ?p ORDER BY ?p",
            use_default_graph_as_union=True,
        )
        assert isinstance(counts, ox.QuerySolutions)
        groups = []
        for row in list(counts):
            predicate, total = row["p"], int(row["n"].value)
            if predicate == TYPE or not isinstance(predicate, ox.NamedNode):
                continue
            # In the store's index order: sorting 50,000 subjects per page would cost more.
            rows = self._store.query(
                f"SELECT DISTINCT ?s WHERE {{ ?s {predicate} {iri} FILTER(isIRI(?s)) }} "
                f"LIMIT {int(page_size)} OFFSET {int((page - 1) * page_size)}",
                use_default_graph_as_union=True,
            )
            assert isinstance(rows, ox.QuerySolutions)
            subjects = tuple(r["s"] for r in rows if isinstance(r["s"], ox.NamedNode))
            groups.append(InverseGroup(predicate, total, subjects, newest_first=False))
        return tuple(groups)

    def _triples(self, node: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.Triple]:
        return [q.triple for q in self._store.quads_for_pattern(node, predicate, None, None)]
