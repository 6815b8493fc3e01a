"""The reads of a description (kg/store/describe.py) on a remote store: a few explicit SPARQL
queries per document (never DESCRIBE, whose answer differs between stores). Every term written
into a query is a validated NamedNode, whose N-Triples form is safe to embed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.labels import DATES, LABELS
from kg.store.describe import BLANK_DEPTH, PART_CHAIN, TYPE
from kg.store.model import InverseGroup, text

if TYPE_CHECKING:
    from kg.store.base import Store

_BATCH = 200  # nodes per context query: a VALUES list every store takes in its stride


def _part(var: str, iri: ox.NamedNode) -> str:
    """A FILTER keeping blank nodes and the resource's own `#fragments`."""
    # An IRI holds no `"` or `\\`: it is safe inside a string literal.
    return f'FILTER(isBlank(?{var}) || STRSTARTS(STR(?{var}), "{iri.value}#"))'


def closure_query(iri: ox.NamedNode) -> str:
    """One CONSTRUCT for the resource and the parts of its record, BLANK_DEPTH levels deep
    (one query: blank node labels only hold within one answer)."""
    branches = [f"{{ VALUES ?s {{ {iri} }} ?s ?p ?o }}"]
    for depth in range(1, BLANK_DEPTH + 1):
        path = [f"{iri} ?q1 ?x1 . {_part('x1', iri)}"]
        for level in range(2, depth + 1):
            path.append(f"?x{level - 1} ?q{level} ?x{level} . {_part(f'x{level}', iri)}")
        steps = " ".join(path).replace(f"?x{depth}", "?s")
        branches.append(f"{{ {steps} ?s ?p ?o }}")
    return "CONSTRUCT { ?s ?p ?o } WHERE { " + " UNION ".join(branches) + " }"


class RemotePatterns:
    """`Patterns` over a store read with SPARQL."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def closure(self, iri: ox.NamedNode) -> list[ox.Triple]:
        return list(set(self._store.construct(closure_query(iri))))

    def inverse_head(
        self, iri: ox.NamedNode, limit: int
    ) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        rows = self._store.select(
            f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {iri} FILTER(isIRI(?s) && ?p != {TYPE}) }} "
            f"LIMIT {int(limit)}"
        )
        pairs = []
        for row in rows:
            subject, predicate = row.get("s"), row.get("p")
            if isinstance(subject, ox.NamedNode) and isinstance(predicate, ox.NamedNode):
                pairs.append((subject, predicate))
        return pairs

    def contexts(
        self, nodes: Sequence[ox.NamedNode], dated: bool
    ) -> dict[ox.NamedNode, list[ox.Triple]]:
        # The part chain of every node (only an issue's or volume's is kept): one query.
        chosen = (*LABELS, *(DATES if dated else ()), *PART_CHAIN)
        predicates = " ".join(str(p) for p in chosen)
        out: dict[ox.NamedNode, list[ox.Triple]] = {}
        for start in range(0, len(nodes), _BATCH):
            values = " ".join(str(n) for n in nodes[start : start + _BATCH])
            rows = self._store.select(
                f"SELECT ?n ?p ?o WHERE {{ VALUES ?n {{ {values} }} "
                f"{{ ?n {TYPE} ?o BIND({TYPE} AS ?p) }} UNION "
                f"{{ VALUES ?p {{ {predicates} }} ?n ?p ?o }} }}"
            )
            for row in rows:
                node, predicate, obj = row.get("n"), row.get("p"), row.get("o")
                named = isinstance(node, ox.NamedNode) and isinstance(predicate, ox.NamedNode)
                if named and obj is not None:
                    out.setdefault(node, []).append(ox.Triple(node, predicate, obj))  # type: ignore[arg-type]
        return out

    def hub_groups(self, iri: ox.NamedNode, page: int, page_size: int) -> tuple[InverseGroup, ...]:
        counts = self._store.select(
            f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p {iri} FILTER(isIRI(?s)) }} "
            "GROUP BY ?p ORDER BY ?p"
        )
        groups = []
        for row in counts:
            predicate = row.get("p")
            if predicate == TYPE or not isinstance(predicate, ox.NamedNode):
                continue
            rows = self._store.select(
                f"SELECT DISTINCT ?s WHERE {{ ?s {predicate} {iri} FILTER(isIRI(?s)) }} "
                f"ORDER BY ?s LIMIT {int(page_size)} OFFSET {int((page - 1) * page_size)}"
            )
            subjects = tuple(r["s"] for r in rows if isinstance(r.get("s"), ox.NamedNode))
            groups.append(InverseGroup(predicate, int(text(row["n"])), subjects, False))  # type: ignore[arg-type]
        return tuple(groups)
