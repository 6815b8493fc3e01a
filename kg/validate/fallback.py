"""Which shapes the fast engine may judge, and which go to the reference engine.

pyshacl-turbo over an Oxigraph store judges otherwise than pySHACL in one place, measured on the
W3C SHACL core test suite (tests/test_shacl_w3c.py, tests/w3c/shacl-known-differences.tsv):
`sh:hasValue` and `sh:in` with a literal value. The store gives the data's plain literals their
datatype, `"A"^^xsd:string`, and the engine then does not find them equal to the shape's `"A"`,
so valid nodes are reported as violations. A shape that uses either, itself or through a shape
it refers to, is judged by pySHACL; every other shape by pyshacl-turbo.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal
from rdflib.collection import Collection
from rdflib.term import Node

from kg.namespaces import RDF, RDFS, SH

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)


@dataclass(frozen=True, slots=True)
class ShapeSplit:
    """The shapes with targets, by the engine that judges them."""

    fast: tuple[Node, ...]  # pyshacl-turbo
    careful: tuple[Node, ...]  # pySHACL


def split_shapes(shapes: Graph) -> ShapeSplit:
    """Shapes with targets whose constraints the engines agree on, and those they do not."""
    tops = sorted(_top_shapes(shapes), key=str)
    careful = [shape for shape in tops if compares_literals(shapes, shape)]
    if careful and any(isinstance(shape, BNode) for shape in tops):
        # A shape named by a blank node cannot be picked out by name: pySHACL judges them all.
        return ShapeSplit((), tuple(tops))
    return ShapeSplit(tuple(s for s in tops if s not in careful), tuple(careful))


def _top_shapes(shapes: Graph) -> set[Node]:
    """Shapes with a target, explicit or implicit (a shape that is also a class)."""
    tops = {s for predicate in TARGETS for s in shapes.subjects(predicate, None)}
    for kind in SHAPE_TYPES:
        tops |= {s for s in shapes.subjects(RDF.type, kind) if (s, RDF.type, RDFS.Class) in shapes}
    return tops


def compares_literals(shapes: Graph, shape: Node) -> bool:
    """Whether `shape`, or any node reachable from it, has `sh:hasValue` or `sh:in` with a
    literal value."""
    seen: set[Node] = set()
    stack = [shape]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for predicate, value in shapes.predicate_objects(node):
            if predicate == SH.hasValue and isinstance(value, Literal):
                return True
            if predicate == SH["in"] and any(
                isinstance(member, Literal) for member in Collection(shapes, value)
            ):
                return True
            if predicate != RDF.type and (value, None, None) in shapes:
                stack.append(value)
    return False
