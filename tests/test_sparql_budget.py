"""Per-client budgets of query time (token buckets) with a controlled clock, and what the
query service charges them."""

from __future__ import annotations

import threading
import time

import pytest
from werkzeug.datastructures import MIMEAccept

from kg.errors import OverBudget, QueryTimeout
from kg.sparql.budget import Budgets
from kg.sparql.protocol import QueryRequest
from kg.sparql.service import Limits, QueryService, StoreRef
from kg.store.embedded import EmbeddedTarget
from tests.conftest import Built


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_over_budget_gets_429_with_retry_after_then_recovers() -> None:
    clock = Clock()
    budgets = Budgets(60, clock)
    budgets.check("a")
    budgets.charge("a", 45)
    budgets.check("a")  # 15 s left
    budgets.charge("a", 30)  # a query may overrun what is left: -15 s
    with pytest.raises(OverBudget) as raised:
        budgets.check("a")
    assert raised.value.status == 429
    assert raised.value.retry_after_s == 16  # back to +1 s at 1 s per s
    budgets.check("b")  # other clients are not affected
    clock.now += 16
    budgets.check("a")


def test_the_bucket_never_holds_more_than_a_minute_of_budget() -> None:
    clock = Clock()
    budgets = Budgets(10, clock)
    clock.now += 3600
    budgets.charge("a", 10.5)
    with pytest.raises(OverBudget):
        budgets.check("a")


# Four-way cross product of the sample's triples: it runs until its time limit.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SMALL = "ASK { ?s ?p ?o }"
JSON = MIMEAccept([("application/sparql-results+json", 1)])


def _request(query: str, timeout_s: float | None = None) -> QueryRequest:
    return QueryRequest(query, None, None, timeout_s, None)


def test_a_client_is_charged_its_query_time_not_its_wait_for_a_worker(sample_build: Built) -> None:
    """One query worker, held by another client's 1.5 s query: the waiting client is charged
    only the time its own query ran, and may query again within a budget of 1 s per minute;
    the client whose query ran 1.5 s is over it. (Waiting for a free worker, a worker's start
    and the replacing of a stopped one are the server's time, and a loaded server made a
    client pay for them.)"""
    store = StoreRef(EmbeddedTarget(str(sample_build.summary.release.path / "store")), "g1")
    limits = Limits(
        time_limit_s=5,  # a request waits for a free worker as long as the time limit
        max_rows=10,
        memory_bytes=2 << 30,
        budget_s_per_minute=1,
        max_request_bytes=1 << 20,
        workers=1,
    )
    service = QueryService(limits, lambda: store, "http://127.0.0.1/sparql", {})
    try:
        service.execute(_request(SMALL), JSON, "waiting")  # the worker has started
        stopped: list[BaseException] = []

        def busy() -> None:
            try:
                service.execute(_request(RUNAWAY, timeout_s=1.5), JSON, "busy")
            except QueryTimeout as err:
                stopped.append(err)

        holder = threading.Thread(target=busy)
        holder.start()
        _until_every_worker_is_busy(service)
        started = time.monotonic()
        service.execute(_request(SMALL), JSON, "waiting")
        assert time.monotonic() - started > 1.0  # it did wait for the worker
        holder.join(timeout=60)
        assert stopped, "the runaway query was not stopped at its time limit"
        service.execute(_request(SMALL), JSON, "waiting")  # not over budget
        with pytest.raises(OverBudget):
            service.execute(_request(SMALL), JSON, "busy")
    finally:
        service.close()


def _until_every_worker_is_busy(service: QueryService) -> None:
    deadline = time.monotonic() + 30
    while service._pool._idle.qsize() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)  # the job is sent: the runaway query runs until its time limit
