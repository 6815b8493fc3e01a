"""The endpoint's limits over HTTP, each layer with its own test, on a server with small limits:
time limit 4 s, 5 rows, 1 GB per query worker, 3 s of query time per client per minute.

Clients are told apart by their address: each test sends from its own 127.0.0.x.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterator, Mapping

import pytest
import requests

from tests.conftest import Built, Server
from tests.sparql_support import kg_serve, request_from

LIMITS = {
    "KG_SPARQL_TIME_LIMIT_MS": "4000",
    "KG_SPARQL_MAX_ROWS": "5",
    "KG_SPARQL_MEMORY_LIMIT_MB": "1024",
    "KG_SPARQL_BUDGET_S_PER_MINUTE": "3",
    "KG_SPARQL_QUERY_WORKERS": "2",
}
# Four-way cross product of the sample's ~1,300 triples: 3e12 solutions, hours of counting.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# A string doubled 16 times from 64 KB: 4 GB, far past the 1 GB ceiling, within a second or two.
MEMORY_HOG = (
    f'SELECT (STRLEN(?v16) AS ?n) WHERE {{ BIND("{"x" * 65536}" AS ?v0) '
    + "".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1}) " for i in range(16))
    + "}"
)
SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def limited(sample_build: Built) -> Iterator[Server]:
    # One web worker: the budget buckets live in the web worker (see kg/sparql/budget.py).
    with kg_serve(sample_build, LIMITS, workers=1) as server:
        yield server


def _post(
    server: Server, query: str, source: str, **fields: str
) -> tuple[int, Mapping[str, str], bytes]:
    response = request_from(source, "POST", server.url + "/sparql", {"query": query, **fields})
    # Header names are case-insensitive (RFC 9110); the server may send them in lower case.
    return response.status, response.headers, response.data


def _warm_up(server: Server) -> None:
    """Two concurrent queries: both query workers have started (as on any server in use)."""
    threads = [
        threading.Thread(target=_post, args=(server, SMALL, f"127.0.1.{i}")) for i in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def test_a_runaway_query_is_stopped_while_another_client_is_answered_fast(
    limited: Server,
) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], _, outcome["body"] = _post(limited, RUNAWAY, "127.0.0.2")
        outcome["elapsed"] = time.monotonic() - started

    _warm_up(limited)
    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)  # the runaway query is now running in a query worker
    small_times, counts = [], set()
    for _ in range(3):
        started = time.monotonic()
        status, _, body = _post(limited, SMALL, "127.0.0.3")
        small_times.append(time.monotonic() - started)
        assert status == 200
        counts.add(int(json.loads(body)["results"]["bindings"][0]["n"]["value"]))
    assert len(counts) == 1 and counts.pop() > 500
    thread.join(timeout=30)
    assert outcome["status"] == 504
    assert "was stopped" in json.loads(outcome["body"])["detail"]  # type: ignore[arg-type]
    assert 3.9 < outcome["elapsed"] < 7  # type: ignore[operator]
    assert max(small_times) < 1.0, small_times
    # The server stayed up and its replacement worker answers.
    status, _, _ = _post(limited, SMALL, "127.0.0.3")
    assert status == 200


def test_pages_are_answered_while_every_query_worker_runs_a_runaway_query(
    limited: Server,
) -> None:
    # A web worker has more request threads than query workers: requests waiting on queries
    # never take every thread (kg/web/server.py, request_threads).
    statuses: list[int] = []

    def runaway(source: str) -> None:
        statuses.append(_post(limited, RUNAWAY, source)[0])

    _warm_up(limited)
    threads = [threading.Thread(target=runaway, args=(f"127.0.2.{i}",)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # both query workers are now busy
    for path in ("/health", "/"):
        started = time.monotonic()
        assert requests.get(limited.url + path, timeout=10).status_code == 200
        assert time.monotonic() - started < 2.0, path
    assert len(statuses) == 0  # the runaway queries were still running meanwhile
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [504, 504]


def test_a_request_timeout_may_only_lower_the_limit(limited: Server) -> None:
    started = time.monotonic()
    status, _, body = _post(limited, RUNAWAY, "127.0.0.5", timeout="1")
    assert status == 504 and time.monotonic() - started < 2.5, body  # the body says why not
    started = time.monotonic()
    status, _, body = _post(limited, RUNAWAY, "127.0.0.6", timeout="3600")
    assert status == 504 and "4 s" in json.loads(body)["detail"], body


def test_a_query_past_the_memory_ceiling_is_stopped_and_the_server_stays_up(
    sample_build: Built,
) -> None:
    # Its own server with a long time limit: on a loaded machine the hog may need seconds of
    # CPU to reach the ceiling, and it must be the ceiling that stops it, not the clock.
    # Its budget is as long as its clock, so the hog's own seconds cannot refuse the next query.
    env = {**LIMITS, "KG_SPARQL_TIME_LIMIT_MS": "60000", "KG_SPARQL_BUDGET_S_PER_MINUTE": "600"}
    with kg_serve(sample_build, env, workers=1) as server:
        status, _, body = _post(server, MEMORY_HOG, "127.0.0.7")
        assert status == 503, body
        assert json.loads(body)["code"] == "query-aborted"
        after = _post(server, SMALL, "127.0.0.7")
        assert after[0] == 200, after


def test_the_row_cap_is_signalled(limited: Server) -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    status, headers, body = _post(limited, query, "127.0.0.8")
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == "5" and headers["KG-Truncated"] == "true"
    doc = json.loads(body)
    assert len(doc["results"]["bindings"]) == 5
    assert doc["head"]["link"] == [limited.config.base_uri + "sparql#row-cap"]
    status, headers, body = _post(limited, "CONSTRUCT WHERE { ?s ?p ?o }", "127.0.0.8")
    assert headers["KG-Truncated"] == "true" and body.startswith(b"# truncated")
    status, headers, _ = _post(limited, query + " LIMIT 5", "127.0.0.8")
    assert "KG-Truncated" not in headers


def test_a_client_over_its_budget_gets_429_with_retry_after(limited: Server) -> None:
    started = time.monotonic()
    assert _post(limited, RUNAWAY, "127.0.0.9")[0] == 504  # 4 s > 3 s of budget
    spent = time.monotonic() - started  # no less than the query was charged
    status, headers, body = _post(limited, SMALL, "127.0.0.9")
    assert status == 429
    # When the bucket holds a second again, refilled at 3 s a minute: 4 s spent out of 3 is
    # 40 s away, less what refilled while the small query was on its way.
    assert 30 <= int(headers["Retry-After"]) <= math.ceil((1 + spent - 3) * 60 / 3)
    assert json.loads(body)["code"] == "over-budget"
    assert _post(limited, SMALL, "127.0.0.10")[0] == 200  # others are still served


def test_the_description_states_these_limits(limited: Server) -> None:
    response = requests.get(
        limited.url + "/sparql", headers={"Accept": "application/n-triples"}, timeout=10
    )
    assert '"PT4S"' in response.text
    assert '"5"^^<http://www.w3.org/2001/XMLSchema#integer>' in response.text
