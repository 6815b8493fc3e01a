"""Mapping: Records → RDF triples with Dublin Core terms and schema.org (plus BIBO, FOAF, SKOS).

Pure functions: no I/O. `record_graph` maps one record so that validation can judge it alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.ingest.authority import Authority
from kg.mapping.iris import Iris
from kg.namespaces import BIBO, DCMITYPE, DCTERMS, FOAF, RDF, SDO, XSD
from kg.records import Contributor, Record

Triple = tuple[Node, Node, Node]


def work_iri(record: Record, iris: Iris) -> URIRef:
    first = record.contributors[0].name if record.contributors else None
    return iris.work(record.title, record.year, first)


def agent_iri(name: str, kind: str, iris: Iris, authority: Authority) -> URIRef:
    known = authority.lookup(name)
    if known is not None:
        return iris.entity(known.kind, known.key.split("/")[-1])
    return iris.named(kind, name)


def record_triples(record: Record, iris: Iris, authority: Authority, lang: str) -> list[Triple]:
    """The triples that describe one record's work and the entities it links to."""
    work = work_iri(record, iris)
    out: list[Triple] = []
    out += _work_types(work, record)
    title = Literal(record.title, lang=lang)
    out += [(work, DCTERMS.title, title), (work, SDO.name, title)]
    if record.abstract:
        abstract = Literal(record.abstract, lang=lang)
        out += [(work, DCTERMS.abstract, abstract), (work, SDO.abstract, abstract)]
    if record.year is not None:
        year = Literal(str(record.year), datatype=XSD.gYear)
        out += [(work, DCTERMS.issued, year), (work, SDO.datePublished, year)]
    if record.page_count is not None:
        pages = Literal(record.page_count, datatype=XSD.integer)
        out += [(work, SDO.numberOfPages, pages), (work, BIBO.numPages, pages)]
    if record.report_id:
        out.append((work, SDO.reportNumber, Literal(record.report_id)))
    for contributor in record.contributors:
        out += _agent(work, contributor, iris, authority, (DCTERMS.creator, SDO.author))
    for name in record.publishers:
        org = Contributor(name, "organization")
        out += _agent(work, org, iris, authority, (DCTERMS.publisher, SDO.publisher))
    return out


def _work_types(work: URIRef, record: Record) -> list[Triple]:
    types: list[Node] = [SDO.CreativeWork]
    if record.journal is not None:
        types += [SDO.ScholarlyArticle, BIBO.AcademicArticle]
    else:
        types += [SDO.Report, BIBO.Report]
    out: list[Triple] = [(work, RDF.type, t) for t in types]
    return [*out, (work, DCTERMS.type, DCMITYPE.Text)]


def _agent(
    work: URIRef,
    agent: Contributor,
    iris: Iris,
    authority: Authority,
    predicates: tuple[Node, Node],
) -> list[Triple]:
    known = authority.lookup(agent.name)
    kind = known.kind if known else agent.kind
    name = known.name if known else agent.name
    node = agent_iri(name, kind, iris, authority)
    schema_type, foaf_type = (
        (SDO.Person, FOAF.Person) if kind == "person" else (SDO.Organization, FOAF.Organization)
    )
    label = Literal(name)
    out: list[Triple] = [
        (node, RDF.type, schema_type),
        (node, RDF.type, foaf_type),
        (node, SDO.name, label),
        (node, FOAF.name, label),
    ]
    return out + [(work, p, node) for p in predicates]


def records_to_graph(
    records: Iterable[Record], iris: Iris, authority: Authority, lang: str = "en"
) -> Graph:
    """One rdflib Graph of many records (for tests and small catalogues)."""
    graph = Graph()
    for record in records:
        for triple in record_triples(record, iris, authority, lang):
            graph.add(triple)
    return graph
