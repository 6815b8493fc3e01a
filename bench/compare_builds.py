"""Build the same generated catalogue with this checkout and with an earlier revision of kg,
and compare what they publish: every dump's sha256, the build ids, the triples per graph and
the rows of every table of the catalogue index and the harvest index (the harvest index's
random lineage id and the time each generation went live aside; stored records decompressed).

    python bench/compare_builds.py --records 10000 --reference main [--work /tmp/kg-compare]
                                   [--seed 1] [--workers 2]

The reference is `git archive`d from this repository into the work folder and run with the same
Python environment (its `kg` package first on the path), the same vocabularies, shapes and base
IRI, each from an empty ledger: same input, so the same bytes are expected. Exits 1 when a dump
differs. Used to show that a change to the build (e.g. streaming) publishes what it did before.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://localhost:5000/"
CHILD = """
import json, sys
from kg.config import load_config
from kg.publish import build
data, out, ledger, vocab, shapes, workers = sys.argv[1:]
config = load_config({"data_dir": data, "build_dir": out, "ledger_file": ledger,
    "vocab_dir": vocab, "shapes_dir": shapes, "base_uri": BASE,
    "build_workers": int(workers)}, environ={})
summary = build(config)
print(json.dumps({"build_id": summary.release.build_id, "published": summary.published,
    "quarantined": summary.rejected, "triples": summary.triples, "seconds": summary.seconds,
    "dumps": {d.format: d.sha256 for d in summary.dumps}}))
"""


def checkout(reference: str, work: Path) -> Path:
    """The reference revision's files, extracted once into the work folder."""
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short", reference], cwd=ROOT, check=True, capture_output=True
        )
        .stdout.decode()
        .strip()
    )
    folder = work / f"kg-{commit}"
    if not (folder / "kg").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def build_with(code: Path, data: Path, out: Path, workers: int) -> dict[str, object]:
    """One build by the kg package in `code`, from an empty ledger, in a child process."""
    shutil.rmtree(out, ignore_errors=True)
    ledger = out.with_suffix(".ledger.tsv")
    ledger.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    args = [str(data), str(out), str(ledger), str(ROOT / "vocab"), str(ROOT / "shapes")]
    script = CHILD.replace("BASE", repr(BASE))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, *args, str(workers)],
        cwd=code,
        env=env,
        check=True,
        capture_output=True,
    )
    result: dict[str, object] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    result["wall"] = time.monotonic() - started
    graphs = json.loads(next((out / "releases").glob("*/manifest.json")).read_text())
    result["graph_triples"] = graphs.get("graph_triples", {})
    release = next((out / "releases").glob("*/manifest.json")).parent
    result["tables"] = {f: tables(release / f) for f in ("catalogue.sqlite", "harvest.sqlite")}
    return result


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted (FTS5's own shadow tables left out: the `search` table's rows
    say what they hold), but for what differs between any two builds of the same input."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("search_", "sqlite_"))
        ]
        found = {}
        for name in names:
            rows = [tuple(_plain(v) for v in row) for row in db.execute(f"SELECT * FROM {name}")]
            if name == "meta":
                rows = [row for row in rows if row[0] != "lineage"]
            if name == "generations":
                rows = [(row[0], row[2]) for row in rows]  # not the time it went live
            found[name] = sorted(rows, key=repr)
        return found
    finally:
        db.close()


def _plain(value: object) -> object:
    """A stored record's text (zlib), any other value as it is."""
    if isinstance(value, bytes):
        try:
            return zlib.decompress(value).decode()
        except zlib.error:
            return value
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--reference", default="main", help="a git revision (default main)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-compare"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    data = args.work / f"data-{args.records}-seed{args.seed}"
    if not data.is_dir():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--records", str(args.records),
             "--out", str(data), "--seed", str(args.seed)],
            check=True,
        )  # fmt: skip
    reference = checkout(args.reference, args.work)
    ref = build_with(reference, data, args.work / "build-reference", args.workers)
    new = build_with(ROOT, data, args.work / "build-this", args.workers)
    print(f"| | {args.reference} ({reference.name}) | this checkout |")
    print("| --- | --- | --- |")
    for name in ("build_id", "published", "quarantined", "triples", "wall"):
        a, b = ref[name], new[name]
        cells = (f"{a:.0f} s", f"{b:.0f} s") if name == "wall" else (a, b)
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    ref_dumps, new_dumps = ref["dumps"], new["dumps"]
    assert isinstance(ref_dumps, dict) and isinstance(new_dumps, dict)
    same = True
    for fmt in sorted(set(ref_dumps) | set(new_dumps)):
        a, b = ref_dumps.get(fmt, "-"), new_dumps.get(fmt, "-")
        same &= a == b
        print(f"| {fmt} sha256 | {str(a)[:16]}… | {'same' if a == b else str(b)[:16] + '…'} |")
    ref_tables, new_tables = ref["tables"], new["tables"]
    assert isinstance(ref_tables, dict) and isinstance(new_tables, dict)
    for file, by_name in sorted(ref_tables.items()):
        for name in sorted(set(by_name) | set(new_tables[file])):
            a, b = by_name.get(name), new_tables[file].get(name)
            same &= a == b
            rows = len(a) if a is not None else "-"
            print(f"| {file} {name} | {rows} rows | {'same' if a == b else 'DIFFERENT'} |")
    same &= ref["graph_triples"] == new["graph_triples"] and ref["build_id"] == new["build_id"]
    print("same bytes" if same else "DIFFERENT", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
