"""Which statements of the data a set of shapes can see: the gate drops the others unread.

A SHACL Core shape reads the data only along the paths it names (and the types of nodes, for
targets and `sh:class`): a statement whose predicate the shapes graph never mentions changes no
focus node, no value node and no result. So, when every SHACL term the shapes use is one of
those path-bound parameters, the data is cut to the statements whose predicate the shapes graph
mentions, plus `rdf:type` and `rdfs:subClassOf`. A shape that can read any predicate
(`sh:closed`, SPARQL, rules, node expressions…) makes every statement seen.

Of the type statements, those whose class the shapes graph never names can be left out too
when `classes_read_by_name` says so (and the data says nothing of subclasses: the build checks).
And when shapes pick their focus nodes by class alone (`target_classes`), a node typed with no
class they target is judged by no shape: the build does not ask the gate to judge it.
"""

from __future__ import annotations

import re

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

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
# Parameters that judge nothing: a shape made only of them and its list judges only the list.
_NOT_JUDGING = frozenset(
    SH[name] for name in ["message", "name", "description", "severity", "order", "group"]
)
_COUNTING = frozenset({SH.path, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount})
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


def classes_read_by_name(shapes: Graph) -> bool:
    """Whether a type statement `x rdf:type C` can change a result only when the shapes graph
    names C, for data with no `rdfs:subClassOf` statement (which could make C a subclass of a
    class named). Targets and `sh:class` read types by the classes they name. A path through
    `rdf:type` reads every type: allowed only where the types read are counted against a list
    of IRIs (`sh:qualifiedValueShape [ sh:in (…) ]` with qualified counts and nothing else): a
    class the list does not name conforms to no shape of it, so leaving it out changes no
    count. `rdf:type` named anywhere else (another path, `sh:equals`, a target…): False."""
    if seen_predicates(shapes) is None:
        return False
    for node, parameter in shapes.subject_predicates(RDF.type):
        if parameter != SH.path or not _counts_listed_values(shapes, node):
            return False
    return True


def _counts_listed_values(shapes: Graph, shape: Node) -> bool:
    """Whether a property shape only counts its values that are members of an IRI list."""
    parameters = set(shapes.predicates(shape)) - {RDF.type}
    qualified = list(shapes.objects(shape, SH.qualifiedValueShape))
    if not parameters <= _COUNTING | _NOT_JUDGING or not qualified:
        return False
    return all(_conforms_only_if_listed(shapes, q) for q in qualified)


def _conforms_only_if_listed(shapes: Graph, shape: Node) -> bool:
    """Whether a node conforms to `shape` only if it is one of the IRIs of its `sh:in` list
    (a shape of `sh:in` and parameters that judge nothing; not deactivated)."""
    parameters = set(shapes.predicates(shape)) - {RDF.type}
    lists = list(shapes.objects(shape, SH["in"]))
    if not parameters <= {SH["in"]} | _NOT_JUDGING or len(lists) != 1:
        return False
    return all(isinstance(member, URIRef) for member in Collection(shapes, lists[0]))


# Ways a shape picks its focus nodes other than by class (SHACL Core and SHACL-AF targets).
_OTHER_TARGETS = frozenset(
    SH[name] for name in ["targetNode", "targetSubjectsOf", "targetObjectsOf", "target"]
)
_CLASSES = frozenset({RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")})


def target_classes(shapes: Graph) -> frozenset[str] | None:
    """The N-Triples forms of the classes whose instances are focus nodes, for data with no
    `rdfs:subClassOf` statement: the objects of `sh:targetClass`. None when shapes may pick
    focus nodes otherwise: another target, a shape that is a class (an implicit class target),
    subclasses in the shapes graph, or a parameter that is not path-bound."""
    if seen_predicates(shapes) is None:
        return None
    if any((None, target, None) in shapes for target in _OTHER_TARGETS):
        return None
    if (None, RDFS.subClassOf, None) in shapes or any(
        (None, RDF.type, kind) in shapes for kind in _CLASSES
    ):
        return None
    targets = set(shapes.objects(None, SH.targetClass))
    if not all(isinstance(c, URIRef) and not _ESCAPED.search(c) for c in targets):
        return None
    return frozenset(f"<{c}>" for c in targets)


def sees_class(class_form: str, seen: frozenset[str]) -> bool:
    """Whether a type statement of this class (its N-Triples form) can change a result, where
    `classes_read_by_name` holds: the shapes name it, or it is not a plain `<iri>`."""
    return class_form in seen or not (
        class_form.startswith("<") and class_form.endswith(">") and "\\" not in class_form
    )
