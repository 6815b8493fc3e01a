"""Start a server process for a test and stop it after: the one way the tests run `kg serve`."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

# Every test sends its queries from 127.0.0.1, and on a loaded machine the suite's queries add up
# to more than the default budget (60 s of query time per client per minute): later tests got 429.
# Servers and apps started for tests get an hour per minute unless a test sets its own budget
# (tests/test_sparql_limits.py sets a small one to test the limit over HTTP).
SUITE_BUDGET_S_PER_MINUTE = 3600
BUDGET_SETTING = "KG_SPARQL_BUDGET_S_PER_MINUTE"


@contextmanager
def running_server(
    cmd: list[str],
    env: dict[str, str],
    probe_url: str,
    log: Path,
    cwd: Path | None = None,
    poll_s: float = 0.2,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process (output to `log`), wait until `probe_url` answers (asked every
    `poll_s`), stop it at the end of the block. Every test that starts `kg serve` goes through
    here; its SPARQL budget is the suite's unless `env` sets one."""
    env = {BUDGET_SETTING: str(SUITE_BUDGET_S_PER_MINUTE), **env}
    with log.open("wb") as log_file:
        # A session of its own: if it does not stop, its workers go with it (never left behind).
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=cwd,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_up(probe_url, proc, log, poll_s)
            yield proc
        finally:
            _stop(proc, log)


def _stop(proc: subprocess.Popen[bytes], log: Path) -> None:
    """SIGTERM, then SIGKILL to the whole group if it is still running 30 s later (a loud
    failure: a server that does not stop is a bug, and its processes must not outlive the test)."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired as late:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        tail = log.read_text()[-2000:]
        raise RuntimeError(f"server did not stop within 30 s of SIGTERM: {tail}") from late


def _wait_until_up(probe_url: str, proc: subprocess.Popen[bytes], log: Path, poll_s: float) -> None:
    deadline = time.monotonic() + 60  # the machine is shared: start-up can be slow
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()}")
        try:
            requests.get(probe_url, timeout=5).close()
            return
        except requests.RequestException:  # not listening yet, or too busy to answer in time
            time.sleep(poll_s)
    raise RuntimeError(f"server did not start within 60 s: {log.read_text()}")
