"""The query pool's workers live as long as the web worker, whichever thread started them.

A worker asks the kernel to kill it when its parent dies (`PR_SET_PDEATHSIG`), and the kernel
takes "parent" to be the thread that started it. Servers run requests on threads that come and
go (granian retires idle request threads): a worker started on such a thread must outlive it.
"""

from __future__ import annotations

import threading
import time

from kg.sparql.jobs import Answer, Job
from kg.sparql.pool import QueryPool
from kg.store.embedded import EmbeddedTarget
from tests.conftest import Built


def _job(sample_build: Built) -> Job:
    store = sample_build.summary.release.path / "store"
    target = EmbeddedTarget(str(store))
    return Job("ASK { ?s ?p ?o }", target, "g1", "application/sparql-results+json", 10, "")


def test_a_worker_outlives_the_request_thread_that_started_it(sample_build: Built) -> None:
    pool = QueryPool(1, 2 << 30, wait_s=30)
    try:
        answers: list[object] = []
        starter = threading.Thread(target=lambda: answers.append(pool.run(_job(sample_build), 30)))
        starter.start()
        starter.join(timeout=120)
        assert isinstance(answers[0], Answer)
        time.sleep(0.5)  # the request thread is gone; its worker must not be
        assert isinstance(pool.run(_job(sample_build), 30), Answer)
    finally:
        pool.close()
