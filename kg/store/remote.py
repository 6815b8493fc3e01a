"""Reading one release on a remote SPARQL 1.1 store (Oxigraph server, Virtuoso, any other).

Every query names its dataset: the protocol's `default-graph-uri` and `named-graph-uri` list the
release's stored graphs (stores disagree on what the default graph is: Virtuoso's is the union
of every graph it holds), unless the query has a FROM of its own. Published graph names are
rewritten to stored ones on the way in and back on the way out (kg/store/rewrite.py), so
readers see the same dataset as on the embedded store. Answers are parsed into pyoxigraph terms.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyoxigraph as ox
import requests

from kg.errors import BadQuery, QueryTimeout
from kg.store.base import Store
from kg.store.capabilities import Capabilities, remote_capabilities
from kg.store.describe import ContextCache, describe
from kg.store.model import UNION, Dataset, Description, Outcome, Solutions, Term, Triples
from kg.store.remote_http import StoreClient, read_within
from kg.store.remote_patterns import RemotePatterns
from kg.store.rewrite import published, rewrite, stored_graph

_RESULTS = "application/sparql-results+json"
_GRAPH = "application/n-triples"
_TRUE = '{"head":{},"boolean":true}'
_FALSE = '{"head":{},"boolean":false}'


@dataclass(frozen=True, slots=True)
class RemoteTarget:
    """One release on a remote store, for a SPARQL worker process to open."""

    endpoint: str
    kind: str
    base: str
    release_id: str
    graphs: tuple[str, ...]
    timeout_s: float

    def open(self) -> Store:
        client = StoreClient(self.endpoint, remote_capabilities(self.kind), self.timeout_s)
        return RemoteStore(client, self.base, self.release_id, self.graphs)


class RemoteStore(Store):
    """One release's graphs on a remote store."""

    def __init__(
        self, client: StoreClient, base: str, release_id: str, graphs: tuple[str, ...]
    ) -> None:
        self.capabilities: Capabilities = client.capabilities
        self.release_id = release_id
        self._client = client
        self._graphs = {g: stored_graph(base, release_id, g) for g in graphs}
        self._back = {stored: g for g, stored in self._graphs.items()}
        self._absent = stored_graph(base, release_id, base + "graph/absent")
        self._context_cache: ContextCache = {}

    def run(
        self,
        sparql: str,
        dataset: Dataset = UNION,
        base_iri: str | None = None,
        time_limit_s: float | None = None,
    ) -> Outcome:
        query = rewrite(sparql, self._graphs, base_iri)
        params = self._dataset(dataset, query.own_dataset)
        caps = self.capabilities
        if caps.timeout_param and time_limit_s:
            params.append((caps.timeout_param, str(int(time_limit_s * 1000))))
        accept = _GRAPH if query.form in ("CONSTRUCT", "DESCRIBE") else _RESULTS
        limit = time_limit_s if time_limit_s is not None else self._client.timeout_s
        deadline = time.monotonic() + limit
        response = self._client.query(query.text, accept, params, limit)
        partial = caps.partial_result_header
        if partial and response.headers.get(partial[0]) == partial[1]:
            response.close()  # an "anytime" answer: a part of the result, never passed on
            raise QueryTimeout(
                f"the query ran past the store's time limit of {limit:g} s",
                fix="add a LIMIT, narrow the patterns, or download a dump for bulk work",
            )
        return self._parse(response, deadline, query.form, query.binds_graphs)

    def _dataset(self, dataset: Dataset, own: bool) -> list[tuple[str, str]]:
        if dataset.explicit:  # the protocol's dataset replaces the query's (SPARQL 1.1 §2.1.4)
            default = [self._graphs.get(g, self._absent) for g in dataset.default_graphs or ()]
            named = [self._graphs.get(g, self._absent) for g in dataset.named_graphs or ()]
        elif not dataset.union_default:
            raise BadQuery(
                "a remote store has no default graph of kg's own",
                fix="name the graphs with FROM, or leave the dataset to kg",
            )
        elif own:
            return []
        else:
            default = named = list(self._graphs.values())
        # An empty list would mean "the store's own dataset": name a graph that is empty.
        return [("default-graph-uri", g) for g in default or [self._absent]] + [
            ("named-graph-uri", g) for g in named or [self._absent]
        ]

    def _parse(
        self, response: requests.Response, deadline: float, form: str | None, binds: bool
    ) -> Outcome:
        body = read_within(response, deadline)
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if media_type in ("application/n-triples", "text/plain", "text/turtle"):
            rdf = ox.RdfFormat.TURTLE if media_type == "text/turtle" else ox.RdfFormat.N_TRIPLES
            triples = (q.triple for q in ox.parse(body, format=rdf))
            if binds:
                triples = (self._published_triple(t) for t in triples)
            return Triples(triples)
        fmt = ox.QueryResultsFormat.from_media_type(media_type) or ox.QueryResultsFormat.JSON
        result = ox.parse_query_results(body, format=fmt)
        if isinstance(result, ox.QuerySolutions):
            if form == "ASK" and self.capabilities.ask_variable:
                return _boolean(result, self.capabilities.ask_variable)
            if binds:
                return Solutions(result, lambda t: published(t, self._back))
        return result

    def _published_triple(self, triple: ox.Triple) -> ox.Triple:
        s, p, o = triple.subject, triple.predicate, triple.object
        if isinstance(s, ox.NamedNode):
            s = published(s, self._back)
        if isinstance(o, ox.NamedNode):
            o = published(o, self._back)
        return ox.Triple(s, p, o)

    def objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        rows = self.select(f"SELECT ?o WHERE {{ {subject} {predicate} ?o }}")
        return [row["o"] for row in rows if "o" in row]

    def describe(self, iri: ox.NamedNode, page: int = 1, page_size: int = 50) -> Description:
        patterns = RemotePatterns(self)
        return describe(patterns, iri, max(1, page), max(1, page_size), self._context_cache)

    def close(self) -> None:
        self._context_cache.clear()


def _boolean(result: ox.QuerySolutions, variable: str) -> ox.QueryBoolean:
    """An ASK answered as a one-row SELECT (`1`/`0` in `variable`), as a boolean."""
    rows = list(result)
    value = rows[0][variable] if rows else None
    truth = value is not None and value.value not in ("0", "false")
    parsed = ox.parse_query_results(_TRUE if truth else _FALSE, format=ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QueryBoolean)
    return parsed
