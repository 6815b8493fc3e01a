"""Which statements of the data a set of shapes can see: the gate drops the others unread.

A SHACL Core shape reads the data only along the paths it names (and the types of nodes, for
targets and `sh:class`): a statement whose predicate the shapes graph never mentions changes no
focus node, no value node and no result. So, when every SHACL term the shapes use is one of
those path-bound parameters, the data is cut to the statements whose predicate the shapes graph
mentions, plus `rdf:type` and `rdfs:subClassOf`. A shape that can read any predicate
(`sh:closed`, SPARQL, rules, node expressions…) makes every statement seen.
"""

from __future__ import annotations

import re

from rdflib import Graph, URIRef

from kg.namespaces import RDF, RDFS, SH

# The SHACL Core parameters (and non-validating properties) that read the data only along a
# path the shapes graph names, or read a node's types.
PATH_BOUND = frozenset(
    SH[name]
    for name in [
        "path",
        "alternativePath",
        "inversePath",
        "zeroOrMorePath",
        "oneOrMorePath",
        "zeroOrOnePath",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "property",
        "node",
        "and",
        "or",
        "xone",
        "not",
        "qualifiedValueShape",
        "qualifiedMinCount",
        "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint",
        "class",
        "datatype",
        "nodeKind",
        "minCount",
        "maxCount",
        "minExclusive",
        "minInclusive",
        "maxExclusive",
        "maxInclusive",
        "minLength",
        "maxLength",
        "pattern",
        "flags",
        "languageIn",
        "uniqueLang",
        "equals",
        "disjoint",
        "lessThan",
        "lessThanOrEquals",
        "hasValue",
        "in",
        "name",
        "description",
        "message",
        "severity",
        "deactivated",
        "order",
        "group",
        "defaultValue",
    ]
)
_ALWAYS = (str(RDF.type), str(RDFS.subClassOf))  # targets and sh:class read types, subclasses
_ESCAPED = re.compile('[<>"{}|^`\\\\ \t\n\r]')  # characters N-Triples escapes in an IRI


def seen_predicates(shapes: Graph) -> frozenset[str] | None:
    """The N-Triples forms (`<iri>`) of the predicates the shapes can see, or None when they
    may see any."""
    used = {p for p in shapes.predicates() if isinstance(p, URIRef) and p.startswith(str(SH))}
    if not used <= PATH_BOUND:
        return None
    named = {str(node) for triple in shapes for node in triple if isinstance(node, URIRef)}
    named.update(_ALWAYS)
    if any(_ESCAPED.search(iri) for iri in named):
        return None  # its N-Triples form is not `<iri>`: not worth matching
    return frozenset(f"<{iri}>" for iri in named)


def is_seen(statement: str, seen: frozenset[str]) -> bool:
    """Whether the shapes can see one statement (`s p o .`, terms parted by one space). A
    statement written otherwise, or with an escape in its predicate, is kept: only a predicate
    known to be unseen drops it."""
    parts = statement.split(" ", 2)
    return len(parts) < 3 or sees(parts[1], seen)


def sees(predicate: str, seen: frozenset[str]) -> bool:
    """Whether the shapes can see the statements of one predicate (its N-Triples form)."""
    if predicate in seen or "\\" in predicate:
        return True
    return not (predicate.startswith("<") and predicate.endswith(">"))
