"""The gate given only the type statements of classes the shapes name judges exactly as it does
given every type statement: the same nodes fail, on any data, for our shapes and for shapes
that read every type; a batch that names subclasses is given every type statement."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.mapping import Mapped
from kg.namespaces import DCTERMS, FOAF, RDF, RDFS, SDO, SKOS, XSD
from kg.publish.ntriples import line
from kg.publish.pipeline import _check, _Predicates, _prepare
from kg.validate import Gate, load_shapes
from kg.validate.seen import classes_read_by_name
from tests.conftest import ROOT

EX = "http://example.org/id/"
WORKS = [URIRef(f"{EX}work/{n}") for n in "ab"]
NODES = [
    *WORKS,
    URIRef(f"{EX}work/a#tag"),
    *(URIRef(f"{EX}person/{n}") for n in "pq"),
    URIRef(f"{EX}place/x"),
    URIRef(f"{EX}periodical/j"),
    URIRef(f"{EX}periodical/j#volume-1"),
]
UNNAMED = [URIRef("http://purl.org/ontology/bibo/Book"), URIRef(f"{EX}terms#Tag"), RDF.Seq]
NAMED = [SDO.CreativeWork, SDO.Book, SDO.ScholarlyArticle, SDO.Person, FOAF.Person,
         DCTERMS.Agent, SDO.Organization, SDO.Place, SDO.Periodical, SDO.PublicationVolume,
         SKOS.Concept]  # fmt: skip
PATHS = [DCTERMS.title, SDO.name, DCTERMS.creator, DCTERMS.publisher, DCTERMS.spatial,
         SDO.isPartOf, DCTERMS.issued, SDO.numberOfPages, SDO.volumeNumber]  # fmt: skip
VALUES = [Literal("A title", lang="en"), Literal(""), Literal("A"),
          Literal("2000", datatype=XSD.gYear), Literal("3", datatype=XSD.integer)]  # fmt: skip

# Types mostly on the two works, the nodes our shapes read most.
typed = st.one_of(st.sampled_from(WORKS), st.sampled_from(NODES))
types = st.tuples(typed, st.just(RDF.type), st.sampled_from(NAMED + UNNAMED))
statements = st.tuples(
    st.sampled_from(NODES), st.sampled_from(PATHS), st.sampled_from(NODES + VALUES)
)
data = st.lists(st.one_of(types, types, statements), max_size=30)
focus = st.sets(st.sampled_from(NODES), min_size=1)

OURS = load_shapes(ROOT / "shapes")
# Our shapes, but the work's types counted whatever they are: every type statement is read.
COUNTED = Graph().parse(
    data="""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<http://example.org/TypedShape> a sh:NodeShape ; sh:targetClass schema:CreativeWork ;
    sh:property [ sh:path rdf:type ; sh:maxCount 1 ; sh:message "One type at most." ] .
""",
    format="turtle",
)
GATES = {"ours": Gate(OURS), "counted": Gate(OURS + COUNTED)}


def _failing(gate: Gate, triples: list[tuple[Node, Node, Node]], nodes: set[str]) -> set[str]:
    return gate.check([line(t) for t in triples], nodes).failed_nodes()


def test_our_shapes_read_types_by_the_classes_they_name() -> None:
    assert classes_read_by_name(OURS)
    assert not classes_read_by_name(OURS + COUNTED)


@settings(max_examples=300, deadline=None)
@given(data, focus, st.sampled_from(sorted(GATES)))
@example(
    [(WORKS[0], RDF.type, SDO.CreativeWork), (WORKS[0], RDF.type, UNNAMED[0])],
    {WORKS[0]},
    "counted",
)
def test_the_type_statements_left_out_change_no_verdict(
    triples: list[tuple[Node, Node, Node]], nodes: set[URIRef], shapes: str
) -> None:
    gate, focused = GATES[shapes], {str(n) for n in nodes}
    lines = [line(t) for t in triples]
    shown = [x for x in lines if gate.shows(x)]
    # Not only the same nodes fail (what the build asks): the same violations.
    assert gate.check(shown, focused, cut=True).violations == gate.check(lines, focused).violations


@settings(max_examples=100, deadline=None)
@given(data, st.sampled_from(UNNAMED), st.sampled_from(NAMED))
def test_a_batch_naming_subclasses_is_judged_on_every_type(
    triples: list[tuple[Node, Node, Node]], subclass: URIRef, named: URIRef
) -> None:
    # `x a bibo:Book` read alone is nothing to the shapes; beside `bibo:Book rdfs:subClassOf
    # schema:Person` it makes x a person, which needs a name.
    gate = GATES["ours"]
    catalogue = (*triples, (subclass, RDFS.subClassOf, named), (NODES[3], RDF.type, subclass))
    mapped = Mapped(WORKS[0], tuple(catalogue), ())
    predicates = _Predicates()
    units = _prepare(mapped, gate, predicates).units.values()
    focused = set().union(*(unit.owned for unit in units))
    expected = _failing(gate, list(catalogue), focused)
    assert predicates.subclassing
    assert _check(gate, units, focused, predicates.subclassing) == expected


def test_a_subclass_makes_an_unnamed_class_a_target() -> None:
    person = NODES[3]
    triples = [(UNNAMED[0], RDFS.subClassOf, SDO.Person), (person, RDF.type, UNNAMED[0])]
    mapped = Mapped(WORKS[0], tuple(triples), ())
    predicates = _Predicates()
    units = _prepare(mapped, GATES["ours"], predicates).units.values()
    failing = _check(GATES["ours"], units, {str(person)}, predicates.subclassing)
    assert failing == {str(person)}  # a person without a name
