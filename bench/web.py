"""Dereferencing benchmark: wrk against `kg serve` and nginx, side by side in one run.

    python bench/web.py --build BUILD_DIR [--seconds 20] [--connections 32] [--workers 2]
                        [--servers granian gunicorn] [--access-log on|off]

Measures random `/doc/work/{key}.ttl` and `.html`, the same server answering `/health` (fixed
bytes through Flask: the framework's ceiling) and nginx serving the same Turtle documents as
static files (the physical ceiling), for each WSGI server `kg serve` can run (setting
`web_server`), one after the other in the same run. nginx runs without an access log;
`--access-log off` runs kg without one too (setting `access_log`, on by default as shipped).
Everything listens on 127.0.0.1 on free ports; every run is bounded in time. Prints a Markdown
table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from kg.config import load_config
from kg.store import Manifest, current_release, open_build_store
from kg.web.server import request_threads, serve_command

LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
math.randomseed(%d)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""
NGINX = """
worker_processes 2;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path %(dir)s/tmp; proxy_temp_path %(dir)s/tmp;
  fastcgi_temp_path %(dir)s/tmp; uwsgi_temp_path %(dir)s/tmp; scgi_temp_path %(dir)s/tmp;
  types { text/turtle ttl; }
  server { listen 127.0.0.1:%(port)d; root %(dir)s/www; etag on; }
}
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def work_paths(build_dir: Path, count: int, seed: int) -> list[str]:
    """Document paths of `count` random works of the build."""
    with open_build_store(build_dir) as store:
        body = store.query(
            "SELECT ?w WHERE { ?w a <https://schema.org/CreativeWork> }",
            "text/tab-separated-values",
        ).body.decode()
    iris = [line.strip("<>") for line in body.splitlines()[1:]]
    base = Manifest.read(current_release(build_dir)).base_uri
    rng = random.Random(seed)
    chosen = rng.sample(iris, min(count, len(iris)))
    return ["/" + iri[len(base) :].replace("id/", "doc/", 1) for iri in chosen]


@contextmanager
def kg_server(
    build_dir: Path, port: int, workers: int, server: str, access_log: str = "on"
) -> Iterator[str]:
    base = Manifest.read(current_release(build_dir)).base_uri
    env = {**os.environ, "KG_BASE_URI": base, "KG_WEB_SERVER": server, "KG_WATCH_INTERVAL_MS": "0"}
    env["KG_ACCESS_LOG"] = access_log
    cmd = serve_command(build_dir, port, workers)
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait(url + "/health", proc)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@contextmanager
def nginx_server(root: Path, port: int) -> Iterator[str]:
    (root / "tmp").mkdir(exist_ok=True)
    conf = root / "nginx.conf"
    conf.write_text(NGINX % {"dir": root, "port": port})
    proc = subprocess.Popen(
        ["nginx", "-c", str(conf), "-g", "daemon off;", "-p", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url + "/", proc, ok=(200, 403, 404))
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait(url: str, proc: subprocess.Popen[bytes], ok: tuple[int, ...] = (200,)) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).status_code in ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def wrk(url: str, paths_file: Path | None, seconds: int, connections: int) -> dict[str, float]:
    """Run wrk; return requests/s and p50/p99 latency in ms."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        if paths_file is not None:
            lua.write(LUA % (paths_file, random.randrange(1 << 30)))
    try:
        if paths_file is not None:
            cmd += ["-s", lua.name]
        out = subprocess.run(
            [*cmd, url], capture_output=True, text=True, check=True, timeout=seconds + 60
        ).stdout
    finally:
        os.unlink(lua.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _export(url: str, paths: list[str], www: Path) -> None:
    """The server's Turtle documents written as static files for nginx."""
    with requests.Session() as session:
        for path in paths:
            target = www / (path.lstrip("/") + ".ttl")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(session.get(url + path + ".ttl", timeout=30).content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=20_000, help="random works requested")
    parser.add_argument("--servers", nargs="+", default=["granian", "gunicorn"])
    parser.add_argument("--access-log", choices=["on", "off"], default="on")
    args = parser.parse_args()

    load_before = os.getloadavg()
    paths = work_paths(args.build, args.sample, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        root.chmod(0o755)  # nginx workers run as an unprivileged user
        (root / "www").mkdir()
        ttl_list, html_list, static_list = root / "ttl.txt", root / "html.txt", root / "static.txt"
        ttl_list.write_text("".join(p + ".ttl\n" for p in paths))
        html_list.write_text("".join(p + ".html\n" for p in paths))
        results: dict[str, dict[str, float]] = {}
        for server in args.servers:
            with kg_server(args.build, free_port(), args.workers, server, args.access_log) as url:
                if not any((root / "www").iterdir()):
                    _export(url, paths, root / "www")
                static_list.write_text(ttl_list.read_text())
                results[f"{server}: fixed bytes (/health)"] = wrk(
                    url + "/health", None, args.seconds, args.connections
                )
                results[f"{server}: random /doc/work/{{key}}.ttl"] = wrk(
                    url, ttl_list, args.seconds, args.connections
                )
                results[f"{server}: random /doc/work/{{key}}.html"] = wrk(
                    url, html_list, args.seconds, args.connections
                )
        with nginx_server(root, free_port()) as url:
            results["nginx, same Turtle as static files"] = wrk(
                url, static_list, args.seconds, args.connections
            )
        nginx = results["nginx, same Turtle as static files"]["rps"]
        documents = (current_release(args.build) / "documents.sqlite").is_file()
        threads = request_threads(load_config())
        print(
            f"\n{len(paths)} random works, {args.connections} connections, {args.seconds} s each, "
            f"{args.workers} workers of {threads} threads, access log {args.access_log} "
            "(nginx: off); documents rendered (`kg render`): "
            f"{'yes' if documents else 'no'}; load average {load_before[0]:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after\n"
        )
        print("| target | requests/s | p50 ms | p99 ms | of own /health | of nginx | non-2xx |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, r in results.items():
            ceiling = results.get(name.split(":")[0] + ": fixed bytes (/health)", r)["rps"]
            print(
                f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                f"{r['rps'] / ceiling:.0%} | {r['rps'] / nginx:.1%} | {r['errors']:.0f} |"
            )
        shutil.rmtree(root / "www", ignore_errors=True)


if __name__ == "__main__":
    main()
