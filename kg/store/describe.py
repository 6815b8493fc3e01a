"""Describing one resource from an Oxigraph store, fast even for hubs.

The resource's own triples come from `quads_for_pattern` (no SPARQL: see the pyoxigraph note in
issue 5, where binding the IRI into a CONSTRUCT made one describe 220× slower). Inverse links are
read lazily: up to SORT_CAP of them are read, grouped by predicate and sorted newest first; a hub
with more is counted by SPARQL and paged in key order, so a 50,000-work publisher stays fast.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pyoxigraph as ox

from kg.namespaces import DCTERMS, FOAF, RDF, RDFS, SDO, SKOS
from kg.store import Description, InverseGroup, text

# Inverse links beyond this many are counted and paged by the store, not sorted by date.
SORT_CAP = 1000
# How deep blank nodes (author roles, lists) are followed from the resource.
BLANK_DEPTH = 4

LABELS = tuple(
    ox.NamedNode(str(p)) for p in (SDO.name, DCTERMS.title, SKOS.prefLabel, FOAF.name, RDFS.label)
)
DATES = tuple(ox.NamedNode(str(p)) for p in (DCTERMS.issued, SDO.datePublished))
TYPE = ox.NamedNode(str(RDF.type))
# A linked journal issue or volume has no name of its own: what names it is its number and
# what it is part of, up to the periodical (article → issue → volume → periodical).
PART_TYPES = frozenset(ox.NamedNode(str(t)) for t in (SDO.PublicationIssue, SDO.PublicationVolume))
PART_OF = ox.NamedNode(str(SDO.isPartOf))
PART_CHAIN = (PART_OF, *(ox.NamedNode(str(p)) for p in (SDO.issueNumber, SDO.volumeNumber)))
PART_DEPTH = 3


# Context of linked things is remembered per store handle (a read-only snapshot): publishers,
# series, places and topics recur on thousands of works. Cleared when it grows past this.
CONTEXT_CACHE_SIZE = 50_000
ContextCache = dict[tuple[ox.NamedNode, bool], list[ox.Triple]]


def describe(
    store: ox.Store,
    iri: ox.NamedNode,
    page: int,
    page_size: int,
    cache: ContextCache | None = None,
) -> Description:
    """The description of `iri`: own triples, context of linked things, paged inverse links."""
    cache = {} if cache is None else cache
    if len(cache) > CONTEXT_CACHE_SIZE:
        cache.clear()
    own = _closure(store, iri)
    if not own:
        return Description(iri, (), page=page, page_size=page_size)
    inverse = _inverse(store, iri, page, page_size)
    # Classes (objects of rdf:type) and the record's own fragments need no context.
    linked = {
        t.object
        for t in own
        if isinstance(t.object, ox.NamedNode)
        and t.predicate != TYPE
        and not t.object.value.startswith(iri.value + "#")
    }
    listed = {s for group in inverse for s in group.subjects}
    context = [t for node in sorted(linked - listed, key=str) for t in _cached(store, node, cache)]
    context += [t for node in sorted(listed, key=str) for t in _cached(store, node, cache, True)]
    return Description(iri, tuple(own), tuple(context), inverse, page, page_size)


def _closure(store: ox.Store, iri: ox.NamedNode) -> list[ox.Triple]:
    """The resource's triples, following the nodes that are part of its record a few levels
    deep: blank nodes (roles, lists) and its own fragments (`{iri}#authors`, `{iri}#source-1`).
    """
    seen: set[ox.Triple] = set()
    out: list[ox.Triple] = []
    fragment = iri.value + "#"
    frontier: list[ox.NamedNode | ox.BlankNode] = [iri]
    visited: set[ox.NamedNode | ox.BlankNode] = {iri}
    for _ in range(BLANK_DEPTH):
        nxt: list[ox.NamedNode | ox.BlankNode] = []
        for node in frontier:
            for quad in store.quads_for_pattern(node, None, None, None):
                triple = quad.triple
                if triple in seen:
                    continue
                seen.add(triple)
                out.append(triple)
                obj = triple.object
                if (
                    isinstance(obj, ox.BlankNode)
                    or (isinstance(obj, ox.NamedNode) and obj.value.startswith(fragment))
                ) and obj not in visited:
                    visited.add(obj)
                    nxt.append(obj)
        if not nxt:
            break
        frontier = nxt
    return out


def _cached(
    store: ox.Store, node: ox.NamedNode, cache: ContextCache, dated: bool = False
) -> list[ox.Triple]:
    found = cache.get((node, dated))
    if found is None:
        found = cache[(node, dated)] = context_of(store, node, dated)
    return found


def context_of(
    store: ox.Store, node: ox.NamedNode, dated: bool = False, depth: int = PART_DEPTH
) -> list[ox.Triple]:
    """A linked thing's types and label (and date, for works listed on the page): what a page
    needs to show a link to it. Reads by predicate, since a linked series or publisher may have
    thousands of triples, and stops at the first label predicate that has values. A journal
    issue or volume brings its number and the chain up to its periodical."""
    out = [q.triple for q in store.quads_for_pattern(node, TYPE, None, None)]
    if depth and any(t.object in PART_TYPES for t in out):
        out += _part_chain(store, node, depth)
    for predicate in LABELS:
        labels = [q.triple for q in store.quads_for_pattern(node, predicate, None, None)]
        if labels:
            out += labels
            break
    for predicate in DATES if dated else ():
        dates = [q.triple for q in store.quads_for_pattern(node, predicate, None, None)]
        if dates:
            out += dates
            break
    return out


def _part_chain(store: ox.Store, node: ox.NamedNode, depth: int) -> list[ox.Triple]:
    """An issue's or volume's number and parent, and the parent's own context."""
    own = [q.triple for p in PART_CHAIN for q in store.quads_for_pattern(node, p, None, None)]
    parents = [t.object for t in own if t.predicate == PART_OF]
    return own + [
        t
        for parent in parents
        if isinstance(parent, ox.NamedNode)
        for t in context_of(store, parent, depth=depth - 1)
    ]


def year_of(store: ox.Store, node: ox.NamedNode) -> str:
    for predicate in DATES:
        for quad in store.quads_for_pattern(node, predicate, None, None):
            return text(quad.object)
    return ""


def label_of(store: ox.Store, node: ox.NamedNode) -> str:
    for predicate in LABELS:
        for quad in store.quads_for_pattern(node, predicate, None, None):
            return text(quad.object)
    return node.value


def _inverse(
    store: ox.Store, iri: ox.NamedNode, page: int, page_size: int
) -> tuple[InverseGroup, ...]:
    head = list(itertools.islice(store.quads_for_pattern(None, None, iri, None), SORT_CAP + 1))
    if len(head) <= SORT_CAP:
        return _sorted_groups(store, head, page, page_size)
    return _hub_groups(store, iri, page, page_size)


def _sorted_groups(
    store: ox.Store, quads: Iterable[ox.Quad], page: int, page_size: int
) -> tuple[InverseGroup, ...]:
    by_predicate: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for quad in quads:
        if isinstance(quad.subject, ox.NamedNode) and quad.predicate != TYPE:
            by_predicate.setdefault(quad.predicate, set()).add(quad.subject)
    keys = {s: _sort_key(store, s) for subjects in by_predicate.values() for s in subjects}
    start = (page - 1) * page_size
    groups = []
    for predicate in sorted(by_predicate, key=str):
        ordered = sorted(by_predicate[predicate], key=keys.__getitem__)
        window = tuple(ordered[start : start + page_size])
        groups.append(InverseGroup(predicate, len(ordered), window, newest_first=True))
    return tuple(groups)


def _sort_key(store: ox.Store, node: ox.NamedNode) -> tuple[int, str, str]:
    """Newest first (undated last), then by label."""
    year = year_of(store, node)
    digits = year[:4]
    return (-int(digits) if digits.isdigit() else 1, label_of(store, node).casefold(), node.value)


def _hub_groups(
    store: ox.Store, iri: ox.NamedNode, page: int, page_size: int
) -> tuple[InverseGroup, ...]:
    # `iri` is a validated NamedNode: its N-Triples form is safe to write into the query.
    counts = store.query(
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
        rows = store.query(
            f"SELECT DISTINCT ?s WHERE {{ ?s {predicate} {iri} FILTER(isIRI(?s)) }} "
            f"LIMIT {int(page_size)} OFFSET {int((page - 1) * page_size)}",
            use_default_graph_as_union=True,
        )
        assert isinstance(rows, ox.QuerySolutions)
        subjects = tuple(r["s"] for r in rows if isinstance(r["s"], ox.NamedNode))
        groups.append(InverseGroup(predicate, total, subjects, newest_first=False))
    return tuple(groups)
