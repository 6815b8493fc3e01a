"""A query worker process: runs one query at a time against a read-only store.

Started by `kg.sparql.pool` as `python -m kg.sparql.worker MEMORY_BYTES`; reads pickled `Job`s
from stdin and writes pickled `Answer`/`Failure`s to stdout, each framed by an 8-byte length.
It caps its own address space (RLIMIT_AS) and, for the embedded store, drops into a network
namespace of its own where the kernel allows, so that no query can reach the network even if
the guard missed it (a worker for a remote store needs the network to reach the store). The
parent kills it at the time limit: pyoxigraph queries cannot be interrupted in-process, and
killing a worker that waits on a remote store aborts its HTTP request.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import signal
import struct
import sys
from typing import IO

from kg.errors import BadQuery, KgError
from kg.sparql.jobs import Answer, Failure, Job
from kg.sparql.results import serialise
from kg.store import UNION, Dataset, Outcome, QueryTarget, Store

_FRAME = struct.Struct(">Q")
READY = b"ready"
_PR_SET_PDEATHSIG = 1
_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


def read_frame(stream: IO[bytes]) -> bytes | None:
    """One length-prefixed frame, or None at end of stream."""
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    return stream.read(_FRAME.unpack(head)[0])


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_FRAME.pack(len(payload)) + payload)
    stream.flush()


def isolate_network() -> bool:
    """Move into an empty network namespace (only loopback, down); False if not permitted."""
    libc = ctypes.CDLL(None, use_errno=True)
    for flags in (_CLONE_NEWUSER | _CLONE_NEWNET, _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


class Engine:
    """Holds the store handle; opens it again when a job names another release."""

    def __init__(self) -> None:
        self._opened: tuple[QueryTarget, str] | None = None
        self._store: Store | None = None

    def store(self, target: QueryTarget, generation: str) -> Store:
        # A read-only handle is a snapshot taken when it is opened: reopen on a new generation.
        if self._store is None or self._opened != (target, generation):
            if self._store is not None:
                self._store.close()
            self._store = None
            self._store = target.open()
            self._opened = (target, generation)
        return self._store

    def run(self, job: Job) -> Answer | Failure:
        try:
            store = self.store(job.target, job.generation)
            result = _query(store, job)
            out = serialise(result, job.media_type, job.max_rows, job.truncation_link, job.prefixes)
        except BadQuery as err:
            return Failure("syntax", err.detail)
        except SyntaxError as err:
            return Failure("syntax", str(err))
        except MemoryError:
            return Failure("memory", "the query needed more memory than the ceiling allows")
        except KgError as err:
            return Failure(err.code, err.detail)
        except (OSError, ValueError, TypeError, RuntimeError) as err:
            return Failure("error", str(err))
        return Answer(out.body, out.media_type, out.truncated, out.rows)


def _query(store: Store, job: Job) -> Outcome:
    # A protocol-specified dataset replaces the query's FROM / FROM NAMED and the union default.
    dataset = UNION
    if job.default_graphs is not None or job.named_graphs is not None:
        dataset = Dataset(job.default_graphs, job.named_graphs)
    elif not job.union_default_graph:
        dataset = Dataset(union_default=False)
    return store.run(job.query, dataset, job.base_iri, job.time_limit_s)


def main(argv: list[str]) -> int:
    """Serve jobs until stdin closes (`--network`: keep the network, for a remote store)."""
    memory = int(argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the web worker
    if "--network" not in argv[2:]:
        isolate_network()
    # Frames go to the original stdout; anything printed goes to stderr instead.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    engine = Engine()
    write_frame(channel, READY)  # the parent starts a query's clock only after this
    while (frame := read_frame(requests)) is not None:
        job = pickle.loads(frame)
        write_frame(channel, pickle.dumps(engine.run(job), protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
