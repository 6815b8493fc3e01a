"""Vocabularies as published: the tree page, the Turtle download, concept URIs, tags, dataset."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.formats import FORMATS, Format
from kg.vocab.model import load_vocabulary
from tests.conftest import ROOT, Server
from tests.inprocess import InProcess

KG = "https://w3id.org/kg/terms#"


def rows(server: Server, query: str) -> list[dict[str, str]]:
    response = requests.get(server.url + "/sparql", params={"query": query}, timeout=10)
    response.raise_for_status()
    return [{k: v["value"] for k, v in r.items()} for r in response.json()["results"]["bindings"]]


def test_every_sample_work_has_a_topic_beyond_its_section_and_every_tag_says_why(
    server: Server,
) -> None:
    section = server.config.base_uri + "id/topic/victimization"
    subjects = rows(
        server,
        "SELECT ?w ?c WHERE { ?w a <https://schema.org/CreativeWork> ; "
        "<http://purl.org/dc/terms/subject> ?c }",
    )
    works: dict[str, set[str]] = {}
    for row in subjects:
        works.setdefault(row["w"], set()).add(row["c"])
    assert len(works) == 20
    assert all(section in topics and topics - {section} for topics in works.values())
    explained = rows(
        server,
        f"SELECT DISTINCT ?w ?c WHERE {{ ?w <{KG}tag> ?t . ?t <{KG}concept> ?c ; <{KG}why> ?why }}",
    )
    assert {(r["w"], r["c"]) for r in explained} == {(r["w"], r["c"]) for r in subjects}


def test_the_topic_tree_is_nested_details_without_javascript(server: Server) -> None:
    response = requests.get(server.url + "/vocab/topics", timeout=10)
    assert response.status_code == 200
    html = response.text
    assert "<script" not in html
    assert html.count("<details open>") >= 10
    id_base = server.config.base_uri + "id/"
    vocab = load_vocabulary(ROOT / "vocab", id_base)
    topics = [c.iri for c in vocab.concepts.values() if id_base + "vocab/topics" in c.schemes]
    assert len(topics) > 40
    for iri in topics:
        assert f'href="{iri}"' in html
    assert f"Version {vocab.schemes[id_base + 'vocab/topics'].version}" in html


def test_the_turtle_download_is_the_scheme_with_absolute_iris(server: Server) -> None:
    response = requests.get(server.url + "/vocab/topics.ttl", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    served = Graph().parse(data=response.text, format="turtle")
    id_base = server.config.base_uri + "id/"
    vocab = load_vocabulary(ROOT / "vocab", id_base)
    assert isomorphic(served, vocab.scheme_graph(id_base + "vocab/topics"))


def test_scheme_and_concept_uris_dereference(server: Server) -> None:
    scheme = server.config.base_uri + "id/vocab/topics"
    response = requests.get(scheme, allow_redirects=False, timeout=10)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/vocab/topics")
    concept = server.config.base_uri + "id/topic/darknet"
    response = requests.get(concept, headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    broader = URIRef("http://www.w3.org/2004/02/skos/core#broader")
    assert graph.value(URIRef(concept), broader) == URIRef(
        server.config.base_uri + "id/topic/cybercrime"
    )
    assert requests.get(server.url + "/vocab/nosuch", timeout=10).status_code == 404


def test_the_dataset_description_lists_the_vocabularies_with_versions(server: Server) -> None:
    found = rows(
        server,
        "SELECT ?s ?v ?m WHERE { ?d <http://purl.org/dc/terms/hasPart> ?s . "
        "?s <http://www.w3.org/2002/07/owl#versionInfo> ?v ; "
        "<http://purl.org/dc/terms/modified> ?m }",
    )
    id_base = server.config.base_uri + "id/"
    for scheme in load_vocabulary(ROOT / "vocab", id_base).schemes.values():
        assert {"s": scheme.iri, "v": scheme.version, "m": scheme.modified} in found


def test_places_of_publication_are_the_place_vocabulary_concepts(server: Server) -> None:
    new_york = server.config.base_uri + "id/place/new-york"
    found = rows(
        server, f"SELECT ?w WHERE {{ ?w <https://schema.org/locationCreated> <{new_york}> }}"
    )
    assert found
    response = requests.get(new_york, headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    pref = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert str(graph.value(URIRef(new_york), pref)) == "New York"


def test_each_work_document_says_why_it_has_each_topic(server: Server) -> None:
    works = rows(server, "SELECT ?w WHERE { ?w a <https://schema.org/CreativeWork> }")
    subject, tag = URIRef("http://purl.org/dc/terms/subject"), URIRef(KG + "tag")
    concept, why = URIRef(KG + "concept"), URIRef(KG + "why")
    for row in works:
        work = URIRef(row["w"])
        response = requests.get(work, headers={"Accept": "text/turtle"}, timeout=10)
        graph = Graph().parse(data=response.text, format="turtle")
        reasons = {
            graph.value(node, concept): set(graph.objects(node, why))
            for node in graph.objects(work, tag)
        }
        topics = set(graph.objects(work, subject))
        assert len(topics) >= 2
        assert all(reasons.get(t) for t in topics), (work, topics - set(reasons))


def test_concept_pages_show_tree_paths_labels_in_every_language_and_mappings(
    server: Server,
) -> None:
    base = server.config.base_uri + "id/"
    crime = requests.get(base + "topic/crime", headers={"Accept": "text/html"}, timeout=10).text
    assert "Labels in every language" in crime
    assert '<td lang="fr">Criminalité</td>' in crime and '<td lang="es">Delincuencia</td>' in crime
    assert 'href="http://www.wikidata.org/entity/Q83267"' in crime
    sydney = requests.get(base + "place/sydney", headers={"Accept": "text/html"}, timeout=10).text
    path = [f'href="{base}place/{key}"' for key in ("oceania", "australia", "new-south-wales")]
    positions = [sydney.index(p) for p in path]
    assert positions == sorted(positions)
    assert 'href="https://sws.geonames.org/2147714/"' in sydney


def test_a_work_page_says_why_it_has_each_topic(server: Server) -> None:
    [row] = rows(
        server,
        "SELECT ?w WHERE { ?w <http://purl.org/dc/terms/title> "
        '"Sexual Harassment of Teachers"@en }',
    )
    html = requests.get(row["w"], headers={"Accept": "text/html"}, timeout=10).text
    why = html.split('<details class="why-topics">')[1].split("</details>")[0]
    assert "page topic “VICTIMIZATION”" in why
    assert "“sexual harassment” in the title" in why.casefold()
    assert "#tag-" not in html


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.oxigraph is not None], ids=str)
def test_a_scheme_is_negotiated_in_every_rdf_format(sample_app: InProcess, fmt: Format) -> None:
    """Accept or the format's suffix; every format parses to the same graph as the Turtle."""
    id_base = sample_app.base + "id/"
    expected = load_vocabulary(ROOT / "vocab", id_base).scheme_graph(id_base + "vocab/places")
    for response in (
        sample_app.get("/vocab/places", fmt.media_type),
        sample_app.get(f"/vocab/places.{fmt.suffix}", "text/html"),
    ):
        assert response.status_code == 200
        assert response.mimetype == fmt.media_type
        served = Graph().parse(data=response.get_data(as_text=True), format=fmt.rdflib_format)
        assert isomorphic(served, expected)
    negotiated = sample_app.get("/vocab/places", fmt.media_type)
    assert negotiated.headers["Vary"] == "Accept"
    assert negotiated.headers["Content-Location"].endswith(f"/vocab/places.{fmt.suffix}")


def test_rapper_reads_the_rdfxml_scheme(sample_app: InProcess, tmp_path: Path) -> None:
    body = sample_app.get("/vocab/topics", "application/rdf+xml").get_data()
    (tmp_path / "topics.rdf").write_bytes(body)
    run = subprocess.run(
        ["rapper", "-q", "-i", "rdfxml", "-c", str(tmp_path / "topics.rdf")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_a_scheme_answers_406_when_nothing_offered_is_acceptable(sample_app: InProcess) -> None:
    response = sample_app.get("/vocab/topics", "image/png")
    assert response.status_code == 406
    assert "text/turtle" in response.get_data(as_text=True)
    assert sample_app.get("/vocab/topics.png").status_code == 404
    page = sample_app.get("/vocab/topics")
    assert page.mimetype == "text/html"
    links = page.headers["Link"]
    for fmt in FORMATS:
        if fmt.oxigraph is not None:
            assert f'/vocab/topics.{fmt.suffix}>; rel="alternate"; type="{fmt.media_type}"' in links
