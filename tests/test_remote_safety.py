"""The endpoint's safety layers in front of a remote store (`oxigraph serve`, Virtuoso): a
runaway query is stopped at kg's limit while a small query answers, SERVICE is refused before
anything reaches the store, and the row cap holds. Each store here is this module's own, so a
runaway query the store keeps computing after kg gave up ends with it."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Mapping

import pytest

from tests.conftest import Server, remote_build
from tests.sparql_support import kg_serve, request_from
from tests.stores import oxigraph_serve, virtuoso
from tests.test_sparql_limits import LIMITS, RUNAWAY, SMALL


@pytest.fixture(scope="module", params=("oxigraph", "virtuoso"))
def limited(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp(f"limits-{request.param}")
    start = oxigraph_serve if request.param == "oxigraph" else virtuoso
    with start(folder / "store") as store:
        built = remote_build(store, folder)
        env = {**LIMITS, "KG_STORE": store.url, "KG_STORE_KIND": store.kind}
        with kg_serve(built, env, workers=1) as server:
            yield server


def _post(server: Server, query: str, source: str) -> tuple[int, Mapping[str, str], bytes]:
    """Status, headers (case-insensitive, as HTTP says) and body."""
    response = request_from(source, "POST", server.url + "/sparql", {"query": query})
    return response.status, response.headers, response.data


def test_a_runaway_query_is_stopped_at_the_limit_while_a_small_one_answers(limited: Server) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], _, outcome["body"] = _post(limited, RUNAWAY, "127.0.2.2")
        outcome["elapsed"] = time.monotonic() - started

    assert _post(limited, SMALL, "127.0.2.3")[0] == 200  # both query workers are up
    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    status, _, body = _post(limited, SMALL, "127.0.2.3")
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 500
    thread.join(timeout=60)
    assert outcome["status"] == 504, outcome
    assert json.loads(outcome["body"])["code"] == "query-timeout"  # type: ignore[arg-type]
    assert 3.5 < outcome["elapsed"] < 9  # type: ignore[operator]
    assert _post(limited, SMALL, "127.0.2.3")[0] == 200  # a fresh worker answers


def test_service_is_refused_before_the_store_sees_it(limited: Server) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = _post(limited, query, "127.0.2.4")
    assert status == 403 and json.loads(body)["code"] == "forbidden-query"


def test_the_row_cap_holds(limited: Server) -> None:
    status, headers, body = _post(limited, "SELECT ?s WHERE { ?s ?p ?o }", "127.0.2.5")
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == "5" and headers["KG-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, headers, body = _post(limited, "CONSTRUCT WHERE { ?s ?p ?o }", "127.0.2.5")
    assert headers["KG-Truncated"] == "true" and body.startswith(b"# truncated")
