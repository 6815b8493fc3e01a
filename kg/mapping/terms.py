"""The namespaces of kg.namespaces, with each term made once.

rdflib builds (and validates) a new URIRef on every namespace attribute access; the mapping
writes tens of millions of triples, so it reads its terms through these caches instead.
"""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from kg import namespaces


class _Terms:
    """A namespace object that remembers the terms it made.

    A term is kept as an attribute of the object: once made, `SDO.name` is found by Python's
    own attribute lookup, without calling `__getattr__` (the mapping reads ~65 a record).
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        # Only called for a term not made yet (or a name that is no term: it raises).
        if name.startswith("__") or name in ("_namespace", "_items"):
            raise AttributeError(name)  # copy and pickle probe these before __init__ ran
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        try:
            return self._items[name]
        except KeyError:
            term = self._items[name] = URIRef(self._namespace[name])
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
