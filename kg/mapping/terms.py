"""The namespaces of kg.namespaces, with each term made once.

rdflib builds (and validates) a new URIRef on every namespace attribute access; the mapping
writes tens of millions of triples, so it reads its terms through these caches instead.
"""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from kg import namespaces


class _Terms:
    """A namespace object that remembers the terms it made."""

    __slots__ = ("_cache", "_namespace")

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._cache: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        try:
            return self._cache[name]
        except KeyError:
            term = self._cache[name] = URIRef(getattr(self._namespace, name))
            return term

    def __getitem__(self, name: str) -> URIRef:
        try:
            return self._cache[name]
        except KeyError:
            term = self._cache[name] = URIRef(self._namespace[name])
            return term


BIBO = _Terms(namespaces.BIBO)
DCMITYPE = _Terms(namespaces.DCMITYPE)
DCTERMS = _Terms(namespaces.DCTERMS)
FOAF = _Terms(namespaces.FOAF)
KG = _Terms(namespaces.KG)
OWL = _Terms(namespaces.OWL)
PROV = _Terms(namespaces.PROV)
RDF = _Terms(namespaces.RDF)
RDFS = _Terms(namespaces.RDFS)
SDO = _Terms(namespaces.SDO)
SKOS = _Terms(namespaces.SKOS)
XSD = _Terms(namespaces.XSD)
