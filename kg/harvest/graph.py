"""A work's graph as harvesting sees it: its own triples and the context of what it links to.

`WorkGraph` is the hand-off from the published graph to the record mappings. Two sources make
it, with the same two functions (`own_triples`, `context_triples`) so that they agree to the
byte: the build reads its sorted N-Triples lines (`kg/harvest/lines.py`), the web layer reads the
Store (`StoreLookup`, `work_graph`). Provenance (which build made a work, which source line it
came from) is left out: it changes with every build and is not part of the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from operator import eq
from typing import Protocol

import pyoxigraph as ox

from kg.harvest.terms import Lit, Term, Triple, from_ox
from kg.namespaces import DCTERMS, FOAF, PROV, RDF, RDFS, SDO, SKOS
from kg.store import Store

TYPE = str(RDF.type)
# The label a linked thing is shown with: the first of these that has values (kg/store/describe).
LABELS = tuple(str(p) for p in (SDO.name, DCTERMS.title, SKOS.prefLabel, FOAF.name, RDFS.label))
# Left out of records: they change with every build or every edit of an unrelated line.
PROVENANCE = frozenset({str(PROV.wasGeneratedBy), str(PROV.wasDerivedFrom)})


@dataclass(frozen=True, slots=True)
class WorkGraph:
    """One work: its own triples (with its `#fragments`) and the types and labels of the
    things it links to, each sorted."""

    iri: str
    own: tuple[Triple, ...]
    context: tuple[Triple, ...]
    _index: dict[tuple[str, str], list[Term]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def values(self, subject: str, predicate: str) -> list[Term]:
        """The objects of one subject and predicate among the own and context triples."""
        if not self._index:
            for s, p, o in (*self.own, *self.context):
                self._index.setdefault((s, p), []).append(o)
        return self._index.get((subject, predicate), [])

    def triples(self) -> tuple[Triple, ...]:
        return self.own + self.context


class Lookup(Protocol):
    """What the mappings may ask about a linked thing beyond its types and label."""

    def objects(self, subject: str, predicate: str) -> tuple[Term, ...]:
        """The objects of `subject predicate ?o`, distinct and in `term_order`."""
        ...


def own_triples(iri: str, triples: Iterable[Triple]) -> tuple[Triple, ...]:
    """The work's triples and those of the nodes that are part of its record (its `#fragments`
    and blank nodes) reached from it without going through provenance, sorted."""
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for triple in triples:
        if triple[1] not in PROVENANCE:
            by_subject[triple[0]].append(triple)
    return reached_triples(iri, by_subject)


def reached_triples(iri: str, by_subject: Mapping[str, list[Triple]]) -> tuple[Triple, ...]:
    """`own_triples` from the triples grouped by subject, provenance already left out."""
    parts = (iri + "#", "_:")  # what a record holds besides the work: fragments, blank nodes
    out: list[Triple] = []
    todo, seen = [iri], {iri}
    left = len(by_subject)  # subjects not reached yet: none left, no link needs following
    while todo and left:
        found = by_subject.get(todo.pop())
        if found is None:
            continue
        out += found
        left -= 1
        if left:
            linked = {o for _, _, o in found if isinstance(o, str) and o.startswith(parts)}
            linked -= seen
            seen |= linked
            todo += linked
    return ordered(out, distinct=True)


def linked(iri: str, own: Iterable[Triple], works_prefix: str) -> list[str]:
    """The things a work links to that get context: not classes, not its own parts, not other
    works (whose labels the build does not hold when it maps a work)."""
    unlinked = (iri + "#", "_:", works_prefix)
    found = {
        o for _, p, o in own if isinstance(o, str) and p != TYPE and not o.startswith(unlinked)
    }
    return sorted(found)


def context_triples(
    nodes: Iterable[str], lookup: Lookup, known: dict[str, list[Triple]] | None = None
) -> tuple[Triple, ...]:
    """Each node's types and its label values (the first label property that has any).
    `known` keeps each node's for the next work that links to it, when the lookup is final."""
    out: list[Triple] = []
    for node in nodes:
        if known is None:
            out += node_context(node, lookup)
            continue
        found = known.get(node)
        if found is None:
            if len(known) >= _KNOWN_NODES:
                known.clear()
            found = known[node] = node_context(node, lookup)
        out += found
    return ordered(out)


_KNOWN_NODES = 100_000  # linked things whose context is kept: persons, topics, publishers recur


def node_context(node: str, lookup: Lookup) -> list[Triple]:
    """A node's types and its label values (the first label property that has any)."""
    out = [(node, TYPE, t) for t in lookup.objects(node, TYPE)]
    for predicate in LABELS:
        labels = lookup.objects(node, predicate)
        if labels:
            out += [(node, predicate, label) for label in labels]
            break
    return out


def ordered(triples: Collection[Triple], distinct: bool = False) -> tuple[Triple, ...]:
    """Triples sorted by `order` (each once, if `distinct`: repeats are neighbours once
    sorted). Compared as plain tuples they sort the same way, unless an IRI and a literal share
    a subject and predicate: comparing those raises TypeError, and any sort must compare them
    (they would be neighbours in the order), so the key is used only when such triples are
    there. Calling no key function for each triple saves most of a sort's cost."""
    try:
        found = sorted(triples)
    except TypeError:
        found = sorted(triples, key=order)
    if distinct and any(map(eq, found, islice(found, 1, None))):
        found = list(dict.fromkeys(found))
    return tuple(found)


def order(triple: Triple) -> tuple[str, str, bool, str, str, str]:
    """A total order of triples, cheap to compute (IRIs before literals)."""
    s, p, o = triple
    if isinstance(o, Lit):
        return s, p, True, o.value, o.lang, o.datatype
    return s, p, False, o, "", ""


class StoreLookup:
    """`Lookup` through the Store protocol, remembering what it read (linked things recur)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cache: dict[tuple[str, str], tuple[Term, ...]] = {}

    def objects(self, subject: str, predicate: str) -> tuple[Term, ...]:
        key = (subject, predicate)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            terms = self._store.objects(ox.NamedNode(subject), ox.NamedNode(predicate))
            found = self._cache[key] = distinct(from_ox(t) for t in terms)
        return found


def work_graph(store: Store, iri: str, lookup: StoreLookup, works_prefix: str) -> WorkGraph | None:
    """A work's graph read through the Store, or None when the store does not describe it."""
    description = store.describe(ox.NamedNode(iri), 1, 1)
    raw = [(str(from_ox(t.subject)), t.predicate.value, from_ox(t.object)) for t in description.own]
    own = own_triples(iri, raw)
    if not any(s == iri and p == TYPE for s, p, _ in own):
        return None
    return WorkGraph(iri, own, context_triples(linked(iri, own, works_prefix), lookup))


def distinct(terms: Iterable[Term]) -> tuple[Term, ...]:
    """Terms without repeats, in `term_order`."""
    # As in `ordered`: terms of one kind sort as they are, IRIs and literals together by key.
    found = set(terms)
    try:
        return tuple(sorted(found))
    except TypeError:
        return tuple(sorted(found, key=term_order))


def term_order(term: Term) -> tuple[bool, str, str, str]:
    if isinstance(term, Lit):
        return True, term.value, term.lang, term.datatype
    return False, term, "", ""


def first_text(terms: Iterable[Term], lang: str = "") -> str:
    """The text of the literal in `lang` (else English, else any), or ""."""
    literals = [t for t in terms if isinstance(t, Lit)]
    for wanted in (lang, "en", ""):
        for lit in literals:
            if lit.lang == wanted:
                return lit.value
    return literals[0].value if literals else ""
