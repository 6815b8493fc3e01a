"""Turns a described resource into plain values the HTML templates show (no RDF in templates)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import DCTERMS, RDF, SDO, SKOS

_LABELS = (SDO.name, DCTERMS.title, SKOS.prefLabel)
_FIELDS: tuple[tuple[str, URIRef], ...] = (
    ("Authors", DCTERMS.creator),
    ("Publisher", DCTERMS.publisher),
    ("Year", DCTERMS.issued),
    ("Pages", SDO.numberOfPages),
    ("Report number", SDO.reportNumber),
    ("Topics", DCTERMS.subject),
    ("Abstract", DCTERMS.abstract),
)


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    href: str | None


@dataclass(slots=True)
class ResourceView:
    iri: str
    type_: str
    label: str
    fields: list[tuple[str, list[Link]]] = field(default_factory=list)
    inverse: list[Link] = field(default_factory=list)


def label_of(graph: Graph, node: Node) -> str:
    for predicate in _LABELS:
        value = graph.value(node, predicate)
        if value is not None:
            return str(value)
    return str(node)


def resource_view(graph: Graph, iri: URIRef, type_: str) -> ResourceView:
    view = ResourceView(str(iri), type_, label_of(graph, iri))
    for name, predicate in _FIELDS:
        values = [_link(graph, o) for o in graph.objects(iri, predicate)]
        if values:
            view.fields.append((name, sorted(values, key=lambda link: link.label)))
    subjects = {s for s, p in graph.subject_predicates(iri) if p != RDF.type}
    view.inverse = sorted((_link(graph, s) for s in subjects), key=lambda link: link.label)
    return view


def _link(graph: Graph, node: Node) -> Link:
    if isinstance(node, Literal):
        return Link(str(node), None)
    return Link(label_of(graph, node), str(node))
