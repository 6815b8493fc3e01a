"""Describing one resource, fast even for hubs, the same way on every backend.

A backend supplies `Patterns`, four reads in batches (the embedded store answers them with
`quads_for_pattern` — no SPARQL on its hot path: binding the IRI into a CONSTRUCT made one
describe 220× slower — and a remote store with a few explicit SPARQL queries, never DESCRIBE);
this module assembles the description from them. Inverse links are read lazily: up to SORT_CAP
of them are read, grouped by predicate and sorted newest first; a hub with more is counted and
paged by the store, so a 50,000-work publisher stays fast. Triples come out in one canonical
order, so two backends (or two web nodes) give the same document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import pyoxigraph as ox

from kg.labels import DATES, LABELS
from kg.namespaces import RDF, SDO
from kg.store.model import Description, InverseGroup, Term, text

# Inverse links beyond this many are counted and paged by the store, not sorted by date.
SORT_CAP = 1000
# How deep blank nodes (author roles, lists) and `#fragments` are followed from the resource.
BLANK_DEPTH = 4
TYPE = ox.NamedNode(str(RDF.type))
# A linked journal issue or volume has no name of its own: what names it is its number and
# what it is part of, up to the periodical (article → issue → volume → periodical).
PART_TYPES = frozenset(ox.NamedNode(str(t)) for t in (SDO.PublicationIssue, SDO.PublicationVolume))
PART_OF = ox.NamedNode(str(SDO.isPartOf))
PART_CHAIN = (PART_OF, *(ox.NamedNode(str(p)) for p in (SDO.issueNumber, SDO.volumeNumber)))
PART_DEPTH = 3
# Context of linked things is remembered per store handle (one release): publishers, series,
# places and topics recur on thousands of works. Cleared when it grows past this.
CONTEXT_CACHE_SIZE = 50_000
ContextCache = dict[tuple[ox.NamedNode, bool], list[ox.Triple]]


class Patterns(Protocol):
    """The reads a description is made of."""

    def closure(self, iri: ox.NamedNode) -> list[ox.Triple]:
        """The resource's triples and, BLANK_DEPTH levels deep, those of the blank nodes and
        `{iri}#…` fragments it links to (parts of its record: roles, lists, source lines)."""
        ...

    def inverse_head(
        self, iri: ox.NamedNode, limit: int
    ) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        """Up to `limit` distinct (subject IRI, predicate) pairs linking to `iri`, rdf:type
        excluded."""
        ...

    def contexts(
        self, nodes: Sequence[ox.NamedNode], dated: bool
    ) -> dict[ox.NamedNode, list[ox.Triple]]:
        """Each node's types, its values of every label predicate (and of every date predicate
        when `dated`), and for a journal issue or volume its PART_CHAIN triples: the candidates
        `pick_context` chooses from."""
        ...

    def hub_groups(self, iri: ox.NamedNode, page: int, page_size: int) -> tuple[InverseGroup, ...]:
        """The inverse links of a hub: counted per predicate, one page of each, in key order."""
        ...


def describe(
    patterns: Patterns,
    iri: ox.NamedNode,
    page: int,
    page_size: int,
    cache: ContextCache | None = None,
) -> Description:
    """The description of `iri`: own triples, context of linked things, paged inverse links."""
    cache = {} if cache is None else cache
    if len(cache) > CONTEXT_CACHE_SIZE:
        cache.clear()
    own = sorted(patterns.closure(iri), key=lambda t: own_key(iri, t))
    if not own:
        return Description(iri, (), page=page, page_size=page_size)
    head = patterns.inverse_head(iri, SORT_CAP + 1)
    if len(head) <= SORT_CAP:
        subjects = sorted({s for s, _ in head}, key=str)
        dated = _cached(patterns, subjects, cache, dated=True)
        inverse = _sorted_groups(head, dated, page, page_size)
    else:
        inverse = patterns.hub_groups(iri, page, page_size)
    # Classes (objects of rdf:type) and the record's own fragments need no context.
    linked = {
        t.object
        for t in own
        if isinstance(t.object, ox.NamedNode)
        and t.predicate != TYPE
        and not t.object.value.startswith(iri.value + "#")
    }
    listed = sorted({s for group in inverse for s in group.subjects}, key=str)
    plain = _cached(patterns, sorted(linked - set(listed), key=str), cache, dated=False)
    dated = _cached(patterns, listed, cache, dated=True)
    context = [t for node in sorted(plain, key=str) for t in plain[node]]
    context += [t for node in listed for t in dated[node]]
    return Description(iri, tuple(own), tuple(context), inverse, page, page_size)


def own_key(iri: ox.NamedNode, triple: ox.Triple) -> tuple[bool, str, str, str]:
    """The canonical order of a description's own triples: the resource's first, then its parts."""
    return (triple.subject != iri, str(triple.subject), str(triple.predicate), str(triple.object))


def pick_context(
    node: ox.NamedNode,
    candidates: Iterable[ox.Triple],
    dated: bool,
    parents: Iterable[ox.Triple] = (),
) -> list[ox.Triple]:
    """What a page needs to show a link to `node`: its types, for an issue or volume its number
    and parent (then `parents`, the parent's own context), the values of the first label
    predicate that has any (and of the first date predicate, when `dated`), in one order."""
    by_predicate: dict[ox.NamedNode, set[Term]] = {}
    for triple in candidates:
        by_predicate.setdefault(triple.predicate, set()).add(triple.object)
    part = bool(by_predicate.get(TYPE, set()) & PART_TYPES)
    labels = [p for p in LABELS if p in by_predicate][:1]
    dates = [p for p in DATES if p in by_predicate][:1] if dated else []

    def values(predicates: Iterable[ox.NamedNode]) -> list[ox.Triple]:
        return [
            ox.Triple(node, p, o)
            for p in predicates
            for o in sorted(by_predicate.get(p, ()), key=str)
        ]

    chain = [*values(PART_CHAIN), *parents] if part else []
    return [*values([TYPE]), *chain, *values(labels), *values(dates)]


def _cached(
    patterns: Patterns,
    nodes: Sequence[ox.NamedNode],
    cache: ContextCache,
    dated: bool,
    depth: int = PART_DEPTH,
) -> dict[ox.NamedNode, list[ox.Triple]]:
    missing = [n for n in nodes if (n, dated) not in cache]
    if missing:
        found = patterns.contexts(missing, dated)
        for node in missing:
            candidates = found.get(node, [])
            parents: list[ox.Triple] = []
            if depth and any(t.predicate == TYPE and t.object in PART_TYPES for t in candidates):
                ups = sorted({t.object for t in candidates if t.predicate == PART_OF}, key=str)
                named = [u for u in ups if isinstance(u, ox.NamedNode)]
                above = _cached(patterns, named, cache, False, depth - 1)
                parents = [t for up in named for t in above[up]]
            cache[(node, dated)] = pick_context(node, candidates, dated, parents)
    return {n: cache[(n, dated)] for n in nodes}


def _sorted_groups(
    pairs: Iterable[tuple[ox.NamedNode, ox.NamedNode]],
    contexts: dict[ox.NamedNode, list[ox.Triple]],
    page: int,
    page_size: int,
) -> tuple[InverseGroup, ...]:
    by_predicate: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for subject, predicate in pairs:
        by_predicate.setdefault(predicate, set()).add(subject)
    keys = {s: _sort_key(s, contexts.get(s, [])) for group in by_predicate.values() for s in group}
    start = (page - 1) * page_size
    groups = []
    for predicate in sorted(by_predicate, key=str):
        ordered = sorted(by_predicate[predicate], key=keys.__getitem__)
        window = tuple(ordered[start : start + page_size])
        groups.append(InverseGroup(predicate, len(ordered), window, newest_first=True))
    return tuple(groups)


def _sort_key(node: ox.NamedNode, context: list[ox.Triple]) -> tuple[int, str, str]:
    """Newest first (undated last), then by label."""
    dates = [text(t.object) for t in context if t.predicate in DATES]
    labels = [text(t.object) for t in context if t.predicate in LABELS]
    digits = dates[0][:4] if dates else ""
    label = labels[0] if labels else node.value
    return (-int(digits) if digits.isdigit() else 1, label.casefold(), node.value)
