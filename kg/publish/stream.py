"""Map + validate on every core, each worker writing what passes as sorted runs on disk.

The parent hands out batches of records and gets back, per record, only its verdict and unit
digests: the catalogue and provenance lines of the records that pass go straight from the
worker that made them into its own sorted run files (kg/publish/runs.py), one writer per named
graph. Nothing on the way holds all the lines; the build merges the runs afterwards.

Batches are judged exactly as `pipeline.judge_batch` judges them (the same units, the same
verdict cache), so the lines in the runs are the lines the in-memory build published.

No process holds the build's key table (every entity's key) while records are mapped: each
batch travels with the keys of the entities its records name (kg/publish/keys.py wrote them
beside the spool), and the worker maps it with those.
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.mapping import Context
from kg.publish.cache import Digests
from kg.publish.pipeline import BATCH_SIZE, judge_batch
from kg.publish.runs import RUN_LINES, RunWriter
from kg.records import Record, pickled_as_tuple
from kg.validate import Gate, Verdict

GRAPHS = ("catalogue", "provenance")
KeysOf = Callable[[Sequence[Record]], Mapping[tuple[str, str], str]]
# A batch of records, and the keys to map it with (None: the context's own key table).
Batch = tuple[list[Record], Mapping[tuple[str, str], str] | None]
_IN_FLIGHT = 2  # batches queued per worker: enough to keep it busy, little held in memory


@pickled_as_tuple  # one a record, from the worker that judged it
@dataclass(frozen=True, slots=True)
class Outcome:
    """One record's verdict without its lines (those went to the runs if it passed)."""

    work: str
    digests: tuple[bytes, ...]
    verdict: Verdict
    cached: bool


@dataclass
class Runs:
    """The run files written for each named graph (`catalogue`, `provenance`)."""

    files: dict[str, list[Path]] = field(default_factory=lambda: {g: [] for g in GRAPHS})

    def extend(self, other: dict[str, list[Path]]) -> None:
        for graph, paths in other.items():
            self.files[graph].extend(paths)


@dataclass(frozen=True, slots=True)
class _Job:
    context: Context
    shapes: Graph
    known: Digests | frozenset[bytes]
    folder: Path
    run_lines: int


class _Judge:
    """A worker's state: its gate, what it knows to conform, and one run writer per graph."""

    def __init__(self, job: _Job, name: str) -> None:
        self.job = job
        self.gate = Gate(job.shapes)
        self.known = job.known.copy() if isinstance(job.known, Digests) else set(job.known)
        self.writers = {g: RunWriter(job.folder, f"{g}-{name}", job.run_lines) for g in GRAPHS}

    def batch(
        self, records: Sequence[Record], keys: Mapping[tuple[str, str], str] | None = None
    ) -> list[Outcome]:
        context = self.job.context if keys is None else replace(self.job.context, keys=keys)
        out = []
        for judged in judge_batch(records, context, self.gate, self.known):
            if judged.verdict.passed:
                self.writers["catalogue"].add(judged.catalogue)
                self.writers["provenance"].add(judged.provenance)
            out.append(Outcome(judged.work, judged.digests, judged.verdict, judged.cached))
        return out

    def close(self) -> dict[str, list[Path]]:
        return {graph: writer.close() for graph, writer in self.writers.items()}


def _work(job: _Job, name: str, tasks: Any, results: Any) -> None:
    """A worker process: judge batches until the sentinel, then write what is held."""
    judge = _Judge(job, name)
    # What the worker inherited from the build and has just made lives as long as it does:
    # frozen, the collector no longer walks it at each full collection (in a worker with the
    # heap of a 10,000-record bench, collecting took a fifth of its CPU before, 8% after), nor
    # writes to its pages, which then stay shared with the parent.
    gc.freeze()
    for index, batch, keys in iter(tasks.get, None):
        results.put((index, judge.batch(batch, keys)))
    results.put((None, judge.close()))


def judge_into_runs(
    batches: Iterable[Batch],
    context: Context,
    shapes: Graph,
    known: Digests | frozenset[bytes],
    workers: int,
    folder: Path,
    runs: Runs,
    run_lines: int = RUN_LINES,
) -> Iterator[Outcome]:
    """Every record of the batches judged, outcomes in input order; passing lines written to
    runs in `folder` (their paths added to `runs` once the iterator is exhausted). Batches are
    read lazily; each is mapped with its own keys when it has them, else `context.keys`."""
    job = _Job(context, shapes, known, folder, run_lines)
    if workers <= 1:
        judge = _Judge(job, "0")
        for batch, keys in batches:
            yield from judge.batch(batch, keys)
        runs.extend(judge.close())
        return
    yield from _in_processes(job, iter(batches), workers, runs)


def batched(
    records: Iterable[Record], size: int = BATCH_SIZE, keys_of: KeysOf | None = None
) -> Iterator[Batch]:
    """Records in batches of `size`, each with the keys `keys_of` gives for it (or None)."""
    stream = iter(records)
    while batch := list(islice(stream, size)):
        yield batch, None if keys_of is None else keys_of(batch)


def _in_processes(
    job: _Job, batches: Iterator[Batch], workers: int, runs: Runs
) -> Iterator[Outcome]:
    fork = multiprocessing.get_context("fork")  # the context is large: inherit, do not pickle
    tasks = fork.Queue(workers * _IN_FLIGHT)
    results = fork.Queue()
    procs = [
        fork.Process(target=_work, args=(job, str(n), tasks, results), daemon=True)
        for n in range(workers)
    ]
    for proc in procs:
        proc.start()
    try:
        yield from _collect(batches, tasks, results, procs, runs)
        for proc in procs:
            proc.join()
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()


def _collect(
    batches: Iterator[Batch], tasks: Any, results: Any, procs: list[Any], runs: Runs
) -> Iterator[Outcome]:
    """Feed batches (a few per worker ahead), yield outcomes in batch order, gather the runs."""
    workers = len(procs)
    sent = next_out = closed = 0
    done: dict[int, list[Outcome]] = {}
    exhausted = False
    while closed < workers:
        while not exhausted and sent - next_out < workers * (_IN_FLIGHT + 1):
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                for _ in procs:
                    tasks.put(None)
            else:
                tasks.put((sent, *batch))
                sent += 1
        index, payload = _next_result(results, procs)
        if index is None:  # a worker's sentinel answer: the runs it wrote
            runs.extend(payload)
            closed += 1
            continue
        done[index] = payload
        while next_out in done:
            yield from done.pop(next_out)
            next_out += 1


def _next_result(results: Any, procs: list[Any]) -> tuple[int | None, Any]:
    """The next answer of any worker; a worker that died makes the build fail, not hang."""
    while True:
        try:
            return results.get(timeout=1.0)  # type: ignore[no-any-return]
        except queue.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"a map + validate worker died (exit {dead[0]})") from None
