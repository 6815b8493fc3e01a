"""Graph names on a remote store: a release's graphs are stored under names of their own, and
queries and results are translated so that readers only ever see the published names.

A release's graph `{base}graph/catalogue` is stored as `{base}graph/releases/{id}/catalogue`,
so several releases can sit side by side while one is live. Every IRI of a query that names a
published graph (written in full, relative to the base, or as a prefixed name) is replaced by
the stored name before the query is sent; stored names in the results are mapped back.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urljoin

import pyoxigraph as ox

from kg.sparql_tokens import tokens

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def control_graph(base: str) -> str:
    """The graph that holds the live pointer and the list of releases."""
    return f"{base}graph/releases"


def stored_graph(base: str, release_id: str, graph: str) -> str:
    """Where a release's published graph `graph` is stored."""
    prefix = f"{base}graph/"
    name = graph[len(prefix) :] if graph.startswith(prefix) else "other/" + quote(graph, safe="")
    return f"{base}graph/releases/{quote(release_id, safe='')}/{name}"


@dataclass(frozen=True, slots=True)
class Rewritten:
    """A query ready for the store, and what its answer needs."""

    text: str
    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE (None: left to the store's parser)
    binds_graphs: bool  # the query uses GRAPH: solutions may hold stored graph names
    own_dataset: bool  # the query has FROM / FROM NAMED: kg adds no dataset of its own


def rewrite(sparql: str, graphs: dict[str, str], base_iri: str | None = None) -> Rewritten:
    """Replace each IRI naming one of `graphs` (published name → stored name)."""
    out: list[str] = []
    prefixes: dict[str, str] = {}
    base = base_iri
    form: str | None = None
    binds = own = relative = False
    expect: str | None = None  # "prefix-name", "prefix-iri" or "base" inside a declaration
    pending_prefix = ""
    for match in tokens(sparql):
        kind, token = match.lastgroup, match.group()
        if kind in ("space", "comment"):
            out.append(token)
            continue
        if kind == "word":
            word = token.upper()
            if word == "PREFIX":
                expect = "prefix-name"
            elif word == "BASE":
                expect = "base"
            elif word == "GRAPH":
                binds = True
            elif word == "FROM":
                own = True
            elif form is None and word in _FORMS:
                form = word
            out.append(token)
            continue
        if expect == "prefix-name" and kind == "pname":
            pending_prefix, expect = token[:-1] if token.endswith(":") else token, "prefix-iri"
            out.append(token)
            continue
        iri = _expand(kind, token, prefixes, base)
        if expect == "prefix-iri" and iri is not None:
            prefixes[pending_prefix] = iri
            expect = None
            out.append(token)
            continue
        if expect == "base" and iri is not None:
            base, expect = iri, None
            out.append(token)
            continue
        expect = None
        relative = relative or (kind == "iri" and ":" not in token)
        out.append(f"<{graphs[iri]}>" if iri is not None and iri in graphs else token)
    text = "".join(out)
    if base_iri is not None and relative:  # the store would resolve them against its own URL
        text = f"BASE <{base_iri}> {text}"  # on the first line: the store's error positions hold
    return Rewritten(text, form, binds, own)


def names_own_dataset(sparql: str) -> bool:
    """True when the query has a FROM / FROM NAMED clause (then it defines its own dataset)."""
    return any(m.lastgroup == "word" and m.group().upper() == "FROM" for m in tokens(sparql))


def _expand(kind: str | None, token: str, prefixes: dict[str, str], base: str | None) -> str | None:
    if kind == "iri":
        iri = token[1:-1]
        return urljoin(base, iri) if base else iri
    if kind == "pname":
        prefix, _, local = token.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local.replace("\\", "")
    return None


def published(term: ox.NamedNode, back: dict[str, str]) -> ox.NamedNode:
    """A stored graph name mapped back to its published one (other IRIs unchanged)."""
    name = back.get(term.value)
    return term if name is None else ox.NamedNode(name)
