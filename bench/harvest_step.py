"""The build's harvesting step alone, over a built release's N-Triples dump: CPU per work.

    python bench/harvest_step.py --build /tmp/kg-bench/build-10000 [--work /tmp/kg-harvest-step]
                                 [--repeat 2] [--profile harvest.prof]

Reads the current release's `kg-*.nt.gz` (the union of its graph files: the lines the harvesting
child reads) into one sorted graph file, then runs `publish_harvest` on it as the build's child
does (no previous release, no tombstones) and prints its wall and CPU seconds. With the index and
MARCXML dump it writes, a change to kg/harvest can be checked against an earlier build's release
(the index's lineage and generation times aside, they are the same). Run with `PYTHONPATH`
pointing at another checkout to time that one on the same lines (`valgrind --tool=callgrind`
around it counts instructions, which do not depend on what else the machine runs).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import shutil
import time
from pathlib import Path
from typing import Any

from kg.config import load_config
from kg.harvest.stage import publish_harvest
from kg.publish.assemble import GraphFile, Union


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, required=True, help="a build folder (kg build --out)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-harvest-step"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the last run here")
    args = parser.parse_args()
    release = (args.build / "current").resolve()
    dump = next((release / "dumps").glob("kg-*.nt.gz"))
    build_id = dump.name.removeprefix("kg-").removesuffix(".nt.gz")
    args.work.mkdir(parents=True, exist_ok=True)
    lines = args.work / f"{build_id}.nt"
    if not lines.is_file():
        with gzip.open(dump, "rb") as source, lines.open("wb") as target:
            shutil.copyfileobj(source, target)
    graph = {"union": GraphFile(lines, 0)}
    out = args.work / "release"
    settings = {"data_dir": args.work, "build_dir": args.work, "base_uri": _base(release)}
    config = load_config(settings, environ={})
    for run in range(args.repeat):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        profile = cProfile.Profile() if args.profile and run == args.repeat - 1 else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None:
            profile.enable()
        summary = publish_harvest(_lines(graph), [], out, None, config, build_id)
        if profile is not None:
            profile.disable()
            profile.dump_stats(args.profile)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"{summary.works} works: {wall:.2f} s wall, {cpu:.2f} s CPU, "
            f"{1000 * cpu / max(summary.works, 1):.2f} ms CPU a work ({out})",
            flush=True,
        )


def _lines(graph: dict[str, GraphFile]) -> Any:
    """What the build's harvesting child reads (a checkout from before it read the works' lines
    and the others apart read the whole union twice)."""
    try:
        from kg.publish.outputs import GraphLines
    except ImportError:
        return lambda: Union(list(graph.values()))
    return GraphLines(graph)


def _base(release: Path) -> str:
    """The base IRI the release was built with (its manifest says)."""
    manifest = json.loads((release / "manifest.json").read_text())
    return str(manifest.get("base_uri") or "http://localhost:5000/")


if __name__ == "__main__":
    main()
