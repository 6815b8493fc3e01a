"""Dereferencing over real HTTP: every type × every format against `kg serve` (gunicorn)."""

from __future__ import annotations

import subprocess

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, URIRef

from kg.formats import FORMATS
from kg.iris import ENTITY_TYPES
from kg.store import open_live
from tests.conftest import SERVED_ON, Server, served_on

RDF_FORMATS = [f for f in FORMATS if f.rdflib_format]
# rdflib 7.6's own JSON-LD parser builds a ConjunctiveGraph and warns about itself.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module", params=SERVED_ON)
def server(request: pytest.FixtureRequest) -> Server:
    """This module's tests run on the embedded store, `oxigraph serve` and Virtuoso."""
    return served_on(request)


@pytest.fixture(scope="module")
def things(server: Server) -> dict[str, str]:
    """One IRI of every entity type the sample build has (at least work, person, org)."""
    base = server.config.base_uri + "id/"
    found: dict[str, str] = {}
    with open_live(server.config) as store:
        rows = store.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o } ORDER BY ?s")
    for row in rows:
        iri = row["s"].value
        if iri.startswith(base):
            found.setdefault(iri[len(base) :].split("/", 1)[0], iri)
    assert {"work", "person", "organization"} <= found.keys()
    return {t: iri for t, iri in found.items() if t in ENTITY_TYPES}


def _doc(iri: str) -> str:
    return iri.replace("/id/", "/doc/", 1)


def test_every_type_answers_303_with_vary(server: Server, things: dict[str, str]) -> None:
    for iri in things.values():
        response = requests.get(iri, allow_redirects=False, timeout=10)
        assert response.status_code == 303, iri
        assert response.headers["Location"] == _doc(iri)
        assert response.headers["Vary"] == "Accept"
        assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_every_type_negotiates_every_format(
    server: Server, things: dict[str, str], fmt: object
) -> None:
    from kg.formats import Format

    assert isinstance(fmt, Format)
    for type_, iri in things.items():
        response = requests.get(iri, headers={"Accept": fmt.media_type}, timeout=10)
        assert response.status_code == 200, (type_, response.text[:200])
        assert response.history[0].status_code == 303
        assert response.headers["Content-Type"] == f"{fmt.media_type}; charset=utf-8"
        assert response.headers["Content-Location"] == f"{_doc(iri)}.{fmt.suffix}"
        assert response.headers["Vary"] == "Accept"
        assert response.headers["ETag"].endswith(f'-{fmt.suffix}"')
        assert response.headers["Cache-Control"] == "public, max-age=300"
        assert "Last-Modified" in response.headers
        for alternate in FORMATS:
            link = (
                f'<{_doc(iri)}.{alternate.suffix}>; rel="alternate"; type="{alternate.media_type}"'
            )
            assert link in response.headers["Link"]
        assert f'<{iri}>; rel="cite-as"' in response.headers["Link"]
        if fmt.rdflib_format:
            graph = Graph().parse(data=response.content, format=fmt.rdflib_format)
            assert (URIRef(iri), None, None) in graph, "the body describes the thing's IRI"
        else:
            assert "<h1" in response.text


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.suffix)
def test_rdflib_parses_every_format_from_the_uri(
    server: Server, things: dict[str, str], fmt: object
) -> None:
    from kg.formats import Format

    assert isinstance(fmt, Format)
    for iri in things.values():
        # rdflib sends its own Accept for the format, follows the 303 and parses.
        graph = Graph().parse(iri, format=fmt.rdflib_format)
        assert len(graph) > 0
        assert (URIRef(iri), None, None) in graph
        # and the format URL, with no negotiation at all
        assert (URIRef(iri), None, None) in Graph().parse(f"{_doc(iri)}.{fmt.suffix}")


def test_rdflib_default_accept_gets_rdf(server: Server, things: dict[str, str]) -> None:
    iri = things["work"]
    graph = Graph().parse(iri)
    assert (URIRef(iri), None, None) in graph


def test_rapper_follows_the_303(server: Server, things: dict[str, str]) -> None:
    for iri in things.values():
        for syntax in ("turtle", "rdfxml", "ntriples"):
            out = subprocess.run(
                ["rapper", "-q", "-i", syntax, "-o", "ntriples", iri],
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            )
            assert f"<{iri}> " in out.stdout, (syntax, out.stderr)


def test_curl_shows_the_headers(server: Server, things: dict[str, str]) -> None:
    out = subprocess.run(
        ["curl", "-sSI", "-H", "Accept: text/turtle", things["person"]],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.lower()
    assert out.startswith("http/1.1 303")
    assert "vary: accept" in out
    out = subprocess.run(
        ["curl", "-sSIL", "-H", "Accept: text/turtle", things["person"]],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.lower()
    final = out.rsplit("http/1.1 ", 1)[1]
    assert final.startswith("200")
    for header in (
        "etag:",
        "content-location:",
        "link:",
        "last-modified:",
        "cache-control:",
        "access-control-expose-headers:",
    ):
        assert header in final, header


@pytest.mark.parametrize("suffix", ["", ".ttl", ".html"])
def test_repeated_request_is_304(server: Server, things: dict[str, str], suffix: str) -> None:
    url = _doc(things["work"]) + suffix
    first = requests.get(url, headers={"Accept": "text/turtle"}, timeout=10)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    again = requests.get(url, headers={"Accept": "text/turtle", "If-None-Match": etag}, timeout=10)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    since = requests.get(
        url, headers={"Accept": "text/turtle", "If-Modified-Since": modified}, timeout=10
    )
    assert since.status_code == 304
    stale = requests.get(
        url, headers={"Accept": "text/turtle", "If-None-Match": '"old"'}, timeout=10
    )
    assert stale.status_code == 200


def test_each_variant_has_its_own_etag(server: Server, things: dict[str, str]) -> None:
    doc = _doc(things["work"])
    etags = {
        requests.get(doc, headers={"Accept": f.media_type}, timeout=10).headers["ETag"]
        for f in FORMATS
    }
    assert len(etags) == len(FORMATS)
    turtle_etag = requests.get(doc + ".ttl", timeout=10).headers["ETag"]
    html = requests.get(doc, headers={"If-None-Match": turtle_etag}, timeout=10)
    assert html.status_code == 200, "an HTML request must not be satisfied by the Turtle ETag"


def test_head_gives_headers_without_a_body(server: Server, things: dict[str, str]) -> None:
    doc = _doc(things["work"])
    get = requests.get(doc, headers={"Accept": "text/turtle"}, timeout=10)
    head = requests.head(doc, headers={"Accept": "text/turtle"}, timeout=10)
    assert head.status_code == 200
    assert head.content == b""
    for name in ("ETag", "Content-Type", "Content-Location", "Link", "Vary"):
        assert head.headers[name] == get.headers[name]
    assert int(head.headers["Content-Length"]) == len(get.content)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/plain", "application/n-triples"),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
        ("application/rdf+xml, text/turtle;q=0.1", "application/rdf+xml"),
        ("text/*;q=0.9, text/turtle", "text/turtle"),
        ("*/*", "text/html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("image/png, */*;q=0.1", "text/html"),
    ],
)
def test_q_values_and_wildcards(
    server: Server, things: dict[str, str], accept: str, media_type: str
) -> None:
    response = requests.get(_doc(things["work"]), headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type


def test_format_parameter_is_a_fallback(server: Server, things: dict[str, str]) -> None:
    doc = _doc(things["work"])
    for value, media_type in [
        ("ttl", "text/turtle"),
        ("json-ld", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
    ]:
        response = requests.get(
            doc, params={"format": value}, headers={"Accept": "text/html"}, timeout=10
        )
        assert response.headers["Content-Type"].split(";")[0] == media_type
    bad = requests.get(doc, params={"format": "docx"}, timeout=10)
    assert bad.status_code == 400


def test_406_lists_the_offered_types(server: Server, things: dict[str, str]) -> None:
    response = requests.get(_doc(things["work"]), headers={"Accept": "image/png"}, timeout=10)
    assert response.status_code == 406
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.headers["Vary"] == "Accept"
    detail = response.json()["detail"]
    for fmt in FORMATS:
        assert fmt.media_type in detail


@pytest.mark.parametrize(
    "path",
    [
        "/id/work/nosuchkey",
        "/doc/work/nosuchkey",
        "/doc/work/nosuchkey.ttl",
        "/id/gadget/x",
        "/doc/gadget/x",
    ],
)
def test_unknown_is_404(server: Server, path: str) -> None:
    response = requests.get(server.url + path, allow_redirects=False, timeout=10)
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_cors_preflight_and_exposed_headers(server: Server, things: dict[str, str]) -> None:
    response = requests.get(
        _doc(things["work"]) + ".ttl", headers={"Origin": "https://example.org"}, timeout=10
    )
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    exposed = {
        h.strip().lower() for h in response.headers["Access-Control-Expose-Headers"].split(",")
    }
    assert {"link", "etag", "retry-after", "content-location"} <= exposed


def test_signposting_on_a_work_page(server: Server, things: dict[str, str]) -> None:
    iri = things["work"]
    links = requests.get(_doc(iri), timeout=10).headers["Link"]
    assert f'<{iri}>; rel="cite-as"' in links
    assert f'<{_doc(iri)}.ttl>; rel="describedby"; type="text/turtle"' in links
    assert '<https://schema.org/CreativeWork>; rel="type"' in links
    assert 'rel="license"' in links
    assert 'rel="author"' in links


def test_the_document_is_not_the_thing(server: Server, things: dict[str, str]) -> None:
    iri = things["person"]
    graph = Graph().parse(_doc(iri) + ".ttl")
    foaf_topic = URIRef("http://xmlns.com/foaf/0.1/primaryTopic")
    assert graph.value(URIRef(_doc(iri)), foaf_topic) == URIRef(iri)
    name = URIRef("https://schema.org/name")
    assert graph.value(URIRef(iri), name) is not None
    assert graph.value(URIRef(_doc(iri)), name) is None


def test_named_node_validation_rejects_bad_keys(server: Server) -> None:
    response = requests.get(server.url + "/doc/work/%3E%20%3Cx", timeout=10)
    assert response.status_code == 404
    assert ox.NamedNode  # the store is only asked with validated NamedNodes
