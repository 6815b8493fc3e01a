"""Harvesting benchmark: a full OAI-PMH harvest of a synthetic catalogue from `kg serve`, the
build's harvesting step (index + MARCXML dump), and kg's MARCXML writer against pymarc's.

    python -m bench.harvest --records 10000 [--work /tmp/kg-bench] [--seed 1] [--workers 2]
    python -m bench.harvest --build /tmp/kg-bench/build-100000   # a build made before

Generates the catalogue with bench/generate.py (reused when present, as bench/build.py does),
builds it in a child process, then serves it on 127.0.0.1 and harvests every record with a plain
HTTP client following resumption tokens (ListRecords in marc21 and oai_dc, 100 a page;
ListIdentifiers, 500 a page), timing each page. Prints Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pymarc
import requests

from bench.build import ROOT, run
from kg.harvest.marc import MarcRecord, record_xml
from kg.store import Manifest, current_release
from kg.web.server import serve_command

TOKEN = re.compile(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
HEADER = re.compile(rb"<header[ >]")  # one per record or identifier; payloads have none


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def catalogue(count: int, work: Path, seed: int) -> Path:
    data = work / f"data-{count}"
    if not data.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--records", str(count),
             "--out", str(data), "--seed", str(seed)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return data


def harvest(endpoint: str, query: dict[str, str]) -> tuple[int, float, list[float]]:
    """Every page of one list request: records, wall seconds, seconds per page."""
    session = requests.Session()
    records, times = 0, []
    started = time.perf_counter()
    params = query
    while True:
        asked = time.perf_counter()
        response = session.get(endpoint, params=params, timeout=120)
        body = response.content
        times.append(time.perf_counter() - asked)
        if response.status_code != 200 or b"<error" in body:
            raise SystemExit(f"harvest failed: {response.status_code} {body[:300]!r}")
        records += len(HEADER.findall(body))
        token = TOKEN.search(body)
        if token is None:
            return records, time.perf_counter() - started, times
        params = {"verb": query["verb"], "resumptionToken": token.group(1).decode()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def writers(build_dir: Path, sample: int) -> str:
    """kg's MARCXML writer and pymarc's on the same records: seconds per 1,000 records."""
    release = current_release(build_dir)
    dump = next((release / "dumps").glob("*.marcxml.gz"))
    with gzip.open(dump, "rb") as handle:
        records = pymarc.parse_xml_to_array(io.BytesIO(handle.read()))[:sample]
    ours = [_marc_record(r) for r in records]
    started = time.perf_counter()
    mine = [record_xml(r) for r in ours]
    kg_s = time.perf_counter() - started
    started = time.perf_counter()
    theirs = [pymarc.record_to_xml(r, namespace=True) for r in records]
    pymarc_s = time.perf_counter() - started
    same = all(
        pymarc.parse_xml_to_array(io.BytesIO(a.encode()))[0].as_marc()
        == pymarc.parse_xml_to_array(io.BytesIO(b))[0].as_marc()
        for a, b in zip(mine[:200], theirs[:200], strict=True)
    )
    per = 1000 / len(records)
    return (
        f"| MARCXML writer, {len(records):,} records | kg {kg_s * per * 1000:.1f} ms / 1,000 "
        f"| pymarc {pymarc_s * per * 1000:.1f} ms / 1,000 | {pymarc_s / kg_s:.1f}× "
        f"| same records: {same} |"
    )


def _marc_record(record: pymarc.Record) -> MarcRecord:
    out = MarcRecord(str(record.leader))
    for field in record.fields:
        if field.is_control_field():
            out.control.append((field.tag, field.data))
        else:
            pairs = [(s.code, s.value) for s in field.subfields]
            out.add(field.tag, "".join(field.indicators), *pairs)
    return out


def serve_and_harvest(build_dir: Path, workers: int) -> list[str]:
    port = free_port()
    base = Manifest.read(current_release(build_dir)).base_uri
    env = {**os.environ, "KG_BASE_URI": base, "KG_WATCH_INTERVAL_MS": "0"}
    cmd = serve_command(build_dir, port, workers=workers)
    log = build_dir.parent / "bench-harvest-server.log"
    rows = []
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            endpoint = f"http://127.0.0.1:{port}/oai"
            _wait(endpoint, proc)
            for verb, prefix in (("ListRecords", "marc21"), ("ListRecords", "oai_dc"),
                                 ("ListIdentifiers", "oai_dc")):  # fmt: skip
                query = {"verb": verb, "metadataPrefix": prefix}
                records, wall, pages = harvest(endpoint, query)
                p50, p99 = (percentile(pages, share) * 1000 for share in (0.5, 0.99))
                rows.append(
                    f"| {verb} {prefix} | {records:,} records in {wall:.1f} s "
                    f"| {records / wall:,.0f} records/s | page p50 {p50:.0f} ms "
                    f"| p99 {p99:.0f} ms ({len(pages)} pages) |"
                )
                print(rows[-1], flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return rows


def _wait(endpoint: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("kg serve exited")
        try:
            requests.get(endpoint, params={"verb": "Identify"}, timeout=5).close()
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit("kg serve did not start")


def build(records: int, work: Path, seed: int) -> Path:
    """Build a generated catalogue in a child process; print the build's time and stages."""
    data = catalogue(records, work, seed)
    out, ledger = work / f"harvest-build-{records}", work / f"harvest-ledger-{records}.tsv"
    shutil.rmtree(out, ignore_errors=True)
    ledger.unlink(missing_ok=True)
    stats, wall, _ = run("--child", str(data), str(out), str(ledger))
    stages = stats["stages"]
    assert isinstance(stages, dict)
    step = stages["harvest"]
    print(
        f"| {records:,} works: build | {wall:.0f} s | harvest step {step:.1f} s "
        f"({step / wall:.0%} of the build) | {json.dumps(stages)} |",
        flush=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=2000, help="records for the writer test")
    parser.add_argument(
        "--build", type=Path, help="harvest this build folder (of bench/build.py, say) instead"
    )
    args = parser.parse_args()
    out = args.build or build(args.records, args.work, args.seed)
    manifest = Manifest.read(current_release(out))
    (dump,) = [d for d in manifest.extra["dumps"] if d["format"] == "marcxml"]
    print(f"| MARCXML dump | {dump['bytes'] / 2**20:.1f} MiB gzipped |", flush=True)
    serve_and_harvest(out, args.workers)
    print(writers(out, args.sample), flush=True)


if __name__ == "__main__":
    main()
