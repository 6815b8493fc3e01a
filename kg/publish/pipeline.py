"""Map and judge records in batches, on every core, skipping records whose verdict is cached.

A record's digest is the SHA-256 of its sorted catalogue lines: equal digests mean equal graphs,
so a record judged to conform once (with the same shapes) is not judged again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from rdflib import Graph

from kg.mapping import Context, map_record
from kg.publish.ntriples import line
from kg.records import Record
from kg.validate import Gate, Verdict

BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Judged:
    """One record mapped and judged: its lines, digest and verdict."""

    work: str
    catalogue: tuple[str, ...]
    provenance: tuple[str, ...]
    digest: str
    verdict: Verdict
    cached: bool


@dataclass(frozen=True, slots=True)
class _Job:
    context: Context
    shapes: Graph
    passed: frozenset[str]


_JOB: _Job | None = None


def _start(job: _Job) -> None:
    global _JOB
    _JOB = job


def _run(batch: Sequence[Record]) -> list[Judged]:
    assert _JOB is not None, "worker not started"
    return judge_batch(batch, _JOB.context, Gate(_JOB.shapes), _JOB.passed)


def judge_batch(
    batch: Sequence[Record], context: Context, gate: Gate, passed: frozenset[str]
) -> list[Judged]:
    """Map every record of a batch; validate the ones the cache does not vouch for."""
    mapped = [map_record(record, context) for record in batch]
    lines = [tuple(sorted({line(t) for t in m.catalogue})) for m in mapped]
    digests = [hashlib.sha256("\n".join(ls).encode()).hexdigest()[:32] for ls in lines]
    todo = [i for i, d in enumerate(digests) if d not in passed]
    verdicts = dict(zip(todo, gate.judge([mapped[i].catalogue for i in todo]), strict=True))
    return [
        Judged(
            work=str(m.work),
            catalogue=ls,
            provenance=tuple(sorted({line(t) for t in m.provenance})),
            digest=d,
            verdict=verdicts.get(i, Verdict()),
            cached=i not in verdicts,
        )
        for i, (m, ls, d) in enumerate(zip(mapped, lines, digests, strict=True))
    ]


def judge_all(
    records: Sequence[Record],
    context: Context,
    shapes: Graph,
    passed: frozenset[str],
    workers: int,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Judged]:
    """Every record mapped and judged, in input order; batches spread over `workers` processes."""
    batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
    if workers <= 1 or len(batches) <= 1:
        gate = Gate(shapes)
        for batch in batches:
            yield from judge_batch(batch, context, gate, passed)
        return
    job = _Job(context, shapes, passed)
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(job,)) as pool:
        for judged in pool.map(_run, batches):
            yield from judged
