"""The example queries: published as sh:SPARQLExecutable resources, and each one runs through
the endpoint and answers on the sample catalogue."""

from __future__ import annotations

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from kg.namespaces import RDF, RDFS, SDO, SH
from kg.sparql.examples import EXAMPLES, Example
from tests.conftest import SERVED_ON, Server, served_on


@pytest.fixture(scope="module", params=SERVED_ON)
def server(request: pytest.FixtureRequest) -> Server:
    """This module's tests run on the embedded store, `oxigraph serve` and Virtuoso."""
    return served_on(request)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_each_example_runs_through_the_endpoint(server: Server, example: Example) -> None:
    response = requests.post(server.url + "/sparql", data={"query": example.query}, timeout=30)
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert rows, f"{example.name} found nothing in the sample catalogue"


def test_examples_are_published_as_sparql_executables(server: Server) -> None:
    response = requests.get(
        server.url + "/sparql/examples", headers={"Accept": "text/turtle"}, timeout=10
    )
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef(server.url + "/sparql")
    published = set(graph.subjects(RDF.type, SH.SPARQLExecutable))
    assert len(published) == len(EXAMPLES)
    for example in EXAMPLES:
        node = URIRef(f"{endpoint}/examples#{example.name}")
        assert (node, RDF.type, SH.SPARQLSelectExecutable) in graph
        assert (node, SH.select, Literal(example.query)) in graph
        assert (node, RDFS.label, Literal(example.label, lang="en")) in graph
        assert (node, SDO.target, endpoint) in graph


def _rows(server: Server, name: str) -> list[dict[str, dict[str, str]]]:
    example = next(e for e in EXAMPLES if e.name == name)
    response = requests.post(server.url + "/sparql", data={"query": example.query}, timeout=30)
    assert response.status_code == 200, response.text
    rows: list[dict[str, dict[str, str]]] = response.json()["results"]["bindings"]
    return rows


def test_co_authors_is_one_authors_network_strongest_ties_first(server: Server) -> None:
    rows = _rows(server, "co-authors")
    assert len({row["author"]["value"] for row in rows}) == 1
    assert all(row["coauthor"]["value"] != row["author"]["value"] for row in rows)
    shared = [int(row["works"]["value"]) for row in rows]
    assert min(shared) >= 1 and shared == sorted(shared, reverse=True)


def test_topics_by_section_keeps_to_the_topics_scheme(server: Server) -> None:
    rows = _rows(server, "topics-by-section")
    sections = {row["section"]["value"] for row in rows}
    assert all("/id/topic/" in section for section in sections), sections  # no place regions
    assert all(int(row["works"]["value"]) >= 1 for row in rows)


def _solutions(server: Server, query: str) -> list[list[tuple[str, str]]]:
    """A query's solutions with the server's base written as `BASE/`, in a stable order."""
    response = requests.post(server.url + "/sparql", data={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    base = server.config.base_uri
    rows = [
        sorted(
            (name, term["value"].replace(base, "BASE/") + "|" + term.get("datatype", ""))
            for name, term in row.items()
        )
        for row in response.json()["results"]["bindings"]
    ]
    return sorted(rows)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_each_example_gives_the_embedded_stores_solutions(
    server: Server, embedded_server: Server, example: Example
) -> None:
    assert _solutions(server, example.query) == _solutions(embedded_server, example.query)
