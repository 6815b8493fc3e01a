"""Benchmark `kg build` on synthetic catalogues: time and memory per stage, CPU, disk.

    python bench/build.py --records 10000 100000 [--work /tmp/kg-bench] [--seed 1]
                          [--no-render] [--cold-only] [--workers N]

For each size, generates the catalogue with `bench/generate.py` (once; reused after), then runs
one cold build (empty verdict cache, fresh ledger) and one warm rebuild of the same input, each
in a child process as `kg build` runs it: the documents are rendered before the release goes
live (the `prepare` stage; `--no-render` leaves it out). While it runs, the memory of the whole
process tree (the build, its map + validate workers, the rendering workers) is sampled every
0.2 s from `/proc`: the sum of resident sets (RSS, which counts a page shared by a forked
worker and its parent in both) and the sum of proportional sets (PSS, which splits shared pages
among the processes sharing them: the physical memory the build takes). Each stage's CPU and
peak are reported too (the child notes when each stage starts and ends). CPU is the build's and
its workers' user + system seconds (threads included); the load average before and after says
how busy the machine was. Then the disk the release takes (store, dumps, documents, indexes,
in all). Prints Markdown table rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_INTERVAL = 0.2


def child(data: Path, out: Path, ledger: Path, marks: Path, render: bool, workers: int) -> None:
    """Run one build in this process, as `kg build` does, and print its summary as JSON; the
    start and end of every stage go to `marks` (seconds on the monotonic clock)."""
    from kg.config import load_config
    from kg.publish import build
    from kg.publish.build import Timer as timer_class

    original = timer_class.stage
    log = marks.open("w", buffering=1)

    @contextmanager
    def stage(self: object, name: str) -> Iterator[None]:
        log.write(f"{time.monotonic()}\t{cpu()}\tstart\t{name}\n")
        with original(self, name):  # type: ignore[arg-type]
            yield
        log.write(f"{time.monotonic()}\t{cpu()}\tend\t{name}\n")

    timer_class.stage = stage  # type: ignore[method-assign,assignment]
    settings = {"data_dir": data, "build_dir": out, "ledger_file": str(ledger)}
    config = load_config({**settings, "build_workers": workers or None}, environ={})
    prepare = None
    if render:
        from kg.web.prerender import render_before_live

        prepare = render_before_live(config)
    summary = build(config, prepare=prepare)
    stats = {
        "read": summary.read,
        "published": summary.published,
        "quarantined": summary.rejected,
        "triples": summary.triples,
        "seconds": summary.seconds,
        "stages": summary.stages,
        "cached": summary.cached,
        "cpu": cpu(),
        "prepared": summary.prepared,
    }
    print(json.dumps(stats))


def cpu() -> float:
    """User + system seconds of this process and of its children that have ended (the build's
    workers end with their stage, so a stage's CPU is the difference across it)."""
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in used)


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (children of every thread, not only the main one)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
            except OSError:
                continue
            todo += [int(c) for c in children]
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes, from smaps_rollup (0, 0 once it is gone)."""
    rss = pss = 0
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    for line in text.splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) * 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) * 1024
    return rss, pss


def tree_memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over a process tree, in bytes."""
    sizes = [_memory(p) for p in _tree(pid)]
    return sum(r for r, _ in sizes), sum(p for _, p in sizes)


class Sampler:
    """Samples a process tree's memory on a thread until stopped: [(time, rss, pss)]."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples: list[tuple[float, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), *tree_memory(self.pid)))
            self._stop.wait(_INTERVAL)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self, since: float = 0.0, until: float = float("inf")) -> tuple[int, int]:
        inside = [(r, p) for t, r, p in self.samples if since <= t <= until]
        return (max(r for r, _ in inside), max(p for _, p in inside)) if inside else (0, 0)


def stage_costs(sampler: Sampler, marks: Path) -> dict[str, tuple[float, int]]:
    """The CPU seconds and the peak PSS of each stage (a stage inside another counts for
    both)."""
    starts: dict[str, tuple[float, float]] = {}
    costs: dict[str, tuple[float, int]] = {}
    for line in marks.read_text().splitlines():
        at, used, event, name = line.split("\t")
        if event == "start":
            starts[name] = (float(at), float(used))
        else:
            began, before = starts.pop(name)
            peak = sampler.peak(began, float(at))[1]
            cpu, high = costs.get(name, (0.0, 0))
            costs[name] = (cpu + float(used) - before, max(high, peak))
    return costs


def run(*args: str) -> tuple[dict[str, object], float, Sampler]:
    """One build in a child process: its stats, wall seconds and the memory samples."""
    cmd = [sys.executable, __file__, *args]
    started = time.monotonic()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=ROOT) as proc:
        sampler = Sampler(proc.pid)
        assert proc.stdout is not None
        output = proc.stdout.read().decode()
        proc.wait()
        sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({proc.returncode})")
    return json.loads(output.strip().splitlines()[-1]), time.monotonic() - started, sampler


def disk(out: Path) -> str:
    """Disk used by the current release: store, dumps, documents and indexes (MiB)."""
    release = (out / "current").resolve()
    parts = ("store", "dumps", "documents.sqlite", "catalogue.sqlite", "harvest.sqlite")
    sizes = {part: _size(release / part) for part in parts}
    total = _size(release)
    return ", ".join(f"{k} {v / 2**20:,.0f}" for k, v in sizes.items()) + (
        f"; release {total / 2**20:,.0f} MiB"
    )


def _size(path: Path) -> int:
    if not path.exists():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _gib(size: int) -> str:
    return f"{size / 2**30:.2f}"


def row(label: str, stats: dict[str, object], wall: float, sampler: Sampler, marks: Path) -> str:
    stages = stats["stages"]
    assert isinstance(stages, dict)
    costs = stage_costs(sampler, marks)
    parts = ", ".join(
        f"{k} {v:.0f} / {costs.get(k, (0, 0))[0]:.0f} / {_gib(costs.get(k, (0, 0))[1])}"
        for k, v in stages.items()
    )
    rss, pss = sampler.peak()
    return (
        f"| {label} | {stats['read']} = {stats['published']} + {stats['quarantined']} "
        f"| {int(stats['triples']):,} | {wall:.0f} s | {float(stats['cpu']):.0f} s "  # type: ignore[call-overload]
        f"| {parts} | {_gib(rss)} | {_gib(pss)} | {_load()} |"
    )


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0, help="build workers (default: cores)")
    parser.add_argument("--child", nargs=4, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-render", action="store_true", help="leave the documents out")
    parser.add_argument("--cold-only", action="store_true", help="skip the warm rebuild")
    args = parser.parse_args()
    if args.child:
        child(*args.child, render=not args.no_render, workers=args.workers)
        return
    print(f"load average before: {_load()}", flush=True)
    print(
        "| run | records read = published + quarantined | triples | wall | CPU "
        "| stages (wall s / CPU s / peak PSS GiB) | peak RSS sum (GiB) | peak PSS (GiB) "
        "| load after |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for count in args.records:
        data = args.work / f"data-{count}"
        if not data.exists():
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "generate.py"), "--records", str(count),
                 "--out", str(data), "--seed", str(args.seed)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        out, ledger = args.work / f"build-{count}", args.work / f"ledger-{count}.tsv"
        shutil.rmtree(out, ignore_errors=True)
        ledger.unlink(missing_ok=True)
        marks = args.work / f"stages-{count}.tsv"
        labels = [f"{count:,} cold"] + ([] if args.cold_only else [f"{count:,} rebuild"])
        extra = (["--no-render"] if args.no_render else []) + ["--workers", str(args.workers)]
        for label in labels:
            stats, wall, sampler = run(
                "--child", str(data), str(out), str(ledger), str(marks), *extra
            )
            print(row(label, stats, wall, sampler, marks), flush=True)
            if stats.get("prepared"):
                print(f"|  | {stats['prepared']} | | | | | | | |", flush=True)
        print(f"| {count:,} disk (MiB) | {disk(out)} | | | | | | | |", flush=True)


if __name__ == "__main__":
    main()
