"""A description as an RDF document: the thing's triples plus a few about the document itself."""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import Format
from kg.namespaces import FOAF, HYDRA, PREFIXES, RDF, VOID
from kg.store import Description

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def document_triples(
    description: Description,
    document: str,
    dataset: str,
    next_page: str | None = None,
    previous_page: str | None = None,
) -> list[ox.Triple]:
    """All triples a document serves; the subject of the record is the thing, not the page."""
    doc = _n(document)
    meta = [
        ox.Triple(doc, _n(RDF.type), _n(FOAF.Document)),
        ox.Triple(doc, _n(FOAF.primaryTopic), description.iri),
        ox.Triple(doc, _n(VOID.inDataset), _n(dataset)),
    ]
    if next_page:
        meta.append(ox.Triple(doc, _n(HYDRA.next), _n(next_page)))
    if previous_page:
        meta.append(ox.Triple(doc, _n(HYDRA.previous), _n(previous_page)))
    seen: set[ox.Triple] = set()
    out: list[ox.Triple] = []
    for triple in (
        *description.own,
        *description.inverse_triples(),
        *description.context,
        *meta,
    ):
        if triple not in seen:
            seen.add(triple)
            out.append(triple)
    return out


def serialize(triples: list[ox.Triple], fmt: Format) -> bytes:
    """Triples in an RDF format, with kg's prefixes where the format has them."""
    assert fmt.oxigraph is not None, "HTML is rendered by templates"
    prefixes = None
    if fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        prefixes = _used_prefixes(triples)
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes) or b""


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """Only the prefixes a document uses (predicates and classes)."""
    terms = {t.predicate.value for t in triples}
    terms |= {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
    return {p: ns for p, ns in _PREFIXES.items() if any(term.startswith(ns) for term in terms)}
