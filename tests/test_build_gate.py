"""The gate at scale: judging records by units, in batches, on two processes and through the
verdict cache gives exactly the verdicts of judging every record alone."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from rdflib import Graph

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.iris import Iris
from kg.mapping import Context, Triple, map_record
from kg.mapping.forms import form
from kg.namespaces import RDF
from kg.publish import build
from kg.publish.pipeline import _prepare, judge_all
from kg.records import Contributor, Record
from kg.validate import Gate, check, load_shapes
from kg.validate.seen import is_seen, seen_predicates
from tests.conftest import ROOT, SAMPLE, make_config


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _records() -> list[Record]:
    """The sample, plus copies broken in the work and in a shared agent."""
    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    sample = list(read_records(SAMPLE, authority))
    nameless = Contributor("", "person")
    broken = [
        sample[0].with_changes(title="No authors here", contributors=(), publishers=()),
        sample[1].with_changes(title="A nameless author", contributors=(nameless,)),
        sample[2].with_changes(title="Another nameless author", contributors=(nameless,)),
    ]
    return sample[:10] + broken + sample[10:]


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 500), (1, 4), (2, 3)])
def test_unit_judging_equals_judging_each_record_alone(
    shapes: Graph, workers: int, batch_size: int
) -> None:
    records = _records()
    context = Context(
        Iris("http://example.org/"),
        load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/"),
    )
    # The reference: pySHACL on each record's whole graph, alone.
    alone = [check(_graph(map_record(r, context).catalogue), shapes) for r in records]
    judged = list(judge_all(records, context, shapes, frozenset(), workers, batch_size))
    assert [j.verdict.violations for j in judged] == [a.violations for a in alone]
    failed = [r.title for r, a in zip(records, alone, strict=True) if not a.conforms]
    assert failed == ["No authors here", "A nameless author", "Another nameless author"]


def test_known_units_are_not_judged_again(shapes: Graph) -> None:
    records = _records()[:10]
    context = Context(
        Iris("http://example.org/"),
        load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/"),
    )
    first = list(judge_all(records, context, shapes, frozenset(), 1))
    assert not any(j.cached for j in first)
    known = frozenset(d for j in first for d in j.digests)
    again = list(judge_all(records, context, shapes, known, 1))
    assert all(j.cached for j in again)
    assert [j.catalogue for j in again] == [j.catalogue for j in first]


def test_a_rebuild_uses_the_verdict_cache(tmp_path: Path) -> None:
    first = build(make_config(tmp_path))
    second = build(make_config(tmp_path))
    assert (first.cached, second.cached) == (0, 20)
    assert first.dump().read_bytes() == second.dump().read_bytes()
    changed_shapes = tmp_path / "shapes"
    changed_shapes.mkdir()
    for path in (ROOT / "shapes").glob("*.ttl"):
        (changed_shapes / path.name).write_text(path.read_text() + "\n# changed\n")
    third = build(make_config(tmp_path, shapes_dir=changed_shapes))
    assert third.cached == 0  # new shapes: every verdict is judged afresh


def test_the_gate_reads_the_lines_it_would_keep_in_their_order(shapes: Graph) -> None:
    # judge_batch cuts each unit's lines to what the shapes see while it writes them; the gate
    # reads those as they are (`cut=True`): they must be the lines `Gate.shows` would keep:
    # those `is_seen` keeps, but the type statements of classes the shapes never name.
    context = Context(
        Iris("http://example.org/"),
        load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/"),
        literal=form,
    )
    gate, seen = Gate(shapes), seen_predicates(shapes)
    assert seen is not None
    cut = untyped = 0
    for record in _records():
        for unit in _prepare(map_record(record, context), gate).units.values():
            assert unit.shown == tuple(x for x in unit.lines if gate.shows(x))
            kept = tuple(x for x in unit.lines if is_seen(x, seen))
            assert set(kept) - set(unit.shown) <= {x for x in kept if f" <{RDF.type}> " in x}
            cut += len(unit.lines) - len(unit.shown)
            untyped += len(kept) - len(unit.shown)
    assert cut > untyped > 0
