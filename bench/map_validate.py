"""A map + validate worker's cost per record, in process: `judge_batch` over generated records.

    python bench/map_validate.py [--records 500] [--data DIR] [--passes 1] [--profile]

Reads the first N records of a generated catalogue (bench/generate.py, seed 1, made if missing),
assigns their keys as a cold build would, then judges them in batches of 500 `--passes` times
(a fresh set of known units each pass, a warm process), and prints the CPU seconds of the
fastest pass and a digest of every line published (the same for two checkouts that publish the
same lines). For instruction counts, run it under callgrind with `--passes 1` and `--passes 2`
and take the difference: one pass, without the start-up (`PYTHONHASHSEED=0` for both).
`--profile` prints cProfile's top functions for one pass instead.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import subprocess
import sys
import time
from pathlib import Path

from kg.ingest import load_lexicon, read_records, source_files
from kg.iris import Iris
from kg.mapping import Context
from kg.publish.keys import assign_keys
from kg.publish.pipeline import BATCH_SIZE, judge_batch
from kg.records import Record
from kg.validate import Gate, load_shapes
from kg.vocab.publish import load_build_vocabularies

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--data", type=Path, default=Path("/tmp/kg-bench/data-10000"))
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--records", "10000"]
        subprocess.run([*generate, "--out", str(args.data)], check=True)
    iris = Iris("http://localhost:5000/")
    lexicon = load_lexicon(ROOT / "vocab", iris.id_base)
    vocab = load_build_vocabularies(ROOT / "vocab", iris.id_base)
    records: list[Record] = []
    for path in source_files([args.data]):
        records += read_records(path, lexicon)
        if len(records) >= args.records:
            break
    records = records[: args.records]
    keys = assign_keys(records, lexicon.authority, "", "ledger")
    context = Context(iris, lexicon.authority, keys.table, "en", iris.build("b"), vocab.index)
    gate = Gate(load_shapes(ROOT / "shapes"))
    batches = [records[i : i + BATCH_SIZE] for i in range(0, len(records), BATCH_SIZE)]
    judge_batch(batches[0][:50], context, gate, set())  # imports, memos: not what is measured
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [judge_batch(b, context, gate, set()) for b in batches])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return
    best, lines = float("inf"), []
    for _ in range(args.passes):
        known: set[bytes] = set()
        started = time.process_time()
        judged = [j for batch in batches for j in judge_batch(batch, context, gate, known)]
        best = min(best, time.process_time() - started)
        lines = [x for j in judged for x in (*j.catalogue, *j.provenance)]
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    print(f"{len(records)} records, fastest of {args.passes} passes: {best:.2f} CPU s")
    print(f"{best / len(records) * 1000:.3f} ms a record; lines published: sha256 {digest}…")


if __name__ == "__main__":
    main()
