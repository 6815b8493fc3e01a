"""A scratch store in memory: the SHACL gate validates each batch of records in one (the
pyshacl-turbo engine reads a pyoxigraph store). Never a release: nothing is published from it."""

from __future__ import annotations

import pyoxigraph as ox


def scratch_store(ntriples: bytes) -> ox.Store:
    """An in-memory store holding the N-Triples in its default graph."""
    store = ox.Store()
    if ntriples:
        store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store
