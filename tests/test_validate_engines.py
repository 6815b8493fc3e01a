"""pyshacl-turbo (the build's engine, over N-Triples read as Oxigraph reads them) gives exactly
pySHACL's results on our shapes: on every example file and on every record of the sample,
broken ones included."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.iris import Iris
from kg.mapping import Context, map_record
from kg.namespaces import SDO
from kg.publish.ntriples import line
from kg.records import Contributor
from kg.validate import Gate, check, load_shapes
from kg.validate.fallback import split_shapes
from tests.conftest import ROOT, SAMPLE

EXAMPLES = sorted((Path(__file__).parent / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@pytest.fixture(scope="module")
def gate(shapes: Graph) -> Gate:
    return Gate(shapes)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_same_results_on_every_example(path: Path, shapes: Graph, gate: Gate) -> None:
    data = Graph().parse(path)
    lines = [line(t) for t in data]
    reference = check(Graph().parse(path), shapes)
    fast = gate.check(lines)
    assert fast.conforms == reference.conforms
    assert fast.violations == reference.violations


def test_same_results_on_sample_records_good_and_broken(shapes: Graph, gate: Gate) -> None:
    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    records = list(read_records(SAMPLE, authority))
    records += [
        records[0].with_changes(contributors=(), publishers=()),
        records[1].with_changes(contributors=(Contributor("", "person"),)),
        records[2].with_changes(title=""),
    ]
    context = Context(Iris("http://example.org/"), authority)
    failures = 0
    for record in records:
        triples = map_record(record, context).catalogue
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        reference = check(graph, shapes)
        fast = gate.check(line(t) for t in triples)
        assert (fast.conforms, fast.violations) == (reference.conforms, reference.violations)
        failures += not reference.conforms
    assert failures == 3


def test_our_shapes_are_judged_by_the_fast_engine_alone(shapes: Graph) -> None:
    split = split_shapes(shapes)
    assert split.careful == ()
    assert len(split.fast) >= 10


STATUS_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <http://example.org/status#> .
ex:StatusShape a sh:NodeShape ;
    sh:targetClass schema:CreativeWork ;
    sh:property [ sh:path ex:status ; sh:in ( "draft" "final" ) ;
                  sh:message "A status is draft or final." ] .
"""


def test_a_shape_the_engines_disagree_on_is_judged_by_pyshacl(shapes: Graph) -> None:
    """Our shapes plus one with `sh:in` over strings: the gate gives pySHACL's results on all
    of them together, where pyshacl-turbo alone reports the valid statuses too."""
    mixed = Graph()
    mixed += shapes
    mixed.parse(data=STATUS_SHAPE, format="turtle")
    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    records = list(read_records(SAMPLE, authority))[:4]
    records[3] = records[3].with_changes(contributors=(), publishers=())  # fails one of our shapes
    context = Context(Iris("http://example.org/"), authority)
    data = Graph()
    for record in records:
        for triple in map_record(record, context).catalogue:
            data.add(triple)
    works = sorted(data.subjects(RDF.type, SDO.CreativeWork))
    status = URIRef("http://example.org/status#status")
    for work, value in zip(works, ["final", "draft", "lost", "final"], strict=True):
        data.add((work, status, Literal(value)))
    lines = [line(t) for t in data]

    split = split_shapes(mixed)
    assert split.careful == (URIRef("http://example.org/status#StatusShape"),)
    reference = check(Graph().parse(data="\n".join(lines), format="nt"), mixed)
    gate = Gate(mixed).check(lines)
    assert (gate.conforms, gate.violations) == (reference.conforms, reference.violations)
    messages = sorted(v.message for v in gate.violations)
    assert messages.count("A status is draft or final.") == 1  # only "lost"
    assert any("author" in m for m in messages)  # our shapes were judged too
    turbo = Gate(mixed, fall_back=False).check(lines)
    assert [v.message for v in turbo.violations].count("A status is draft or final.") > 1
