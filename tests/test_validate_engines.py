"""pyshacl-turbo (the build's engine, over an Oxigraph store) gives exactly pySHACL's results on
our shapes: on every example file and on every record of the sample, broken ones included."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.mapping import Context, map_record
from kg.mapping.iris import Iris
from kg.publish.ntriples import line
from kg.records import Contributor
from kg.validate import Gate, check, load_shapes
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
        records[0].with_changes(contributors=()),
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
