"""Start a server process for a test and stop it after: the one way the tests run `kg serve`."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests


@contextmanager
def running_server(
    cmd: list[str], env: dict[str, str], probe_url: str, log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process (output to `log`), wait until `probe_url` answers, stop it at the
    end of the block. Every test that starts `kg serve` goes through here."""
    with log.open("wb") as log_file:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(probe_url, proc, log)
            yield proc
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _wait_until_up(probe_url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60  # the machine is shared: start-up can be slow
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()}")
        try:
            requests.get(probe_url, timeout=5).close()
            return
        except requests.RequestException:  # not listening yet, or too busy to answer in time
            time.sleep(0.2)
    raise RuntimeError(f"server did not start within 60 s: {log.read_text()}")
