"""Minted IRIs are what they were before the shortcuts (kg/iris.py): keys and fragments that
need no percent-encoding skip `quote`, and entity IRIs are remembered. For any key, fragment and
base, the IRI is the one `quote` and a fresh `URIRef` give."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from kg.iris import ENTITY_TYPES, Iris, _quoted

# Keys as the ledger and the authority file make them, and anything else a key may hold.
KEY = st.one_of(
    st.text("0123456789abcdefghjkmnpqrstvwxyz", min_size=1, max_size=10),
    st.text(st.sampled_from("aZ09-._~ /#%?&é😀\n\x00\ud800"), max_size=12),
    st.text(max_size=12),
)
BASE = st.sampled_from(["http://localhost:5000/", "https://example.org/kg/", "http://a b/"])


@given(KEY)
def test_quoted_is_quote(text: str) -> None:
    try:
        expected = quote(text, safe="-._~")
    except UnicodeEncodeError:  # a lone surrogate: both refuse it
        with pytest.raises(UnicodeEncodeError):
            _quoted(text)
        return
    assert _quoted(text) == expected


@given(BASE, st.sampled_from(sorted(ENTITY_TYPES)), KEY, KEY)
def test_entities_and_parts_are_the_iris_spelled_out(
    base: str, type_: str, key: str, fragment: str
) -> None:
    try:
        quote(key + fragment, safe="-._~")
    except UnicodeEncodeError:
        return  # no IRI for such a key, before or now (the quoting test covers the error)
    iris = Iris(base)
    entity = URIRef(f"{base}id/{type_}/{quote(key, safe='-._~')}")
    assert iris.entity(type_, key) == entity
    assert iris.entity(type_, key) is iris.entity(type_, key)  # remembered
    assert iris.part(entity, fragment) == URIRef(f"{entity}#{quote(fragment, safe='-._~')}")
    assert iris.document(type_, key, ".ttl") == f"{base}doc/{type_}/{quote(key, safe='-._~')}.ttl"


def test_an_unknown_type_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match="unknown entity type"):
            Iris("http://localhost:5000/").entity("nope", "k")
