"""The production server (gunicorn) over the sample build, with real HTTP clients."""

from __future__ import annotations

import json

import requests
from rdflib import Graph, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.namespaces import DCTERMS
from tests.conftest import Server

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _a_work(server: Server) -> str:
    query = "SELECT ?w WHERE { ?w a <https://schema.org/CreativeWork> } ORDER BY ?w LIMIT 1"
    body = requests.get(server.url + "/sparql", params={"query": query}, timeout=10).json()
    return str(body["results"]["bindings"][0]["w"]["value"])


def test_thing_uri_answers_303_to_its_document(server: Server) -> None:
    work = _a_work(server)
    assert work.startswith(server.config.base_uri + "id/work/")
    response = requests.get(work, allow_redirects=False, timeout=10)
    assert response.status_code == 303
    assert response.headers["Location"] == work.replace("/id/", "/doc/")
    assert response.headers["Vary"] == "Accept"


def test_turtle_describes_the_thing_with_its_title(server: Server) -> None:
    work = _a_work(server)
    response = requests.get(work, headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert graph.value(URIRef(work), DCTERMS.title) is not None


def test_html_without_accept_and_for_a_browser(server: Server) -> None:
    work = _a_work(server)
    for headers in ({}, {"Accept": BROWSER_ACCEPT}):
        response = requests.get(work, headers=headers, timeout=10)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert "<h1>" in response.text


def test_rdflib_dereferences_the_uri(server: Server) -> None:
    work = _a_work(server)
    graph = Graph().parse(work)
    assert graph.value(URIRef(work), DCTERMS.title) is not None


def test_sparql_count_of_works_is_twenty(server: Server) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(
        "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"
    )
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    assert result["results"]["bindings"][0]["n"]["value"] == "20"


def test_unknown_key_is_a_404_problem(server: Server) -> None:
    response = requests.get(server.url + "/doc/work/nosuchkey", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert json.loads(response.text)["status"] == 404


def test_malformed_query_is_a_400_with_the_parser_message(server: Server) -> None:
    response = requests.get(server.url + "/sparql", params={"query": "SELEC nope"}, timeout=10)
    assert response.status_code == 400
    assert response.json()["detail"]
