"""The remote stores the tests run kg on, each started by the tests on free loopback ports:
`oxigraph serve` (the PyPI `oxigraph` package) and Virtuoso 7 (Debian's
`virtuoso-opensource-7-bin`, installed by .ci/run) with a private ini. A store that cannot be
started fails the test with the reason; no test skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests


def free_port() -> int:
    from tests.conftest import free_port as port

    return port()


VIRTUOSO_USER = VIRTUOSO_PASSWORD = "dba"  # the fresh database's own account (test only)
VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 20
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}
ThreadCleanupInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 20
ServerThreads = 20

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class RemoteStore:
    """A running store: its kind (a `store_kind` setting) and query endpoint."""

    kind: str
    url: str
    env: dict[str, str]  # KG_STORE_USER / KG_STORE_PASSWORD where the store needs them
    process: subprocess.Popen[bytes] | None = None  # to stop it early (a store outage)


@contextmanager
def running(
    cmd: list[str], probe: str, log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a store process and stop it at the end; fail with its log if it does not answer."""
    with log.open("wb") as out:
        try:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
        except OSError as err:
            pytest.fail(f"cannot start {cmd[0]}: {err} — run .ci/run (it installs the stores)")
        try:
            _wait(probe, proc, log)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait(probe: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90  # Virtuoso creates its database on first start
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the store exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.post(probe, data={"query": "ASK { ?s ?p ?o }"}, timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"the store did not answer within 90 s: {log.read_text(errors='replace')[-2000:]}")


@contextmanager
def oxigraph_serve(folder: Path, port: int | None = None) -> Iterator[RemoteStore]:
    """`oxigraph serve` on a folder (reused by a restart on the same port)."""
    binary = Path(sys.executable).parent / "oxigraph"
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/query"
    cmd = [str(binary), "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"]
    with running(cmd, url, folder / f"oxigraph-{port}.log") as proc:
        yield RemoteStore("oxigraph", url, {}, proc)


@contextmanager
def virtuoso(folder: Path) -> Iterator[RemoteStore]:
    """Virtuoso 7 with a private database and ini in `folder`."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.fail("virtuoso-t is missing — run .ci/run (apt: virtuoso-opensource-7-bin)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=free_port(), http_port=http_port))
    url = f"http://127.0.0.1:{http_port}/sparql"
    cmd = [binary, "+foreground", "+configfile", str(ini)]
    env = {"KG_STORE_USER": VIRTUOSO_USER, "KG_STORE_PASSWORD": VIRTUOSO_PASSWORD}
    with running(cmd, url, folder / "stdout.log", cwd=folder) as proc:
        yield RemoteStore("virtuoso", url, env, proc)


@pytest.fixture(scope="session")
def oxigraph_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph")) as store:
        yield store


@pytest.fixture(scope="session")
def virtuoso_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as store:
        yield store


@contextmanager
def store_env(store: RemoteStore) -> Iterator[None]:
    """The store's write credentials in this process's environment, as a build has them."""
    saved = {k: os.environ.get(k) for k in store.env}
    os.environ.update(store.env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
