"""Mapping: Records → RDF triples with Dublin Core terms and schema.org (plus BIBO, FOAF, SKOS).

Pure functions, no I/O: `map_record(record, context)` maps one record to the triples that
describe its work and the entities it links to (so validation can judge it alone), plus the
provenance triples that say where it came from and which build published it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.mapping.context import Context, Triple, Vocabularies
from kg.mapping.fingerprints import Ref, record_work_fingerprint
from kg.mapping.links import link_triples
from kg.mapping.provenance import provenance_triples
from kg.mapping.work import work_triples
from kg.records import Record

__all__ = ["Context", "Mapped", "Triple", "Vocabularies", "map_record", "records_to_graph"]


@dataclass(frozen=True, slots=True)
class Mapped:
    """One record's triples: the catalogue description and its provenance."""

    work: URIRef
    catalogue: tuple[Triple, ...]
    provenance: tuple[Triple, ...]


def work_iri(record: Record, context: Context) -> URIRef:
    return context.iri(Ref("work", record_work_fingerprint(record)))


def map_record(record: Record, context: Context) -> Mapped:
    """The triples of one record (deterministic: the same record gives the same triples)."""
    work = work_iri(record, context)
    catalogue = [*work_triples(work, record, context), *link_triples(work, record, context)]
    return Mapped(work, tuple(catalogue), tuple(provenance_triples(work, record, context)))


def records_to_graph(records: Iterable[Record], context: Context) -> Graph:
    """One rdflib Graph of many records' catalogue triples (tests and small catalogues)."""
    graph = Graph()
    for record in records:
        for triple in map_record(record, context).catalogue:
            graph.add(triple)
    return graph
