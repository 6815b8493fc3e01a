"""The two SHACL engines side by side on the same records: pySHACL over an rdflib Graph (the
reference) and pyshacl-turbo over an in-memory Oxigraph store (what the build uses).

    python bench/shacl.py [--records 1000] [--data DIR]

Maps the first N records of a generated catalogue (bench/generate.py, seed 1, made if missing),
validates them as one batch with each engine, and prints the seconds of each step and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rdflib import Graph

from kg.mapping import Context, map_record
from kg.publish.ntriples import line
from kg.validate import Gate, check, load_shapes

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.sample import DEFAULT_DATA, first_records  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    sample = first_records(args.data, args.records)
    context = Context(sample.iris, sample.lexicon.authority, vocabularies=sample.vocab.index)
    triples = {t for r in sample.records for t in map_record(r, context).catalogue}
    lines = [line(t) for t in triples]
    shapes = load_shapes(ROOT / "shapes")
    gate = Gate(shapes)

    started = time.perf_counter()
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    built = time.perf_counter()
    reference = check(graph, shapes)
    pyshacl_s = (built - started, time.perf_counter() - built)

    started = time.perf_counter()
    fast = gate.check(lines)
    turbo_s = time.perf_counter() - started

    assert (fast.conforms, fast.violations) == (reference.conforms, reference.violations)
    print(f"{args.records} records, {len(triples):,} triples, same results: yes")
    print(f"pySHACL:       rdflib graph {pyshacl_s[0]:.2f} s + validate {pyshacl_s[1]:.2f} s")
    print(f"pyshacl-turbo: Oxigraph store load + validate {turbo_s:.2f} s")
    print(f"ratio: {sum(pyshacl_s) / turbo_s:.1f}×")


if __name__ == "__main__":
    main()
