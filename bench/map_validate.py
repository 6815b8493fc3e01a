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
import sys
import time
from pathlib import Path

from kg.mapping import Context
from kg.publish.keys import assign_keys
from kg.publish.pipeline import BATCH_SIZE, judge_batch
from kg.validate import Gate, load_shapes

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.sample import DEFAULT_DATA, first_records  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    sample = first_records(args.data, args.records)
    records, lexicon, iris = sample.records, sample.lexicon, sample.iris
    keys = assign_keys(records, lexicon.authority, "", "ledger")
    context = Context(
        iris, lexicon.authority, keys.table, "en", iris.build("b"), sample.vocab.index
    )
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
