"""Benchmark `kg build` on synthetic catalogues: time per stage, peak memory, triples/s.

    python bench/build.py --records 10000 100000 [--work /tmp/kg-bench] [--seed 1]
                          [--no-render] [--cold-only]

For each size, generates the catalogue with `bench/generate.py` (once; reused after), then runs
one cold build (empty verdict cache, fresh ledger) and one warm rebuild of the same input in a
child process, sampling the memory of the whole process tree (the build and its workers) every
0.1 s, then `kg render` of the last release (the documents the server looks up; it runs after
the build has published), and the disk the release takes (store, dumps, documents, in all).
Prints one Markdown table row per run, for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(data: Path, out: Path, ledger: Path) -> None:
    """Run one build in this process and print its summary as JSON."""
    from kg.config import load_config
    from kg.publish import build

    config = load_config(
        {"data_dir": data, "build_dir": out, "ledger_file": str(ledger)}, environ={}
    )
    summary = build(config)
    stats = {
        "read": summary.read,
        "published": summary.published,
        "quarantined": summary.rejected,
        "triples": summary.triples,
        "seconds": summary.seconds,
        "stages": summary.stages,
        "cached": summary.cached,
    }
    print(json.dumps(stats))


def render_child(out: Path) -> None:
    """Run `kg render` on a build folder in this process and print its outcome as JSON."""
    from kg.config import load_config
    from kg.web.prerender import render_current

    started = time.monotonic()
    message = render_current(load_config({"build_dir": out}, environ={}))
    print(json.dumps({"message": message, "seconds": time.monotonic() - started}))


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        rss = next((ln.split()[1] for ln in status.splitlines() if ln.startswith("VmRSS")), "0")
        total += int(rss) * 1024
        todo += [int(c) for c in children]
    return total


def run(*args: str) -> tuple[dict[str, object], float, int]:
    """One build (or render) in a child process: its stats, wall seconds and peak tree memory."""
    cmd = [sys.executable, __file__, *args]
    started, peak = time.monotonic(), 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=ROOT) as proc:
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.1)
        assert proc.stdout is not None
        output = proc.stdout.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({proc.returncode})")
    return json.loads(output.strip().splitlines()[-1]), time.monotonic() - started, peak


def disk(out: Path) -> str:
    """Disk used by the current release: store, dumps, documents, all of it (MiB)."""
    release = (out / "current").resolve()
    sizes = {part: _size(release / part) for part in ("store", "dumps", "documents.sqlite")}
    total = _size(release)
    return ", ".join(f"{k} {v / 2**20:,.0f}" for k, v in sizes.items()) + (
        f"; release {total / 2**20:,.0f} MiB"
    )


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def row(label: str, stats: dict[str, object], wall: float, peak: int) -> str:
    stages = stats["stages"]
    assert isinstance(stages, dict)
    triples = int(stats["triples"])  # type: ignore[call-overload]
    parts = ", ".join(f"{k} {v:.0f}" for k, v in stages.items())
    return (
        f"| {label} | {stats['read']} = {stats['published']} + {stats['quarantined']} "
        f"| {triples:,} | {wall:.0f} s | {parts} | {peak / 2**30:.2f} GiB "
        f"| {triples / wall:,.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--render-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-render", action="store_true", help="skip `kg render`")
    parser.add_argument("--cold-only", action="store_true", help="skip the warm rebuild")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.render_child:
        render_child(args.render_child)
        return
    print(
        "| run | records read = published + quarantined | triples | wall | stages (s) "
        "| peak memory | triples/s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
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
        labels = [f"{count:,} cold"] + ([] if args.cold_only else [f"{count:,} rebuild"])
        for label in labels:
            print(row(label, *run("--child", str(data), str(out), str(ledger))), flush=True)
        if not args.no_render:
            rendered, wall, peak = run("--render-child", str(out))
            print(f"| {count:,} `kg render` | {rendered['message']} | | {wall:.0f} s | "
                  f"| {peak / 2**30:.2f} GiB | |", flush=True)  # fmt: skip
        print(f"| {count:,} disk (MiB) | {disk(out)} | | | | | |", flush=True)


if __name__ == "__main__":
    main()
