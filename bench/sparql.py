"""Benchmark kg's SPARQL endpoint against `oxigraph serve` on the same data, side by side.

    python -m bench.sparql --build BUILD_DIR [--runs 15] [--warmup 3] [--queries NAME …]

Starts `kg serve` over the build's current release and `oxigraph serve --union-default-graph`
(PyPI `oxigraph`, the same engine as pyoxigraph; a dev dependency, so `make install` has it) over
a copy of the release's store (Oxigraph's server takes the store's write lock; the copy goes to a
temporary folder unless `--oxigraph-store` names one, and is removed after), both on 127.0.0.1.
Both see the same store state (the copy is byte for byte the compacted release store) and the
same default graph (the union of the named graphs). kg runs with its public limits (30 s per
query, 10,000 rows) except the per-client budget: the benchmark is one busy client.

First a query that does no work (`ASK {}`: the fixed cost of each server's request path), then
each example query of the query page, sent alternately to the two servers (POST form, JSON
results, one keep-alive session each; which server goes first alternates per round) after
warm-up runs. Both answers are checked to be the same solutions (kg may stop at its row cap: a
capped row compares unequal work, and the table says so). Prints one Markdown row per query
with both medians, their ratio and difference, and whether the target holds (kg ≤ 1.5×
Oxigraph when Oxigraph takes over 10 ms, else ≤ +5 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import requests

from kg.sparql.examples import EXAMPLES
from kg.web.server import serve_command

ROOT = Path(__file__).resolve().parent.parent
NO_WORK = ("(no work: ASK {})", "ASK {}")
MAX_ROWS = 10_000  # kg's default row cap (KG_SPARQL_MAX_ROWS)


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
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
                try:
                    requests.get(probe, timeout=2).close()
                    break
                except requests.RequestException:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{cmd[0]} did not start within 120 s") from None
                    time.sleep(0.3)
            yield
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@contextmanager
def store_copy(build: Path, given: Path | None) -> Iterator[Path]:
    """The copy of the release store that `oxigraph serve` opens (made unless `given`)."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-oxigraph-") as tmp:
        target = Path(tmp) / "store"
        shutil.copytree((build / "current" / "store").resolve(), target)
        yield target


def timed(session: requests.Session, url: str, query: str) -> tuple[float, dict[str, object]]:
    """Seconds from sending the query to having the whole body, and the parsed result."""
    started = time.perf_counter()
    response = session.post(
        url,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=300,
    )
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, json.loads(response.content)


def solutions(result: dict[str, object]) -> list[str]:
    """The solutions in a canonical order (ties in ORDER BY may come in either order)."""
    if "boolean" in result:
        return [str(result["boolean"])]
    bindings = result["results"]["bindings"]  # type: ignore[index]
    return sorted(json.dumps(b, sort_keys=True) for b in bindings)


Servers = dict[str, tuple[requests.Session, str]]


def compare(name: str, query: str, servers: Servers, runs: int, warmup: int) -> str:
    """One Markdown row: both servers' medians for `query` over `runs` after `warmup`."""
    times: dict[str, list[float]] = {"kg": [], "ox": []}
    answers: dict[str, list[str]] = {}
    for i in range(warmup + runs):
        order = ("ox", "kg") if i % 2 == 0 else ("kg", "ox")
        for server in order:
            session, url = servers[server]
            elapsed, result = timed(session, url, query)
            answers[server] = solutions(result)
            if i >= warmup:
                times[server].append(elapsed)
    rows = len(answers["ox"])
    capped = rows > MAX_ROWS
    if capped:  # kg stops at its row cap: fewer rows to write than Oxigraph
        assert len(answers["kg"]) == MAX_ROWS, (name, len(answers["kg"]))
    else:
        assert answers["kg"] == answers["ox"], f"{name}: kg and Oxigraph answered differently"
    ox_ms = statistics.median(times["ox"]) * 1000
    kg_ms = statistics.median(times["kg"]) * 1000
    ok = kg_ms <= 1.5 * ox_ms if ox_ms > 10 else kg_ms - ox_ms <= 5
    verdict = ("met" if ok else "missed") + (" (kg capped: not like for like)" if capped else "")
    return (
        f"| {name} | {rows} | {ox_ms:.1f} | {kg_ms:.1f} | "
        f"{kg_ms / ox_ms:.2f} | {kg_ms - ox_ms:+.1f} | {verdict} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True, help="a `kg build` output folder")
    parser.add_argument("--oxigraph-store", type=Path, help="use this copy of the store")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query and server")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--queries", nargs="*", help="example names (default: all)")
    args = parser.parse_args()
    manifest = json.loads((args.build / "current" / "manifest.json").read_text())
    kg_port, ox_port = free_port(), free_port()
    kg_env = {
        **os.environ,
        "KG_BASE_URI": manifest["base_uri"],
        "KG_SPARQL_BUDGET_S_PER_MINUTE": "100000",  # the benchmark is one busy client
        "KG_SPARQL_MAX_ROWS": str(MAX_ROWS),
        "KG_WATCH_INTERVAL_MS": "0",  # serve the build as it is: no rebuild loop
    }
    kg_cmd = serve_command(args.build, kg_port)
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"
    kg_url = f"http://127.0.0.1:{kg_port}/sparql"
    ox_url = f"http://127.0.0.1:{ox_port}/query"
    examples = [e for e in EXAMPLES if not args.queries or e.name in args.queries]
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{manifest['triples']:,} triples, {args.runs} runs per query and server")
    print(f"load average at the start {load} (1/5/15 min)\n")
    head = "| query | rows | Oxigraph median ms | kg median ms | kg ÷ Oxigraph | kg − Oxigraph ms |"
    print(head + " target |")
    print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)
    with ExitStack() as stack:
        ox_store = stack.enter_context(store_copy(args.build, args.oxigraph_store))
        ox_cmd = [oxigraph, "serve", "--location", str(ox_store)]
        ox_cmd += ["--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"]
        stack.enter_context(running(kg_cmd, kg_env, kg_url + "?query=ASK%7B%7D"))
        stack.enter_context(running(ox_cmd, dict(os.environ), ox_url + "?query=ASK%7B%7D"))
        servers = {
            "kg": (stack.enter_context(requests.Session()), kg_url),
            "ox": (stack.enter_context(requests.Session()), ox_url),
        }
        for name, query in [NO_WORK] + [(e.name, e.query) for e in examples]:
            print(compare(name, query, servers, args.runs, args.warmup), flush=True)
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nload average at the end {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
