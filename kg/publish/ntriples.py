"""Canonical N-Triples lines for rdflib terms, and the way back to (subject, predicate, object).

Written by hand because rdflib's `n3()` may use long-string quotes that N-Triples forbids, and
because the build turns millions of triples into lines: this is the fast path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.mapping.forms import Form
from kg.namespaces import XSD

_NEEDS_LITERAL_ESCAPE = re.compile(r'[\\"\n\r]')
# Characters an IRIREF may not hold raw (N-Triples grammar): written as \\uXXXX escapes.
_IRI_ESCAPES = str.maketrans({c: f"\\u{ord(c):04X}" for c in '<>"{}|^`\\ \t\n\r'})
_NEEDS_IRI_ESCAPE = re.compile('[<>"{}|^`\\\\ \t\n\r]')


_MEMO = 1 << 18  # IRIs remembered: predicates, classes, agents, topics come back all the time
_iris: dict[str, str] = {}


def _iri(node: URIRef) -> str:
    # Looked up by an exact str: an equal URIRef (a new one for the same entity in every record)
    # would be compared by rdflib's __eq__, in Python, three times slower.
    key = str(node)
    found = _iris.get(key)
    if found is None:
        if len(_iris) >= _MEMO:
            _iris.clear()
        found = _iris[key] = f"<{_escaped(key)}>"
    return found


def _escaped(iri: str) -> str:
    # Searching first: translate with a table costs microseconds even when nothing changes.
    return iri.translate(_IRI_ESCAPES) if _NEEDS_IRI_ESCAPE.search(iri) else iri


def term(node: Node) -> str:
    """The N-Triples form of one term."""
    if type(node) is URIRef:  # most terms: exact type first, a dict lookup for the form
        return _iri(node)
    if type(node) is Form:  # a literal the build's mapping wrote in N-Triples already (a str)
        return node
    if isinstance(node, URIRef):
        return f"<{_escaped(node)}>"
    if isinstance(node, Literal):
        value = str(node)
        if _NEEDS_LITERAL_ESCAPE.search(value):
            # A chain of replaces, not str.translate: 15 times faster on an abstract.
            value = (
                value.replace("\\", "\\\\")
                .replace('"', '\\"')
                .replace("\n", "\\n")
                .replace("\r", "\\r")
            )
        text = f'"{value}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{text}^^<{node.datatype}>"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


_HELD = 1 << 14  # nodes remembered by identity: the namespaces' terms, a few records' nodes
_by_id: dict[int, str] = {}
_held: list[Node] = []
# The forms `held_term` remembers, by id: a caller's loop may look there first (one dict lookup,
# no call) and call `held_term` on a miss. Cleared, never replaced.
held_forms: Mapping[int, str] = _by_id


def held_term(node: Node) -> str:
    """`term(node)`, remembered by the node's identity: the mapping hands out the same objects
    for predicates and classes in every record, and a dict lookup by id is the cheapest there
    is. The node is kept alive while remembered, so its id cannot name another node."""
    found = _by_id.get(id(node))
    if found is None:
        if len(_held) >= _HELD:
            _by_id.clear()
            _held.clear()
        found = _by_id[id(node)] = term(node)
        _held.append(node)
    return found


def line(triple: tuple[Node, Node, Node]) -> str:
    """One N-Triples statement, without the newline."""
    s, p, o = triple
    return f"{term(s)} {term(p)} {term(o)} ."


def split(statement: str) -> tuple[str, str, str]:
    """Subject, predicate and object of one line written by `line` (their N-Triples forms)."""
    subject, predicate, rest = statement.split(" ", 2)
    return subject, predicate, rest[:-2]
