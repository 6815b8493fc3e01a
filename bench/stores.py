"""kg on three stores, side by side in one run: the embedded Oxigraph store, `oxigraph serve`
and Virtuoso 7, the same generated catalogue in each.

    python -m bench.stores [--records 100000] [--seconds 20] [--runs 5] [--out DIR]

Generates `--records` records (bench/generate.py), starts `oxigraph serve` and Virtuoso (private
ini, loopback ports) and builds the catalogue three times with the same ledger and base — into
the embedded store, into `oxigraph serve` and into Virtuoso — timing each build (the store load
is the difference). Documents are not rendered ahead (`kg render` is not run): every document
is described from the store, which is what is compared. Then, for each store, one `kg serve`
(2 workers): wrk on random `/doc/work/{key}.ttl` and `.html` documents for `--seconds` each,
and each example query of the query page `--runs` times (median), its solutions checked against
the embedded store's. Prints Markdown tables; docs/benchmarks.md keeps the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import requests

from bench.generate import generate
from bench.web import free_port, work_paths, wrk
from kg.config import Config, load_config
from kg.publish import build
from kg.sparql.examples import EXAMPLES
from kg.web.server import serve_command
from tests.servers import running_server
from tests.stores import RemoteStore, oxigraph_serve, store_env, virtuoso

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://kg.bench.example/"
STORES = ("embedded", "oxigraph", "virtuoso")


def configure(out: Path, kind: str, store: RemoteStore | None) -> Config:
    values: dict[str, object] = {
        "data_dir": out / "data",
        "vocab_dir": ROOT / "vocab",
        "shapes_dir": ROOT / "shapes",
        "build_dir": out / kind,
        "ledger_file": str(out / f"ledger-{kind}.tsv"),
        "base_uri": BASE,
    }
    if store is not None:
        values.update(store=store.url, store_kind=store.kind)
    return load_config(values, environ={})


def timed_build(config: Config, store: RemoteStore | None) -> float:
    started = time.monotonic()
    with store_env(store) if store else _nothing():
        build(config)
    return time.monotonic() - started


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def kg_serve(config: Config, store: RemoteStore | None) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "KG_BASE_URI": BASE, "KG_WATCH_INTERVAL_MS": "0"}
    env["KG_SPARQL_BUDGET_S_PER_MINUTE"] = "100000"  # the benchmark is one busy client
    if store is not None:
        env.update(KG_STORE=store.url, KG_STORE_KIND=store.kind)
    cmd = serve_command(config.build_dir, port, workers=2)
    url = f"http://127.0.0.1:{port}"
    with running_server(cmd, env, url + "/health", config.build_dir.parent / f"serve-{port}.log"):
        yield url


def example_times(url: str, runs: int) -> dict[str, tuple[float, list[str]]]:
    """Median seconds of each example query, and its solutions (sorted, for comparison)."""
    out = {}
    with requests.Session() as session:
        for example in EXAMPLES:
            times, rows = [], []
            for _ in range(runs + 1):  # the first run warms the caches and is not counted
                started = time.perf_counter()
                response = session.post(url + "/sparql", data={"query": example.query}, timeout=60)
                times.append(time.perf_counter() - started)
                response.raise_for_status()
                rows = sorted(
                    str(sorted(r.items())) for r in response.json()["results"]["bindings"]
                )
            out[example.name] = (statistics.median(times[1:]), rows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-stores-"))
    generate(args.records, out / "data")
    ledger = ROOT / "data" / "ledger.tsv"
    with ExitStack() as stack:
        stores: dict[str, RemoteStore | None] = {
            "embedded": None,
            "oxigraph": stack.enter_context(oxigraph_serve(out / "oxigraph-store")),
            "virtuoso": stack.enter_context(virtuoso(out / "virtuoso-store")),
        }
        configs, builds = {}, {}
        for kind in STORES:
            shutil.copy(ledger, out / f"ledger-{kind}.tsv")  # the same keys in every store
            configs[kind] = configure(out, kind, stores[kind])
            builds[kind] = timed_build(configs[kind], stores[kind])
        paths = out / "paths.txt"
        docs = work_paths(configs["embedded"].build_dir, 2000, seed=1)
        rows = [
            "| store | build s | .ttl req/s | .ttl p99 ms | .html req/s | .html p99 ms | errors |"
        ]
        rows.append("| --- | --- | --- | --- | --- | --- | --- |")
        queries: dict[str, dict[str, tuple[float, list[str]]]] = {}
        for kind in STORES:
            with kg_serve(configs[kind], stores[kind]) as url:
                figures = {}
                for suffix in ("ttl", "html"):
                    paths.write_text("\n".join(f"{p}.{suffix}" for p in docs) + "\n")
                    figures[suffix] = wrk(url, paths, args.seconds, connections=8)
                queries[kind] = example_times(url, args.runs)
            ttl, html = figures["ttl"], figures["html"]
            rows.append(
                f"| {kind} | {builds[kind]:.1f} | {ttl['rps']:.0f} | {ttl['p99']:.0f} |"
                f" {html['rps']:.0f} | {html['p99']:.0f} | {ttl['errors'] + html['errors']:.0f} |"
            )
    print(
        f"{args.records} records, {args.seconds} s of wrk per format (2 threads, 8 connections)\n"
    )
    print("\n".join(rows) + "\n")
    print("| example query | embedded ms | oxigraph serve ms | Virtuoso ms | same solutions |")
    print("| --- | --- | --- | --- | --- |")
    for example in EXAMPLES:
        cells = [f"{queries[k][example.name][0] * 1000:.1f}" for k in STORES]
        same = all(
            queries[k][example.name][1] == queries["embedded"][example.name][1] for k in STORES
        )
        print(f"| {example.name} | {' | '.join(cells)} | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()
