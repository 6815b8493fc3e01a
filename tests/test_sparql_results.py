"""Result serialisation under the row cap: the same results as pyoxigraph's own serialisers,
and truncation signalled in the formats that allow it."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.sparql.results import CSV, RESULTS_JSON, RESULTS_XML, TSV, serialise

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
LINK = "http://example.org/sparql#row-cap"


def _store() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode(EX + "p")
    objects: list[ox.NamedNode | ox.BlankNode | ox.Literal] = [
        ox.NamedNode(EX + "o?a=1&b=%3C2%3E"),
        ox.BlankNode("b0"),
        ox.Literal("plain"),
        ox.Literal('tab\tquote"newline\ncomma,<&>'),
        ox.Literal("Schutz", language="de"),
        ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("1999", datatype=ox.NamedNode(XSD + "gYear")),
        ox.Literal("é ü 漢字"),
    ]
    for i, obj in enumerate(objects):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), p, obj))
    return store


QUERY = f"SELECT ?s ?o ?unbound WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s"


def _solutions(data: bytes, fmt: ox.QueryResultsFormat) -> list[str]:
    result = ox.parse_query_results(data, fmt)
    assert isinstance(result, ox.QuerySolutions)
    return [repr(s) for s in result]


@pytest.mark.parametrize(
    ("media_type", "fmt"),
    [
        (RESULTS_JSON, ox.QueryResultsFormat.JSON),
        (RESULTS_XML, ox.QueryResultsFormat.XML),
        (TSV, ox.QueryResultsFormat.TSV),
    ],
)
def test_same_solutions_as_pyoxigraph(media_type: str, fmt: ox.QueryResultsFormat) -> None:
    store = _store()
    ours = serialise(store.query(QUERY), media_type, 100, LINK)
    theirs = store.query(QUERY).serialize(format=fmt)  # type: ignore[union-attr]
    assert theirs is not None
    assert not ours.truncated and ours.rows == 8
    assert _solutions(ours.body, fmt) == _solutions(theirs, fmt)


def test_csv_is_what_pyoxigraph_writes() -> None:
    store = _store()
    ours = serialise(store.query(QUERY), CSV, 100, LINK)
    theirs = store.query(QUERY).serialize(format=ox.QueryResultsFormat.CSV)  # type: ignore[union-attr]
    assert ours.body == theirs


# Any text pyoxigraph accepts in a literal, a language tag, or an IRI's tail.
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(value=_TEXT, language=st.sampled_from(["", "en", "de-CH"]), tail=_TEXT, blank=st.booleans())
def test_json_is_the_json_pyoxigraph_writes(
    value: str, language: str, tail: str, blank: bool
) -> None:
    store = ox.Store()
    subject = ox.BlankNode("b1") if blank else ox.NamedNode(EX + "s")
    p = ox.NamedNode(EX + "p")
    iri = ox.NamedNode(EX + "".join(c for c in tail if c.isalnum()))
    store.add(ox.Quad(subject, p, ox.Literal(value, language=language or None)))
    store.add(ox.Quad(subject, p, ox.Literal(value, datatype=ox.NamedNode(XSD + "token"))))
    store.add(ox.Quad(subject, p, iri))
    query = "SELECT ?s ?o ?none WHERE { ?s ?p ?o } ORDER BY ?o"
    ours = serialise(store.query(query), RESULTS_JSON, 100, LINK)
    theirs = store.query(query).serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
    assert theirs is not None
    assert json.loads(ours.body) == json.loads(theirs)


def test_select_is_cut_at_the_cap_and_says_so() -> None:
    store = _store()
    out = serialise(store.query(QUERY), RESULTS_JSON, 3, LINK)
    doc = json.loads(out.body)
    assert out.truncated and out.rows == 3
    assert len(doc["results"]["bindings"]) == 3
    assert doc["head"]["link"] == [LINK]
    xml = serialise(store.query(QUERY), RESULTS_XML, 3, LINK)
    assert f'<link href="{LINK}"/>'.encode() in xml.body
    assert len(_solutions(xml.body, ox.QueryResultsFormat.XML)) == 3


def test_exactly_the_cap_is_not_truncated() -> None:
    out = serialise(_store().query(QUERY), RESULTS_JSON, 8, LINK)
    assert not out.truncated and "link" not in json.loads(out.body)["head"]


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_graphs_in_every_document_format_and_capped(media_type: str, rdflib_format: str) -> None:
    store = _store()
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    full = serialise(store.query(query), media_type, 100, LINK)
    assert _triples(full.body, media_type, rdflib_format) == 8
    cut = serialise(store.query(query), media_type, 5, LINK)
    assert cut.truncated and _triples(cut.body, media_type, rdflib_format) == 5
    if rdflib_format in ("turtle", "nt"):
        assert cut.body.startswith(b"# truncated")


def _triples(body: bytes, media_type: str, rdflib_format: str) -> int:
    if rdflib_format == "json-ld":  # rdflib's JSON-LD parser warns (ConjunctiveGraph)
        return len(list(ox.parse(body, format=ox.RdfFormat.JSON_LD)))
    return len(Graph().parse(data=body, format=rdflib_format))


@pytest.mark.parametrize("media_type", [RESULTS_JSON, RESULTS_XML, CSV, TSV])
def test_ask_in_every_results_format(media_type: str) -> None:
    out = serialise(_store().query("ASK { ?s ?p 42 }"), media_type, 1, LINK)
    assert b"true" in out.body
