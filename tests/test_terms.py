"""kg's own terms: every kg: term the build, the endpoint or the vocabularies emit is defined in
kg/terms.ttl, and the definitions are served at /terms in every format."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import KG
from kg.web.terms import ONTOLOGY, terms_graph
from tests.conftest import Built, Server

REPO = Path(__file__).resolve().parent.parent


def _kg_terms(graph: Graph) -> set[URIRef]:
    """Every kg: IRI used as a predicate, a class or a value."""
    used = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    return {t for t in used if str(t).startswith(str(KG))}


def _undefined(used: set[URIRef]) -> list[str]:
    terms = terms_graph()
    return sorted(
        str(t)
        for t in used
        if (t, RDFS.isDefinedBy, ONTOLOGY) not in terms
        or terms.value(t, RDFS.label) is None
        or terms.value(t, RDFS.comment) is None
    )


def test_every_term_a_build_emits_is_defined(sample_build: Built) -> None:
    data = gzip.decompress(sample_build.summary.dump("ntriples").read_bytes())
    used = _kg_terms(Graph().parse(data=data, format="nt"))
    assert {KG.tag, KG.Tag, KG.why, KG.sourceLine} <= used  # the check below sees real output
    assert _undefined(used) == []


def test_every_term_the_service_description_and_vocabularies_use_is_defined(
    server: Server,
) -> None:
    description = Graph().parse(
        data=requests.get(
            server.url + "/sparql", headers={"Accept": "text/turtle"}, timeout=10
        ).text,
        format="turtle",
    )
    used = _kg_terms(description)
    for path in sorted((REPO / "vocab").glob("*.ttl")):
        used |= _kg_terms(Graph().parse(path, format="turtle"))
    assert {KG.queryTimeLimit, KG.acronym} <= used
    assert _undefined(used) == []


def test_every_definition_is_a_typed_kg_term() -> None:
    terms = terms_graph()
    for term in terms.subjects(RDFS.isDefinedBy, ONTOLOGY):
        assert str(term).startswith(str(KG)), term
        assert set(terms.objects(term, RDF.type)), f"{term} has no rdf:type"


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_terms_are_served_in_every_rdf_format(
    server: Server, accept: str, rdflib_format: str
) -> None:
    response = requests.get(server.url + "/terms", headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(accept)
    assert response.headers["Vary"] == "Accept"
    served = _parse(response.content, rdflib_format)
    assert len(served) == len(terms_graph())
    assert (KG.tag, RDFS.label, None) in served


def _parse(body: bytes, rdflib_format: str) -> Graph:
    if rdflib_format == "json-ld":  # rdflib's JSON-LD parser warns (ConjunctiveGraph)
        quads = ox.parse(body, format=ox.RdfFormat.JSON_LD)
        body, rdflib_format = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES), "nt"
    return Graph().parse(data=body, format=rdflib_format)


def test_terms_page_lists_every_term_and_unknown_formats_are_refused(server: Server) -> None:
    page = requests.get(server.url + "/terms", headers={"Accept": "text/html"}, timeout=10)
    assert page.status_code == 200
    assert 'id="inferredPublisher"' in page.text
    assert "kg:clientQuerySecondsPerMinute" in page.text
    assert requests.get(server.url + "/terms.xyz", timeout=10).status_code == 404
    refused = requests.get(server.url + "/terms", headers={"Accept": "image/png"}, timeout=10)
    assert refused.status_code == 406
    bad = requests.get(server.url + "/terms", params={"format": "docx"}, timeout=10)
    assert bad.status_code == 400
