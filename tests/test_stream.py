"""Judging into sorted runs gives what judging in memory gives: the same verdicts, in input
order, and exactly the lines of the records that pass — on one process or several, whatever
the batch and run sizes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph

from kg.ingest.authority import load_authority
from kg.iris import Iris
from kg.mapping import Context
from kg.publish.keys import assign_keys, batch_keys_of
from kg.publish.pipeline import judge_all
from kg.publish.runs import merge_runs
from kg.publish.stream import Runs, batched, judge_into_runs
from kg.records import Record
from kg.validate import load_shapes
from tests.conftest import ROOT
from tests.test_build_gate import _records


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@pytest.fixture(scope="module")
def context() -> Context:
    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    return Context(Iris("http://example.org/"), authority)


def _merged(paths: list[Path]) -> list[str]:
    return [line[:-1].decode("utf-8") for line in merge_runs(paths)]


@pytest.mark.parametrize(("workers", "batch_size", "run_lines"), [(1, 500, 10**6), (2, 3, 50)])
def test_runs_hold_the_lines_of_the_records_that_pass(
    shapes: Graph, context: Context, tmp_path: Path, workers: int, batch_size: int, run_lines: int
) -> None:
    records: list[Record] = _records()
    expected = list(judge_all(records, context, shapes, frozenset(), 1))
    runs = Runs()
    outcomes = list(
        judge_into_runs(
            batched(records, batch_size),
            context,
            shapes,
            frozenset(),
            workers,
            tmp_path,
            runs,
            run_lines=run_lines,
        )
    )
    assert [o.work for o in outcomes] == [j.work for j in expected]
    assert [o.verdict for o in outcomes] == [j.verdict for j in expected]
    assert [o.digests for o in outcomes] == [j.digests for j in expected]
    assert sum(not o.verdict.passed for o in outcomes) == 3
    passed = [j for j in expected if j.verdict.passed]
    assert _merged(runs.files["catalogue"]) == sorted({x for j in passed for x in j.catalogue})
    assert _merged(runs.files["provenance"]) == sorted({x for j in passed for x in j.provenance})
    if run_lines < 1000:
        assert len(runs.files["catalogue"]) > workers  # spilled along the way, not at the end


def test_a_worker_that_dies_fails_the_build(
    shapes: Graph, context: Context, tmp_path: Path
) -> None:
    """A crash in a worker process is an error, never a hang."""
    broken = [_records()[0].with_changes(title=None)]  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="a map \\+ validate worker died"):
        list(
            judge_into_runs(
                batched(broken * 4, 1), context, shapes, frozenset(), 2, tmp_path, Runs()
            )
        )


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_mapped_with_their_own_keys_give_the_same_lines(
    shapes: Graph, context: Context, tmp_path: Path, workers: int
) -> None:
    """A worker maps each batch with only the keys its records name (what the build's key step
    writes beside the spool): the lines are those of mapping with the whole key table."""
    records = _records()
    keys = assign_keys(records, context.authority, "", "ledger")
    assert keys.table
    full = replace(context, keys=keys.table)
    expected = list(judge_all(records, full, shapes, frozenset(), 1))
    runs = Runs()
    batches = batched(records, 4, lambda batch: batch_keys_of(batch, keys.table, context.authority))
    outcomes = list(
        judge_into_runs(batches, context, shapes, frozenset(), workers, tmp_path, runs, 100)
    )
    assert [o.work for o in outcomes] == [j.work for j in expected]
    passed = [j for j in expected if j.verdict.passed]
    assert _merged(runs.files["catalogue"]) == sorted({x for j in passed for x in j.catalogue})
