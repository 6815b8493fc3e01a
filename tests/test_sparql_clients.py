"""Real SPARQL clients against kg's endpoint (real gunicorn): SPARQLWrapper, rdflib's
SPARQLStore and Comunica (node) get the same, correct answers for SELECT, ASK, CONSTRUCT and
DESCRIBE as the store itself gives."""

from __future__ import annotations

import json
import subprocess

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from kg.namespaces import DCTERMS
from tests.conftest import ROOT, Server

SELECT = (
    "SELECT ?w ?title WHERE { ?w a <https://schema.org/CreativeWork> ; "
    "<http://purl.org/dc/terms/title> ?title } ORDER BY ?w"
)
ASK_YES = "ASK { ?w a <https://schema.org/CreativeWork> }"
ASK_NO = "ASK { ?w a <http://example.org/Nothing> }"


def _expected_titles(server: Server) -> dict[str, str]:
    """SELECT answered by the endpoint's plain HTTP, the reference the clients are held to."""
    body = requests.get(server.url + "/sparql", params={"query": SELECT}, timeout=10).json()
    rows = body["results"]["bindings"]
    assert len(rows) >= 20
    return {row["w"]["value"]: row["title"]["value"] for row in rows}


def _a_work(server: Server) -> str:
    return sorted(_expected_titles(server))[0]


def test_sparqlwrapper_select_ask_construct_describe(server: Server) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setReturnFormat(JSON)
    client.setQuery(SELECT)
    rows = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert {r["w"]["value"]: r["title"]["value"] for r in rows} == _expected_titles(server)
    for query, expected in ((ASK_YES, True), (ASK_NO, False)):
        client.setQuery(query)
        assert client.queryAndConvert()["boolean"] is expected  # type: ignore[index]
    work = _a_work(server)
    # SPARQLWrapper hands Turtle back as bytes (its RDF/XML conversion uses rdflib's
    # deprecated ConjunctiveGraph).
    client.setReturnFormat(TURTLE)
    for query in (f"CONSTRUCT WHERE {{ <{work}> ?p ?o }}", f"DESCRIBE <{work}>"):
        client.setQuery(query)
        data = client.queryAndConvert()
        assert isinstance(data, bytes)
        graph = Graph().parse(data=data, format="turtle")
        assert str(graph.value(URIRef(work), DCTERMS.title)) == _expected_titles(server)[work]


@pytest.mark.parametrize("return_format", ["xml", "json"])
def test_rdflib_sparqlstore_select_ask_construct_describe(
    server: Server, return_format: str
) -> None:
    store = SPARQLStore(server.url + "/sparql", returnFormat=return_format)
    graph = Graph(store)
    try:
        rows = {str(r.w): str(r.title) for r in graph.query(SELECT)}  # type: ignore[union-attr]
        assert rows == _expected_titles(server)
        assert graph.query(ASK_YES).askAnswer is True
        assert graph.query(ASK_NO).askAnswer is False
        work = _a_work(server)
        for query in (f"CONSTRUCT WHERE {{ <{work}> ?p ?o }}", f"DESCRIBE <{work}>"):
            result = graph.query(query).graph
            assert result is not None
            assert str(result.value(URIRef(work), DCTERMS.title)) == _expected_titles(server)[work]
    finally:
        store.close()


def _comunica(server: Server, *queries: str) -> list[dict[str, object]]:
    script = ROOT / "tests" / "clients" / "comunica.js"
    assert (ROOT / "node_modules" / "@comunica" / "query-sparql").exists(), "run `npm ci`"
    done = subprocess.run(
        ["node", str(script), server.url + "/sparql", *queries],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers: list[dict[str, object]] = json.loads(done.stdout)
    return answers


@pytest.mark.w3c
def test_comunica_select_ask_construct_describe(server: Server) -> None:
    work = _a_work(server)
    select, yes, no, construct, describe = _comunica(
        server,
        SELECT,
        ASK_YES,
        ASK_NO,
        f"CONSTRUCT WHERE {{ <{work}> ?p ?o }}",
        f"DESCRIBE <{work}>",
    )
    rows = select["bindings"]
    assert {r["w"]: r["title"] for r in rows} == _expected_titles(server)  # type: ignore[attr-defined]
    assert yes == {"boolean": True}
    assert no == {"boolean": False}
    title = [work, str(DCTERMS.title), _expected_titles(server)[work]]
    assert title in construct["triples"]  # type: ignore[operator]
    assert title in describe["triples"]  # type: ignore[operator]
