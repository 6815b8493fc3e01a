"""The predicates that name and date a resource, in order of preference: one table for the
store's descriptions, the browse lists and the pages."""

from __future__ import annotations

import pyoxigraph as ox

from kg.namespaces import DCTERMS, FOAF, RDFS, SDO, SKOS

LABEL_IRIS: tuple[str, ...] = tuple(
    str(p) for p in (SDO.name, DCTERMS.title, SKOS.prefLabel, FOAF.name, RDFS.label)
)
LABELS: tuple[ox.NamedNode, ...] = tuple(ox.NamedNode(p) for p in LABEL_IRIS)
DATES: tuple[ox.NamedNode, ...] = tuple(
    ox.NamedNode(str(p)) for p in (DCTERMS.issued, SDO.datePublished, DCTERMS.date)
)
