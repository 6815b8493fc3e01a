"""The build's last stage (dumps, store load, catalogue index, harvesting) part by part, on the
graph files of a real build: CPU and wall seconds of each part alone, and of the whole stage.

    python bench/last_stage.py keep --data /tmp/dump-bench/data-10000 --work /tmp/last-stage
    python bench/last_stage.py run --work /tmp/last-stage
                               [--parts dumps index store harvest all timeline] [--profile DIR]

`keep` runs `kg build` on a data folder and copies the graph files its last stage reads (the
sorted, distinct N-Triples lines of each named graph) into the work folder, with what else the
stage needs (build id, class counts). `run` times each part alone on those files, in this
process (CPU: `time.process_time`, threads included; the harvest part runs in this process
too), then the whole stage as the build runs it (`all`: the harvest in its child; `timeline`:
the same, printing when each part ends and how the store's loading thread spent its time). With
`PYTHONPATH` pointing at another checkout it times that one on the same files. `--profile`
writes a cProfile of each part (the calling thread only).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import resource
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from kg.config import load_config


def keep(data: Path, work: Path) -> None:
    """Build `data` and keep the last stage's input in `work`."""
    import importlib

    build_module = importlib.import_module("kg.publish.build")
    original = build_module.publish_files
    work.mkdir(parents=True, exist_ok=True)

    def publish_files(files: dict[str, Any], classes: Counter[str], *rest: Any) -> Any:
        release = rest[1]
        kept = {}
        for number, (graph, graph_file) in enumerate(files.items()):
            target = work / f"graph-{number}.nt"
            shutil.copyfile(graph_file.path, target)
            kept[graph] = [target.name, graph_file.triples]
        meta = {"graphs": kept, "classes": dict(classes), "build_id": release.build_id}
        (work / "stage.json").write_text(json.dumps(meta, indent=1))
        return original(files, classes, *rest)

    build_module.publish_files = publish_files
    settings = {"data_dir": data, "build_dir": work / "build", "ledger_file": str(work / "l.tsv")}
    config = load_config(settings, environ={})
    summary = build_module.build(config)
    print(summary.describe().splitlines()[2])


def run(work: Path, parts: list[str], profile: Path | None) -> None:
    """Time each part of the stage on the kept graph files."""
    from kg.iris import Iris
    from kg.publish.assemble import GraphFile, Union

    meta = json.loads((work / "stage.json").read_text())
    files = {g: GraphFile(work / name, n) for g, (name, n) in meta["graphs"].items()}
    build_id = meta["build_id"]
    config = load_config({"data_dir": work, "build_dir": work / "out"}, environ={})
    iris = Iris(config.base_uri)
    for part in parts:
        out = work / "out" / part
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        task = _task(part, files, build_id, config, iris, out, Union, meta)
        prof = cProfile.Profile() if profile and part != "all" else None
        wall, cpu, kids = time.perf_counter(), time.process_time(), _children()
        if prof is not None:
            prof.enable()
        task()
        if prof is not None:
            prof.disable()
            profile.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            prof.dump_stats(profile / f"{part}.prof")  # type: ignore[operator]
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{part}: {wall:.2f} s wall, {cpu:.2f} s CPU (+ children {_children() - kids:.2f})")
        sys.stdout.flush()


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _task(
    part: str,
    files: dict[str, Any],
    build_id: str,
    config: Any,
    iris: Any,
    out: Path,
    union: Any,
    meta: dict[str, Any],
) -> Any:
    from kg.catalogue.write import write_index
    from kg.harvest.stage import publish_harvest
    from kg.publish.outputs import GraphLines
    from kg.store.embedded import EmbeddedLoader

    context_url = str(iris.dump("context.jsonld"))
    if part == "dumps":
        return lambda: _dumps(out, f"kg-{build_id}", union(list(files.values())), context_url)
    if part == "index":
        return lambda: write_index(_lines(union(list(files.values()))), iris.id_base, out, "en")
    if part == "store":

        def load() -> None:
            loader = EmbeddedLoader(out / "store", build_id)
            for graph, graph_file in files.items():
                loader.add(graph, graph_file.path)
            loader.finish({g: f.triples for g, f in files.items()})

        return load
    if part == "harvest":
        return lambda: publish_harvest(GraphLines(files), [], out, None, config, build_id)
    if part == "all":
        return lambda: _whole(files, build_id, config, out, meta)
    if part == "timeline":
        return lambda: _timeline(files, build_id, config, out, meta)
    raise SystemExit(f"no part {part}")


def _dumps(out: Path, stem: str, union: Any, context_url: str) -> Any:
    """The dumps as the checkout writes them (an earlier one took the lines one by one)."""
    try:
        from kg.publish.dumps import write_chunks
    except ImportError:
        from kg.publish.dumps import write_dumps

        return write_dumps(out, stem, union, context_url)
    return write_chunks(out, stem, union.chunks(), context_url, union.predicates)


def _lines(union: Any) -> Any:
    """The union's lines as the checkout's build reads them for the catalogue index."""
    if hasattr(union, "chunks"):
        return itertools.chain.from_iterable(union.chunks())
    return union


def _whole(
    files: dict[str, Any], build_id: str, config: Any, out: Path, meta: Any, mark: Any = None
) -> None:
    """The stage as the build runs it: the harvest in a child, the rest here and on threads."""
    from kg.iris import Iris
    from kg.publish.child import started_in_child
    from kg.publish.outputs import harvest_step, publish_files
    from kg.publish.release import Release
    from kg.publish.timing import Timer
    from kg.store.embedded import EmbeddedLoader
    from kg.vocab.publish import load_build_vocabularies

    vocab = load_build_vocabularies(config.vocab_dir, Iris(config.base_uri).id_base)
    release, timer = Release(build_id, out), Timer()
    harvesting = started_in_child(harvest_step, files, [], release, None, config, timer)
    loader = EmbeddedLoader(out / "store", build_id)
    publish_files(
        files, Counter(meta["classes"]), loader, release, harvesting, vocab, config, timer, "now"
    )
    if mark is not None:
        mark("publish_files returned")
    loader.finish({g: f.triples for g, f in files.items()})
    if mark is not None:
        mark("store finished (count check, compaction)")
    print(f"  harvest child {timer.stages['harvest']:.2f} s wall")


def _timeline(files: dict[str, Any], build_id: str, config: Any, out: Path, meta: Any) -> None:
    """The stage as the build runs it (`all`), printing when each part ends: each graph's load,
    the catalogue index, the dumps, the harvesting child's result, the store's count check and
    compaction (seconds since the stage began, and this process's CPU seconds by then)."""
    import kg.publish.outputs as outputs
    from kg.store.embedded import EmbeddedLoader

    began, cpu = time.perf_counter(), time.process_time()

    def mark(what: str) -> None:
        now = time.perf_counter() - began
        print(f"  {now:7.1f} s  cpu {time.process_time() - cpu:7.1f}  {what}", flush=True)

    def timed(name: str, step: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            result = step(*args, **kwargs)
            mark(f"{name} {str(args[0])[-40:] if name == 'load' else ''}".rstrip())
            return result

        return wrapper

    def loaded(self: Any, graph: str, data: Any) -> None:
        """One graph's load, and how its thread spent the time: running, waiting for a core
        (run queue), or blocked (I/O, locks, the interpreter lock, Oxigraph's SST threads)."""
        clock, (ran, queued) = time.perf_counter(), _schedstat()
        timed("load", lambda *_: add(self, graph, data))(graph)
        now, (ran2, queued2) = time.perf_counter(), _schedstat()
        run, wait = ran2 - ran, queued2 - queued
        blocked = now - clock - run - wait
        print(
            f"{'':11}its thread: ran {run:.1f} s, run queue {wait:.1f} s, blocked {blocked:.1f} s"
        )

    add, index, chunks = EmbeddedLoader.add, outputs.write_index, outputs.write_chunks
    EmbeddedLoader.add = loaded
    outputs.write_index = timed("index", index)
    outputs.write_chunks = timed("dumps", chunks)
    original_result = outputs.Running.result
    outputs.Running.result = lambda self: timed("harvest", lambda *_: original_result(self))(0)
    try:
        _whole(files, build_id, config, out, meta, mark)
    finally:
        EmbeddedLoader.add, outputs.write_index, outputs.write_chunks = add, index, chunks
        outputs.Running.result = original_result


def _schedstat() -> tuple[float, float]:
    """This thread's seconds on a core and waiting in the run queue (/proc schedstat)."""
    import threading

    native = threading.get_native_id()
    ran, queued, _ = Path(f"/proc/self/task/{native}/schedstat").read_text().split()
    return int(ran) / 1e9, int(queued) / 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    kept = sub.add_parser("keep")
    kept.add_argument("--data", type=Path, required=True)
    kept.add_argument("--work", type=Path, required=True)
    timed = sub.add_parser("run")
    timed.add_argument("--work", type=Path, required=True)
    timed.add_argument("--parts", nargs="+", default=["dumps", "index", "store", "harvest", "all"])
    timed.add_argument("--profile", type=Path)
    args = parser.parse_args()
    if args.command == "keep":
        keep(args.data, args.work)
    else:
        run(args.work, args.parts, args.profile)


if __name__ == "__main__":
    main()
