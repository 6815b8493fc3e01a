"""Benchmark kg's SPARQL endpoint against `oxigraph serve` on the same data, side by side.

    python -m bench.sparql --build BUILD_DIR --oxigraph-store COPY_OF_THE_STORE [--runs 15]

Starts `kg serve` over the build's current release and `oxigraph serve` (PyPI `oxigraph`, the
same engine as pyoxigraph; `pip install oxigraph==0.5.13`) over a copy of its store (Oxigraph's
server takes the store's write lock), both on 127.0.0.1. Each example query of the query page is
sent alternately to the two servers (POST form, JSON results, one keep-alive session each) after
warm-up runs; prints one Markdown row per query with both medians, their ratio and difference,
and whether the target holds (kg ≤ 1.5× Oxigraph when Oxigraph takes over 10 ms, else ≤ +5 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from kg.sparql.examples import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(cmd: list[str], env: dict[str, str], probe: str) -> Iterator[None]:
    """A server process, up when `probe` answers; stopped on exit."""
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, env=env, stdout=sink, stderr=sink)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
                try:
                    requests.get(probe, timeout=2)
                    break
                except requests.RequestException:
                    time.sleep(0.3)
            yield
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def timed(session: requests.Session, url: str, query: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = session.post(
        url,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=120,
    )
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, len(json.loads(response.content)["results"]["bindings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--oxigraph-store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--queries", nargs="*", help="example names (default: all)")
    args = parser.parse_args()
    manifest = json.loads((args.build / "current" / "manifest.json").read_text())
    kg_port, ox_port = free_port(), free_port()
    kg_env = {
        **os.environ,
        "KG_BASE_URI": manifest["base_uri"],
        "KG_SPARQL_BUDGET_S_PER_MINUTE": "100000",  # the benchmark is one busy client
        "KG_SPARQL_TIME_LIMIT_MS": "120000",
    }
    kg_cmd = [sys.executable, "-m", "kg", "serve", "--build", str(args.build)]
    kg_cmd += ["--host", "127.0.0.1", "--port", str(kg_port)]
    oxigraph = str(Path(sys.executable).parent / "oxigraph")
    ox_cmd = [oxigraph, "serve", "--location", str(args.oxigraph_store)]
    ox_cmd += ["--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"]
    kg_url = f"http://127.0.0.1:{kg_port}/sparql"
    ox_url = f"http://127.0.0.1:{ox_port}/query"
    print(f"{manifest['triples']:,} triples, {args.runs} runs per query and server\n")
    head = "| query | rows | Oxigraph median ms | kg median ms | kg ÷ Oxigraph | kg − Oxigraph ms |"
    print(head + " target |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with (
        running(kg_cmd, kg_env, kg_url + "?query=ASK%7B%7D"),
        running(ox_cmd, dict(os.environ), ox_url + "?query=ASK%7B%7D"),
        requests.Session() as kg,
        requests.Session() as ox,
    ):
        for example in [e for e in EXAMPLES if not args.queries or e.name in args.queries]:
            times: dict[str, list[float]] = {"kg": [], "ox": []}
            rows: dict[str, int] = {}
            for i in range(args.warmup + args.runs):
                for name, session, url in (("ox", ox, ox_url), ("kg", kg, kg_url)):
                    elapsed, rows[name] = timed(session, url, example.query)
                    if i >= args.warmup:
                        times[name].append(elapsed)
            # kg stops at its row cap (10,000 by default); Oxigraph has none.
            assert rows["kg"] == min(rows["ox"], 10_000), (example.name, rows)
            ox_ms = statistics.median(times["ox"]) * 1000
            kg_ms = statistics.median(times["kg"]) * 1000
            ok = kg_ms <= 1.5 * ox_ms if ox_ms > 10 else kg_ms - ox_ms <= 5
            print(
                f"| {example.name} | {rows['ox']} | {ox_ms:.1f} | {kg_ms:.1f} | "
                f"{kg_ms / ox_ms:.2f} | {kg_ms - ox_ms:+.1f} | {'met' if ok else 'missed'} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
