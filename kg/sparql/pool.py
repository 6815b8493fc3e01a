"""A pool of killable query worker processes: the time limit that really stops the work.

Neither pyoxigraph nor rdflib can be interrupted from Python (a 1 s SIGALRM came back after
7–12 s), so each query runs in a worker process (`kg.sparql.worker`) that is killed with SIGKILL
at its deadline and replaced. Workers are started with exec, not fork, so that a multi-threaded
web worker never forks itself; each opens the store after it starts.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import IO

from kg.errors import PoolBusy, QueryAborted, QueryTimeout
from kg.sparql.jobs import Answer, Failure, Job
from kg.sparql.worker import READY, write_frame

_HEADER = 8
_STARTUP_S = 60.0  # a worker's start (Python, pyoxigraph) is not charged to a query


class _Died(Exception):
    pass


def _free(seconds: float) -> None:
    """What a query costs when nobody is charged for it."""


class _Worker:
    """One worker process and its two pipes."""

    def __init__(self, memory_bytes: int, network: bool) -> None:
        cmd = [sys.executable, "-m", "kg.sparql.worker", str(memory_bytes)]
        self.proc = subprocess.Popen(
            cmd + (["--network"] if network else []),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # A query past the memory ceiling aborts the worker; a Rust backtrace would only
            # delay that by seconds of symbolising.
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in: IO[bytes] = self.proc.stdin
        self._out: IO[bytes] = self.proc.stdout
        self._ready = False

    def wait_ready(self) -> None:
        """Wait for the worker's ready frame (once)."""
        if not self._ready:
            try:
                ready = self._frame(time.monotonic() + _STARTUP_S)
            except TimeoutError as err:
                raise _Died from err
            if ready != READY:
                raise _Died
            self._ready = True

    def ask(self, job: Job, time_limit_s: float) -> Answer | Failure:
        """Send a job and wait for its answer for at most `time_limit_s`."""
        self.wait_ready()
        deadline = time.monotonic() + time_limit_s
        try:
            write_frame(self._in, pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
        except (BrokenPipeError, OSError) as err:
            raise _Died from err
        answer = pickle.loads(self._frame(deadline))
        assert isinstance(answer, Answer | Failure)
        return answer

    def _frame(self, deadline: float) -> bytes:
        head = self._read(_HEADER, deadline)
        return self._read(int.from_bytes(head, "big"), deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        fd = self._out.fileno()
        chunks: list[bytes] = []
        while size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, min(size, 1 << 20))
            if not chunk:
                raise _Died
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        for stream in (self._in, self._out):
            with contextlib.suppress(OSError):  # a job still buffered for a worker that is gone
                stream.close()


class QueryPool:
    """Up to `size` workers; a request waits at most `wait_s` for a free one."""

    def __init__(self, size: int, memory_bytes: int, wait_s: float, network: bool = False) -> None:
        self._size = size
        self._network = network
        self._memory = memory_bytes
        self._wait_s = wait_s
        # Last in, first out: the worker that ran the last query has the warmest caches (each
        # process keeps its own RocksDB block cache), so a lone client keeps hitting it.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._started = 0
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False
        # Workers die with the thread that started them (PR_SET_PDEATHSIG follows the thread,
        # not the process), and servers retire idle request threads: one thread that lives as
        # long as the pool starts them all.
        self._starter = ThreadPoolExecutor(1, thread_name_prefix="kg-query-workers")
        atexit.register(self.close)

    def run(
        self, job: Job, time_limit_s: float, charge: Callable[[float], None] = _free
    ) -> Answer | Failure:
        """Run one job; QueryTimeout past `time_limit_s`, QueryAborted if its worker died.

        `charge` is given the seconds the query held its worker (from the job sent to its
        answer, its deadline or its worker's death), however it ends: waiting for a free
        worker, a worker's start and the replacing of a stopped one are not the query's time.
        """
        worker = self._acquire()
        try:
            worker.wait_ready()
            started = time.monotonic()
            try:
                answer = worker.ask(job, time_limit_s)
            finally:
                charge(time.monotonic() - started)
        except TimeoutError:
            self._discard(worker)
            raise QueryTimeout(
                f"the query ran for more than {time_limit_s:g} s and was stopped",
                fix="add a LIMIT, narrow the patterns, or download a dump for bulk work",
            ) from None
        except _Died:
            self._discard(worker)
            raise QueryAborted(
                "the query worker stopped: the query needed more memory than the ceiling",
                fix="narrow the query, or download a dump for bulk work",
            ) from None
        self._release(worker)
        return answer

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise PoolBusy("the server is shutting down", fix="retry in a moment")
            if self._started == 0:
                # Start them all with the first query, so the next ones find a warm worker;
                # not at app creation, which tests and short-lived apps do often.
                for _ in range(self._size - 1):
                    self._idle.put(self._spawn())
                self._started = self._size
                return self._spawn()
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
        try:
            return self._idle.get(timeout=self._wait_s)
        except queue.Empty:
            raise PoolBusy(
                f"every query worker stayed busy for {self._wait_s:g} s",
                fix="retry later (see Retry-After)",
            ) from None

    def _spawn(self) -> _Worker:
        worker = self._starter.submit(_Worker, self._memory, self._network).result()
        self._all.add(worker)
        return worker

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.put(worker)
                return
        worker.kill()

    def _discard(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement in the background."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
            replacement = self._spawn()
        self._idle.put(replacement)

    def close(self) -> None:
        """Stop every worker (idle ones now, busy ones when they finish)."""
        with self._lock:
            self._closed = True
            workers, self._all = self._all, set()
        for worker in workers:
            worker.kill()
        self._starter.shutdown(wait=False)
        atexit.unregister(self.close)
