"""Parse benchmark: `kg parse` rate on generated catalogues and peak memory by number of files.

    python bench/parse.py [--records 100000] [--work DIR] [--seed 1]

Generates (with bench/generate.py) the same number of records as many small pages and as few
large pages, plus one ~50 MB page, then runs `kg parse` on each in a fresh child process (one
core) with stdout to /dev/null, and prints a Markdown table: records, files, CPU seconds, records
per CPU second, wall seconds and peak RSS. Results go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402


def child(folder: Path) -> None:
    """Run `kg parse` on `folder` in this process; print the measurements as JSON."""
    from kg.ingest.parse import parse_command

    started, cpu = time.monotonic(), time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        parse_command([folder], ROOT / "vocab", "http://localhost/id/", out=sink, err=sink)
    cpu = time.process_time() - cpu
    wall = time.monotonic() - started
    print(json.dumps({"cpu_s": cpu, "wall_s": wall, "peak_mb": _peak_mb()}))


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: ru_maxrss would count the memory of the
    parent that forked us, kept across exec on Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stages(folder: Path) -> None:
    """CPU seconds of each stage over `folder`, side by side in this process."""
    from kg.ingest import load_lexicon, read_source, source_files
    from kg.ingest.decode import text_lines
    from kg.ingest.page import read_page

    files = source_files([folder])
    lex = load_lexicon(ROOT / "vocab", "http://localhost/id/")

    def timed(run: object) -> float:
        started = time.process_time()
        run()  # type: ignore[operator]
        return time.process_time() - started

    def ignore(_message: str) -> None:
        return None

    decode = timed(lambda: [sum(1 for _ in text_lines(f, ignore)) for f in files])
    segment = timed(lambda: [sum(1 for _ in read_page(text_lines(f, ignore))[1]) for f in files])
    parse = timed(lambda: [sum(1 for _ in read_source(f, lex)) for f in files])
    print(json.dumps({"decode": decode, "segment": segment, "parse": parse}))


def measure(folder: Path, records: int, checkout: Path = ROOT) -> dict[str, float]:
    """One child run of `checkout`'s kg (pinned to one core where the platform allows)."""
    cmd = [sys.executable, str(checkout / "bench" / "parse.py"), "--child", str(folder)]
    if sys.platform.startswith("linux"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out)
    files = sum(1 for _ in folder.iterdir())
    result.update(records=records, files=files, rate=records / result["cpu_s"])
    return result


def side_by_side(other: Path, runs: list[tuple[str, Path, int]]) -> None:
    """CPU seconds of `other`'s kg parse and this one's, alternately on the same folders."""
    print(f"\n| input | pair | {other} CPU s | this checkout CPU s | this / other |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, folder, records in runs:
        for pair in (1, 2):
            before = measure(folder, records, other)["cpu_s"]
            after = measure(folder, records)["cpu_s"]
            print(f"| {records:,} records, {label} | {pair} | {before:.1f} | {after:.1f} "
                  f"| {after / before:.2f} |")  # fmt: skip


def dataset(work: Path, name: str, records: int, per_page: int, seed: int) -> Path:
    folder = work / name
    if not folder.exists():
        generate(records, folder, seed=seed, per_page=per_page)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--work", type=Path, help="folder for generated data (default: temp)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (an earlier revision, `git archive`d): its kg parse and this one "
        "run alternately on the 100,000-record folders, two pairs each",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if args.stages:
        stages(args.stages)
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    n = args.records
    runs = [
        ("pages of 50 records", dataset(work, f"small-{n}", n, 50, args.seed), n),
        ("pages of 5,000 records", dataset(work, f"large-{n}", n, 5_000, args.seed), n),
        ("pages of 50 records", dataset(work, f"small-{n // 10}", n // 10, 50, args.seed), n // 10),
        ("one ~50 MB page", dataset(work, "page-50mb", 50_000, 50_000, args.seed + 1), 50_000),
    ]
    print(f"load average before: {os.getloadavg()[0]:.1f} (2-core machine)", file=sys.stderr)
    print("| input | records | files | CPU s | records/CPU s | wall s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, folder, records in runs:
        r = measure(folder, records)
        print(
            f"| {label} | {records:,} | {r['files']:,} | {r['cpu_s']:.1f} | {r['rate']:,.0f} "
            f"| {r['wall_s']:.1f} | {r['peak_mb']:.0f} |"
        )
    cmd = [sys.executable, __file__, "--stages", str(runs[2][1])]
    split = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    print(
        f"\nstages over {runs[2][2]:,} records, CPU s: decode {split['decode']:.2f}, "
        f"decode+segment {split['segment']:.2f}, full parse {split['parse']:.2f} "
        f"(segmenting is {split['segment'] / split['parse']:.0%} of parsing)"
    )
    if args.against:
        side_by_side(args.against, runs[:2])
    biggest = max((work / "page-50mb").iterdir(), key=lambda p: p.stat().st_size)
    print(f"largest page: {biggest.stat().st_size / 1e6:.0f} MB", file=sys.stderr)
    print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
