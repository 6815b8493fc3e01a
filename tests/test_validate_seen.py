"""The gate reads only the statements the shapes can see, and judges exactly as it would read
them all."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg.namespaces import RDF, RDFS, SDO
from kg.publish.ntriples import line
from kg.validate import Gate, load_shapes
from kg.validate.seen import is_seen, seen_predicates
from tests.conftest import ROOT

EX = "http://example.org/"
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
<http://example.org/PersonShape> a sh:NodeShape ; sh:targetClass schema:Person ;
    sh:property [ sh:path schema:name ; sh:minCount 1 ; sh:message "A person needs a name." ] .
"""


def test_our_shapes_see_their_paths_and_types_only() -> None:
    seen = seen_predicates(load_shapes(ROOT / "shapes"))
    assert seen is not None
    assert {f"<{RDF.type}>", f"<{RDFS.subClassOf}>", f"<{SDO.name}>"} <= seen
    assert f"<{SDO.abstract}>" not in seen  # no shape constrains schema:abstract


def test_shapes_that_may_read_any_predicate_see_everything() -> None:
    closed = Graph().parse(data=SHAPES, format="turtle")
    assert seen_predicates(closed) is not None
    closed.add(
        (URIRef(EX + "PersonShape"), URIRef("http://www.w3.org/ns/shacl#closed"), Literal(True))
    )
    assert seen_predicates(closed) is None


def test_only_a_known_unseen_predicate_drops_a_statement() -> None:
    seen = frozenset({f"<{SDO.name}>"})
    assert is_seen(f'<{EX}a> <{SDO.name}> "A" .', seen)
    assert not is_seen(f'<{EX}a> <{SDO.abstract}> "A" .', seen)
    assert is_seen(f'<{EX}a>\t<{SDO.abstract}>\t"A" .', seen)  # other spacing: kept
    assert is_seen(f'<{EX}a> <https://schema.org/n\\u0061me> "A" .', seen)  # an escape: kept


def test_a_failure_is_the_same_with_unseen_statements_left_out() -> None:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    person = URIRef(EX + "p")
    data = [(person, RDF.type, SDO.Person), (person, SDO.description, Literal("no name"))]
    cut = Gate(shapes).check(line(t) for t in data)
    whole = Gate(shapes).check(line(t) for t in data[:1])
    assert not cut.conforms
    assert cut.violations == whole.violations
    assert [v.message for v in cut.violations] == ["A person needs a name."]
