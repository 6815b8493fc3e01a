"""The gate asked to judge only the nodes a shape targets by their classes judges exactly as it
does asked to judge every node of a batch: a node no type statement makes a target is judged by
no shape. The build leaves the others out of `focus` (kg/publish/pipeline.py), for shapes that
pick their focus nodes by `sh:targetClass` alone (kg/validate/seen.py `target_classes`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.mapping import Mapped
from kg.namespaces import RDF
from kg.publish.ntriples import line, term
from kg.publish.pipeline import judge_mapped
from kg.validate import Gate
from kg.validate.seen import target_classes
from tests.test_validate_classes import NODES, OURS, WORKS, data, focus

Triples = list[tuple[Node, Node, Node]]
_PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
"""
GATE = Gate(OURS)


def _shapes(text: str) -> Graph:
    return OURS + Graph().parse(data=_PREFIXES + text, format="turtle")


def test_our_shapes_pick_focus_nodes_by_class_alone() -> None:
    classes = target_classes(OURS)
    assert classes is not None
    assert "<https://schema.org/CreativeWork>" in classes
    assert "<https://schema.org/Person>" in classes
    assert "<http://purl.org/ontology/bibo/Book>" not in classes  # named, not targeted


def test_shapes_that_pick_focus_nodes_otherwise_are_not_cut() -> None:
    for other in [
        "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf schema:name .",
        "ex:S a sh:NodeShape ; sh:targetObjectsOf schema:author .",
        "ex:C a sh:NodeShape , rdfs:Class ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:C rdfs:subClassOf schema:Person .",
    ]:
        assert target_classes(_shapes(other)) is None, other
        assert Gate(_shapes(other)).targets("<http://example.org/Anything>")


def test_a_gate_judging_some_shapes_with_pyshacl_judges_every_node_asked() -> None:
    # pySHACL given a list of shapes judges every node it is asked to, targeted or not.
    careful = _shapes(
        "ex:S a sh:NodeShape ; sh:targetClass schema:Person ; sh:property [ sh:path schema:name ;"
        ' sh:hasValue "x" ] .'
    )
    assert target_classes(careful) is not None
    assert Gate(careful).targets("<http://example.org/Anything>")
    assert not GATE.targets("<http://example.org/Anything>")


def _targeted(gate: Gate, triples: Triples) -> set[str]:
    return {str(s) for s, p, o in triples if p == RDF.type and gate.targets(term(o))}


@settings(max_examples=300, deadline=None)
@given(data, focus)
def test_nodes_no_class_targets_change_no_violation(triples: Triples, nodes: set[URIRef]) -> None:
    lines = [line(t) for t in triples]
    every = {str(n) for n in nodes}
    targeted = every & _targeted(GATE, triples)
    expected = GATE.check(lines, every).violations
    assert (GATE.check(lines, targeted).violations if targeted else ()) == expected


class _EveryNode(Gate):
    """The gate, asked to judge every node its batch's units own (the plain focus)."""

    def targets(self, class_form: str) -> bool:
        return True


PLAIN = _EveryNode(OURS)


@settings(max_examples=150, deadline=None)
@given(st.lists(data, min_size=1, max_size=3))
def test_a_batch_judged_on_targeted_nodes_gets_the_verdicts_of_every_node(
    batch: list[Triples],
) -> None:
    mapped = [
        Mapped(WORKS[n % 2] if n < 2 else NODES[n], tuple(triples), ())
        for n, triples in enumerate(batch)
    ]
    cut = judge_mapped(mapped, GATE, set())
    plain = judge_mapped(mapped, PLAIN, set())
    # The violations (a report's blank nodes are labelled afresh each time).
    assert [j.verdict.violations for j in cut] == [j.verdict.violations for j in plain]
