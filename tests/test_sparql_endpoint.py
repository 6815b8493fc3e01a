"""The SPARQL endpoint over HTTP (real gunicorn): protocol, formats, description, CORS, refusals."""

from __future__ import annotations

import csv
import http.client
import io
import json
import time

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, URIRef

from kg.config import load_config
from kg.namespaces import KG, RDF, SD
from kg.sparql.description import limits_text
from kg.sparql.service import Limits
from tests.conftest import SERVED_ON, Server, served_on
from tests.servers import SUITE_BUDGET_S_PER_MINUTE


@pytest.fixture(scope="module", params=SERVED_ON)
def server(request: pytest.FixtureRequest) -> Server:
    """This module's tests run on the embedded store, `oxigraph serve` and Virtuoso."""
    return served_on(request)


WORKS = "SELECT ?w WHERE { ?w a <https://schema.org/CreativeWork> } ORDER BY ?w"
COUNT = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _sparql(server: Server) -> str:
    return server.url + "/sparql"


def _count(response: requests.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_direct_give_the_same_answer(server: Server) -> None:
    url = _sparql(server)
    get = requests.get(url, params={"query": COUNT}, timeout=10)
    form = requests.post(url, data={"query": COUNT}, timeout=10)
    direct = requests.post(
        url, data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"}, timeout=10
    )
    assert _count(get) == _count(form) == _count(direct) == 20
    assert get.headers["Content-Type"] == "application/sparql-results+json"


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_select_in_each_results_format(
    server: Server, accept: str, fmt: ox.QueryResultsFormat
) -> None:
    response = requests.get(
        _sparql(server), params={"query": WORKS}, headers={"Accept": accept}, timeout=10
    )
    assert response.headers["Content-Type"].startswith(accept)
    assert response.headers["Vary"] == "Accept"
    solutions = ox.parse_query_results(response.content, fmt)
    assert isinstance(solutions, ox.QuerySolutions)
    assert len(list(solutions)) == 20


def test_select_as_csv_and_by_format_parameter(server: Server) -> None:
    response = requests.get(_sparql(server), params={"query": WORKS, "format": "csv"}, timeout=10)
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["w"] and len(rows) == 21


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", None),
    ],
)
def test_construct_and_describe_in_every_document_format(
    server: Server, accept: str, rdflib_format: str | None
) -> None:
    work = requests.get(_sparql(server), params={"query": WORKS}, timeout=10).json()
    iri = work["results"]["bindings"][0]["w"]["value"]
    for query in (f"DESCRIBE <{iri}>", f"CONSTRUCT WHERE {{ <{iri}> ?p ?o }}"):
        response = requests.get(
            _sparql(server), params={"query": query}, headers={"Accept": accept}, timeout=10
        )
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith(accept)
        if rdflib_format is None:
            triples = list(ox.parse(response.content, format=ox.RdfFormat.JSON_LD))
            subjects = {t.subject.value for t in triples}
        else:
            graph = Graph().parse(data=response.content, format=rdflib_format)
            subjects = {str(s) for s in graph.subjects()}
        assert iri in subjects


def test_protocol_dataset_replaces_the_union_default_graph(server: Server) -> None:
    url = _sparql(server)
    catalogue = server.config.base_uri + "graph/catalogue"
    empty = requests.get(
        url, params={"query": COUNT, "default-graph-uri": "http://example.org/none"}, timeout=10
    )
    assert _count(empty) == 0
    named = requests.get(url, params={"query": COUNT, "default-graph-uri": catalogue}, timeout=10)
    assert _count(named) == 20
    in_graph = (
        "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { GRAPH ?g "
        "{ ?w a <https://schema.org/CreativeWork> } }"
    )
    only = requests.get(url, params={"query": in_graph, "named-graph-uri": catalogue}, timeout=10)
    assert _count(only) == 20


def test_malformed_query_is_400_with_the_parser_message(server: Server) -> None:
    for query in ("SELECT * WHERE { ?s ?p }", "SELEC nope"):
        response = requests.get(_sparql(server), params={"query": query}, timeout=10)
        assert response.status_code == 400
        problem = response.json()
        # The store's own parser message: Oxigraph's names the line and column.
        assert problem["detail"].startswith("SPARQL syntax error: ")
        if server.config.store_kind == "oxigraph":  # the embedded store's and oxigraph serve's
            assert problem["detail"].startswith("SPARQL syntax error: error at 1:")


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }", 403, "read-only"),
        ("LOAD <http://example.org/data.ttl>", 403, "read-only"),
        ("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
    ],
)
def test_updates_load_and_service_are_refused(
    server: Server, query: str, status: int, words: str
) -> None:
    response = requests.post(_sparql(server), data={"query": query}, timeout=10)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"
    assert words in response.json()["detail"]
    update = requests.post(
        _sparql(server),
        data=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
        timeout=10,
    )
    assert update.status_code == 403


def test_bad_requests_are_4xx_never_5xx(server: Server) -> None:
    url = _sparql(server)
    cases = [
        requests.put(url, params={"query": "ASK {}"}, timeout=10),
        requests.get(url, params=[("query", "ASK {}"), ("query", "ASK {}")], timeout=10),
        requests.post(url, data=b"ASK {}", headers={"Content-Type": "text/plain"}, timeout=10),
        requests.get(url, params={"query": "ASK {}", "timeout": "soon"}, timeout=10),
        requests.get(url, params={"query": "ASK {}", "default-graph-uri": "a b"}, timeout=10),
        requests.post(url, data={"query": "ASK {} #" + "x" * 1_100_000}, timeout=10),
    ]
    assert [r.status_code for r in cases] == [405, 400, 415, 400, 400, 413]
    assert all(r.headers["Content-Type"] == "application/problem+json" for r in cases)


def test_cors_preflight_for_a_sparql_query_post(server: Server) -> None:
    preflight = requests.options(
        _sparql(server),
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
        timeout=10,
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    answer = requests.post(
        _sparql(server),
        data=b"ASK {}",
        headers={"Content-Type": "application/sparql-query", "Origin": "https://example.org"},
        timeout=10,
    )
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in answer.headers["Access-Control-Expose-Headers"]


def test_plain_get_asking_for_rdf_is_the_service_description_with_limits(server: Server) -> None:
    response = requests.get(_sparql(server), headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef(_sparql(server))
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert graph.value(endpoint, KG.resultRowLimit).toPython() == 10_000
    assert str(graph.value(endpoint, KG.queryTimeLimit)) == "PT30S"
    # The suite's budget, set by tests/servers.py: the setting reaches the description.
    budget = graph.value(endpoint, KG.clientQuerySecondsPerMinute).toPython()
    assert budget == SUITE_BUDGET_S_PER_MINUTE
    dataset = graph.value(endpoint, SD.defaultDataset)
    names = {str(graph.value(g, SD.name)) for g in graph.objects(dataset, SD.namedGraph)}
    assert server.config.base_uri + "graph/catalogue" in names
    in_store = requests.get(
        _sparql(server),
        params={"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"},
        timeout=10,
    ).json()["results"]["bindings"]
    assert names == {row["g"]["value"] for row in in_store}


def test_the_default_budget_is_a_minute_of_query_time_per_minute() -> None:
    limits = Limits.from_config(load_config({}, environ={}))
    assert limits.budget_s_per_minute == 60
    assert "each client may use 60 s of query time per minute" in limits_text(limits)


def test_a_browser_gets_the_query_page(server: Server) -> None:
    response = requests.get(_sparql(server), headers={"Accept": BROWSER}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "yasgui.min.js" in response.text
    assert "Works by an author" in response.text
    settings = response.text.split('id="kg-sparql-settings" type="application/json">')[1]
    parsed = json.loads(settings.split("</script>")[0])
    assert parsed["endpoint"] == _sparql(server)
    assert "PREFIX schema: <https://schema.org/>" in parsed["query"]


def test_an_idle_connection_still_takes_the_next_query(embedded_server: Server) -> None:
    # A SPARQL client's next query often comes seconds later: gunicorn's default 2 s keep-alive
    # would close the connection first (http.client does not reconnect by itself). The web
    # server's keep-alive is the same whatever the store: checked once, on the embedded one.
    host, port = embedded_server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        for pause in (0, 3):
            time.sleep(pause)
            conn.request("GET", "/sparql?query=ASK%7B%7D", headers={"Accept": "application/json"})
            response = conn.getresponse()
            assert response.status == 200 and b"true" in response.read()
    finally:
        conn.close()
