"""The example queries: published as sh:SPARQLExecutable resources, and each one runs through
the endpoint and answers on the sample catalogue."""

from __future__ import annotations

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from kg.namespaces import RDF, RDFS, SDO, SH
from kg.sparql.examples import EXAMPLES, Example
from tests.conftest import Server


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
